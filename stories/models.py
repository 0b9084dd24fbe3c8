"""Newsroom's data: sources, entities, stories, articles, statements, verdicts.

A Statement is a span of one article's body (start/end offsets plus the exact
quote and 32 characters either side, so it can be re-anchored later). Every
change of a statement's verdict, however it is made, is written to
VerdictChange: see Statement.save() and StatementQuerySet.update().
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models, router, transaction
from django.db.models import Count, F, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from stories.names import normalize_name

CONTEXT_CHARS = 32  # characters of prefix and suffix kept with each statement


class SourceKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANISATION = "organisation", "Organisation"
    OUTLET = "outlet", "News outlet or agency"
    GOVERNMENT = "government", "Government body"
    DOCUMENT = "document", "Document"
    ANONYMOUS = "anonymous", "Anonymous"


class EntityKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANISATION = "organisation", "Organisation"
    PLACE = "place", "Place"
    EVENT = "event", "Event"
    TOPIC = "topic", "Topic"


class SuggestionStatus(models.TextChoices):
    OPEN = "open", "Waiting for an editor"
    MERGED = "merged", "Merged"
    REJECTED = "rejected", "Rejected: different"


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class StatementKind(models.TextChoices):
    DIRECT = "direct", "Direct quote"
    PARTIAL = "partial", "Partial quote"
    INDIRECT = "indirect", "Indirect (reported) speech"
    NO_COMMENT = "no_comment", "Declined to comment"
    ASSERTION = "assertion", "The outlet's own claim"


class Verdict(models.TextChoices):
    UNCHECKED = "unchecked", "Not yet checked"
    VERIFIED = "verified", "Verified"
    MISLEADING = "misleading", "Misleading"
    DISPUTED = "disputed", "Disputed"
    FALSE = "false", "False"
    UNVERIFIABLE = "unverifiable", "Unverifiable"

    @property
    def icon(self):
        return VERDICT_INFO[self]["icon"]

    @property
    def definition(self):
        return VERDICT_INFO[self]["definition"]

    @property
    def rating(self):
        """ClaimReview ratingValue on a 1 (worst) to 5 (best) scale, or None."""
        return VERDICT_INFO[self]["rating"]


# Each verdict has words, an icon (a text symbol, so it survives print and
# high-contrast modes) and a definition; colour is only ever a third signal.
VERDICT_INFO = {
    Verdict.UNCHECKED: {
        "icon": "○",
        "rating": None,
        "definition": "Our editors have not checked this statement yet.",
    },
    Verdict.VERIFIED: {
        "icon": "✓",
        "rating": 5,
        "definition": "The statement is accurate: independent evidence confirms it.",
    },
    Verdict.MISLEADING: {
        "icon": "◐",
        "rating": 2,
        "definition": "Partly accurate, but it leaves out or distorts context that "
        "changes its meaning.",
    },
    Verdict.DISPUTED: {
        "icon": "⇄",
        "rating": 3,
        "definition": "Credible sources contradict each other and the evidence does not "
        "settle it yet.",
    },
    Verdict.FALSE: {
        "icon": "✗",
        "rating": 1,
        "definition": "The statement is inaccurate: the evidence shows otherwise.",
    },
    Verdict.UNVERIFIABLE: {
        "icon": "?",
        "rating": None,
        "definition": "The statement cannot be confirmed or refuted with the evidence available.",
    },
}


def unique_slug(model, text, *, max_length=200, exclude_pk=None, fallback="item"):
    """A slug for `text` that no other row of `model` has: "name", "name-2", …"""
    base = slugify(text)[: max_length - 8].strip("-") or fallback
    taken = model._default_manager.filter(slug__startswith=base)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    taken = set(taken.values_list("slug", flat=True))
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def clean_aliases(aliases, name):
    """Distinct alias strings, in order, without the canonical name itself."""
    seen = {normalize_name(name)}
    result = []
    for alias in aliases or []:
        alias = " ".join(str(alias).split())
        key = normalize_name(alias)
        if alias and key not in seen:
            seen.add(key)
            result.append(alias)
    return result


class NamedQuerySet(models.QuerySet):
    """Lookups by canonical name or alias, shared by Source and Entity."""

    def name_index(self):
        """{normalized name or alias: pk}, for resolving many names in one query."""
        index = {}
        for pk, name, aliases in self.order_by("pk").values_list("pk", "name", "aliases"):
            for each in [name, *(aliases or [])]:
                index.setdefault(normalize_name(each), pk)
        return index

    def named(self, name):
        """The row whose name or one of whose aliases is `name`, or None."""
        pk = self.name_index().get(normalize_name(name))
        return self.get(pk=pk) if pk else None


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
        articles = Article.objects.visible_to(user)
        statements = Statement.objects.filter(article__in=articles)
        seen = (
            Q(pk__in=statements.values("source"))
            | Q(pk__in=statements.values("via"))
            | Q(pk__in=articles.values("outlet"))
        )
        return self.filter(seen | Q(pk__in=Source.objects.filter(seen).values("affiliation")))


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


class Article(models.Model):
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

    @property
    def paragraphs(self):
        return [p for p in self.body.split("\n\n") if p.strip()]


class StatementQuerySet(models.QuerySet):
    def checked(self):
        return self.exclude(verdict=Verdict.UNCHECKED)

    def visible_to(self, user):
        return self.filter(article__in=Article.objects.visible_to(user))

    def for_article_page(self):
        return (
            self.select_related("source__affiliation", "via")
            .prefetch_related("evidence")
            .order_by("start")
        )

    def for_list(self):
        return self.select_related("source", "via", "article__outlet", "article__story").order_by(
            F("article__published_at").desc(nulls_last=True), "article", "start"
        )

    def count_by_verdict(self):
        """[(Verdict, count), …] in Verdict order, for the verdicts that occur (one query)."""
        rows = self.order_by().values("verdict").annotate(n=Count("pk"))
        counts = {row["verdict"]: row["n"] for row in rows}
        return [(verdict, counts[verdict]) for verdict in Verdict if counts.get(verdict)]

    def update(self, **kwargs):
        """An update that still writes the verdict history.

        With `verdict=`, only the rows whose verdict really changes are stamped with
        `reviewed_by` (default: nobody) and the time, and get a VerdictChange each;
        the other fields given are set on every row. Rows are locked first.
        """
        if "verdict" not in kwargs:
            return super().update(**kwargs)
        new = kwargs.pop("verdict")
        user = kwargs.pop("reviewed_by", None)
        at = kwargs.pop("reviewed_at", None) or timezone.now()
        plain = models.QuerySet.update
        with transaction.atomic(using=self.db):
            # Lock through a plain primary-key query: PostgreSQL refuses FOR UPDATE on
            # the outer joins that admin searches and orderings add.
            rows = Statement.objects.using(self.db).filter(pk__in=self.values("pk")).order_by()
            current = list(rows.select_for_update().values_list("pk", "verdict", "note"))
            changing = [(pk, old, note) for pk, old, note in current if old != new]
            if kwargs:
                plain(rows, **kwargs)
            plain(
                rows.filter(pk__in=[pk for pk, _, _ in changing]),
                verdict=new,
                reviewed_by=user,
                reviewed_at=at,
            )
            VerdictChange.objects.using(self.db).bulk_create(
                VerdictChange(
                    statement_id=pk,
                    user=user,
                    at=at,
                    from_verdict=old,
                    to_verdict=new,
                    note=kwargs.get("note", note),
                )
                for pk, old, note in changing
            )
        return len(current)

    def bulk_create(self, objs, *args, **kwargs):
        """Creates rows; those created with a verdict get their VerdictChange too."""
        with transaction.atomic(using=self.db):
            created = super().bulk_create(objs, *args, **kwargs)
            checked = [s for s in created if s.verdict != Verdict.UNCHECKED]
            if any(s.pk is None for s in checked):
                raise ValueError("Statements created with a verdict need their primary keys.")
            VerdictChange.objects.using(self.db).bulk_create(
                VerdictChange(
                    statement=s,
                    user=s.reviewed_by,
                    at=s.reviewed_at or timezone.now(),
                    from_verdict=Verdict.UNCHECKED,
                    to_verdict=s.verdict,
                    note=s.note,
                )
                for s in checked
            )
        return created

    def bulk_update(self, objs, fields, *args, **kwargs):
        if "verdict" in fields:
            raise NotImplementedError("Use Statement.set_verdict() or update(verdict=…).")
        return super().bulk_update(objs, fields, *args, **kwargs)


class Statement(models.Model):
    """A span of one article's body that states a claim, and what we found of it."""

    article = models.ForeignKey(Article, models.CASCADE, related_name="statements")
    start = models.PositiveIntegerField(help_text="Offset of the first character in the body.")
    end = models.PositiveIntegerField(help_text="Offset just past the last character.")
    quote = models.TextField(help_text="Exactly body[start:end].")
    prefix = models.CharField(max_length=CONTEXT_CHARS, blank=True)
    suffix = models.CharField(max_length=CONTEXT_CHARS, blank=True)
    source = models.ForeignKey(
        Source,
        models.RESTRICT,
        null=True,
        blank=True,
        related_name="statements",
        help_text="Who said it. Empty for the outlet's own assertion.",
    )
    via = models.ForeignKey(
        Source,
        models.RESTRICT,
        null=True,
        blank=True,
        related_name="relayed_statements",
        help_text='Who relayed it: "according to the AP".',
    )
    attribution = models.CharField(
        max_length=300, blank=True, help_text='The attribution words: "told Russian news agencies".'
    )
    kind = models.CharField(max_length=12, choices=StatementKind, default=StatementKind.INDIRECT)
    confidence = models.FloatField(
        default=1.0,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text="How sure the extraction is that this is an attributed statement (0–1); "
        "1 for statements made by hand.",
    )
    source_confidence = models.FloatField(
        default=1.0,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text="How sure the extraction is of the source (0–1).",
    )
    verdict = models.CharField(max_length=12, choices=Verdict, default=Verdict.UNCHECKED)
    note = models.TextField(blank=True, help_text="Public: explains the verdict to readers.")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = ["article", "start"]
        permissions = [("set_verdict", "Can set verdicts, notes and evidence")]
        constraints = [
            models.CheckConstraint(
                condition=Q(verdict__in=Verdict.values), name="statement_verdict_valid"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=StatementKind.values), name="statement_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="statement_span_not_empty"
            ),
            models.CheckConstraint(condition=Q(start__gte=0), name="statement_start_not_negative"),
            models.UniqueConstraint(
                fields=["article", "start", "end"], name="statement_unique_span"
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0, confidence__lte=1)
                & Q(source_confidence__gte=0, source_confidence__lte=1),
                name="statement_confidence_range",
            ),
        ]
        indexes = [
            models.Index(fields=["verdict", "-reviewed_at"], name="statement_verdict_reviewed"),
            models.Index(fields=["verdict", "confidence"], name="statement_verdict_confidence"),
        ]

    def __str__(self):
        return self.quote[:80]

    def save(self, *args, **kwargs):
        """Saves, and records a verdict change however it was made (form, action, code).

        The verdict is compared with the stored row, locked for the transaction, so a
        change is recorded once, with the verdict it really replaced. A change made by
        code that named nobody (not through set_verdict) is stamped with no reviewer.
        """
        stamped = self.__dict__.pop("_stamped", False)
        update_fields = kwargs.get("update_fields")
        writes_verdict = update_fields is None or "verdict" in update_fields
        using = kwargs.get("using") or router.db_for_write(Statement, instance=self)
        with transaction.atomic(using=using):
            stored = None
            if writes_verdict and not self._state.adding:
                stored = (
                    Statement.objects.using(using)
                    .filter(pk=self.pk)
                    .select_for_update()
                    .values_list("verdict", "reviewed_by")
                    .first()
                )
            old, old_reviewer = stored or (Verdict.UNCHECKED, None)
            changed = writes_verdict and old != self.verdict
            if changed or stamped:
                if not stamped and self.reviewed_by_id == old_reviewer:
                    self.reviewed_by = None
                self.reviewed_at = timezone.now()
                if update_fields is not None:
                    kwargs["update_fields"] = {*update_fields, "reviewed_by", "reviewed_at"}
            super().save(*args, **kwargs)
            if changed:
                VerdictChange.objects.using(using).create(
                    statement=self,
                    user=self.reviewed_by,
                    at=self.reviewed_at,
                    from_verdict=old,
                    to_verdict=self.verdict,
                    note=self.note,
                )

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self):
        return f"statement-{self.pk}"

    @property
    def verdict_choice(self):
        return Verdict(self.verdict)

    def set_span(self, start, end, body=None):
        """Points the statement at body[start:end] and stores its quote and context."""
        body = self.article.body if body is None else body
        if not 0 <= start < end <= len(body):
            raise ValidationError(
                f"The span {start}–{end} is outside the body ({len(body)} chars)."
            )
        self.start, self.end = start, end
        self.quote = body[start:end]
        self.prefix = body[max(0, start - CONTEXT_CHARS) : start]
        self.suffix = body[end : end + CONTEXT_CHARS]

    def set_verdict(self, verdict, *, by, note=None):
        """Sets the verdict as `by` (a user, or None for the system), stamping who and when.

        A changed verdict writes a VerdictChange; the same verdict again is a re-review.
        """
        self.verdict = Verdict(verdict)
        if note is not None:
            self.note = note
        self.reviewed_by = by
        self._stamped = True
        self.save()

    def clean(self):
        super().clean()
        if self.article_id is None or self.start is None or self.end is None:
            return
        body = self.article.body
        if not 0 <= self.start < self.end <= len(body):
            raise ValidationError(
                f"The span {self.start}–{self.end} is outside the article body "
                f"({len(body)} characters)."
            )
        if body[self.start : self.end] != self.quote:
            raise ValidationError(
                {"quote": "The quote does not match the article body at this span."}
            )
        if self.source_id and self.via_id and self.source_id == self.via_id:
            raise ValidationError({"via": "A source cannot relay its own statement."})


