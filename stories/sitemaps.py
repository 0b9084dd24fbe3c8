"""sitemap.xml: the pages an anonymous reader may see, with when each last changed."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, QuerySet
from django.urls import reverse

from stories.models import Article, Claim, Entity, Source, Story


class Section(Sitemap):
    limit = 10000  # URLs a page; the index lists every page of every section

    def get_latest_lastmod(self):
        """For the index: one aggregate query, not every row of the section."""
        items = self.items()
        if not hasattr(self, "lastmod") or not isinstance(items, QuerySet):
            return None
        if not any(f.name == "updated_at" for f in items.model._meta.fields):
            return None
        return items.aggregate(latest=Max("updated_at"))["latest"]


class StorySitemap(Section):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return Story.objects.visible_to(None).order_by("pk")

    def lastmod(self, story):
        return max(filter(None, [story.latest, story.updated_at]))


class ArticleSitemap(Section):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return Article.objects.visible_to(None).only("slug", "updated_at").order_by("pk")

    def lastmod(self, article):
        return article.updated_at


class ClaimSitemap(Section):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Claim.objects.visible_to(None).order_by("pk")

    def lastmod(self, claim):
        return claim.updated_at


class SourceSitemap(Section):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Source.objects.visible_to(None).shared().only("slug", "updated_at").order_by("pk")

    def lastmod(self, source):
        return source.updated_at


class EntitySitemap(Section):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        return Entity.objects.visible_to(None).order_by("pk")


class PageSitemap(Section):
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
