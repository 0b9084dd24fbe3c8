import io
import json

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db import DatabaseError

from stories.exporting import article_to_dict, iter_article_dicts
from stories.models import (
    Article,
    Claim,
    ClaimRelation,
    Correction,
    Entity,
    RelationKind,
    Source,
    SourceKind,
    Statement,
    Story,
    Verdict,
    VerdictChange,
)
from tests.factories import (
    SAMPLES,
    make_article,
    make_article_with_statements,
    make_claim,
    make_correction,
    make_editor,
    make_evidence,
    make_fact_checker,
    make_relation,
    make_source,
    make_statement,
)

pytestmark = pytest.mark.django_db

ARTICLE_KEYS = {
    "headline",
    "slug",
    "outlet",
    "url",
    "published",
    "byline",
    "dek",
    "caption",
    "caption_credit",
    "story",
    "status",
    "body",
    "entities",
    "statements",
    "sources",
    "fingerprint",
    "outlet_slug",
    "corrections",
    "claims",
}
STATEMENT_KEYS = {
    "start",
    "end",
    "quote",
    "source",
    "source_kind",
    "via",
    "attribution",
    "kind",
    "confidence",
    "source_confidence",
    "verdict",
    "note",
    "evidence",
    "orphaned",
    "source_slug",
    "via_slug",
    "reviewed_by",
    "reviewed_at",
    "history",
    "claim",
    "claim_slug",
    "claim_difference",
}


def export(tmp_path=None):
    out = io.StringIO()
    if tmp_path is None:
        call_command("export_articles", stdout=out)
        return out.getvalue()
    target = tmp_path / "export.jsonl"
    call_command("export_articles", output=str(target), stdout=out)
    return target.read_text()


def records(text):
    return [json.loads(line) for line in text.splitlines()]


def test_each_article_is_one_line_with_the_documented_keys():
    article = make_article()
    statement = make_statement(article, source=make_source("Jane Roe"))
    make_evidence(statement, url="https://example.org/a", title="A", note="n")
    (record,) = records(export())
    assert ARTICLE_KEYS <= record.keys()
    assert STATEMENT_KEYS <= record["statements"][0].keys()
    assert record["statements"][0]["evidence"] == [
        {"url": "https://example.org/a", "title": "A", "note": "n"}
    ]
    assert record["statements"][0]["source"] == "Jane Roe"
    assert record["body"] == article.body


def test_missing_values_are_null():
    make_statement(make_article(outlet=None))
    (record,) = records(export())
    assert record["outlet"] is None
    assert record["published"] is None
    assert record["story"] is None
    assert record["statements"][0]["source"] is None
    assert record["statements"][0]["via"] is None


def test_sources_list_every_source_used_with_affiliation_chains():
    government = make_source("Russian government", kind=SourceKind.GOVERNMENT)
    kremlin = make_source("Kremlin", kind=SourceKind.GOVERNMENT, affiliation=government)
    peskov = make_source("Dmitry Peskov", role="Kremlin spokesman", affiliation=kremlin)
    cnn = make_source("CNN", kind=SourceKind.OUTLET)
    make_statement(source=peskov, via=cnn)
    (record,) = records(export())
    names = {s["name"]: s for s in record["sources"]}
    assert set(names) == {"Example News", "Dmitry Peskov", "CNN", "Kremlin", "Russian government"}
    assert names["Dmitry Peskov"]["affiliation"] == "Kremlin"
    assert names["Dmitry Peskov"]["role"] == "Kremlin spokesman"
    assert names["Kremlin"]["affiliation"] == "Russian government"


def test_export_writes_to_a_file(tmp_path):
    make_article()
    text = export(tmp_path)
    assert len(records(text)) == 1
    assert not list(tmp_path.glob(".*partial"))


def flush_newsroom():
    """Empties every table the loader writes (flush itself cannot run inside a test's
    transaction on PostgreSQL). Users stay, as they would in another newsroom's database."""
    Statement.objects.all().delete()  # with evidence, history and claim suggestions
    Article.objects.all().delete()  # with tags, corrections and anonymous sources
    Claim.objects.all().delete()  # with their relations
    Source.objects.all().delete()
    Entity.objects.all().delete()
    Story.objects.all().delete()


