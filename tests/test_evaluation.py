import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from stories import evaluation
from stories.evaluation import Answer, Got, match
from stories.models import Article, Entity, Source, Statement

pytestmark = pytest.mark.django_db

EXTRACTION = Path(__file__).resolve().parent / "data" / "extraction"

ARTICLE = (
    "Outlet: Test Wire\n"
    "Dek: The mayor said the bridge would reopen in May.\n\n"
    "Bridge to reopen after repairs\n\n"
    "Mayor Lena Park said on Monday that the Harbor Bridge would reopen in May.\n\n"
    "“We are on schedule and on budget,” Park told reporters.\n\n"
    "The bridge carries about 40,000 cars a day.\n"
)
SAID = "Mayor Lena Park said on Monday that the Harbor Bridge would reopen in May."
TOLD = "“We are on schedule and on budget,” Park told reporters."
NARRATION = "The bridge carries about 40,000 cars a day."
DEK = "The mayor said the bridge would reopen in May."


def answer(sentence, source="Lena Park", kind="indirect", **fields):
    return {
        "sentence": sentence,
        "source": source,
        "source_kind": fields.pop("source_kind", "person"),
        "via": fields.pop("via", None),
        "kind": kind,
    }


PERFECT = {
    "statements": [answer(SAID), answer(TOLD, kind="direct")],
    "entities": [
        {"name": "Lena Park", "kind": "person", "aliases": ["Mayor Lena Park", "Park"]},
        {"name": "Harbor Bridge", "kind": "place", "aliases": []},
    ],
}


def write(folder, key, text=ARTICLE, name="01-bridge"):
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.json").write_text(json.dumps(key), encoding="utf-8")
    return folder


def scored(folder):
    scores = evaluation.evaluate(folder)
    return evaluation.figures(scores), evaluation.misses(scores)


# --- Matching ------------------------------------------------------------------------------------


def got(start, end):
    return Got(start, end, "", "X", frozenset({"x"}), "person", None, frozenset(), "indirect")


def located(start, end):
    return Answer("", "X", "person", None, "indirect", start=start, end=end)


@pytest.mark.parametrize(
    "span, lenient, strict",
    [
        ((0, 100), True, True),  # the whole sentence
        ((0, 80), True, True),  # 80% of it
        ((0, 79), True, False),  # less than 80%
        ((0, 30), True, False),  # 30%
        ((0, 29), False, False),  # less than 30%
        ((50, 300), True, False),  # a longer span over half of it
    ],
)
def test_a_found_statement_matches_when_it_covers_enough_of_the_sentence(span, lenient, strict):
    answers = [located(0, 100)]
    assert bool(match([got(*span)], answers, evaluation.LENIENT)) is lenient
    assert bool(match([got(*span)], answers, evaluation.STRICT)) is strict


def test_matching_is_one_to_one_and_the_largest_overlap_wins():
    answers = [located(0, 100), located(100, 200)]
    small, large = got(60, 100), got(0, 100)
    pairs = match([small, large], answers, evaluation.LENIENT)
    assert pairs == [(large, answers[0])]  # one answer, one statement: the other is left over
    both = match([got(0, 100), got(100, 200)], answers, evaluation.LENIENT)
    assert [(g.start, a.start) for g, a in both] == [(0, 0), (100, 100)]


def test_a_source_is_right_by_name_alias_or_anonymity():
    names = frozenset({"lena park", "mayor park"})
    named = Got(0, 1, "", "Lena Park", names, "person", None, frozenset(), "direct")
    assert evaluation.source_is_right(named, Answer("", "Mayor Park", "person", None, "direct"))
    assert not evaluation.source_is_right(named, Answer("", "John Park", "person", None, "x"))
    names = frozenset({"officials"})
    anonymous = Got(0, 1, "", "officials", names, "anonymous", None, frozenset(), "indirect")
    assert evaluation.source_is_right(anonymous, Answer("", "two aides", "anonymous", None, "x"))
    assert evaluation.via_is_right(named, Answer("", "x", "person", None, "x"))
    assert not evaluation.via_is_right(named, Answer("", "x", "person", "Reuters", "x"))


