"""sitemap.xml: the pages an anonymous reader may see, with when each last changed."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from stories.models import Article, Claim, Entity, Source, Story


class StorySitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return Story.objects.visible_to(None).order_by("pk")

    def lastmod(self, story):
        return max(filter(None, [story.latest, story.updated_at]))


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return Article.objects.visible_to(None).order_by("pk")

    def lastmod(self, article):
        return article.updated_at


class ClaimSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Claim.objects.visible_to(None).order_by("pk")

    def lastmod(self, claim):
        return claim.updated_at


class SourceSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Source.objects.visible_to(None).shared().order_by("pk")

    def lastmod(self, source):
        return source.updated_at


class EntitySitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        return Entity.objects.visible_to(None).order_by("pk")


class PageSitemap(Sitemap):
    """The home page, the lists and "How we check"."""

    changefreq = "daily"
    priority = 0.5

    def items(self):
        return [
            "stories:story_list",
            "stories:claim_list",
            "stories:statement_list",
            "stories:source_list",
            "stories:how_we_check",
        ]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "stories": StorySitemap,
    "articles": ArticleSitemap,
    "claims": ClaimSitemap,
    "sources": SourceSitemap,
    "entities": EntitySitemap,
}
