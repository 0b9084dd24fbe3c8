"""Stories and the articles of several outlets that report them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Prefetch, Q
from django.urls import reverse
from taggit.managers import TaggableManager

from stories.models.base import unique_slug
from stories.models.choices import (
    ArticleStatus,
    Verdict,
)
from stories.models.sources import Source, TaggedArticle
from stories.models.tracking import Audited


class StoryQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Stories with at least one article the user may see."""
        articles = Article.objects.visible_to(user)
        return self.filter(pk__in=articles.values("story")).annotate(
            latest=models.Max("articles__published_at", filter=Q(articles__in=articles))
        )

    def for_list(self):
        return self.order_by(F("latest").desc(nulls_last=True), "-created_at")

    def for_home_page(self, user):
        """for_list(), with counts over the articles `user` may see, and those articles.

        Annotates article_count, statement_count and <verdict>_count; each story's
        visible_articles (outlets selected) are ordered by outlet, for listing its outlets.
        """
        articles = Article.objects.visible_to(user)
        visible = Q(articles__in=articles)
        counts = {
            "article_count": Count("articles", filter=visible, distinct=True),
            "statement_count": Count("articles__statements", filter=visible, distinct=True),
        }
        for verdict in Verdict:
            counts[f"{verdict.value}_count"] = Count(
                "articles__statements",
                filter=visible & Q(articles__statements__verdict=verdict),
                distinct=True,
            )
        by_outlet = articles.select_related("outlet").order_by("outlet__name", "outlet", "pk")
        return (
            self.for_list()
            .annotate(**counts)
            .prefetch_related(Prefetch("articles", queryset=by_outlet, to_attr="visible_articles"))
        )


class Story(models.Model):
    """A developing story: the articles of several outlets on one subject."""

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200)
    summary = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = StoryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "stories"
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["slug"], name="story_unique_slug")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Story, self.title, exclude_pk=self.pk, fallback="story")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("stories:story_detail", args=[self.slug])


def verdict_counts(prefix="statements"):
    """Annotations {<verdict>_count: Count(...)} for every verdict, plus statement_count."""
    counts = {"statement_count": Count(prefix, distinct=True)}
    for verdict in Verdict:
        counts[f"{verdict.value}_count"] = Count(
            prefix, filter=Q(**{f"{prefix}__verdict": verdict}), distinct=True
        )
    return counts


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ArticleStatus.PUBLISHED)

    def visible_to(self, user):
        """The one gate for readers: drafts only for staff who may change articles."""
        if user is not None and user.is_active and user.is_staff:
            if user.has_perm("stories.change_article"):
                return self
        return self.published()

    def with_verdict_counts(self):
        return self.annotate(**verdict_counts("statements"))

    def for_list(self):
        return (
            self.select_related("outlet", "story")
            .prefetch_related("tags")
            .order_by(F("published_at").desc(nulls_last=True), "-created_at")
        )

    def for_article_page(self):
        return self.select_related("outlet", "story").prefetch_related("tags")

    def for_story_page(self):
        """Oldest first, as a timeline, with outlets and verdict counts."""
        return (
            self.select_related("outlet")
            .with_verdict_counts()
            .order_by(F("published_at").asc(nulls_last=True), "created_at", "pk")
        )


class Article(Audited):
    """One outlet's article, as loaded; its body is plain text, paragraphs split by blank lines."""

    story = models.ForeignKey(
        Story, models.SET_NULL, null=True, blank=True, related_name="articles"
    )
    outlet = models.ForeignKey(
        Source,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        help_text="The news outlet that published the article.",
    )
    headline = models.CharField(max_length=500)
    slug = models.SlugField(max_length=200)
    dek = models.TextField("standfirst", blank=True)
    byline = models.CharField(max_length=300, blank=True)
    url = models.URLField("URL", max_length=1000, blank=True)
    published_at = models.DateTimeField("published", null=True, blank=True)
    caption = models.TextField("photo caption", blank=True)
    caption_credit = models.CharField("photo credit", max_length=300, blank=True)
    body = models.TextField(help_text="Plain text; paragraphs separated by blank lines.")
    status = models.CharField(max_length=10, choices=ArticleStatus, default=ArticleStatus.PUBLISHED)
    fingerprint = models.CharField(
        max_length=64,
        editable=False,
        help_text="Hash of the loaded text: loading it again is a no-op.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    tags = TaggableManager(through=TaggedArticle, blank=True, verbose_name="entities")

    objects = ArticleQuerySet.as_manager()

    history_repr, history_article = "headline", "pk"
    tracked = (
        "story",
        "outlet",
        "headline",
        "slug",
        "dek",
        "byline",
        "url",
        "published_at",
        "caption",
        "caption_credit",
        "body",
        "status",
    )

    class Meta:
        ordering = [F("published_at").desc(nulls_last=True), "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="article_unique_slug"),
            models.UniqueConstraint(fields=["fingerprint"], name="article_unique_fingerprint"),
            models.CheckConstraint(
                condition=Q(status__in=ArticleStatus.values), name="article_status_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_status_published"),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Article, self.headline, exclude_pk=self.pk, fallback="article")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("stories:article_detail", args=[self.slug])

    def before_save(self, stored, update_fields):
        """An article whose statements or corrections lost their place cannot be published."""
        publishing = self.status == ArticleStatus.PUBLISHED and (
            stored is None or stored["status"] != ArticleStatus.PUBLISHED
        )
        if publishing and self.pk is not None and self.orphan_count():
            raise ValidationError(
                {
                    "status": f"{self.orphan_count()} statements or corrections lost their "
                    "place in the text: place them again before publishing."
                }
            )

    def after_save(self, stored, changes):
        if "body" in changes:
            from stories.anchoring import reanchor_article

            reanchor_article(self, changes["body"][0])

    def history_article_id(self):
        return self.pk

    def orphan_count(self):
        return (
            self.statements.filter(orphaned=True).count()
            + self.corrections.filter(orphaned=True).count()
        )

    @property
    def paragraphs(self):
        return [p for p in self.body.split("\n\n") if p.strip()]