def quoted(start_of_quote):
    return Statement.objects.get(quote__startswith=start_of_quote)


def newsroom_as_edited():
    """The samples after a day at the review desk: verdicts changed twice, evidence, a
    claim across both articles contradicted by another, a difference explained, corrections,
    an edited body that orphaned a statement and a correction, and two sources of one name."""
    call_command("load_articles", str(SAMPLES), stdout=io.StringIO())
    editor, checker = make_editor("editor"), make_fact_checker("checker")
    checked = quoted("No date for the possible meeting")
    checked.set_verdict(Verdict.DISPUTED, by=checker, note="Only one side says so.")
    checked.set_verdict(Verdict.VERIFIED, by=editor, note="The Kremlin readout says so.")
    make_evidence(checked, url="https://example.org/readout", title="Readout", note="Official.")
    quoted("The pair were found dead").set_verdict(Verdict.FALSE, by=editor, note="They survived.")
    noted = quoted("The White House said")
    noted.note = "Worth checking."
    noted.save()
    invited = make_claim(
        "Trump invited Putin to the White House",
        [quoted("The Kremlin said Monday"), quoted("Donald Trump has invited")],
    )
    differs = quoted("The Kremlin said Monday")
    differs.claim_difference = "The NBC account hedges it."
    differs.save()
    invited.set_verdict(Verdict.DISPUTED, by=checker, note="The White House will not confirm.")
    denial = make_claim("Trump did not invite Putin", [quoted("Kremlin spokesman Dmitry Peskov")])
    make_relation(denial, RelationKind.CONTRADICTS, invited, note="Peskov against Ushakov.")
    second = Article.objects.get(headline__startswith="Donald Trump Invited")
    make_correction(second, "were found dead", text="Sergei and Yulia Skripal survived.")
    nbc = Article.objects.get(outlet__name="NBC News")
    sanders = '"We have nothing further to add at this time," Sanders added.'
    make_correction(nbc, sanders, text="Sanders said more later.", published=False)
    nbc.body = nbc.body.replace(sanders + "\n\n", "")
    nbc.save()  # the statement and the correction on those words are orphaned
    mayor = make_source("Jane Smith", role="Mayor of Springfield")
    judge = make_source("Jane Smith", role="Circuit judge")
    for start_of_quote, source in (("With these issues", mayor), ("It bears noting", judge)):
        statement = quoted(start_of_quote)
        statement.source = source
        statement.save()
    return editor, checker


def history_rows():
    return sorted(
        (c.statement.quote, c.at, c.user_id, c.from_verdict, c.to_verdict, c.note)
        for c in VerdictChange.objects.select_related("statement")
    )


def test_export_round_trip_gives_back_the_same_export_and_everything_in_it(tmp_path):
    editor, checker = newsroom_as_edited()
    first = export(tmp_path)
    history = history_rows()
    reviews = sorted(
        Statement.objects.exclude(reviewed_by=None).values_list(
            "quote", "reviewed_by", "reviewed_at"
        )
    )

    flush_newsroom()
    assert not Source.objects.exists() and not VerdictChange.objects.exists()
    call_command("load_articles", str(tmp_path / "export.jsonl"), stdout=io.StringIO())
    second = export(tmp_path)

    assert second == first
    # What the export could leave out unseen, checked in the database itself:
    assert history_rows() == history  # the very rows, nothing invented ("unchecked → x")
    assert len(history) == 4  # two on one statement, one each on two others
    assert (
        sorted(
            Statement.objects.exclude(reviewed_by=None).values_list(
                "quote", "reviewed_by", "reviewed_at"
            )
        )
        == reviews
    )
    assert {r[1] for r in reviews} == {editor.pk, checker.pk}
    orphan = Statement.objects.get(orphaned=True)
    assert orphan.quote.startswith('"We have nothing further')
    assert Statement.objects.filter(orphaned=False).count() == Statement.objects.count() - 1
    corrections = Correction.objects.order_by("text")
    assert [(c.text, c.orphaned, c.published) for c in corrections] == [
        ("Sanders said more later.", True, False),
        ("Sergei and Yulia Skripal survived.", False, True),
    ]
    invited = Claim.objects.get(text="Trump invited Putin to the White House")
    assert (invited.verdict, invited.reviewed_by) == (Verdict.DISPUTED, checker)
    assert invited.statements.count() == 2
    assert invited.statements.get(claim_difference="The NBC account hedges it.")
    relation = ClaimRelation.objects.get()
    assert (relation.claim.text, relation.kind, relation.other) == (
        "Trump did not invite Putin",
        RelationKind.CONTRADICTS,
        invited,
    )
    smiths = Source.objects.filter(name="Jane Smith").order_by("slug")
    assert [s.role for s in smiths] == ["Mayor of Springfield", "Circuit judge"]
    assert all(s.statements.count() == 1 for s in smiths)
    ushakov = Source.objects.get(name="Yuri Ushakov")
    assert (ushakov.aliases, ushakov.role) == (["Yury Ushakov"], "Putin aide")
    assert Source.objects.get(name="Dmitry Peskov").affiliation.name == "Kremlin"
    assert Source.objects.filter(kind=SourceKind.ANONYMOUS, scope_article__isnull=False).exists()


