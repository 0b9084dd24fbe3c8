from django.contrib import admin
from django.urls import include, path

from stories import review

admin.site.site_header = "Newsroom editors"
admin.site.site_title = "Newsroom"
admin.site.index_title = "Articles, statements and verdicts"

# The review desk lives under the admin, in its look and behind its login: before the
# admin's own URLs, which would otherwise take /admin/review/ for an app.
desk = admin.site.admin_view
review_urls = [
    path("", desk(review.review_queue), name="review_queue"),
    path("articles/<int:pk>/", desk(review.article_review), name="review_article"),
    path("articles/<int:pk>/statements/", desk(review.add_statement), name="review_add_statement"),
    path(
        "articles/<int:pk>/corrections/", desk(review.add_correction), name="review_add_correction"
    ),
    path("statements/<int:pk>/verdict/", desk(review.set_verdict), name="review_set_verdict"),
    path("statements/<int:pk>/span/", desk(review.set_span), name="review_set_span"),
    path("statements/<int:pk>/evidence/", desk(review.add_evidence), name="review_add_evidence"),
    path("evidence/<int:pk>/remove/", desk(review.remove_evidence), name="review_remove_evidence"),
]

urlpatterns = [
    path("admin/review/", include(review_urls)),
    path("admin/", admin.site.urls),
    path("", include("stories.urls")),
]
