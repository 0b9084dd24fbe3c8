from django.urls import path

from stories import views

app_name = "stories"

urlpatterns = [
    path("", views.story_list, name="story_list"),
    path("stories/<slug:slug>/", views.story_detail, name="story_detail"),
    path("articles/<slug:slug>/", views.article_detail, name="article_detail"),
    path("sources/<slug:slug>/", views.source_detail, name="source_detail"),
    path("entities/<slug:slug>/", views.entity_detail, name="entity_detail"),
]
