"""Statements in an article's body, their evidence and the history of their verdicts."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, router, transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from stories.models.articles import Article
from stories.models.choices import (
    CONTEXT_CHARS,
    StatementKind,
    Verdict,
)
from stories.models.sources import Source


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