def test_a_reviewer_unknown_to_the_new_database_is_left_blank(tmp_path):
    gone = make_editor("gone")
    statement = make_statement(make_article())
    statement.set_verdict(Verdict.FALSE, by=gone, note="Wrong.")
    export(tmp_path)
    flush_newsroom()
    gone.delete()
    call_command("load_articles", str(tmp_path / "export.jsonl"), stdout=io.StringIO())
    loaded = Statement.objects.get()
    assert (loaded.verdict, loaded.reviewed_by, loaded.note) == (Verdict.FALSE, None, "Wrong.")
    assert loaded.reviewed_at == statement.reviewed_at
    assert [(c.user, c.to_verdict) for c in loaded.history.all()] == [(None, Verdict.FALSE)]


def test_a_record_without_history_gets_one_change_for_its_verdict(tmp_path):
    statement = make_statement(make_article())
    statement.set_verdict(Verdict.FALSE, by=None, note="Wrong.")
    (record,) = records(export())
    flush_newsroom()
    del record["statements"][0]["history"]
    (tmp_path / "old.jsonl").write_text(json.dumps(record) + "\n")
    call_command("load_articles", str(tmp_path / "old.jsonl"), stdout=io.StringIO())
    change = VerdictChange.objects.get()
    assert (change.from_verdict, change.to_verdict, change.note) == ("unchecked", "false", "Wrong.")


def test_an_export_loaded_again_is_unchanged(tmp_path):
    call_command("load_articles", str(SAMPLES), stdout=io.StringIO())
    export(tmp_path)
    out = io.StringIO()
    call_command("load_articles", str(tmp_path / "export.jsonl"), stdout=out)
    assert "unchanged: 2" in out.getvalue() and "created: 0" in out.getvalue()
    assert Article.objects.count() == 2


def test_a_text_file_and_its_export_have_one_fingerprint(tmp_path):
    from stories.importing import fingerprint

    call_command("load_articles", str(SAMPLES), stdout=io.StringIO())
    for record in records(export()):
        assert record["fingerprint"] == fingerprint(
            record["outlet"], record["url"], record["headline"], record["body"]
        )


def test_a_record_whose_quote_does_not_match_is_refused(tmp_path):
    make_statement(make_article())
    (record,) = records(export())
    Article.objects.all().delete()
    record["statements"][0]["quote"] = "something else"
    record["fingerprint"] = "changed"
    (tmp_path / "bad.jsonl").write_text(json.dumps(record) + "\n")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("load_articles", str(tmp_path), stdout=io.StringIO(), stderr=err)
    assert "bad.jsonl: line 1: statement 1: the quote does not match" in err.getvalue()
    assert not Article.objects.exists()