@pytest.mark.parametrize(
    "expected, found, right",
    [
        ("Defense Ministry", ["Russian Defense Ministry"], True),
        ("Russia's Defense Ministry", ["Defense Ministry"], True),
        ("Energy and Mines Ministry", ["Peru's Energy and Mines Ministry"], True),
        ("Food and Drug Administration", ["U.S. Food and Drug Administration"], True),
        ("Russia's Defense Ministry", ["Russian Defense Ministry"], True),
        ("Russian Defense Ministry", ["Ukrainian Defense Ministry"], False),
        # A found source's short alias does not make another country's body right.
        ("Ukrainian Defense Ministry", ["Russian Defense Ministry", "Defense Ministry"], False),
        ("Cup", ["America's Cup"], False),
        ("Defense Ministry", ["Interior Ministry"], False),
        ("Sudanese army", ["South Sudanese army"], False),
        ("North Korea Foreign Ministry", ["Korea Foreign Ministry"], False),
        ("Bank of Ireland", ["Central Bank of Ireland"], False),
        ("National Committee", ["Republican National Committee"], False),
    ],
)
def test_a_source_is_right_with_or_without_the_country_it_belongs_to(expected, found, right):
    names = evaluation._keys(found)
    got = Got(0, 1, "", found[0], names, "government", None, frozenset(), "x")
    answer = Answer("", expected, "government", None, "x")
    assert evaluation.source_is_right(got, answer) is right


# --- Scoring articles ----------------------------------------------------------------------------


def test_a_perfect_key_scores_one(tmp_path):
    result, missed = scored(write(tmp_path / "set", PERFECT))
    assert (result["statements_found"], result["statements_expected"]) == (2, 2)
    for name in ("lenient", "strict"):
        assert result[name]["precision"] == result[name]["recall"] == result[name]["f1"] == 1.0
    assert result["source_accuracy"] == result["via_accuracy"] == result["kind_accuracy"] == 1.0
    assert result["entities"]["precision"] == result["entities"]["recall"] == 1.0
    assert not missed["missed_statements"] and not missed["false_positives"]


def test_a_statement_the_loader_misses_costs_recall(tmp_path):
    key = {**PERFECT, "statements": [*PERFECT["statements"], answer(NARRATION)]}
    result, missed = scored(write(tmp_path / "set", key))
    assert result["statements_expected"] == 3
    assert result["lenient"]["precision"] == 1.0
    assert result["lenient"]["recall"] == pytest.approx(2 / 3)
    assert result["lenient"]["f1"] == pytest.approx(0.8)
    assert missed["missed_statements"] == [
        {"file": "01-bridge.txt", "sentence": NARRATION, "source": "Lena Park"}
    ]


def test_a_statement_the_key_lacks_costs_precision(tmp_path):
    key = {**PERFECT, "statements": PERFECT["statements"][:1]}
    result, missed = scored(write(tmp_path / "set", key))
    assert result["lenient"]["precision"] == 0.5 and result["lenient"]["recall"] == 1.0
    assert [m["text"] for m in missed["false_positives"]] == [TOLD]


def test_a_wrong_source_and_via_are_counted_and_listed(tmp_path):
    key = {
        **PERFECT,
        "statements": [
            answer(SAID, source="John Smith"),
            answer(TOLD, kind="direct", via="Reuters"),
        ],
    }
    result, missed = scored(write(tmp_path / "set", key))
    assert result["lenient"]["f1"] == 1.0  # the statements are still found
    assert result["source_accuracy"] == 0.5
    assert result["via_accuracy"] == 0.5
    assert missed["wrong_sources"][0]["expected"] == "John Smith"
    assert missed["wrong_sources"][0]["found"] == "Lena Park"
    assert missed["wrong_vias"][0] == {
        "file": "01-bridge.txt",
        "sentence": TOLD,
        "expected": "Reuters",
        "found": None,
    }


def test_a_source_is_right_by_a_name_the_key_gives_its_entity(tmp_path):
    # The loader calls her "Lena Park"; the key names her in full and lists the short form.
    key = {
        "statements": [
            answer(SAID, source="Lena Soo-jin Park"),
            answer(TOLD, source="her campaign"),
        ],
        "entities": [
            {"name": "Lena Soo-jin Park", "kind": "person", "aliases": ["Lena Park"]},
            # Written in lower case, an alias describes rather than names: it proves nothing.
            {"name": "her campaign", "kind": "organisation", "aliases": ["lena park"]},
        ],
    }
    result, missed = scored(write(tmp_path / "set", key))
    assert result["source_accuracy"] == 0.5
    assert [m["expected"] for m in missed["wrong_sources"]] == ["her campaign"]


def test_an_answer_in_the_standfirst_is_left_out(tmp_path):
    key = {**PERFECT, "statements": [*PERFECT["statements"], answer(DEK)]}
    result, missed = scored(write(tmp_path / "set", key))
    assert result["statements_expected"] == 2
    assert result["left_out"] == result["left_out_headline_or_dek"] == 1
    assert result["lenient"]["recall"] == 1.0
    assert missed["left_out"] == [{"file": "01-bridge.txt", "sentence": DEK, "where": "dek"}]


