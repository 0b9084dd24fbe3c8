import io
import json

import pytest
from django.core.management import CommandError, call_command

from stories.exporting import article_to_dict, iter_article_dicts
from stories.models import (
    Article,
    Entity,
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
    make_editor,
    make_evidence,
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
    transaction on PostgreSQL)."""
    Statement.objects.all().delete()  # with evidence and history
    Article.objects.all().delete()  # with tags and anonymous sources
    Source.objects.all().delete()
    Entity.objects.all().delete()
    Story.objects.all().delete()


def test_export_round_trip_loses_nothing(tmp_path):
    call_command("load_articles", str(SAMPLES), stdout=io.StringIO())
    editor = make_editor()
    checked = Statement.objects.get(quote__startswith="No date for the possible meeting")
    checked.set_verdict(Verdict.VERIFIED, by=editor, note="The Kremlin readout says so.")
    make_evidence(checked, url="https://example.org/readout", title="Readout", note="Official.")
    disputed = Statement.objects.get(quote__startswith="The pair were found dead")
    disputed.set_verdict(Verdict.FALSE, by=editor, note="They survived.")
    noted = Statement.objects.get(quote__startswith="The White House said")
    noted.note = "Worth checking."
    noted.save()
    first = export(tmp_path)

    flush_newsroom()
    assert not Source.objects.exists()
    call_command("load_articles", str(tmp_path / "export.jsonl"), stdout=io.StringIO())
    second = export(tmp_path)

    assert second == first
    ushakov = Source.objects.get(name="Yuri Ushakov")
    assert (ushakov.aliases, ushakov.role) == (["Yury Ushakov"], "Putin aide")
    assert Source.objects.get(name="Dmitry Peskov").affiliation.name == "Kremlin"
    changes = VerdictChange.objects.order_by("to_verdict")
    assert [(c.to_verdict, c.user, c.note) for c in changes] == [
        (Verdict.FALSE, None, "They survived."),
        (Verdict.VERIFIED, None, "The Kremlin readout says so."),
    ]
    assert Source.objects.filter(kind=SourceKind.ANONYMOUS, scope_article__isnull=False).exists()


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


def test_export_queries_do_not_grow_with_statements_or_articles(django_assert_max_num_queries):
    for _ in range(3):
        make_article_with_statements(5)
    # per chunk: articles, tags, statements, evidence, sources, affiliations; then an empty page
    with django_assert_max_num_queries(8):
        assert len(list(iter_article_dicts(chunk_size=10))) == 3
    for _ in range(3):
        make_article_with_statements(10)
    with django_assert_max_num_queries(8):
        assert len(list(iter_article_dicts(chunk_size=10))) == 6


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
