"""Who says and publishes things (Source), and what articles are tagged with (Entity)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from taggit.models import TagBase, TaggedItemBase

from stories.models.base import NamedQuerySet, clean_aliases, unique_slug
from stories.models.choices import (
    EntityKind,
    SourceKind,
    SuggestionStatus,
)


class SourceQuerySet(NamedQuerySet):
    def shared(self):
        """Sources that may be matched across articles: every one but the anonymous."""
        return self.exclude(kind=SourceKind.ANONYMOUS)

    def outlets(self):
        return self.filter(kind=SourceKind.OUTLET)

    def for_list(self):
        return self.select_related("affiliation").order_by("name")

    def visible_to(self, user):
        """Sources a reader may look up: those that said, relayed or published something
        the user may see, and the organisations those speak for. A source known only
        from drafts stays hidden, and so does an article's anonymous source."""
        from stories.models import Article, Statement

        articles = Article.objects.visible_to(user)
        statements = Statement.objects.filter(article__in=articles)
        seen = (
            Q(pk__in=statements.values("source"))
            | Q(pk__in=statements.values("via"))
            | Q(pk__in=articles.values("outlet"))
        )
        return self.filter(seen | Q(pk__in=Source.objects.filter(seen).values("affiliation")))

    def for_source_list(self, user):
        """Sources with statement_count and checked_count over the statements `user` may
        see, the most quoted first."""
        from stories.models import Article, Verdict

        said = Q(statements__article__in=Article.objects.visible_to(user))
        return (
            self.select_related("affiliation")
            .annotate(
                statement_count=models.Count("statements", filter=said, distinct=True),
                checked_count=models.Count(
                    "statements",
                    filter=said & ~Q(statements__verdict=Verdict.UNCHECKED),
                    distinct=True,
                ),
            )
            .order_by("-statement_count", "name")
        )


class Source(models.Model):
    """Whoever a statement is attributed to, or who publishes an article."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)
    kind = models.CharField(max_length=20, choices=SourceKind, default=SourceKind.PERSON)
    role = models.CharField(max_length=200, blank=True, help_text='e.g. "Kremlin spokesman"')
    affiliation = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        help_text="The organisation this source speaks for: Peskov → Kremlin.",
    )
    aliases = models.JSONField(
        default=list, blank=True, help_text='Other spellings and names: "Yury Ushakov".'
    )
    description = models.TextField(blank=True)
    url = models.URLField(max_length=1000, blank=True)
    ownership = models.TextField(
        blank=True, help_text='For outlets: who owns it ("owned by the Russian government").'
    )
    reliability = models.TextField(
        blank=True, help_text="For outlets: a note on reliability, with who rated it."
    )
    entity = models.ForeignKey(
        "Entity",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="sources",
        help_text="The tagged entity this source is, if any.",
    )
    scope_article = models.ForeignKey(
        "Article",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="anonymous_sources",
        help_text="Anonymous sources belong to one article and are never merged across articles.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="source_unique_slug"),
            models.CheckConstraint(
                condition=Q(kind__in=SourceKind.values), name="source_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(kind=SourceKind.ANONYMOUS) | Q(scope_article__isnull=True),
                name="source_only_anonymous_scoped",
            ),
            models.CheckConstraint(
                condition=~Q(affiliation=F("pk")), name="source_not_own_affiliation"
            ),
        ]
        indexes = [models.Index(fields=["kind", "name"], name="source_kind_name")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.aliases = clean_aliases(self.aliases, self.name)
        if not self.slug:
            self.slug = unique_slug(Source, self.name, exclude_pk=self.pk, fallback="source")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("stories:source_detail", args=[self.slug])

    def clean(self):
        if self.affiliation_id and self.affiliation_id == self.pk:
            raise ValidationError({"affiliation": "A source cannot be its own affiliation."})
        if self.scope_article_id and self.kind != SourceKind.ANONYMOUS:
            raise ValidationError(
                {"scope_article": "Only anonymous sources belong to one article."}
            )

    @property
    def names(self):
        return [self.name, *self.aliases]


class EntityQuerySet(NamedQuerySet):
    def visible_to(self, user):
        """Entities that tag at least one article the user may see."""
        from stories.models import Article

        articles = Article.objects.visible_to(user)
        return self.filter(
            pk__in=TaggedArticle.objects.filter(content_object__in=articles).values("tag")
        )


class Entity(TagBase):
    """A tagged person, organisation, place, event or topic (a taggit tag)."""

    kind = models.CharField(max_length=20, choices=EntityKind, default=EntityKind.TOPIC)
    aliases = models.JSONField(default=list, blank=True)
    wikidata_id = models.CharField(
        "Wikidata id",
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^Q[1-9][0-9]*$", "A Wikidata id looks like Q7747.")],
        help_text="e.g. Q7747 for Vladimir Putin.",
    )
    description = models.TextField(blank=True)

    objects = EntityQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "entities"
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=EntityKind.values), name="entity_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(wikidata_id="") | Q(wikidata_id__startswith="Q"),
                name="entity_wikidata_id_format",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.aliases = clean_aliases(self.aliases, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("stories:entity_detail", args=[self.slug])

    def slugify(self, tag, i=None):
        max_length = Entity._meta.get_field("slug").max_length
        return unique_slug(
            Entity, tag, max_length=max_length, exclude_pk=self.pk, fallback="entity"
        )


class TaggedArticle(TaggedItemBase):
    content_object = models.ForeignKey("Article", models.CASCADE, related_name="tagged_items")
    tag = models.ForeignKey(Entity, models.CASCADE, related_name="tagged_articles")

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="taggedarticle_unique_tag"
            )
        ]

    def __str__(self):
        return f"{self.content_object_id} → {self.tag}"


class MergeSuggestionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=SuggestionStatus.OPEN)


class MergeSuggestion(models.Model):
    """Two sources that may be one: suggested when loading was unsure, decided by an editor."""

    source = models.ForeignKey(
        Source, models.CASCADE, related_name="+", help_text="The source already known."
    )
    candidate = models.ForeignKey(
        Source,
        models.CASCADE,
        related_name="merge_suggestions",
        help_text="The source that may be the same one under another name.",
    )
    score = models.FloatField(validators=[MinValueValidator(0.0), MaxValueValidator(1.0)])
    reason = models.CharField(max_length=300, blank=True)
    status = models.CharField(
        max_length=10, choices=SuggestionStatus, default=SuggestionStatus.OPEN
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MergeSuggestionQuerySet.as_manager()

    class Meta:
        ordering = ["status", "-score", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "candidate"], name="mergesuggestion_unique_pair"
            ),
            models.CheckConstraint(
                condition=~Q(source=F("candidate")), name="mergesuggestion_two_sources"
            ),
            models.CheckConstraint(
                condition=Q(status__in=SuggestionStatus.values), name="mergesuggestion_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0, score__lte=1), name="mergesuggestion_score_range"
            ),
        ]

    def __str__(self):
        return f"{self.candidate} → {self.source}?"
