"""The editors' admin, through its URLs, as an editor, a fact-checker and lesser users."""

import pytest
from django.contrib.admin import helpers
from django.contrib.admin.models import LogEntry
from django.db import IntegrityError, transaction
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains

from stories.importing import fingerprint
from stories.models import (
    Article,
    ArticleStatus,
    Correction,
    Entity,
    MergeSuggestion,
    Source,
    SourceKind,
    Statement,
    StatementKind,
    SuggestionStatus,
    Verdict,
    VerdictChange,
)
from tests.factories import (
    NO_CORRECTIONS,
    admin_url,
    article_post_data,
    make_anonymous_source,
    make_article,
    make_correction,
    make_editor,
    make_entity,
    make_evidence,
    make_source,
    make_staff_user,
    make_statement,
    make_story,
    make_suggestion,
    statement_post_data,
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
        **NO_CORRECTIONS,
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
        **NO_CORRECTIONS,
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


def test_rewriting_a_statements_words_in_the_admin_orphans_it_for_an_editor(editor_client):
    article = make_article(status=ArticleStatus.DRAFT)
    statement = make_statement(article, "Critics said the project was over budget.")
    body = article.body.replace(
        "Critics said the project was over budget.", "Nobody disputes the final cost."
    )
    response = editor_client.post(
        admin_url("article", "change", article.pk),
        article_post_data(article, [statement], body=body),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    statement.refresh_from_db()
    assert article.body == body
    assert statement.orphaned
    assert statement.quote == "Critics said the project was over budget."  # kept to place again


def test_a_statement_follows_its_lightly_edited_words_in_the_admin(editor_client):
    article = make_article()
    statement = make_statement(article, "Critics said the project was over budget.")
    body = "Update: a new first paragraph.\n\n" + article.body.replace(
        "was over budget", "was well over budget"
    )
    response = editor_client.post(
        admin_url("article", "change", article.pk),
        article_post_data(article, [statement], body=body),
    )
    assert response.status_code == 302
    statement.refresh_from_db()
    assert not statement.orphaned
    assert statement.quote == "Critics said the project was well over budget."


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


# Corrections ---------------------------------------------------------------------------------


def correction_post_data(article, wrong, **changes):
    start = article.body.index(wrong)
    data = {
        "article": article.pk,
        "start": start,
        "end": start + len(wrong),
        "text": "It opens in June.",
        "published": "on",
    }
    data.update(changes)
    return data


def test_fact_checker_records_a_correction_whose_words_come_from_the_body(
    checker_client, fact_checker
):
    article = make_article()
    response = checker_client.get(admin_url("correction", "add"), {"article": article.pk})
    assertContains(response, "data-span-picker")
    assertContains(response, "js/admin.js")
    data = correction_post_data(article, "the bridge would open in May", quote="typed words")
    response = checker_client.post(admin_url("correction", "add"), data)
    assert response.status_code == 302
    correction = Correction.objects.get()
    assert (correction.quote, correction.text, correction.created_by) == (
        "the bridge would open in May",
        "It opens in June.",
        fact_checker,
    )
    assert correction.prefix == article.body[: correction.start][-32:]


def test_a_correction_outside_the_body_is_refused(checker_client):
    article = make_article()
    data = correction_post_data(article, "the bridge", end=10_000)
    response = checker_client.post(admin_url("correction", "add"), data)
    assertContains(response, "is outside the body")
    assert not Correction.objects.exists()


def test_editor_adds_a_correction_on_the_article_page(editor_client, editor):
    article = make_article()
    response = editor_client.get(admin_url("article", "change", article.pk))
    assertContains(response, "Corrections of the outlet&#x27;s own text")
    assertContains(response, f"{admin_url('correction', 'add')}?article={article.pk}")
    start = article.body.index("over budget")
    data = article_post_data(
        article,
        **{
            "corrections-TOTAL_FORMS": 1,
            "corrections-0-start": start,
            "corrections-0-end": start + len("over budget"),
            "corrections-0-text": "It was on budget.",
            "corrections-0-published": "on",
        },
    )
    response = editor_client.post(admin_url("article", "change", article.pk), data)
    assert response.status_code == 302
    correction = article.corrections.get()
    assert (correction.quote, correction.created_by) == ("over budget", editor)
    response = editor_client.get(admin_url("article", "change", article.pk))
    assertContains(response, "“over budget”")  # the span, shown read-only


def test_corrections_are_listed_searched_and_filtered(editor_client):
    article = make_article("Bridge to open in May")
    make_correction(article, "the bridge would open in May", text="It opens in June.")
    make_correction(article, "over budget", text="It was on budget.", published=False)
    response = editor_client.get(admin_url("correction", "changelist"))
    assertContains(response, "“the bridge would open in May”")
    assertContains(response, "Bridge to open in May")
    response = editor_client.get(admin_url("correction", "changelist"), {"q": "june"})
    assertContains(response, "1 correction")
    response = editor_client.get(admin_url("correction", "changelist"), {"published__exact": "0"})
    assertContains(response, "It was on budget.")
    assertNotContains(response, "It opens in June.")


# Queries for an editor's correction list: session, user, the user's permissions and those of
# the user's groups, the outlet and story filters' choices, the filtered count, the full count,
# the corrections with their articles and authors.
CORRECTION_LIST_QUERIES = 9


@pytest.mark.parametrize("n", [2, 8])
def test_correction_list_queries_do_not_grow(editor_client, django_assert_num_queries, n):
    story = make_story()
    for _ in range(n):
        make_correction(make_article(story=story), "over budget")
    with django_assert_num_queries(CORRECTION_LIST_QUERIES):
        response = editor_client.get(admin_url("correction", "changelist"))
    assertContains(response, f"{n} corrections")


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


# Extraction confidence -----------------------------------------------------------------------


def test_statement_list_shows_confidence_in_numbers_and_words_doubtful_first(editor_client):
    article = make_article()
    sure = make_statement(article, "the bridge would open in May", confidence=0.93)
    doubtful = make_statement(
        article, '"We are on schedule,"', confidence=0.41, source_confidence=0.7
    )
    likely = make_statement(article, "Critics said the project was over budget.", confidence=0.6)
    response = editor_client.get(admin_url("statement", "changelist"))
    assertContains(response, '<th scope="col" class="sortable column-confidence_display')
    assertContains(response, 'title="Extraction confidence: 41% (doubtful)"')
    assertContains(response, '41% <span class="confidence-level">doubtful</span>')
    assertContains(response, '60% <span class="confidence-level">likely</span>')
    assertContains(response, '70% <span class="confidence-level">likely</span>')
    assertContains(response, '93% <span class="confidence-level">sure</span>')
    assertContains(response, 'title="Source confidence: 70% (likely)"')
    assert list(response.context["cl"].result_list) == [doubtful, likely, sure]


@pytest.mark.parametrize(
    ("param", "level", "expected"),
    [
        ("confidence", "doubtful", ["doubtful"]),
        ("confidence", "likely", ["likely"]),
        ("confidence", "sure", ["sure", "unsure source"]),
        ("source_confidence", "doubtful", ["unsure source"]),
        ("source_confidence", "sure", ["doubtful", "likely", "sure"]),
    ],
)
def test_statements_filter_by_confidence(editor_client, param, level, expected):
    article = make_article()
    make_statement(article, "the bridge would open in May", confidence=0.59, note="doubtful")
    make_statement(article, '"We are on schedule,"', confidence=0.849, note="likely")
    make_statement(article, "Critics said the project was over budget.", note="sure")
    make_statement(
        make_article(), "she told reporters", confidence=0.85, source_confidence=0.2,
        note="unsure source",
    )  # fmt: skip
    response = editor_client.get(admin_url("statement", "changelist"), {param: level})
    assert sorted(s.note for s in response.context["cl"].result_list) == sorted(expected)


def test_article_page_shows_each_statements_confidence_and_a_doubtful_badge(editor_client):
    article = make_article()
    doubtful = make_statement(
        article, "the bridge would open in May", confidence=0.45, source_confidence=0.5
    )
    by_hand = make_statement(article, "Critics said the project was over budget.")
    response = editor_client.get(admin_url("article", "change", article.pk))
    verdict = Verdict.UNCHECKED
    assertContains(
        response,
        f'<mark class="statement verdict-unchecked" title="{verdict.label}: the outlet '
        '(Indirect (reported) speech); confidence 45% (doubtful), source 50% (doubtful)" '
        f'id="statement-{doubtful.pk}">'
        f'<a href="{admin_url("statement", "change", doubtful.pk)}">'
        f'<span class="verdict-badge">{verdict.icon} {verdict.label}</span> '
        '<span class="doubt-badge" title="Extraction is unsure this is an attributed statement">'
        "doubtful</span> "
        '<span class="doubt-badge" title="Extraction is unsure who said it">source doubtful</span> '
        f"{escape(doubtful.quote)}</a></mark>",
        html=True,
    )
    # A statement made by hand (confidence 1) says nothing of confidence in the text.
    assertContains(response, f'title="{verdict.label}: the outlet (Indirect (reported) speech)"')
    assertContains(response, "doubt-badge", count=2)
    # The statements inline: a column of confidence, read-only.
    assertContains(response, '<td class="field-confidence_display">', count=3)  # and a new row
    assertContains(response, f"Characters {doubtful.start}–{doubtful.end}; confidence 45%")
    assertContains(response, f"Characters {by_hand.start}–{by_hand.end}")
    assertNotContains(response, 'name="statements-0-confidence"')


def test_confidence_is_read_only_in_the_admin(editor_client):
    statement = make_statement(confidence=0.5, source_confidence=0.4)
    response = editor_client.get(admin_url("statement", "change", statement.pk))
    assertContains(response, '50% <span class="confidence-level">doubtful</span>')
    assertNotContains(response, 'name="confidence"')
    assertNotContains(response, 'name="source_confidence"')
    response = editor_client.post(
        admin_url("statement", "change", statement.pk),
        statement_post_data(statement, confidence=1, source_confidence=1),
    )
    assert response.status_code == 302
    statement.refresh_from_db()
    assert (statement.confidence, statement.source_confidence) == (0.5, 0.4)


# Merging sources and entities ----------------------------------------------------------------


def merge_action(client, model, rows, **data):
    """Runs the merge action on `rows`; with `keep`, confirms it as the confirmation page does."""
    post = {"action": "merge_selected", helpers.ACTION_CHECKBOX_NAME: [r.pk for r in rows]}
    if "keep" in data:
        post.update(post="yes", keep=data.pop("keep").pk)
    post.update(data)
    return client.post(admin_url(model, "changelist"), post, follow=True)


@pytest.fixture
def two_peskovs():
    keep = make_source("Dmitry Peskov", aliases=["Peskov"])
    other = make_source("Dmitri Peskov", role="Kremlin spokesman")
    article = make_article()
    make_statement(article, "the bridge would open in May", source=keep)
    make_statement(article, '"We are on schedule,"', source=keep)
    make_statement(article, "Critics said the project was over budget.", via=keep, source=other)
    return keep, other


def test_merge_action_asks_which_source_to_keep(editor_client, two_peskovs):
    keep, other = two_peskovs
    response = merge_action(editor_client, "source", [other, keep])
    assert response.status_code == 200
    assert response.templates[0].name == "admin/stories/merge_confirmation.html"
    assertContains(response, "<h1>Merge sources</h1>", html=True)
    assertContains(response, "csrfmiddlewaretoken")
    for row, checked in [(keep, " checked"), (other, "")]:
        assertContains(
            response,
            f'<input type="radio" name="keep" value="{row.pk}" id="keep-{row.pk}"{checked} '
            "required>",
            html=True,
        )
        assertContains(response, f'<label for="keep-{row.pk}">{row.name}</label>', html=True)
        assertContains(
            response,
            f'<input type="hidden" name="_selected_action" value="{row.pk}">',
            html=True,
        )
    # Kind, other names, statements, relayed, articles published, members.
    assertContains(response, "<td>Person</td><td>Peskov</td><td>2</td><td>1</td>", html=True)
    assertContains(response, '<input type="hidden" name="action" value="merge_selected">')
    assertContains(response, '<input type="submit" value="Yes, merge them">', html=True)
    assert Source.objects.filter(pk=other.pk).exists()


def test_confirming_the_merge_merges_and_says_so(editor_client, editor, two_peskovs):
    keep, other = two_peskovs
    response = merge_action(editor_client, "source", [keep, other], keep=keep)
    assert response.redirect_chain[-1][0] == admin_url("source", "changelist")
    assertContains(
        response,
        "Merged “Dmitri Peskov” into “Dmitry Peskov”: moved 1 statement. 1 name added as aliases.",
    )
    assert not Source.objects.filter(pk=other.pk).exists()
    keep.refresh_from_db()
    assert (keep.aliases, keep.role) == (["Peskov", "Dmitri Peskov"], "Kremlin spokesman")
    assert keep.statements.count() == 3
    entry = LogEntry.objects.get()
    assert (entry.user, entry.object_id) == (editor, str(keep.pk))
    response = editor_client.get(admin_url("source", "history", keep.pk))
    assertContains(response, "Merged “Dmitri Peskov” into “Dmitry Peskov”")


def test_the_editor_may_keep_either_source(editor_client, two_peskovs):
    keep, other = two_peskovs
    merge_action(editor_client, "source", [keep, other], keep=other)
    assert Source.objects.get(pk=other.pk).statements.count() == 3
    assert not Source.objects.filter(pk=keep.pk).exists()


def test_keeping_a_source_that_was_not_selected_is_refused(editor_client, two_peskovs):
    keep, other = two_peskovs
    stranger = make_source("Somebody else")
    response = merge_action(editor_client, "source", [keep, other], keep=stranger)
    assertContains(response, "Choose one of the selected rows to keep.")
    assert Source.objects.count() == 4  # with the outlet


def test_merging_one_source_asks_for_two(editor_client, two_peskovs):
    response = merge_action(editor_client, "source", two_peskovs[:1])
    assertContains(response, "Select two or more sources to merge them.")


def test_anonymous_sources_of_two_articles_are_not_merged_in_the_admin(editor_client):
    one = make_anonymous_source(make_article(), "a senior official")
    two = make_anonymous_source(make_article(), "a senior official")
    for data in [{}, {"keep": one}]:
        response = merge_action(editor_client, "source", [one, two], **data)
        assertContains(response, "scoped sources never merge across articles")
        assertContains(response, 'class="error"')
    assert Source.objects.filter(pk__in=[one.pk, two.pk]).count() == 2


def test_fact_checkers_cannot_merge(checker_client, two_peskovs):
    keep, other = two_peskovs
    for model in ["source", "entity"]:
        response = checker_client.get(admin_url(model, "changelist"))
        assert response.status_code == 200
        assertNotContains(response, "merge_selected")
        assertNotContains(response, "Merge selected")
    response = merge_action(checker_client, "source", [keep, other], keep=keep)
    assertNotContains(response, "Merged")
    assert Source.objects.filter(pk=other.pk).exists()


def test_merging_needs_change_and_delete_permissions(client, two_peskovs):
    keep, other = two_peskovs
    client.force_login(make_staff_user("stories.view_source", "stories.change_source"))
    assertNotContains(client.get(admin_url("source", "changelist")), "merge_selected")
    client.force_login(
        make_staff_user("stories.view_source", "stories.change_source", "stories.delete_source")
    )
    assertContains(client.get(admin_url("source", "changelist")), "Merge selected sources…")


def test_editor_merges_entities(editor_client):
    keep, other = make_entity("Kremlin"), make_entity("Moscow Kremlin", wikidata_id="Q83437")
    article = make_article()
    article.tags.add(keep, other)
    make_article().tags.add(other)
    response = merge_action(editor_client, "entity", [keep, other])
    assertContains(response, "<h1>Merge entities</h1>", html=True)
    assertContains(response, "<td>Q83437</td><td>2</td><td>0</td>", html=True)
    # The one more articles are tagged with is offered.
    assertContains(response, f'value="{other.pk}" id="keep-{other.pk}" checked')
    response = merge_action(editor_client, "entity", [keep, other], keep=keep)
    assertContains(response, "Merged “Moscow Kremlin” into “Kremlin”: moved 1 tagged article.")
    assert list(article.tags.all()) == [keep]
    keep.refresh_from_db()
    assert (keep.aliases, keep.wikidata_id) == (["Moscow Kremlin"], "Q83437")


# Queries for the confirmation page: session, user, the user's permissions and those of the
# user's groups, the changelist's filtered and full counts (Django makes its ChangeList before
# it runs the action), then the selected sources with their anonymous sources' articles and a
# subquery count of each kind of link.
MERGE_CONFIRMATION_QUERIES = 7


@pytest.mark.parametrize("n", [2, 8])
def test_merge_confirmation_queries_do_not_grow(editor_client, django_assert_num_queries, n):
    sources = [make_source() for _ in range(n)]
    for source in sources:
        make_statement(source=source)
    with django_assert_num_queries(MERGE_CONFIRMATION_QUERIES):
        response = merge_action(editor_client, "source", sources)
    assertContains(response, 'type="radio"', count=n)


# Merge suggestions ---------------------------------------------------------------------------


@pytest.fixture
def suggestion(two_peskovs):
    keep, other = two_peskovs
    return make_suggestion(keep, other, score=0.82, reason="Same surname, same role")


def suggestion_action(client, action, suggestions, **data):
    post = {"action": action, helpers.ACTION_CHECKBOX_NAME: [s.pk for s in suggestions], **data}
    return client.post(admin_url("mergesuggestion", "changelist"), post, follow=True)


def test_suggestion_list_shows_candidate_source_score_reason_and_status(editor_client, suggestion):
    response = editor_client.get(admin_url("mergesuggestion", "changelist"))
    assertContains(response, "Dmitri Peskov")
    assertContains(response, "Dmitry Peskov")
    assertContains(response, '<td class="field-score_display">82%</td>', html=True)
    assertContains(response, "Same surname, same role")
    assertContains(response, "Waiting for an editor")
    assertContains(response, '<option value="merge_suggested">Merge: they are the same</option>')
    assertContains(response, '<option value="reject_suggested">Reject: they are different</option>')
    response = editor_client.get(
        admin_url("mergesuggestion", "changelist"), {"status__exact": "rejected"}
    )
    assertContains(response, "0 merge suggestions")


def test_merging_a_suggestion_merges_the_candidate_into_the_source(
    editor_client, editor, suggestion
):
    keep, other = suggestion.source, suggestion.candidate
    response = suggestion_action(editor_client, "merge_suggested", [suggestion])
    assert response.templates[0].name == "admin/stories/mergesuggestion/merge_confirmation.html"
    assertContains(response, "2 statements, 1 relayed, 0 articles")  # the source, kept
    assertContains(response, "1 statement, 0 relayed, 0 articles")  # the candidate
    assertContains(response, '<input type="hidden" name="post" value="yes">', html=True)
    assert Source.objects.filter(pk=other.pk).exists()

    response = suggestion_action(editor_client, "merge_suggested", [suggestion], post="yes")
    assertContains(response, "Merged “Dmitri Peskov” into “Dmitry Peskov”")
    assert not Source.objects.filter(pk=other.pk).exists()
    assert keep.statements.count() == 3
    # The suggestion goes with the candidate; the kept source's history says who merged.
    assert not MergeSuggestion.objects.exists()
    entry = LogEntry.objects.get()
    assert entry.user == editor
    assert "Settled: suggestion “Dmitri Peskov” → “Dmitry Peskov” (82%" in entry.change_message


def test_rejecting_a_suggestion_keeps_the_pair_so_it_is_not_suggested_again(
    editor_client, editor, suggestion
):
    response = suggestion_action(editor_client, "reject_suggested", [suggestion])
    assertContains(response, "Rejected 1 suggestion: it will not be suggested again.")
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.decided_by) == (SuggestionStatus.REJECTED, editor)
    assert suggestion.decided_at is not None
    assert Source.objects.filter(pk=suggestion.candidate_id).exists()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_suggestion(suggestion.source, suggestion.candidate)
    # Deciding it again changes nothing.
    response = suggestion_action(editor_client, "reject_suggested", [suggestion])
    assertContains(response, "Rejected 0 suggestions")
    assertContains(response, "1 other was already decided.")
    response = suggestion_action(editor_client, "merge_suggested", [suggestion], post="yes")
    assertContains(response, "These suggestions are already decided.")
    assert Source.objects.filter(pk=suggestion.candidate_id).exists()


def test_a_refused_suggested_merge_is_reported_and_changes_nothing(editor_client):
    article = make_article()
    anonymous = make_anonymous_source(article)
    named = make_source("A senior official")
    bad = make_suggestion(named, anonymous)
    good = make_suggestion(make_source("Jane Minister"), make_source("J. Minister"))
    response = suggestion_action(editor_client, "merge_suggested", [bad, good], post="yes")
    assertContains(response, "Not merged: “a senior official” is an anonymous source")
    assertContains(response, "Merged “J. Minister” into “Jane Minister”")
    assert MergeSuggestion.objects.get() == bad
    assert bad.status == SuggestionStatus.OPEN


def test_suggestion_page_compares_the_two_and_offers_the_decision(editor_client, suggestion):
    response = editor_client.get(admin_url("mergesuggestion", "change", suggestion.pk))
    assertContains(response, "The two sources")
    assertContains(response, "2 statements, 1 relayed, 0 articles")
    assertContains(response, "Kremlin spokesman")
    assertContains(response, 'value="merge_suggested">Merge: they are the same…</button>')
    assertContains(response, 'value="reject_suggested">Reject: they are different</button>')
    assertNotContains(response, 'name="_save"')
    assertNotContains(response, 'name="score"')
    assert editor_client.get(admin_url("mergesuggestion", "add")).status_code == 403


def test_fact_checkers_see_suggestions_but_cannot_decide(checker_client, suggestion):
    response = checker_client.get(admin_url("mergesuggestion", "changelist"))
    assertContains(response, "Dmitri Peskov")
    assertNotContains(response, "merge_suggested")
    assertNotContains(response, "reject_suggested")
    response = checker_client.get(admin_url("mergesuggestion", "change", suggestion.pk))
    assert response.status_code == 200
    assertNotContains(response, "merge_suggested")
    for action in ["merge_suggested", "reject_suggested"]:
        suggestion_action(checker_client, action, [suggestion], post="yes")
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.OPEN
    assert Source.objects.filter(pk=suggestion.candidate_id).exists()


def test_source_page_shows_its_names_and_open_suggestions(editor_client, suggestion):
    keep, other = suggestion.source, suggestion.candidate
    decided = make_suggestion(keep, make_source("Peskova"), status=SuggestionStatus.REJECTED)
    response = editor_client.get(admin_url("source", "change", keep.pk))
    assertContains(
        response,
        '<ul class="names"><li class="names-main"><strong>Dmitry Peskov</strong> '
        '<span class="names-note">(name)</span></li><li>Peskov</li></ul>',
        html=True,
    )
    assertContains(
        response,
        f'<li>May be the same as <a href="{admin_url("source", "change", other.pk)}">'
        "Dmitri Peskov</a> (82% sure · Same surname, same role) · "
        f'<a href="{admin_url("mergesuggestion", "change", suggestion.pk)}">Decide…</a></li>',
        html=True,
    )
    assertNotContains(response, admin_url("mergesuggestion", "change", decided.pk))
    # The candidate's page shows the same suggestion, from its side.
    response = editor_client.get(admin_url("source", "change", other.pk))
    assertContains(response, admin_url("mergesuggestion", "change", suggestion.pk))
    assertContains(response, '<li class="names-none">No other names yet.</li>', html=True)


def test_source_add_page_has_no_names_or_suggestions_yet(editor_client):
    response = editor_client.get(admin_url("source", "add"))
    assertNotContains(response, "Known as")
    assertNotContains(response, "Open suggestions")


# Queries for an editor's suggestion list: session, user, the user's permissions and those of
# the user's groups, the filtered count, the full count, the suggestions with both sources.
SUGGESTION_LIST_QUERIES = 7


@pytest.mark.parametrize("n", [3, 9])
def test_suggestion_list_queries_do_not_grow(editor_client, django_assert_num_queries, n):
    known = make_source("Known")
    for _ in range(n):
        make_suggestion(known, make_source())
    with django_assert_num_queries(SUGGESTION_LIST_QUERIES):
        response = editor_client.get(admin_url("mergesuggestion", "changelist"))
    assertContains(response, f"{n} merge suggestions")


# Queries for a source's page: session, user, the user's permissions and those of the user's
# groups, the source, its affiliation, entity and anonymous article for the autocomplete
# widgets (none here), the open suggestions with their sources.
SOURCE_PAGE_QUERIES = 6


@pytest.mark.parametrize("n", [1, 5])
def test_source_page_queries_do_not_grow(editor_client, django_assert_num_queries, n):
    source = make_source("Known")
    for _ in range(n):
        make_suggestion(source, make_source())
    with django_assert_num_queries(SOURCE_PAGE_QUERIES):
        response = editor_client.get(admin_url("source", "change", source.pk))
    assertContains(response, "May be the same as", count=n)
