from django.contrib.sitemaps import views as sitemaps
from django.urls import path
from django.views.decorators.cache import cache_control

from stories import feeds, views
from stories.sitemaps import SITEMAPS

app_name = "stories"

# Feeds and the sitemap show only what anonymous readers see, so shared caches may keep them.
public = cache_control(public=True, max_age=300)

urlpatterns = [
    path("", views.story_list, name="story_list"),
    path("stories/<slug:slug>/", views.story_detail, name="story_detail"),
    path(
        "stories/<slug:slug>/checked.atom",
        public(feeds.StoryCheckedAtomFeed()),
        name="story_feed_atom",
    ),
    path(
        "stories/<slug:slug>/checked.rss", public(feeds.StoryCheckedFeed()), name="story_feed_rss"
    ),
    path("articles/<slug:slug>/", views.article_detail, name="article_detail"),
    path("claims/", views.claim_list, name="claim_list"),
    path("claims/<slug:slug>/", views.claim_detail, name="claim_detail"),
    path("statements/", views.statement_list, name="statement_list"),
    path("statements/<int:pk>/", views.statement_detail, name="statement_detail"),
    path(
        "statements/<int:pk>/annotation.jsonld",
        views.statement_annotation,
        name="statement_annotation",
    ),
    path("sources/", views.source_list, name="source_list"),
    path("sources/<slug:slug>/", views.source_detail, name="source_detail"),
    path("entities/<slug:slug>/", views.entity_detail, name="entity_detail"),
    path("search/", views.search, name="search"),
    path("how-we-check/", views.how_we_check, name="how_we_check"),
    path("checked.atom", public(feeds.CheckedAtomFeed()), name="feed_atom"),
    path("checked.rss", public(feeds.CheckedFeed()), name="feed_rss"),
    # An index of sections, each paged, so the archive never outgrows one document.
    path(
        "sitemap.xml",
        public(sitemaps.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "stories:sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        public(sitemaps.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
]
