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


def make_claim(text=None, statements=(), **fields):
    """A claim asserted by `statements` (each joins it)."""
    from stories.models import Claim

    claim = Claim.objects.create(text=text or f"Claim {next(_seq)}", **fields)
    for statement in statements:
        statement.claim = claim
        statement.save()
    return claim


def make_relation(claim, kind, other, **fields):
    from stories.models import ClaimRelation

    return ClaimRelation.objects.create(claim=claim, kind=kind, other=other, **fields)


def make_correction(article, quote, text="What is correct.", **fields):
    """A correction over the first occurrence of `quote` in the article's body."""
    from stories.models import Correction

    start = article.body.index(quote)
    correction = Correction(article=article, text=text, **fields)
    correction.set_span(start, start + len(quote))
    correction.save()
    return correction


def make_contributor(username=None):
    """A Contributor: loads and edits articles and statements, sets no verdicts."""
    return make_user(username, groups=["Contributors"], is_staff=True)


def make_claim_suggestion(statement, other, score=0.8, **fields):
    """A suggestion that `other` may make the same claim as `statement`."""
    from stories.models import ClaimSuggestion

    return ClaimSuggestion.objects.create(statement=statement, other=other, score=score, **fields)


# The admin's forms, as an editor's browser posts them --------------------------------------------


def encode_seen(obj):
    """What the admin's form shows of `obj`, as it posts it back (see stories.forms)."""
    from stories.forms import encode_seen as encode

    return encode(obj)


def admin_url(model, view, *args):
    from django.urls import reverse

    return reverse(f"admin:stories_{model}_{view}", args=args)


# The management forms of the inlines with no rows posted.
NO_CORRECTIONS = {
    "corrections-TOTAL_FORMS": 0,
    "corrections-INITIAL_FORMS": 0,
    "corrections-MIN_NUM_FORMS": 0,
    "corrections-MAX_NUM_FORMS": 1000,
}


def statement_post_data(statement, **changes):
    """The statement change form's POST data, as the editor's browser would send it, with
    the version the editor loaded and what it showed (none for a statement being added)."""
    data = {
        "version": statement.version if statement.pk else "",
        "seen": encode_seen(statement) if statement.pk else "",
        "article": statement.article_id,
        "start": statement.start,
        "end": statement.end,
        "source": statement.source_id or "",
        "via": statement.via_id or "",
        "attribution": statement.attribution,
        "kind": statement.kind,
        "verdict": statement.verdict,
        "note": statement.note,
        "claim": statement.claim_id or "",
        "claim_difference": statement.claim_difference,
        "evidence-TOTAL_FORMS": 0,
        "evidence-INITIAL_FORMS": 0,
        "evidence-MIN_NUM_FORMS": 0,
        "evidence-MAX_NUM_FORMS": 1000,
        "history-TOTAL_FORMS": 0,
        "history-INITIAL_FORMS": 0,
        "history-MIN_NUM_FORMS": 0,
        "history-MAX_NUM_FORMS": 0,
    }
    data.update(changes)
    return data


def article_post_data(article, statements=(), **changes):
    """The article change form's POST data, with one inline row per statement, and the
    versions the editor loaded."""
    data = {
        "version": article.version,
        "seen": encode_seen(article),
        "headline": article.headline,
        "slug": article.slug,
        "outlet": article.outlet_id or "",
        "story": article.story_id or "",
        "status": article.status,
        "published_at_0": "",
        "published_at_1": "",
        "byline": article.byline,
        "url": article.url,
        "dek": article.dek,
        "tags": ", ".join(tag.name for tag in article.tags.all()),
        "body": article.body.replace("\n", "\r\n"),  # as browsers send a textarea
        "caption": article.caption,
        "caption_credit": article.caption_credit,
        "statements-TOTAL_FORMS": len(statements),
        "statements-INITIAL_FORMS": len(statements),
        "statements-MIN_NUM_FORMS": 0,
        "statements-MAX_NUM_FORMS": 1000,
        **NO_CORRECTIONS,
    }
    for i, statement in enumerate(statements):
        data.update(
            {
                f"statements-{i}-id": statement.pk,
                f"statements-{i}-article": article.pk,
                f"statements-{i}-start": statement.start,
                f"statements-{i}-end": statement.end,
                f"statements-{i}-source": statement.source_id or "",
                f"statements-{i}-via": statement.via_id or "",
                f"statements-{i}-kind": statement.kind,
                f"statements-{i}-verdict": statement.verdict,
                f"statements-{i}-note": statement.note,
                f"statements-{i}-version": statement.version,
                f"statements-{i}-seen": encode_seen(statement),
            }
        )
    data.update(changes)
    return data


def shown_data(response):
    """The data of a change form shown again (refused): what the browser would post if the
    editor saved it as shown, inlines included."""
    data = dict(response.context["adminform"].form.data.items())
    for inline in response.context["inline_admin_formsets"]:
        for form in inline.formset.forms:
            mine = f"{form.prefix}-"
            data.update((k, v) for k, v in form.data.items() if k.startswith(mine))
    return data


def restore_editor_groups():
    """The Editors, Fact-checkers and Contributors groups, as the migrations make them.

    For transactional tests: the flush between them empties every table, and the copy
    that serialized_rollback restores can be missed once Playwright runs an event loop in
    the test thread (Django then keeps another connection for it). Idempotent.
    """
    from importlib import import_module

    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    state_apps = MigrationLoader(connection).project_state().apps
    for module, function in [
        ("0002_groups", "create_groups"),
        ("0003_confidence_and_merge_suggestions", "grant_merge_permissions"),
        ("0005_review_desk", "grant_review_desk_permissions"),
    ]:
        getattr(import_module(f"stories.migrations.{module}"), function)(state_apps, None)
