"""Plain helpers that build test data in code: make_<model>(**overrides)."""

import itertools
from pathlib import Path

from django.contrib.auth.models import Group, User

from stories.models import (
    Article,
    ArticleStatus,
    Entity,
    Evidence,
    Source,
    SourceKind,
    Statement,
    StatementKind,
    Story,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
_seq = itertools.count(1)

BODY = (
    "The minister said on Monday that the bridge would open in May.\n\n"
    '"We are on schedule," she told reporters.\n\n'
    "Critics said the project was over budget."
)


def make_user(username=None, *, groups=(), **fields):
    username = username or f"user{next(_seq)}"
    user = User.objects.create_user(username, password="correct horse battery", **fields)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def make_editor(username=None):
    return make_user(username, groups=["Editors"], is_staff=True)


def make_fact_checker(username=None):
    return make_user(username, groups=["Fact-checkers"], is_staff=True)


def make_source(name=None, **fields):
    name = name or f"Source {next(_seq)}"
    fields.setdefault("kind", SourceKind.PERSON)
    return Source.objects.create(name=name, **fields)


def make_outlet(name="Example News", **fields):
    return Source.objects.get_or_create(name=name, defaults={"kind": SourceKind.OUTLET, **fields})[
        0
    ]


def make_story(title=None, **fields):
    return Story.objects.create(title=title or f"Story {next(_seq)}", **fields)


def make_entity(name=None, **fields):
    return Entity.objects.create(name=name or f"Entity {next(_seq)}", **fields)


def make_article(headline=None, *, body=BODY, **fields):
    n = next(_seq)
    fields.setdefault("status", ArticleStatus.PUBLISHED)
    fields.setdefault("fingerprint", f"test-{n}")
    if "outlet" not in fields:
        fields["outlet"] = make_outlet()
    return Article.objects.create(headline=headline or f"Headline {n}", body=body, **fields)


def make_statement(article=None, text=None, **fields):
    """A statement over the first occurrence of `text` (default: the body's first sentence)."""
    article = article or make_article()
    if text is None:
        text = article.body.split("\n\n")[0]
    start = article.body.index(text)
    fields.setdefault("kind", StatementKind.INDIRECT)
    statement = Statement(article=article, **fields)
    statement.set_span(start, start + len(text))
    statement.full_clean()
    statement.save()
    return statement


def make_evidence(statement, **fields):
    fields.setdefault("url", "https://example.org/evidence")
    fields.setdefault("title", "Evidence")
    return Evidence.objects.create(statement=statement, **fields)


def make_staff_user(*perms, username=None):
    """A staff user with exactly the given "stories.<codename>" permissions, in no group."""
    from django.contrib.auth.models import Permission

    user = make_user(username, is_staff=True)
    codenames = [perm.split(".", 1)[1] for perm in perms]
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="stories", codename__in=codenames)
    )
    return user


def make_article_with_statements(count, **fields):
    """An article of `count` paragraphs, each one statement with a source, a relay and evidence.

    Verdicts cycle through every Verdict; sources are new people with an affiliation.
    """
    from stories.models import Verdict

    body = "\n\n".join(f"Claim number {n} was made on the record." for n in range(1, count + 1))
    article = make_article(body=body, **fields)
    via = make_outlet("Relay Agency")
    affiliation = make_source(kind=SourceKind.ORGANISATION)
    verdicts = list(Verdict)
    for n in range(1, count + 1):
        statement = make_statement(
            article,
            f"Claim number {n} was made",
            source=make_source(affiliation=affiliation, role="Spokesperson"),
            via=via,
            verdict=verdicts[n % len(verdicts)],
            note=f"Note on claim {n}.",
        )
        make_evidence(statement, title=f"Evidence for claim {n}")
    return article


def make_anonymous_source(article, name="a senior official", **fields):
    """An anonymous source of one article."""
    return make_source(name, kind=SourceKind.ANONYMOUS, scope_article=article, **fields)


def make_suggestion(source, candidate, score=0.8, **fields):
    """A suggestion that `candidate` may be `source` under another name."""
    from stories.models import MergeSuggestion

    return MergeSuggestion.objects.create(source=source, candidate=candidate, score=score, **fields)