def make_reviewed_articles(count, statements):
    """Articles whose statements have verdicts (with history), evidence, reviewers and
    claims shared across the articles, with a correction and a claim relation each."""
    editor = User.objects.first() or make_editor()
    for _ in range(count):
        article = make_article_with_statements(statements)
        earlier = Claim.objects.order_by("pk").first() or make_claim()
        claim = make_claim(statements=list(article.statements.all()[:2]))
        make_relation(claim, RelationKind.SUPPORTS, earlier)
        for statement in article.statements.all()[:3]:
            statement.set_verdict(Verdict.MISLEADING, by=editor, note="Out of context.")
        make_correction(article, "Claim number 1", text="It was claim number one.")


def test_export_queries_do_not_grow_with_statements_or_articles(django_assert_num_queries):
    make_editor()
    make_reviewed_articles(3, 5)
    # Per chunk: articles with their stories; entities; statements with their reviewers and
    # claims (with the claims' stories and reviewers); evidence; verdict history with users;
    # corrections with their authors; claim relations; sources; their affiliations.
    with django_assert_num_queries(9):
        assert len(list(iter_article_dicts(chunk_size=10))) == 3
    make_reviewed_articles(3, 10)
    with django_assert_num_queries(9):
        assert len(list(iter_article_dicts(chunk_size=10))) == 6
    with django_assert_num_queries(2 * 9):  # two chunks of five: twice the queries
        assert len(list(iter_article_dicts(chunk_size=5))) == 6


def test_export_articles_leaves_no_partial_file_when_it_fails(tmp_path, monkeypatch):
    from stories.management.commands import export_articles

    make_article()
    make_article()
    target = tmp_path / "export.jsonl"
    target.write_text("an earlier export\n")

    def failing(**kwargs):
        yield {"headline": "first"}
        raise DatabaseError("connection lost")

    monkeypatch.setattr(export_articles, "iter_article_dicts", failing)
    with pytest.raises(CommandError, match="connection lost"):
        call_command("export_articles", output=str(target), stdout=io.StringIO())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.jsonl"]
    assert target.read_text() == "an earlier export\n"


def test_export_streams_in_chunks():
    for _ in range(5):
        make_article()
    slugs = [record["slug"] for record in iter_article_dicts(chunk_size=2)]
    assert slugs == list(Article.objects.order_by("pk").values_list("slug", flat=True))


def test_confidences_are_exported_and_loaded_back(tmp_path):
    call_command("load_articles", str(SAMPLES), stdout=io.StringIO())
    first = records(export(tmp_path))
    shares = [(s["confidence"], s["source_confidence"]) for r in first for s in r["statements"]]
    assert all(0 < c <= 1 and 0 < sc <= 1 for c, sc in shares)
    assert len(set(shares)) > 1  # they say something: not all the same
    flush_newsroom()
    call_command("load_articles", str(tmp_path / "export.jsonl"), stdout=io.StringIO())
    again = Statement.objects.order_by("article__headline", "start")
    assert sorted(shares) == sorted((s.confidence, s.source_confidence) for s in again)


def test_a_record_without_confidences_is_sure_and_a_bad_one_is_refused(tmp_path):
    make_statement(make_article())
    (record,) = records(export())
    Article.objects.all().delete()
    del record["statements"][0]["confidence"]
    record["statements"][0]["source_confidence"] = 1.5
    record["fingerprint"] = "changed"
    (tmp_path / "bad.jsonl").write_text(json.dumps(record) + "\n")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("load_articles", str(tmp_path), stdout=io.StringIO(), stderr=err)
    assert "statements[0].source_confidence: expected a number from 0 to 1" in err.getvalue()
    record["statements"][0]["source_confidence"] = 0.4
    (tmp_path / "bad.jsonl").write_text(json.dumps(record) + "\n")
    call_command("load_articles", str(tmp_path), stdout=io.StringIO())
    loaded = Statement.objects.get()
    assert (loaded.confidence, loaded.source_confidence) == (1.0, 0.4)


def test_article_to_dict_reads_its_own_sources():
    statement = make_statement(source=make_source("Jane Roe"))
    record = article_to_dict(statement.article)
    assert record["statements"][0]["source_kind"] == SourceKind.PERSON
