"""Scoring the loader's statements, sources and entities against hand-written answer keys.

An evaluation folder holds articles `NN-slug.txt` (the load_articles text format) and, for each,
an answer key `NN-slug.json`:

    {"statements": [{"sentence", "source", "source_kind", "via", "kind"}, …],
     "entities": [{"name", "kind", "aliases"}, …]}

Each article is parsed and loaded by the real loader inside a transaction that is rolled back
afterwards, so the database is left as it was (an empty one will do, but it must be migrated:
a database that cannot be written raises EvaluationError rather than scoring nothing found).
Then:

- Statements are matched one to one, greedily by overlap: a found statement matches an answer
  when its span covers at least 30% of the answer's sentence (lenient) or 80% (strict).
  Answers whose sentence is not in the body (the headline and the standfirst are kept out of
  the body by design) are left out and counted apart.
- Over the lenient matches: the source is right when the key's name, or an alias the key's
  entity list writes as a name for the same entity, equals (after normalize_name) the found
  source's name or one of its aliases, or is that name with the country it belongs to
  before it or taken away ("Defense Ministry" and "Russian Defense Ministry" or "Russia's
  Defense Ministry", never "Ukrainian Defense Ministry"), or, for an anonymous answer, when
  the found source is anonymous; the via is right when both are empty or the names match
  likewise; the kind is right when it is the same.
- Entities match when any name or alias of one equals any name or alias of the other.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import DatabaseError, connection, transaction

from stories.extraction.lexicon import COUNTRIES, DEMONYMS
from stories.importing import ArticleError, Loader, fingerprint, parse_text
from stories.models import Article, Entity, Source, SourceKind, Statement
from stories.names import normalize_name

# The words that say which country a body belongs to, and the country: "russian": "russia".
_COUNTRY_OF = {
    **{normalize_name(demonym): normalize_name(country) for country, demonym in DEMONYMS.items()},
    **{
        "us": "united states",
        "u s": "united states",
        "uk": "united kingdom",
        "u k": "united kingdom",
    },
}
LENIENT = 0.3
STRICT = 0.8


class EvaluationError(Exception):
    """An evaluation folder, answer key or database that cannot be used; the message says why."""


def _loader():
    """A loader that always creates (an article loaded before is scored as new) and makes no
    claim suggestions (everything is rolled back)."""
    return Loader(update_in_place=False, suggest=False)


def check_database():
    """Raises EvaluationError unless the database has the tables the loader writes."""
    try:
        tables = set(connection.introspection.table_names())
    except DatabaseError as exc:
        raise EvaluationError(f"cannot read the database: {exc}") from exc
    needed = {model._meta.db_table for model in (Article, Statement, Source, Entity)}
    missing = sorted(needed - tables)
    if missing:
        raise EvaluationError(
            f"the database is not migrated (no table {', '.join(missing)}): "
            "run `python manage.py migrate` first"
        )


@dataclass
class Answer:
    """One statement of an answer key, located in the body (start is None when it is not)."""

    sentence: str
    source: str
    source_kind: str
    via: str | None
    kind: str
    start: int | None = None
    end: int | None = None
    # The source's name and the aliases the key's entity list gives that name, normalised.
    source_names: frozenset = frozenset()
    via_names: frozenset = frozenset()
    outside: str = ""  # where a left-out answer is instead: "headline", "dek" or "elsewhere"

    def __post_init__(self):
        self.source_names = self.source_names or _keys([self.source])
        self.via_names = self.via_names or _keys([self.via])


@dataclass
class Got:
    """One statement the loader found."""

    start: int
    end: int
    text: str
    source: str | None
    source_names: frozenset
    source_kind: str | None
    via: str | None
    via_names: frozenset
    kind: str
    confidence: float = 1.0
    source_confidence: float = 1.0


@dataclass
class ArticleScore:
    """What the loader found in one article, beside its answer key."""

    name: str
    answers: list = field(default_factory=list)  # located in the body
    left_out: list = field(default_factory=list)  # Answers outside the body
    found: list = field(default_factory=list)  # [Got]
    lenient: list = field(default_factory=list)  # [(Got, Answer)]
    strict: list = field(default_factory=list)
    entities_expected: list = field(default_factory=list)  # [(name, {normalized names})]
    entities_found: list = field(default_factory=list)
    problem: str = ""

    @property
    def entities_matched_expected(self):
        found = set().union(*(keys for _, keys in self.entities_found))
        return [name for name, keys in self.entities_expected if keys & found]

    @property
    def entities_matched_found(self):
        expected = set().union(*(keys for _, keys in self.entities_expected))
        return [name for name, keys in self.entities_found if keys & expected]


# --- Reading ----------------------------------------------------------------------------------


def _keys(names):
    return frozenset(key for key in (normalize_name(n) for n in names if n) if key)


def _is_proper(alias):
    """Whether an alias is written as a name ("ANC", "Dan Roux", "The Met"), not as a
    description of one ("the company", "her office", "the Minister")."""
    return alias[:1].isupper() or alias[:1].isdigit()


def _names_of(name, entities):
    """The normalised names of `name`: itself, and the aliases written as names of the key's
    entity that it names (so "Rotherham Council" is the key's "Rotherham Metropolitan Borough
    Council" when the key lists it so)."""
    keys = _keys([name])
    for names in entities:
        if keys & names:
            keys |= names
    return keys


def read_key(path):
    """The answer key at `path` as a dict; raises EvaluationError."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read the answer key ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("statements", []), list):
        raise EvaluationError(f"{path}: expected an object with a list of statements")
    return data


def pairs(directory):
    """[(article path, key path), …] for every NN-*.txt of `directory` that has its .json."""
    directory = Path(directory)
    if not directory.is_dir():
        raise EvaluationError(f"{directory}: not a folder")
    found = []
    for text_path in sorted(directory.glob("*.txt")):
        if not re.match(r"^\d+-", text_path.name):
            continue
        key_path = text_path.with_suffix(".json")
        if key_path.exists():
            found.append((text_path, key_path))
    if not found:
        raise EvaluationError(f"{directory}: no NN-name.txt articles with their .json keys")
    return found


def _locate(answers, parsed):
    """Sets each answer's span in the body, or says where else it is."""
    used = set()
    located, left_out = [], []
    for answer in answers:
        start = parsed.body.find(answer.sentence)
        while start != -1 and start in used:
            start = parsed.body.find(answer.sentence, start + 1)
        if start == -1 or not answer.sentence:
            if answer.sentence and answer.sentence in parsed.headline:
                answer.outside = "headline"
            elif answer.sentence and answer.sentence in parsed.dek:
                answer.outside = "dek"
            else:
                answer.outside = "elsewhere"
            left_out.append(answer)
            continue
        used.add(start)
        answer.start, answer.end = start, start + len(answer.sentence)
        located.append(answer)
    return located, left_out


# --- Matching ---------------------------------------------------------------------------------


def overlap(got, answer):
    return max(0, min(got.end, answer.end) - max(got.start, answer.start))


def match(found, answers, threshold):
    """[(Got, Answer), …]: one-to-one, the largest overlaps first, each covering `threshold`."""
    candidates = []
    for i, got in enumerate(found):
        for j, answer in enumerate(answers):
            shared = overlap(got, answer)
            length = answer.end - answer.start
            if shared and length and shared / length >= threshold:
                candidates.append((shared, -i, -j, i, j))
    candidates.sort(reverse=True)
    taken_found, taken_answers, matched = set(), set(), []
    for _, _, _, i, j in candidates:
        if i in taken_found or j in taken_answers:
            continue
        taken_found.add(i)
        taken_answers.add(j)
        matched.append((found[i], answers[j]))
    matched.sort(key=lambda pair: pair[1].start)
    return matched


def _country_split(key):
    """(country, the rest) of a normalised name that opens with the country it belongs to
    ("russian defense ministry", "perus ombudsmans office", "u s food and drug
    administration"), or None."""
    words = key.split()
    for size in (2, 1):
        if len(words) < size + 2:
            continue  # "Americas Cup" is no Cup of America's
        head = " ".join(words[:size])
        country = _COUNTRY_OF.get(head)
        if country is None and head.endswith("s") and head[:-1] in COUNTRIES:
            country = head[:-1]
        if country is not None:
            return country, " ".join(words[size:])
    return None


def same_names(expected, got):
    """Whether two sets of normalised names name the same: one name in both, or one name
    the other with the country it belongs to before it ("Defense Ministry" and "Russian
    Defense Ministry" or "Russia's Defense Ministry"), unless either names another country
    ("Ukrainian Defense Ministry")."""
    if expected & got:
        return True
    split_expected = [split for split in map(_country_split, expected) if split]
    split_got = [split for split in map(_country_split, got) if split]
    countries = {country for country, _ in split_expected}
    if countries and any(country not in countries for country, _ in split_got):
        return False
    return (
        bool(set(split_expected) & set(split_got))
        or any(rest in got for _, rest in split_expected)
        or any(rest in expected for _, rest in split_got)
    )


def source_is_right(got, answer):
    if answer.source_kind == SourceKind.ANONYMOUS and got.source_kind == SourceKind.ANONYMOUS:
        return True
    return same_names(answer.source_names, got.source_names)


def via_is_right(got, answer):
    if not answer.via and not got.via:
        return True
    return same_names(answer.via_names, got.via_names)


# --- Loading ----------------------------------------------------------------------------------


def _got(statement):
    source, via = statement.source, statement.via
    return Got(
        start=statement.start,
        end=statement.end,
        text=statement.quote,
        source=source.name if source else None,
        source_names=_keys(source.names) if source else frozenset(),
        source_kind=source.kind if source else None,
        via=via.name if via else None,
        via_names=_keys(via.names) if via else frozenset(),
        kind=statement.kind,
        confidence=statement.confidence,
        source_confidence=statement.source_confidence,
    )


def evaluate_article(text_path, key_path, loader=None):
    """An ArticleScore for one article and its key; the database is left untouched.

    With a `loader`, the article is loaded by it (and so may meet the sources of the articles
    it loaded before); the caller rolls back. Without, it is loaded alone and rolled back.
    """
    if loader is None:
        with transaction.atomic():
            score = evaluate_article(text_path, key_path, _loader())
            transaction.set_rollback(True)
        return score
    score = ArticleScore(name=Path(text_path).name)
    key = read_key(key_path)
    score.entities_expected = [
        (item["name"], _keys([item["name"], *(item.get("aliases") or [])]))
        for item in key.get("entities", [])
    ]
    proper_names = [
        _keys([item["name"], *(a for a in item.get("aliases") or [] if _is_proper(a))])
        for item in key.get("entities", [])
    ]
    answers = [
        Answer(
            sentence=item.get("sentence") or "",
            source=item.get("source") or "",
            source_kind=item.get("source_kind") or "",
            via=item.get("via"),
            kind=item.get("kind") or "",
            source_names=_names_of(item.get("source"), proper_names),
            via_names=_names_of(item.get("via"), proper_names),
        )
        for item in key.get("statements", [])
    ]
    try:
        parsed = parse_text(Path(text_path).read_text(encoding="utf-8"), str(text_path))
    except (OSError, UnicodeDecodeError, ArticleError) as exc:
        score.problem = str(exc)
        score.left_out = answers
        return score
    score.answers, score.left_out = _locate(answers, parsed)
    # An earlier copy of this article would make the loader skip it as unchanged.
    mark = fingerprint(parsed.outlet, parsed.url, parsed.headline, parsed.body)
    Article.objects.filter(fingerprint=mark).update(fingerprint=f"evaluated:{mark}"[:64])
    result = loader.load_article(parsed, str(text_path))
    if result.action == "failed" and result.error == "database":
        # Not the article's fault: scoring on would report nothing found, as if it were.
        raise EvaluationError(f"{text_path}: {result.problem}")
    if result.action == "failed":
        score.problem = result.problem
    else:
        score.found = [_got(statement) for statement in result.statements]
        score.entities_found = [
            (entity.name, _keys([entity.name, *entity.aliases]))
            for entity in result.article.tags.all()
        ]
    score.lenient = match(score.found, score.answers, LENIENT)
    score.strict = match(score.found, score.answers, STRICT)
    return score


def evaluate(directory):
    """[ArticleScore, …] for every article of an evaluation folder, in name order.

    The articles are loaded one after the other, as load_articles would load the folder, so
    a source named in one article is known to the next; everything is rolled back at the end.
    """
    found = pairs(directory)
    check_database()
    try:
        with transaction.atomic():
            loader = _loader()
            scores = [evaluate_article(text, key, loader) for text, key in found]
            transaction.set_rollback(True)
    except DatabaseError as exc:
        raise EvaluationError(f"database error: {exc}") from exc
    return scores


# --- Figures ----------------------------------------------------------------------------------


def _ratio(part, whole):
    return part / whole if whole else 0.0


def _f1(precision, recall):
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def figures(scores):
    """The summary figures over a list of ArticleScores, as a dict of plain values."""
    found = sum(len(s.found) for s in scores)
    expected = sum(len(s.answers) for s in scores)
    result = {
        "articles": len(scores),
        "statements_found": found,
        "statements_expected": expected,
        "left_out": sum(len(s.left_out) for s in scores),
        "left_out_headline_or_dek": sum(
            1 for s in scores for a in s.left_out if a.outside in ("headline", "dek")
        ),
    }
    for name in ("lenient", "strict"):
        matched = sum(len(getattr(s, name)) for s in scores)
        precision, recall = _ratio(matched, found), _ratio(matched, expected)
        result[name] = {
            "matched": matched,
            "precision": precision,
            "recall": recall,
            "f1": _f1(precision, recall),
        }
    lenient = [pair for s in scores for pair in s.lenient]
    result["source_accuracy"] = _ratio(sum(source_is_right(g, a) for g, a in lenient), len(lenient))
    result["via_accuracy"] = _ratio(sum(via_is_right(g, a) for g, a in lenient), len(lenient))
    result["kind_accuracy"] = _ratio(sum(g.kind == a.kind for g, a in lenient), len(lenient))
    entities_found = sum(len(s.entities_found) for s in scores)
    entities_expected = sum(len(s.entities_expected) for s in scores)
    result["entities"] = {
        "found": entities_found,
        "expected": entities_expected,
        "precision": _ratio(sum(len(s.entities_matched_found) for s in scores), entities_found),
        "recall": _ratio(sum(len(s.entities_matched_expected) for s in scores), entities_expected),
    }
    return result


def misses(scores):
    """Every mistake, by kind, as lists of dicts."""
    result = {
        "missed_statements": [],
        "false_positives": [],
        "wrong_sources": [],
        "wrong_vias": [],
        "wrong_kinds": [],
        "missed_entities": [],
        "spurious_entities": [],
        "left_out": [],
        "problems": [],
    }
    for score in scores:
        name = score.name
        if score.problem:
            result["problems"].append({"file": name, "problem": score.problem})
        matched_answers = {id(a) for _, a in score.lenient}
        matched_found = {id(g) for g, _ in score.lenient}
        for answer in score.answers:
            if id(answer) not in matched_answers:
                result["missed_statements"].append(
                    {"file": name, "sentence": answer.sentence, "source": answer.source}
                )
        for got in score.found:
            if id(got) not in matched_found:
                result["false_positives"].append(
                    {"file": name, "text": got.text, "source": got.source}
                )
        for got, answer in score.lenient:
            if not source_is_right(got, answer):
                result["wrong_sources"].append(
                    {
                        "file": name,
                        "sentence": answer.sentence,
                        "expected": answer.source,
                        "found": got.source,
                    }
                )
            if not via_is_right(got, answer):
                result["wrong_vias"].append(
                    {
                        "file": name,
                        "sentence": answer.sentence,
                        "expected": answer.via,
                        "found": got.via,
                    }
                )
            if got.kind != answer.kind:
                result["wrong_kinds"].append(
                    {
                        "file": name,
                        "sentence": answer.sentence,
                        "expected": answer.kind,
                        "found": got.kind,
                    }
                )
        matched = set(score.entities_matched_expected)
        for entity, _ in score.entities_expected:
            if entity not in matched:
                result["missed_entities"].append({"file": name, "entity": entity})
        matched = set(score.entities_matched_found)
        for entity, _ in score.entities_found:
            if entity not in matched:
                result["spurious_entities"].append({"file": name, "entity": entity})
        for answer in score.left_out:
            result["left_out"].append(
                {"file": name, "sentence": answer.sentence, "where": answer.outside}
            )
    return result


# --- Reporting --------------------------------------------------------------------------------


def _pct(value):
    return f"{value:.3f}"


def summary_lines(result):
    """The figures of figures() as lines of text."""
    lenient, strict, entities = result["lenient"], result["strict"], result["entities"]
    other = result["left_out"] - result["left_out_headline_or_dek"]
    lines = [
        f"Articles: {result['articles']}",
        f"Statements found: {result['statements_found']} / expected: "
        f"{result['statements_expected']}",
        f"Left out (answer not in the body): {result['left_out']} "
        f"({result['left_out_headline_or_dek']} in the headline or standfirst, {other} elsewhere)",
        f"Lenient (>= {LENIENT:.0%} of the sentence): matched {lenient['matched']}, "
        f"precision {_pct(lenient['precision'])}, recall {_pct(lenient['recall'])}, "
        f"F1 {_pct(lenient['f1'])}",
        f"Strict (>= {STRICT:.0%} of the sentence): matched {strict['matched']}, "
        f"precision {_pct(strict['precision'])}, recall {_pct(strict['recall'])}, "
        f"F1 {_pct(strict['f1'])}",
        f"Source accuracy: {_pct(result['source_accuracy'])}",
        f"Via accuracy: {_pct(result['via_accuracy'])}",
        f"Kind accuracy: {_pct(result['kind_accuracy'])}",
        f"Entities found: {entities['found']} / expected: {entities['expected']}, "
        f"precision {_pct(entities['precision'])}, recall {_pct(entities['recall'])}",
    ]
    return lines


def _one_line(text):
    return " ".join(str(text).split())


def miss_lines(found):
    """Every mistake of misses() as lines of text, under a heading per kind."""
    lines = []
    sections = [
        ("Missed statements", "missed_statements", "{file}: {sentence} — expected {source}"),
        ("False positives", "false_positives", "{file}: {text} — found {source}"),
        (
            "Wrong sources",
            "wrong_sources",
            "{file}: {sentence} — expected {expected}, found {found}",
        ),
        ("Wrong vias", "wrong_vias", "{file}: {sentence} — expected {expected}, found {found}"),
        ("Wrong kinds", "wrong_kinds", "{file}: {sentence} — expected {expected}, found {found}"),
        ("Missed entities", "missed_entities", "{file}: {entity}"),
        ("Spurious entities", "spurious_entities", "{file}: {entity}"),
        ("Left out (not in the body)", "left_out", "{file}: [{where}] {sentence}"),
        ("Articles that could not be loaded", "problems", "{file}: {problem}"),
    ]
    for heading, key, template in sections:
        items = found[key]
        lines.append(f"{heading} ({len(items)}):")
        for item in items:
            shown = {k: _one_line(v) if isinstance(v, str) else v for k, v in item.items()}
            lines.append("  " + template.format(**shown))
    return lines


def article_line(score):
    result = figures([score])
    lenient = result["lenient"]
    return (
        f"{score.name}: found {result['statements_found']} / expected "
        f"{result['statements_expected']}, lenient P {_pct(lenient['precision'])} "
        f"R {_pct(lenient['recall'])} F1 {_pct(lenient['f1'])}, source "
        f"{_pct(result['source_accuracy'])}, via {_pct(result['via_accuracy'])}, entities P "
        f"{_pct(result['entities']['precision'])} R {_pct(result['entities']['recall'])}"
    )
