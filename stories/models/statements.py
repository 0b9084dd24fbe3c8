"""Statements in an article's body, their evidence and the history of their verdicts."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from stories.audit import current_user
from stories.models.articles import Article
from stories.models.choices import (
    StatementKind,
    Verdict,
)
from stories.models.sources import Source
from stories.models.tracking import AnchoredSpan, Audited, logged_update


class StatementQuerySet(models.QuerySet):
    def checked(self):
        return self.exclude(verdict=Verdict.UNCHECKED)

    def visible_to(self, user):
        return self.filter(article__in=Article.objects.visible_to(user))

    def for_article_page(self):
        return (
            self.select_related("source__affiliation", "via", "claim")
            .prefetch_related("evidence")
            .order_by("start")
        )

    def for_story_page(self):
        """In reading order across the story: by article date, then place in the article."""
        return self.select_related(
            "source__affiliation", "via", "article__outlet", "claim"
        ).order_by(F("article__published_at").asc(nulls_last=True), "article", "start")

    def for_claim_page(self):
        return self.select_related(
            "source__affiliation", "via", "article__outlet", "article__story"
        ).order_by(F("article__published_at").asc(nulls_last=True), "article", "start")

    def for_feed(self):
        """Checked statements, the most recently reviewed first."""
        return (
            self.checked()
            .select_related("source", "via", "article__outlet", "article__story")
            .order_by(F("reviewed_at").desc(nulls_last=True), "-pk")
        )

    def for_annotation(self):
        return self.select_related("article").prefetch_related("evidence")

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
            logged_update(
                rows.filter(pk__in=[pk for pk, _, _ in changing]),
                user=user,
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


class Statement(AnchoredSpan, Audited):
    """A span of one article's body that states a claim, and what we found of it."""

    article = models.ForeignKey(Article, models.CASCADE, related_name="statements")
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
    claim = models.ForeignKey(
        "Claim",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="statements",
        help_text="The claim this statement asserts, shared with other articles' statements.",
    )
    claim_difference = models.TextField(
        blank=True,
        help_text="Why this statement's verdict differs from its claim's. While set, a "
        "verdict on the claim leaves this statement alone.",
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = StatementQuerySet.as_manager()

    history_repr, history_article = "quote", "article_id"
    tracked = (
        "article",
        "start",
        "end",
        "quote",
        "orphaned",
        "source",
        "via",
        "attribution",
        "kind",
        "verdict",
        "note",
        "claim",
        "claim_difference",
    )

    class Meta(AnchoredSpan.Meta):
        ordering = ["article", "start"]
        permissions = [("set_verdict", "Can set verdicts, notes and evidence")]
        constraints = [
            *AnchoredSpan.Meta.constraints,
            models.CheckConstraint(
                condition=Q(verdict__in=Verdict.values), name="statement_verdict_valid"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=StatementKind.values), name="statement_kind_valid"
            ),
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

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#{self.anchor}"

    def before_save(self, stored, update_fields):
        """Stamps a verdict change: with the reviewer named by set_verdict, or else with
        whoever is acting (stories.audit), or no one when code changes it on its own."""
        stamped = self.__dict__.pop("_stamped", False)
        writes_verdict = update_fields is None or "verdict" in update_fields
        old = stored["verdict"] if stored else Verdict.UNCHECKED
        self._verdict_was = old if writes_verdict and old != self.verdict else None
        if self._verdict_was is None and not stamped:
            return None
        if not stamped and self.reviewed_by_id == (stored["reviewed_by_id"] if stored else None):
            self.reviewed_by = current_user()
        self.reviewed_at = timezone.now()
        return {"reviewed_by", "reviewed_at"}

    def after_save(self, stored, changes):
        if self._verdict_was is not None:
            VerdictChange.objects.create(
                statement=self,
                user=self.reviewed_by,
                at=self.reviewed_at,
                from_verdict=self._verdict_was,
                to_verdict=self.verdict,
                note=self.note,
            )

    def prepare_revert(self, change, by):
        if "verdict" in change.changes:
            self.reviewed_by = by
            self._stamped = True

    def history_article_id(self):
        return self.article_id

    @property
    def anchor(self):
        return f"statement-{self.pk}"

    @property
    def verdict_choice(self):
        return Verdict(self.verdict)

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
        self.check_span()
        if self.source_id and self.via_id and self.source_id == self.via_id:
            raise ValidationError({"via": "A source cannot relay its own statement."})
        claim = self.claim if self.claim_id else None
        if (
            claim is not None
            and claim.verdict != Verdict.UNCHECKED
            and self.verdict != claim.verdict
            and not self.claim_difference.strip()
        ):
            raise ValidationError(
                {
                    "claim_difference": "This verdict differs from the claim's "
                    f"({claim.get_verdict_display()}): say why."
                }
            )


class Evidence(Audited):
    """A link or document behind a verdict."""

    statement = models.ForeignKey(Statement, models.CASCADE, related_name="evidence")
    url = models.URLField("URL", max_length=1000, blank=True)
    title = models.CharField(max_length=300, blank=True)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    tracked = ("statement", "url", "title", "note")

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

    def history_article_id(self):
        return self.statement.article_id

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


class CorrectionQuerySet(models.QuerySet):
    def for_article_page(self):
        return self.filter(published=True).order_by("created_at")


class Correction(AnchoredSpan, Audited):
    """An error in the outlet's own text, recorded on its span: separate from verdicts on
    what sources said, and listed in the article's correction log."""

    article = models.ForeignKey(Article, models.CASCADE, related_name="corrections")
    text = models.TextField(
        help_text='What is correct, for readers: "Sergei and Yulia Skripal survived."'
    )
    published = models.BooleanField(default=True, help_text="Shown in the correction log.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CorrectionQuerySet.as_manager()

    tracked = ("article", "start", "end", "quote", "orphaned", "text", "published")

    class Meta(AnchoredSpan.Meta):
        ordering = ["article", "created_at"]
        constraints = [*AnchoredSpan.Meta.constraints]

    def __str__(self):
        return f"Correction: {self.quote[:70]}"

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#{self.anchor}"

    def before_save(self, stored, update_fields):
        if stored is None and self.created_by_id is None:
            self.created_by = current_user()

    def history_article_id(self):
        return self.article_id

    @property
    def anchor(self):
        return f"correction-{self.pk}"

    def clean(self):
        super().clean()
        if self.article_id is not None and self.start is not None and self.end is not None:
            self.check_span()
