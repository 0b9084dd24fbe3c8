"""Newsroom's data: sources, entities, stories, articles, statements, verdicts.

A Statement is a span of one article's body (start/end offsets plus the exact
quote and 32 characters either side, so it can be re-anchored later). Every
change of a statement's verdict, however it is made, is written to
VerdictChange: see Statement.save() and StatementQuerySet.update().
"""

from stories.models.articles import Article, ArticleQuerySet, Story, StoryQuerySet, verdict_counts
from stories.models.base import NamedQuerySet, clean_aliases, unique_slug
from stories.models.choices import (
    CONTEXT_CHARS,
    VERDICT_INFO,
    ArticleStatus,
    EntityKind,
    SourceKind,
    StatementKind,
    SuggestionStatus,
    Verdict,
)
from stories.models.claims import (
    Claim,
    ClaimRelation,
    ClaimSuggestion,
    MatchStatus,
    RelationKind,
)
from stories.models.sources import (
    Entity,
    EntityQuerySet,
    MergeSuggestion,
    MergeSuggestionQuerySet,
    Source,
    SourceQuerySet,
    TaggedArticle,
)
from stories.models.statements import (
    Correction,
    CorrectionQuerySet,
    Evidence,
    Statement,
    StatementQuerySet,
    VerdictChange,
)
from stories.models.tracking import (
    AnchoredSpan,
    Audited,
    Change,
    EditConflict,
    RevertError,
)

__all__ = [
    "AnchoredSpan",
    "Audited",
    "Change",
    "Claim",
    "ClaimRelation",
    "ClaimSuggestion",
    "Correction",
    "CorrectionQuerySet",
    "EditConflict",
    "MatchStatus",
    "RelationKind",
    "RevertError",
    "CONTEXT_CHARS",
    "VERDICT_INFO",
    "Article",
    "ArticleQuerySet",
    "ArticleStatus",
    "Entity",
    "EntityKind",
    "EntityQuerySet",
    "Evidence",
    "MergeSuggestion",
    "MergeSuggestionQuerySet",
    "NamedQuerySet",
    "Source",
    "SourceKind",
    "SourceQuerySet",
    "Statement",
    "StatementKind",
    "StatementQuerySet",
    "Story",
    "StoryQuerySet",
    "SuggestionStatus",
    "TaggedArticle",
    "Verdict",
    "VerdictChange",
    "clean_aliases",
    "unique_slug",
    "verdict_counts",
]