class Evidence(models.Model):
    """A link or document behind a verdict."""

    statement = models.ForeignKey(Statement, models.CASCADE, related_name="evidence")
    url = models.URLField("URL", max_length=1000, blank=True)
    title = models.CharField(max_length=300, blank=True)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "evidence"
        ordering = ["statement", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(url="") | ~Q(title=""), name="evidence_has_url_or_title"
            )
        ]

    def __str__(self):
        return self.title or self.url

    def clean(self):
        if not self.url and not self.title:
            raise ValidationError("Give the evidence a URL, a title, or both.")


class VerdictChange(models.Model):
    """One change of a statement's verdict: who, when, from what, to what, with which note."""

    statement = models.ForeignKey(Statement, models.CASCADE, related_name="history")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    from_verdict = models.CharField(max_length=12, choices=Verdict)
    to_verdict = models.CharField(max_length=12, choices=Verdict)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        get_latest_by = "at"
        constraints = [
            models.CheckConstraint(
                condition=Q(from_verdict__in=Verdict.values) & Q(to_verdict__in=Verdict.values),
                name="verdictchange_verdicts_valid",
            )
        ]
        indexes = [models.Index(fields=["statement", "-at"], name="verdictchange_statement_at")]

    def __str__(self):
        who = self.user or "system"
        return f"{self.get_from_verdict_display()} → {self.get_to_verdict_display()} by {who}"


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
