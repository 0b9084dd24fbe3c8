"""Choices shared by the models, filters, views and structured data."""

from django.db import models

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
