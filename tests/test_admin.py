"""The editors' admin, through its URLs, as an editor, a fact-checker and lesser users."""

import pytest
from django.contrib.admin import helpers
from django.urls import reverse
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains

from stories.importing import fingerprint
from stories.models import (
    Article,
    Entity,
    Source,
    SourceKind,
    Statement,
    StatementKind,
    Verdict,
    VerdictChange,
)
from tests.factories import (
    make_article,
    make_editor,
    make_entity,
    make_evidence,
    make_source,
    make_staff_user,
    make_statement,
    make_story,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def checker_client(client, fact_checker):
    client.force_login(fact_checker)
    return client


def admin_url(model, view, *args):
    return reverse(f"admin:stories_{model}_{view}", args=args)


def statement_post_data(statement, **changes):
    """The statement change form's POST data, as the editor's browser would send it."""
    data = {
        "article": statement.article_id,
        "start": statement.start,
        "end": statement.end,
        "source": statement.source_id or "",
        "via": statement.via_id or "",
        "attribution": statement.attribution,
        "kind": statement.kind,
        "verdict": statement.verdict,
        "note": statement.note,
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
    """The article change form's POST data, with one inline row per statement."""
    data = {
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
            }
        )
    data.update(changes)
    return data


def run_action(client, action, statements):
    return client.post(
        admin_url("statement", "changelist"),
        {"action": action, helpers.ACTION_CHECKBOX_NAME: [s.pk for s in statements]},
        follow=True,
    )


# Every page loads ----------------------------------------------------------------------------


@pytest.fixture
def one_of_everything(editor):
    story = make_story("Bridge works")
    article = make_article("Bridge to open in May", story=story)
    article.tags.add(make_entity("Ministry of Transport"))
    statement = make_statement(article, source=make_source("Jane Minister"))
    statement.set_verdict(Verdict.VERIFIED, by=editor)
    evidence = make_evidence(statement)
    return {
        "article": article,
        "statement": statement,
        "source": statement.source,
        "entity": Entity.objects.get(),
        "story": story,
        "evidence": evidence,
        "verdictchange": statement.history.get(),
    }


@pytest.mark.parametrize("model", ["article", "statement", "source", "entity", "story", "evidence"])
def test_every_admin_page_loads_for_an_editor(editor_client, one_of_everything, model):
    obj = one_of_everything[model]
    for url in [
        admin_url(model, "changelist"),
        admin_url(model, "add"),
        admin_url(model, "change", obj.pk),
        admin_url(model, "changelist") + "?q=a",
    ]:
        assert editor_client.get(url).status_code == 200, url


def test_verdict_history_pages_load_for_an_editor(editor_client, one_of_everything):
    change = one_of_everything["verdictchange"]
    assert editor_client.get(admin_url("verdictchange", "changelist")).status_code == 200
    response = editor_client.get(admin_url("verdictchange", "change", change.pk))
    assert response.status_code == 200
    assertNotContains(response, 'name="_save"')


def test_admin_pages_load_for_a_fact_checker(checker_client, one_of_everything):
    for model in ["article", "statement", "source", "entity", "story", "evidence", "verdictchange"]:
        obj = one_of_everything[model]
        assert checker_client.get(admin_url(model, "changelist")).status_code == 200
        assert checker_client.get(admin_url(model, "change", obj.pk)).status_code == 200


def test_changelist_filters_work(editor_client, one_of_everything):
    article, statement = one_of_everything["article"], one_of_everything["statement"]
    entity, story = one_of_everything["entity"], one_of_everything["story"]
    other = make_article("Unrelated", body="Nothing happened.")
    response = editor_client.get(
        admin_url("article", "changelist"), {"tags__id__exact": entity.pk, "status": "published"}
    )
    assertContains(response, article.headline)
    assertNotContains(response, other.headline)
    response = editor_client.get(
        admin_url("statement", "changelist"),
        {
            "article__outlet__id__exact": article.outlet_id,
            "article__story__id__exact": story.pk,
            "verdict__exact": Verdict.VERIFIED,
            "source__id__exact": statement.source_id,
        },
    )
    assertContains(response, "1 statement")
    response = editor_client.get(
        admin_url("verdictchange", "changelist"), {"to_verdict__exact": Verdict.VERIFIED}
    )
    assertContains(response, "✓ Verified")


def test_article_search_finds_outlet_names_and_body_text(editor_client):
    make_article("From the wire", outlet=make_source("Agence Exemple", kind=SourceKind.OUTLET))
    make_article("Local news", body="The council met on Tuesday.")
    response = editor_client.get(admin_url("article", "changelist"), {"q": "exemple"})
    assertContains(response, "From the wire")
    assertNotContains(response, "Local news")
    response = editor_client.get(admin_url("article", "changelist"), {"q": "council"})
    assertContains(response, "Local news")
    assertNotContains(response, "From the wire")


def test_source_search_finds_aliases(editor_client):
    make_source("Dmitry Peskov", aliases=["Dmitri Peskov"])
    make_source("Yuri Ushakov")
    response = editor_client.get(admin_url("source", "changelist"), {"q": "dmitri"})
    assertContains(response, "Dmitry Peskov")
    assertNotContains(response, "Yuri Ushakov")


# The article page ----------------------------------------------------------------------------


def test_article_page_marks_each_statement_with_its_verdict_in_words(editor_client, editor):
    article = make_article()
    minister = make_statement(article, "the bridge would open in May")
    schedule = make_statement(article, '"We are on schedule,"')
    critics = make_statement(article, "Critics said the project was over budget.")
    minister.set_verdict(Verdict.FALSE, by=editor)
    schedule.set_verdict(Verdict.DISPUTED, by=editor)

    response = editor_client.get(admin_url("article", "change", article.pk))

    for statement, verdict in [
        (minister, Verdict.FALSE),
        (schedule, Verdict.DISPUTED),
        (critics, Verdict.UNCHECKED),
    ]:
        assertContains(
            response,
            f'<mark class="statement verdict-{verdict.value}" '
            f'title="{verdict.label}: the outlet (Indirect (reported) speech)" '
            f'id="statement-{statement.pk}">'
            f'<a href="{admin_url("statement", "change", statement.pk)}">'
            f'<span class="verdict-badge">{verdict.icon} {verdict.label}</span> '
            f"{escape(statement.quote)}</a></mark>",
            html=True,
        )


def test_article_page_loads_the_admin_stylesheet(editor_client, published_article):
    response = editor_client.get(admin_url("article", "change", published_article.pk))
    assertContains(response, "css/admin.css")


def test_marked_text_escapes_markup_in_the_body_and_source_names(editor_client):
    article = make_article(body="Intro. <script>alert(1)</script> said so.\n\nMore.")
    make_statement(
        article, "<script>alert(1)</script>", source=make_source('<script>x</script>"Evil"')
    )
    response = editor_client.get(admin_url("article", "change", article.pk))
    assertNotContains(response, "<script>alert(1)</script>")
    assertNotContains(response, "<script>x</script>")
    assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")
    assertContains(response, "&lt;script&gt;x&lt;/script&gt;&quot;Evil&quot;")


def test_article_page_offers_to_add_a_statement_to_it(editor_client, published_article):
    response = editor_client.get(admin_url("article", "change", published_article.pk))
    assertContains(response, f"{admin_url('statement', 'add')}?article={published_article.pk}")


def test_editor_can_add_an_article_with_tags_resolved_through_aliases(editor_client, editor):
    putin = make_entity("Vladimir Putin", aliases=["Putin"])
    outlet = make_source("Example Agency", kind=SourceKind.OUTLET)
    data = {
        "headline": "A new article",
        "slug": "a-new-article",
        "outlet": outlet.pk,
        "story": "",
        "status": "draft",
        "published_at_0": "2025-03-01",
        "published_at_1": "10:00:00",
        "byline": "A. Reporter",
        "url": "",
        "dek": "",
        "tags": "putin, Kremlin",
        "body": "First paragraph.\r\n\r\nSecond paragraph.",
        "caption": "",
        "caption_credit": "",
        "statements-TOTAL_FORMS": 1,
        "statements-INITIAL_FORMS": 0,
        "statements-MIN_NUM_FORMS": 0,
        "statements-MAX_NUM_FORMS": 1000,
        "statements-0-start": 18,
        "statements-0-end": 35,
        "statements-0-kind": StatementKind.ASSERTION,
        "statements-0-verdict": Verdict.VERIFIED,
        "statements-0-note": "",
    }
    response = editor_client.post(admin_url("article", "add"), data)
    assert response.status_code == 302, response.context["errors"]
    article = Article.objects.get(slug="a-new-article")
    assert article.body == "First paragraph.\n\nSecond paragraph."
    assert article.fingerprint == fingerprint(outlet.name, "", "A new article", article.body)
    assert sorted(tag.name for tag in article.tags.all()) == ["Kremlin", "Vladimir Putin"]
    assert Entity.objects.filter(pk=putin.pk).exists() and Entity.objects.count() == 2
    statement = article.statements.get()
    assert statement.quote == "Second paragraph."
    assert (statement.reviewed_by, statement.verdict) == (editor, Verdict.VERIFIED)
    assert statement.history.get().user == editor

    data.update(headline="Another", slug="another")
    assert editor_client.post(admin_url("article", "add"), data).status_code == 302


def test_adding_the_same_article_twice_is_refused(editor_client):
    outlet = make_source("Example Agency", kind=SourceKind.OUTLET)
    data = {
        "headline": "Twice",
        "slug": "twice",
        "outlet": outlet.pk,
        "status": "published",
        "published_at_0": "",
        "published_at_1": "",
        "tags": "",
        "body": "The same text.",
        "statements-TOTAL_FORMS": 0,
        "statements-INITIAL_FORMS": 0,
        "statements-MIN_NUM_FORMS": 0,
        "statements-MAX_NUM_FORMS": 1000,
    }
    assert editor_client.post(admin_url("article", "add"), data).status_code == 302
    response = editor_client.post(admin_url("article", "add"), {**data, "slug": "twice-again"})
    assertContains(response, "This article is already in the newsroom")
    assert Article.objects.count() == 1


def test_saving_an_article_from_the_browser_keeps_its_offsets(editor_client):
    article = make_article()
    statement = make_statement(article, "Critics said the project was over budget.")
    response = editor_client.post(
        admin_url("article", "change", article.pk), article_post_data(article, [statement])
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert "\r" not in article.body
    statement.refresh_from_db()
    assert article.body[statement.start : statement.end] == statement.quote


def test_editing_the_article_text_moves_statements_with_their_quotes(editor_client):
    article = make_article()
    statement = make_statement(article, "Critics said the project was over budget.")
    article_body = "UPDATED: " + article.body
    response = editor_client.post(
        admin_url("article", "change", article.pk),
        article_post_data(article, [statement], body=article_body),
    )
    assert response.status_code == 302
    moved = Statement.objects.get(pk=statement.pk)
    assert (moved.start, moved.end) == (statement.start + 9, statement.end + 9)
    assert moved.quote == statement.quote
    assert moved.prefix == article_body[moved.start - 32 : moved.start]


def test_editing_the_words_of_a_statement_asks_for_its_span_again(editor_client):
    article = make_article()
    statement = make_statement(article, "Critics said the project was over budget.")
    body = article.body.replace("over budget", "on budget")
    response = editor_client.post(
        admin_url("article", "change", article.pk),
        article_post_data(article, [statement], body=body),
    )
    assert response.status_code == 200
    assertContains(response, "The text of this statement changed")
    article.refresh_from_db()
    assert "over budget" in article.body


def test_inline_verdict_change_stamps_the_editor_once(editor_client, editor):
    article = make_article()
    statement = make_statement(article)
    data = article_post_data(article, [statement], **{"statements-0-verdict": Verdict.FALSE})
    response = editor_client.post(admin_url("article", "change", article.pk), data)
    assert response.status_code == 302
    statement.refresh_from_db()
    assert (statement.verdict, statement.reviewed_by) == (Verdict.FALSE, editor)
    change = VerdictChange.objects.get()
    assert (change.user, change.from_verdict, change.to_verdict) == (
        editor,
        Verdict.UNCHECKED,
        Verdict.FALSE,
    )


# The article list ----------------------------------------------------------------------------


def test_article_list_counts_statements_by_verdict(editor_client, editor):
    article = make_article()
    make_statement(article, "the bridge would open in May").set_verdict(Verdict.FALSE, by=editor)
    make_statement(article, '"We are on schedule,"').set_verdict(Verdict.VERIFIED, by=editor)
    make_statement(article, "Critics said the project was over budget.")
    response = editor_client.get(admin_url("article", "changelist"))
    assertContains(response, 'title="1 Verified">✓1<span class="visually-hidden"> Verified')
    assertContains(response, 'title="1 False">✗1<span class="visually-hidden"> False')
    assertContains(response, 'title="1 Not yet checked">○1')
    assertContains(response, f'?article__id__exact={article.pk}" class="statement-count">3</a>')
    assertNotContains(response, "verdict-disputed")


def fill(n, editor):
    """n articles, each with three statements (one checked) and an entity."""
    outlet = make_source("Wire", kind=SourceKind.OUTLET)
    story = make_story()
    for i in range(n):
        article = make_article(outlet=outlet, story=story)
        article.tags.add(f"Entity {i}")
        make_statement(article, "the bridge would open in May", source=make_source())
        make_statement(article, '"We are on schedule,"', via=outlet)
        checked = make_statement(article, "Critics said the project was over budget.")
        checked.set_verdict(Verdict.FALSE, by=editor)


# Queries for an editor's article list: session, user, the user's permissions and those of
# the user's groups, the outlet, story and entity filters' choices, the filtered count, the
# full count, the articles with their outlets, stories and counts by verdict, their entities,
# and the date hierarchy's first and last dates and its years.
ARTICLE_LIST_QUERIES = 13


@pytest.mark.parametrize("n", [4, 12])
def test_article_list_queries_do_not_grow(editor_client, editor, django_assert_num_queries, n):
    fill(n, editor)
    with django_assert_num_queries(ARTICLE_LIST_QUERIES):
        response = editor_client.get(admin_url("article", "changelist"))
    assertContains(response, f"{n} articles")


# Queries for an editor's statement list: session, user, the user's permissions and those of
# the user's groups, the source, outlet and story filters' choices, the filtered count, the
# full count, the statements with their articles, sources and reviewers.
STATEMENT_LIST_QUERIES = 10


@pytest.mark.parametrize("n", [4, 12])
def test_statement_list_queries_do_not_grow(editor_client, editor, django_assert_num_queries, n):
    fill(n, editor)
    with django_assert_num_queries(STATEMENT_LIST_QUERIES):
        response = editor_client.get(admin_url("statement", "changelist"))
    assertContains(response, f"{3 * n} statements")


def test_source_entity_and_story_lists_count_without_a_query_per_row(
    editor_client, editor, django_assert_max_num_queries
):
    fill(6, editor)
    for model in ["source", "entity", "story"]:
        with django_assert_max_num_queries(8):
            response = editor_client.get(admin_url(model, "changelist"))
        assert response.status_code == 200
    said = Source.objects.filter(statements__isnull=False).first()
    response = editor_client.get(admin_url("source", "changelist"), {"q": said.name})
    assertContains(response, '<td class="field-statement_count">1</td>', html=True)


# Verdicts ------------------------------------------------------------------------------------


def test_bulk_action_sets_verdicts_stamps_the_editor_and_writes_history(editor_client, editor):
    article = make_article()
    statements = [
        make_statement(article, "the bridge would open in May"),
        make_statement(article, '"We are on schedule,"'),
    ]
    already = make_statement(article, "Critics said the project was over budget.")
    other_editor = make_editor()
    already.set_verdict(Verdict.VERIFIED, by=other_editor)

    response = run_action(editor_client, "mark_verified", [*statements, already])

    assertContains(response, "Marked 2 statements as Verified. 1 already was.")
    for statement in statements:
        statement.refresh_from_db()
        assert (statement.verdict, statement.reviewed_by) == (Verdict.VERIFIED, editor)
        assert statement.reviewed_at is not None
        change = statement.history.get()
        assert (change.user, change.from_verdict, change.to_verdict) == (
            editor,
            Verdict.UNCHECKED,
            Verdict.VERIFIED,
        )
    already.refresh_from_db()
    assert already.reviewed_by == other_editor
    assert already.history.count() == 1


def test_there_is_one_verdict_action_per_verdict(editor_client, published_article):
    make_statement(published_article)
    response = editor_client.get(admin_url("statement", "changelist"))
    for verdict in Verdict:
        assertContains(response, f'<option value="mark_{verdict.value}">')
        assertContains(response, f"Mark selected as {verdict.label}")


def test_change_form_verdict_change_writes_one_history_row_with_the_user(editor_client, editor):
    statement = make_statement()
    response = editor_client.post(
        admin_url("statement", "change", statement.pk),
        statement_post_data(statement, verdict=Verdict.MISLEADING, note="Context missing."),
    )
    assert response.status_code == 302
    statement.refresh_from_db()
    assert (statement.verdict, statement.reviewed_by, statement.note) == (
        Verdict.MISLEADING,
        editor,
        "Context missing.",
    )
    change = VerdictChange.objects.get()
    assert (change.statement, change.user, change.to_verdict, change.note) == (
        statement,
        editor,
        Verdict.MISLEADING,
        "Context missing.",
    )


def test_change_form_without_a_verdict_change_writes_no_history(editor_client):
    statement = make_statement()
    response = editor_client.post(
        admin_url("statement", "change", statement.pk),
        statement_post_data(statement, attribution="told reporters"),
    )
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.attribution == "told reporters"
    assert statement.reviewed_by is None
    assert not VerdictChange.objects.exists()


def test_statement_page_shows_its_history_and_evidence(editor_client, editor):
    statement = make_statement()
    statement.set_verdict(Verdict.FALSE, by=editor, note="They survived.")
    make_evidence(statement, title="Hospital statement")
    response = editor_client.get(admin_url("statement", "change", statement.pk))
    assertContains(response, "Verdict history")
    assertContains(response, "They survived.")
    assertNotContains(response, 'name="history-0-note"')
    assertContains(response, "Hospital statement")
    assertContains(response, "data-span-picker")
    assertContains(response, "js/admin.js")


# Spans ---------------------------------------------------------------------------------------


def test_editor_sets_the_span_and_the_quote_is_read_from_the_body(editor_client):
    statement = make_statement()
    body = statement.article.body
    start = body.index("the bridge")
    response = editor_client.post(
        admin_url("statement", "change", statement.pk),
        statement_post_data(statement, start=start, end=start + len("the bridge"), quote="typed"),
    )
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.quote == "the bridge"
    assert statement.prefix == body[max(0, start - 32) : start]
    assert statement.suffix == body[start + 10 : start + 42]


def test_a_span_outside_the_body_is_refused(editor_client):
    statement = make_statement()
    response = editor_client.post(
        admin_url("statement", "change", statement.pk),
        statement_post_data(statement, start=0, end=10_000),
    )
    assertContains(response, "is outside the body")
    assert Statement.objects.get(pk=statement.pk).end == statement.end


def test_editor_adds_a_statement_by_offsets(editor_client, editor):
    article = make_article()
    response = editor_client.get(admin_url("statement", "add"), {"article": article.pk})
    assertContains(response, "data-span-picker")
    start = article.body.index("Critics")
    data = statement_post_data(
        Statement(article=article, start=start, end=len(article.body)),
        verdict=Verdict.DISPUTED,
    )
    response = editor_client.post(admin_url("statement", "add"), data)
    assert response.status_code == 302
    statement = article.statements.get()
    assert statement.quote == "Critics said the project was over budget."
    assert statement.history.get().user == editor


# Permission boundaries -----------------------------------------------------------------------


def test_fact_checker_can_set_a_verdict_and_a_note(checker_client, fact_checker):
    statement = make_statement()
    response = checker_client.post(
        admin_url("statement", "change", statement.pk),
        statement_post_data(statement, verdict=Verdict.FALSE, note="Wrong date."),
    )
    assert response.status_code == 302
    statement.refresh_from_db()
    assert (statement.verdict, statement.note, statement.reviewed_by) == (
        Verdict.FALSE,
        "Wrong date.",
        fact_checker,
    )
    assert statement.history.get().user == fact_checker


def test_fact_checker_cannot_change_a_statements_span_source_or_kind(checker_client):
    statement = make_statement(source=make_source("Jane Minister"))
    other = make_source("Somebody Else")
    response = checker_client.post(
        admin_url("statement", "change", statement.pk),
        statement_post_data(
            statement,
            start=0,
            end=3,
            source=other.pk,
            via=other.pk,
            attribution="changed",
            kind=StatementKind.DIRECT,
            verdict=Verdict.VERIFIED,
        ),
    )
    assert response.status_code == 302
    after = Statement.objects.get(pk=statement.pk)
    assert (after.start, after.end, after.quote) == (
        statement.start,
        statement.end,
        statement.quote,
    )
    assert (after.source, after.via, after.attribution, after.kind) == (
        statement.source,
        None,
        "",
        StatementKind.INDIRECT,
    )
    assert after.verdict == Verdict.VERIFIED


def test_fact_checker_sees_the_span_read_only(checker_client):
    statement = make_statement()
    response = checker_client.get(admin_url("statement", "change", statement.pk))
    assertContains(response, 'name="verdict"')
    assertContains(response, 'name="note"')
    for field in ["start", "end", "source", "via", "attribution", "kind"]:
        assertNotContains(response, f'name="{field}"')
    assertNotContains(response, "data-span-picker")


def test_fact_checker_gets_403_posting_an_article_change(checker_client, published_article):
    statement = make_statement(published_article)
    response = checker_client.post(
        admin_url("article", "change", published_article.pk),
        article_post_data(published_article, [statement], headline="Rewritten"),
    )
    assert response.status_code == 403
    published_article.refresh_from_db()
    assert published_article.headline != "Rewritten"


def test_fact_checker_sees_the_article_read_only_with_its_marked_text(
    checker_client, published_article
):
    make_statement(published_article)
    response = checker_client.get(admin_url("article", "change", published_article.pk))
    assertNotContains(response, 'name="body"')
    assertContains(response, '<span class="verdict-badge">○ Not yet checked</span>', html=True)


def test_fact_checker_cannot_add_or_delete_statements(checker_client):
    statement = make_statement()
    assert checker_client.get(admin_url("statement", "add")).status_code == 403
    assert checker_client.post(admin_url("statement", "delete", statement.pk)).status_code == 403


def test_fact_checker_has_the_verdict_actions(checker_client, fact_checker):
    statement = make_statement()
    response = run_action(checker_client, "mark_disputed", [statement])
    assertContains(response, "Marked 1 statement as Disputed.")
    statement.refresh_from_db()
    assert (statement.verdict, statement.reviewed_by) == (Verdict.DISPUTED, fact_checker)


def test_without_set_verdict_the_verdict_is_read_only_and_the_actions_absent(client):
    user = make_staff_user(
        "stories.view_statement", "stories.change_statement", "stories.change_article"
    )
    client.force_login(user)
    statement = make_statement()

    response = client.get(admin_url("statement", "changelist"))
    assertNotContains(response, "mark_verified")
    assertNotContains(response, "Mark selected as")

    response = client.get(admin_url("statement", "change", statement.pk))
    assertNotContains(response, 'name="verdict"')
    assertNotContains(response, 'name="note"')
    assertContains(response, 'name="start"')

    client.post(
        admin_url("statement", "change", statement.pk),
        statement_post_data(statement, verdict=Verdict.FALSE, note="No."),
    )
    run_action(client, "mark_false", [statement])
    statement.refresh_from_db()
    assert (statement.verdict, statement.note) == (Verdict.UNCHECKED, "")
    assert not VerdictChange.objects.exists()


# Aliases, autocomplete, history --------------------------------------------------------------


def test_source_aliases_are_edited_one_per_line(editor_client):
    source = make_source("Dmitry Peskov", aliases=["Dmitri Peskov", "Peskov"])
    response = editor_client.get(admin_url("source", "change", source.pk))
    assertContains(response, "Dmitri Peskov\nPeskov</textarea>")
    data = {
        "name": "Dmitry Peskov",
        "slug": source.slug,
        "kind": SourceKind.PERSON,
        "role": "Kremlin spokesman",
        "aliases": "Peskov\r\n\r\n  Дмитрий   Песков \r\nPeskov\r\nDmitry Peskov",
        "description": "",
        "url": "",
        "ownership": "",
        "reliability": "",
    }
    response = editor_client.post(admin_url("source", "change", source.pk), data)
    assert response.status_code == 302
    source.refresh_from_db()
    assert source.aliases == ["Peskov", "Дмитрий Песков"]
    response = editor_client.get(admin_url("source", "change", source.pk))
    assertContains(response, "Peskov\nДмитрий Песков</textarea>")


def test_entity_aliases_are_edited_one_per_line(editor_client):
    data = {
        "name": "Vladimir Putin",
        "slug": "vladimir-putin",
        "kind": "person",
        "aliases": "Putin\r\nV. Putin",
        "wikidata_id": "Q7747",
        "description": "",
    }
    response = editor_client.post(admin_url("entity", "add"), data)
    assert response.status_code == 302
    entity = Entity.objects.get()
    assert entity.aliases == ["Putin", "V. Putin"]
    response = editor_client.get(admin_url("entity", "change", entity.pk))
    assertContains(response, "Putin\nV. Putin</textarea>")


def test_autocomplete_for_statement_sources_returns_matches(editor_client):
    peskov = make_source("Dmitry Peskov")
    make_source("Yuri Ushakov")
    response = editor_client.get(
        "/admin/autocomplete/",
        {"app_label": "stories", "model_name": "statement", "field_name": "source", "term": "pes"},
    )
    assert response.status_code == 200
    assert response.json()["results"] == [{"id": str(peskov.pk), "text": "Dmitry Peskov"}]


def test_verdict_history_cannot_be_added_changed_or_deleted(client, editor):
    statement = make_statement()
    statement.set_verdict(Verdict.FALSE, by=editor)
    change = statement.history.get()
    superuser = make_staff_user(username="root")
    superuser.is_superuser = True
    superuser.save()
    for user in [editor, superuser]:
        client.force_login(user)
        assert client.get(admin_url("verdictchange", "add")).status_code == 403
        response = client.post(
            admin_url("verdictchange", "change", change.pk),
            {"from_verdict": "verified", "to_verdict": "verified", "note": "rewritten"},
        )
        assert response.status_code == 403
        assert client.post(admin_url("verdictchange", "delete", change.pk)).status_code == 403
        response = client.get(admin_url("verdictchange", "changelist"))
        assertNotContains(response, "delete_selected")
    change.refresh_from_db()
    assert (change.to_verdict, change.note) == (Verdict.FALSE, "")


def test_source_kinds_are_filterable(editor_client):
    make_source("Example Agency", kind=SourceKind.OUTLET)
    make_source("Jane Minister")
    response = editor_client.get(admin_url("source", "changelist"), {"kind__exact": "outlet"})
    assertContains(response, "Example Agency")
    assertNotContains(response, "Jane Minister")
    assert Source.objects.count() == 2