def test_entities_are_matched_on_any_name_or_alias(tmp_path):
    key = {
        **PERFECT,
        "entities": [
            {"name": "Mayor Park", "kind": "person", "aliases": ["Lena Park"]},
            {"name": "Atlantis", "kind": "place", "aliases": []},
        ],
    }
    result, missed = scored(write(tmp_path / "set", key))
    assert result["entities"]["recall"] == 0.5
    assert result["entities"]["precision"] == 0.5  # Harbor Bridge is not in this key
    assert missed["missed_entities"] == [{"file": "01-bridge.txt", "entity": "Atlantis"}]
    assert missed["spurious_entities"] == [{"file": "01-bridge.txt", "entity": "Harbor Bridge"}]


def test_scoring_leaves_the_database_as_it_was(tmp_path):
    write(tmp_path / "set", PERFECT)
    before = [m.objects.count() for m in (Article, Statement, Source, Entity)]
    scored(tmp_path / "set")
    scored(tmp_path / "set")  # and can run again: nothing was kept
    assert [m.objects.count() for m in (Article, Statement, Source, Entity)] == before


def test_an_article_already_loaded_is_still_scored(tmp_path):
    folder = write(tmp_path / "set", PERFECT)
    call_command("load_articles", str(folder / "01-bridge.txt"), stdout=io.StringIO())
    result, _ = scored(folder)
    assert result["lenient"]["f1"] == 1.0
    assert Article.objects.count() == 1


# --- The command ---------------------------------------------------------------------------------


def evaluate(*args):
    out = io.StringIO()
    call_command("evaluate_extraction", *map(str, args), stdout=out)
    return out.getvalue()


def test_the_command_prints_figures_and_every_miss(tmp_path):
    key = {**PERFECT, "statements": [*PERFECT["statements"], answer(NARRATION)]}
    out = evaluate(write(tmp_path / "set", key), "--verbose")
    assert "Statements found: 2 / expected: 3" in out
    assert "Lenient (>= 30% of the sentence): matched 2, precision 1.000, recall 0.667" in out
    assert "01-bridge.txt: found 2 / expected 3" in out
    assert f"Missed statements (1):\n  01-bridge.txt: {NARRATION} — expected Lena Park" in out


def test_the_command_prints_json(tmp_path):
    data = json.loads(evaluate(write(tmp_path / "set", PERFECT), "--json", "--verbose"))
    assert data["figures"]["lenient"]["f1"] == 1.0
    assert data["articles"]["01-bridge.txt"]["statements_found"] == 2
    assert data["misses"]["missed_statements"] == []


def test_the_command_refuses_a_folder_without_pairs(tmp_path):
    (tmp_path / "01-lonely.txt").write_text(ARTICLE)
    with pytest.raises(CommandError, match="no NN-name.txt articles"):
        evaluate(tmp_path)


def test_the_command_scores_the_evaluation_set():
    data = json.loads(evaluate(EXTRACTION, "--json"))["figures"]
    assert data["articles"] == 34
    assert data["lenient"]["f1"] >= 0.9
    assert data["source_accuracy"] >= 0.9
    assert data["entities"]["recall"] >= 0.85
    assert not Article.objects.exists()


def test_the_command_fails_loudly_on_a_database_that_is_not_migrated(tmp_path, monkeypatch):
    from django.db import connection

    folder = write(tmp_path / "set", PERFECT)
    monkeypatch.setattr(connection.introspection, "table_names", lambda *args, **kwargs: [])
    with pytest.raises(CommandError, match="the database is not migrated .*stories_article"):
        evaluate(folder)


def test_the_command_fails_loudly_when_the_database_fails(tmp_path, monkeypatch):
    from django.db import DatabaseError

    from stories.models import Article

    folder = write(tmp_path / "set", PERFECT)

    def save(self, *args, **kwargs):
        raise DatabaseError("no such table: stories_article")

    monkeypatch.setattr(Article, "save", save)
    with pytest.raises(CommandError, match="01-bridge.txt: no such table: stories_article"):
        evaluate(folder)


def test_the_command_still_lists_an_article_that_cannot_be_read(tmp_path):
    folder = write(tmp_path / "set", PERFECT)
    write(folder, PERFECT, text="Outlet: Test Wire\n\nOnly a headline\n", name="02-empty")
    out = evaluate(folder)
    assert "Articles that could not be loaded (1):\n  02-empty.txt: no body text" in out
