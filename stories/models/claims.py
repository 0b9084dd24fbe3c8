"""Claims: what several articles' statements assert in common, and how claims relate."""

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator

from stories.models.articles import Story
from stories.models.base import unique_slug
from stories.models.choices import Verdict
from stories.models.statements import Statement
from stories.models.tracking import Audited

CLAIM_TEXT_LENGTH = 200


class MatchStatus(models.TextChoices):
    OPEN = "open", "Waiting for an editor"
    CONFIRMED = "confirmed", "Confirmed: the same claim"
    REJECTED = "rejected", "Rejected: different claims"


class RelationKind(models.TextChoices):
    CONTRADICTS = "contradicts", "contradicts"
    SUPPORTS = "supports", "supports"
    CORRECTS = "corrects", "corrects"


class ClaimQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("story").annotate(statement_count=models.Count("statements"))

    def visible_to(self, user):
        """Claims a reader may see: those asserted by a statement the user may see, so that a
        claim known only from drafts stays hidden."""
        return self.filter(pk__in=Statement.objects.visible_to(user).values("claim"))

    def for_claim_list(self, user):
        """Newest first, with statement_count, outlet_count and latest over the articles
        `user` may see."""
        from stories.models.articles import Article

        seen = Q(statements__article__in=Article.objects.visible_to(user))
        return (
            self.select_related("story")
            .annotate(
                statement_count=models.Count("statements", filter=seen, distinct=True),
                outlet_count=models.Count(
                    "statements__article__outlet", filter=seen, distinct=True
                ),
                latest=models.Max("statements__article__published_at", filter=seen),
            )
            .order_by(F("latest").desc(nulls_last=True), "-created_at", "pk")
        )

    def for_claim_page(self):
        return self.select_related("story")

    def relations_of(self, claims):
        """The ClaimRelations of `claims` (either end) whose two claims are both in this
        queryset, with both claims loaded: visible_to(user).relations_of(…) for a page."""
        return (
            ClaimRelation.objects.filter(Q(claim__in=claims) | Q(other__in=claims))
            .filter(claim__in=self, other__in=self)
            .select_related("claim", "other")
        )


class Claim(Audited):
    """One thing asserted, in whichever articles and words it appears."""

    text = models.CharField(
        max_length=CLAIM_TEXT_LENGTH,
        help_text='The claim in a few words, as readers will see it: "Trump invited Putin '
        'to the White House".',
    )
    slug = models.SlugField(max_length=200)
    story = models.ForeignKey(Story, models.SET_NULL, null=True, blank=True, related_name="claims")
    verdict = models.CharField(max_length=12, choices=Verdict, default=Verdict.UNCHECKED)
    note = models.TextField(blank=True, help_text="Public: explains the verdict to readers.")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClaimQuerySet.as_manager()

    tracked = ("text", "story", "verdict", "note")

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="claim_unique_slug"),
            models.CheckConstraint(
                condition=Q(verdict__in=Verdict.values), name="claim_verdict_valid"
            ),
        ]

    def __str__(self):
        return self.text

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Claim, self.text, exclude_pk=self.pk, fallback="claim")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("stories:claim_detail", args=[self.slug])

    @classmethod
    def text_from(cls, statement):
        return Truncator(" ".join(statement.quote.split())).chars(CLAIM_TEXT_LENGTH)

    def set_verdict(self, verdict, *, by, note=None):
        """Sets the claim's verdict and applies it to each of its statements, except those
        whose difference an editor has explained. Returns the statements changed."""
        with transaction.atomic():
            self.verdict = Verdict(verdict)
            if note is not None:
                self.note = note
            self.reviewed_by, self.reviewed_at = by, timezone.now()
            self.save()
            return self.apply_to_statements(by=by, note=note)

    def apply_to_statements(self, *, by, note=None):
        """Gives the claim's verdict (and `note`, when given) to each of its statements
        whose difference no editor has explained; a statement's own note stays otherwise.
        Returns the statements changed."""
        changed = []
        for statement in self.statements.select_for_update().filter(claim_difference=""):
            if statement.verdict != self.verdict or (note is not None and statement.note != note):
                statement.set_verdict(self.verdict, by=by, note=note)
                changed.append(statement)
        return changed

    def prepare_revert(self, change, by):
        if "verdict" in change.changes or "note" in change.changes:
            self._revert_reaches_statements = (by, "note" in change.changes)

    def after_save(self, stored, changes):
        reverted = self.__dict__.pop("_revert_reaches_statements", None)
        if reverted is not None:
            by, note_changed = reverted
            self.apply_to_statements(by=by, note=self.note if note_changed else None)


class ClaimSuggestionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=MatchStatus.OPEN)


class ClaimSuggestion(models.Model):
    """Two statements in different articles that seem to assert the same thing."""

    statement = models.ForeignKey(Statement, models.CASCADE, related_name="claim_suggestions")
    other = models.ForeignKey(Statement, models.CASCADE, related_name="+")
    score = models.FloatField()
    reason = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=10, choices=MatchStatus, default=MatchStatus.OPEN)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ClaimSuggestionQuerySet.as_manager()

    class Meta:
        ordering = ["status", "-score"]
        constraints = [
            models.UniqueConstraint(fields=["statement", "other"], name="claimsuggestion_unique"),
            models.CheckConstraint(
                condition=~Q(statement=F("other")), name="claimsuggestion_two_statements"
            ),
            models.CheckConstraint(
                condition=Q(status__in=MatchStatus.values), name="claimsuggestion_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0, score__lte=1), name="claimsuggestion_score_range"
            ),
        ]

    def __str__(self):
        return f"{self.statement} ≈ {self.other}"

    def confirm(self, *, by):
        """Both statements join one claim (the one either already has, or a new one)."""
        with transaction.atomic():
            first, second = self.statement, self.other
            if first.claim_id and second.claim_id and first.claim_id != second.claim_id:
                raise ValueError(
                    "These statements already belong to two different claims; "
                    "relate the claims instead."
                )
            claim = first.claim or second.claim
            if claim is None:
                # Named after a published statement where there is one: a draft's words
                # must not reach readers through the claim.
                public = [s for s in (first, second) if s.article.status == "published"]
                model = (public or [first])[0]
                claim = Claim.objects.create(text=Claim.text_from(model), story=model.article.story)
            for statement in (first, second):
                if statement.claim_id != claim.pk:
                    statement.claim = claim
                    statement.save(update_fields=["claim"])
            self.decide(MatchStatus.CONFIRMED, by)
            return claim

    def reject(self, *, by):
        self.decide(MatchStatus.REJECTED, by)

    def decide(self, status, by):
        self.status, self.decided_by, self.decided_at = status, by, timezone.now()
        self.save()


class ClaimRelation(models.Model):
    """How one claim bears on another: contradicts, supports or corrects it."""

    claim = models.ForeignKey(Claim, models.CASCADE, related_name="relations")
    kind = models.CharField(max_length=12, choices=RelationKind)
    other = models.ForeignKey(Claim, models.CASCADE, related_name="related_from")
    note = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["claim", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "kind", "other"], name="claimrelation_unique"),
            models.CheckConstraint(condition=~Q(claim=F("other")), name="claimrelation_two_claims"),
            models.CheckConstraint(
                condition=Q(kind__in=RelationKind.values), name="claimrelation_kind_valid"
            ),
        ]

    def __str__(self):
        return f"{self.claim} {self.kind} {self.other}"
