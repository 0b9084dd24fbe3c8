"""Loading articles from plain-text files and JSON Lines exports.

A text file holds one article: an optional header of `Key: value` lines (Outlet, URL,
Published, Byline, Story, Status, Dek) ended by a blank line, then the headline on its own
line, then paragraphs. A standfirst, a photo caption with its credit, a byline and page
furniture ("SHARE THIS —", "Advertisement") are recognised and kept out of the body.

A .jsonl file holds one exported article a line (see stories/exporting.py).

Each article is saved in its own transaction, and identified by a fingerprint of its outlet,
URL, headline and body: loading it again changes nothing.
"""

import datetime
import hashlib
import json
import re
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from stories import exporting, extraction
from stories.models import (
    Article,
    ArticleStatus,
    Entity,
    EntityKind,
    Evidence,
    Source,
    SourceKind,
    Statement,
    Story,
    TaggedArticle,
    unique_slug,
)
from stories.names import normalize_name

DEFAULT_MAX_BYTES = 2 * 1024 * 1024
# Sources that are bodies, and so entities too.
_BODY_KINDS = {SourceKind.ORGANISATION, SourceKind.GOVERNMENT, SourceKind.OUTLET}
# The Statement fields worth a check field by field when the loader makes one: its kind and
# numbers. The span is checked by set_span() and clean(); the rest the loader sets itself.
_STATEMENT_CHECKED = {"kind", "confidence", "source_confidence", "attribution", "start", "end"}
HEADER_KEYS = ("outlet", "url", "published", "byline", "story", "status", "dek")
_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z ]{0,20}?)\s*:\s*(?P<value>.*)$")

# Page furniture: whole lines that are never part of an article.
BOILERPLATE = re.compile(
    r"^(?:share\s+this\b.*|share\s+(?:on|via|to)\s+\w+.*|share|tweet|email|print|comments?|"
    r"advertisement|ad|sponsored(?:\s+content)?|story\s+continues\s+below.*|"
    r"continue\s+reading.*|related(?:\s+(?:stories|coverage|articles|content|video|links?))?"
    r"\s*:.*|(?:read|see|watch|listen)(?:\s+(?:more|next|also|now))?\s*:.*|more\s*:.*|"
    r"also\s+read\s*:.*|click\s+here\b.*|sign\s+up\b.*|subscribe(?:\s+(?:now|today|to|for)"
    r"\b.*)?|follow\s+(?:us|@\w+|[\w.]+(?:\s+[\w.]+)?\s+on\s+(?:twitter|facebook|instagram|x|"
    r"threads|bluesky))\b.*|(?:copyright|©)\s*.*|all\s+rights\s+reserved.*|"
    r"skip\s+to\s+(?:main\s+)?content|loading(?:\.\.\.|…)?|image\s+(?:copyright|caption)\b.*|"
    r"(?:get|download)\s+the\s+\w+\s+app\b.*)$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^By\s+(?:[A-Z][\w.'’-]*\s*){1,4}(?:(?:,|and|&)\s*(?:[A-Z][\w.'’-]*\s*){1,4})*"
    r"(?:[,|]\s*[A-Z][\w .&-]*)?$"
)
_CREDIT_MARK = (
    r"(?:Getty\s+Images|\bAFP\b|\bAP\b(?:\s+Photo)?|Reuters|\bEPA\b|Bloomberg|Shutterstock|"
    r"Alamy|NurPhoto|\bSipa\b|ZUMA|Anadolu|Xinhua|\bPool\b|\bPA\b(?:\s+(?:Images|Wire))?|"
    r"\bdpa\b|Corbis|Redux|Polaris|WireImage|FilmMagic|Handout|Courtesy|\bvia\b|\s/\s|/)"
)
_CREDIT_IN_PARENTHESES = re.compile(
    r"^(?P<caption>.*?)\s*\((?P<credit>[^()]*?(?:Photo|Image|Getty|/AP|/AFP|Reuters|EPA|"
    r"Credit|Pool|Handout|Courtesy)[^()]*)\)\s*$"
)
_CREDIT_LABELLED = re.compile(
    r"^(?P<caption>.*?)\s*\b(?:Photo(?:graph)?|Image|Picture|Credit|Photo\s+credit)s?\s*:\s*"
    r"(?P<credit>[^:]{2,100}?)\s*$",
    re.IGNORECASE,
)
_CREDIT_BY = re.compile(
    r"^(?P<caption>.*?)\s*(?P<credit>\b(?:Photo|Photograph|Image)s?\s+by\s+[^.]{2,100}?)\.?\s*$"
)
_CREDIT_GLUED = re.compile(
    r"^(?P<caption>.{20,}?[.!?\"”’)])(?P<space>\s?)(?P<credit>[A-Z][^.!?]{1,100})$"
)
_CREDIT_ALONE = re.compile(r"^[A-Z][^.!?]{1,100}$")
# A rule between the story and its notes: "___", "* * *", "---".
_SEPARATOR = re.compile(r"^(?:[_*=~#•·—–-]\s*){3,}$")
# Notes on how the story was made, never part of it: contributor lines, reporting and editing
# credits, editor's notes and corrections, "This story has been updated."
_NOTE = re.compile(
    r"^\(?(?:(?:additional\s+)?reporting\s+by|writing\s+by|editing\s+by|compiled\s+by|"
    r"produced\s+by|edited\s+by)\b.*|"
    r"^(?:editor['’]?s\s+note|correction|clarification|update)\s*:.*|"
    r"^this\s+(?:story|article|report|post)\s+(?:has\s+been|was|is\s+being)\s+"
    r"(?:updated|corrected|amended|changed|edited)\b.*|"
    r"^(?:[\w.'’-]+\s+){0,24}(?:contributed|contributing)\b.{0,80}\b(?:report|reporting|story|"
    r"article)\.?\)?$",
    re.IGNORECASE,
)
# The signature under an embedded social-media post: "— Name (@handle) September 21, 2023".
_POST_SIGNATURE = re.compile(r"^[—–-]\s*[^()]{1,100}\(@\w{1,40}\)(?:\s+.{0,40})?$")
# A dateline opening the story proper: "WASHINGTON (AP) —", "LANSING, Mich. —", "CAIRO -".
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+)*)(?:,\s+(?P<region>[A-Z][\w.]*"
    r"(?:\s+[A-Z][\w.]*)?))?(?:\s+\((?P<outlet>[A-Za-z][\w .&-]{0,40})\))?\s*[—–-]+\s+"
)
_AGENCY_AT_END = re.compile(
    r"(?:Getty\s+Images|\bAFP\b|\bAP\b|Reuters|\bEPA\b|Shutterstock|Alamy|\bPool\b|"
    r"\bPA\s+Images|File|Handout)\s*$"
)


def _statement_unchecked():
    return [f.name for f in Statement._meta.fields if f.name not in _STATEMENT_CHECKED]


class ArticleError(Exception):
    """A file or export line that cannot be loaded; the message names the problem."""


@dataclass
class ParsedArticle:
    headline: str
    body: str
    dek: str = ""
    caption: str = ""
    caption_credit: str = ""
    byline: str = ""
    outlet: str = ""
    url: str = ""
    published: str = ""
    story: str = ""
    status: str = ""
    skipped: list = field(default_factory=list)  # boilerplate and extra captions left out
    data: dict | None = None  # the whole export record, for a .jsonl line


def normalize_paragraph(text):
    return " ".join(text.split())


def split_credit(text):
    """(caption, credit) when `text` ends with a photo credit, else (text, "")."""
    for pattern in (_CREDIT_IN_PARENTHESES, _CREDIT_BY, _CREDIT_LABELLED):
        match = pattern.match(text)
        if match:
            return match.group("caption").strip(), match.group("credit").strip()
    match = _CREDIT_GLUED.match(text)
    if match:
        credit = match.group("credit").strip()
        glued = not match.group("space")
        strong = re.search(r"\s/\s|/", credit) or _AGENCY_AT_END.search(credit)
        if len(credit.split()) <= 12 and (
            (glued and re.search(_CREDIT_MARK, credit)) or (strong and not credit.endswith("."))
        ):
            return match.group("caption").strip(), credit
    return text, ""


def _is_credit_line(text):
    if len(text) > 100 or not _CREDIT_ALONE.match(text):
        return False
    label = re.match(r"^(?:Photo(?:graph)?|Image|Credit)s?\s*:\s*", text, re.IGNORECASE)
    if label:
        return True
    return bool(re.search(r"\s/\s|\w/\w", text) and re.search(_CREDIT_MARK, text)) or bool(
        re.fullmatch(r"(?:[\w.'’-]+\s+){0,4}(?:Getty\s+Images|AFP|AP\s+Photo|Reuters|EPA)", text)
    )


def _paragraph_lines(lines):
    """Paragraphs from lines: each line is one, unless a block is visibly hard-wrapped."""
    paragraphs, block = [], []

    def flush():
        if not block:
            return
        wrapped = len(block) >= 3 and all(40 <= len(line) <= 100 for line in block[:-1])
        if wrapped:
            paragraphs.append(" ".join(block))
        else:
            current = block[0]
            for line in block[1:]:
                if line[:1].islower() and not re.search(r"[.!?:;\"”’')\]—]$", current):
                    current = f"{current} {line}"
                else:
                    paragraphs.append(current)
                    current = line
            paragraphs.append(current)
        block.clear()

    for line in lines:
        if line.strip():
            block.append(line.strip())
        else:
            flush()
    flush()
    return paragraphs


def parse_text(text, name=""):
    """A ParsedArticle from the text of one article file; raises ArticleError."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError("empty file")
    lines = text.split("\n")
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    meta = {}
    first = _HEADER_LINE.match(lines[index].strip())
    if first and first.group("key").strip().lower() in HEADER_KEYS:
        while index < len(lines) and lines[index].strip():
            match = _HEADER_LINE.match(lines[index].strip())
            key = match.group("key").strip().lower() if match else ""
            if key not in HEADER_KEYS:
                raise ArticleError(
                    f"line {index + 1}: not a header line (expected one of "
                    f"{', '.join(k.capitalize() for k in HEADER_KEYS)}, then a blank line)"
                )
            meta[key] = match.group("value").strip()
            index += 1
    paragraphs = _paragraph_lines(lines[index:])
    skipped = []
    while paragraphs and BOILERPLATE.match(normalize_paragraph(paragraphs[0])):
        skipped.append(paragraphs.pop(0))
    if not paragraphs:
        raise ArticleError("no headline")
    headline = normalize_paragraph(paragraphs.pop(0))
    if len(headline) > 500:
        raise ArticleError("no headline: the first line is longer than 500 characters")
    dek = normalize_paragraph(meta.get("dek", ""))
    byline = meta.get("byline", "")
    items = []  # [kind, text, credit]: kind is "body", "caption" or "furniture"
    for raw in paragraphs:
        paragraph = normalize_paragraph(raw)
        if BOILERPLATE.match(paragraph) or _SEPARATOR.match(paragraph) or _NOTE.match(paragraph):
            skipped.append(paragraph)
            items.append(["furniture", paragraph, ""])
            continue
        if _POST_SIGNATURE.match(paragraph):
            # An embedded post: the signature and the post's text just before it.
            if items and items[-1][0] == "body":
                skipped.append(items[-1][1])
                items[-1][0] = "furniture"
            skipped.append(paragraph)
            items.append(["furniture", paragraph, ""])
            continue
        body_so_far = [item for item in items if item[0] == "body"]
        if not body_so_far and _BYLINE.match(paragraph) and len(paragraph) <= 120:
            byline = byline or paragraph[3:].strip()
            continue
        if _is_credit_line(paragraph):
            previous = items[-1] if items else None
            if previous and previous[0] == "body" and len(body_so_far) <= 2:
                previous[0], previous[2] = "caption", paragraph
            else:
                skipped.append(paragraph)
            continue
        caption, credit = split_credit(paragraph)
        if credit:
            items.append(["caption", caption, credit])
        else:
            items.append(["body", paragraph, ""])
    captions = [item for item in items if item[0] == "caption"]
    caption, caption_credit = (captions[0][1], captions[0][2]) if captions else ("", "")
    skipped.extend(f"{item[1]} {item[2]}" for item in captions[1:])
    bodies = [item for item in items if item[0] == "body"]
    if bodies and not dek:
        first_body = items.index(bodies[0])
        following = [item for item in items[first_body + 1 :] if item[0] != "furniture"]
        if first_body == 0 and following and following[0][0] == "caption":
            if len(bodies[0][1]) <= 320:
                dek = bodies.pop(0)[1]  # a short paragraph before the photo: the standfirst
    elif bodies and normalize_paragraph(bodies[0][1]) == dek:
        bodies.pop(0)
    if bodies and not dek and len(bodies) > 1 and DATELINE.match(bodies[1][1]):
        if not DATELINE.match(bodies[0][1]) and len(bodies[0][1]) <= 320:
            dek = bodies.pop(0)[1]  # what comes before the dateline is the standfirst
    body = "\n\n".join(item[1] for item in bodies)
    if not body:
        raise ArticleError("no body text after the headline")
    return ParsedArticle(
        headline=headline,
        body=body,
        dek=dek,
        caption=caption,
        caption_credit=caption_credit,
        byline=byline,
        outlet=meta.get("outlet", ""),
        url=meta.get("url", ""),
        published=meta.get("published", ""),
        story=meta.get("story", ""),
        status=meta.get("status", ""),
        skipped=skipped,
    )


# --- Metadata ---------------------------------------------------------------------------------

_ZONES = {
    "utc": "UTC",
    "gmt": "UTC",
    "z": "UTC",
    "et": "America/New_York",
    "est": "America/New_York",
    "edt": "America/New_York",
    "ct": "America/Chicago",
    "cst": "America/Chicago",
    "cdt": "America/Chicago",
    "mt": "America/Denver",
    "mst": "America/Denver",
    "mdt": "America/Denver",
    "pt": "America/Los_Angeles",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "bst": "Europe/London",
    "cet": "Europe/Paris",
    "cest": "Europe/Paris",
    "msk": "Europe/Moscow",
}
_DATE_FORMATS = [
    f"{date}{time}"
    for date in ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%m/%d/%Y")
    for time in ("", " %H:%M", " %H:%M:%S", " %I:%M %p", " %I %p", " %I:%M:%S %p")
]


def parse_published(value):
    """A timezone-aware datetime from "2018-04-02", "2018-04-02 14:30", "April 2, 2018", …

    Raises ArticleError. A time without a zone is in the site's time zone (TIME_ZONE).
    """
    text = " ".join(str(value).split())
    if not text:
        return None
    moment = None
    try:
        moment = parse_datetime(text.replace(" ", "T", 1) if re.match(r"^\d{4}-", text) else text)
        if moment is None:
            day = parse_date(text)
            moment = datetime.datetime.combine(day, datetime.time()) if day else None
    except ValueError:
        moment = None
    zone = None
    if moment is None:
        cleaned = re.sub(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", "", text, flags=re.I)
        cleaned = re.sub(r"\b([ap])\.m\.", r"\1m", cleaned, flags=re.I)
        cleaned = re.sub(r"\bSept\b", "Sep", cleaned.replace(",", " ").replace(" at ", " "))
        cleaned = re.sub(r"(?<=[A-Za-z])\.", "", cleaned)
        cleaned = " ".join(cleaned.split())
        match = re.search(r"\s([A-Za-z]{1,4})$", cleaned)
        if match and match.group(1).lower() in _ZONES:
            zone = zoneinfo.ZoneInfo(_ZONES[match.group(1).lower()])
            cleaned = cleaned[: match.start()]
        for form in _DATE_FORMATS:
            try:
                moment = datetime.datetime.strptime(cleaned, form)
                break
            except ValueError:
                continue
    if moment is None:
        raise ArticleError(f"cannot read the date {value!r} (try 2018-04-02 or April 2, 2018)")
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, zone or timezone.get_current_timezone())
    return moment


def parse_status(value):
    status = (value or ArticleStatus.PUBLISHED).strip().lower()
    if status not in ArticleStatus.values:
        choices = " or ".join(ArticleStatus.values)
        raise ArticleError(f"unknown status {value!r} (use {choices})")
    return status


def fingerprint(outlet, url, headline, body):
    """The identity of an article: its outlet, URL, headline and body, whitespace aside.

    An outlet's well-known aliases give the same fingerprint ("AP", "The Associated Press").
    """
    outlet_key = normalize_name(extraction.canonical_outlet_name(outlet)) if outlet else ""
    paragraphs = [normalize_paragraph(p) for p in str(body).split("\n\n") if p.strip()]
    parts = [
        outlet_key,
        str(url or "").strip(),
        normalize_paragraph(headline),
        "\n\n".join(paragraphs),
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _problem(exc):
    """One line saying what was wrong, from an ArticleError, ValidationError or database error."""
    if isinstance(exc, ValidationError):
        if hasattr(exc, "error_dict"):
            return "invalid article: " + "; ".join(
                f"{name}: {' '.join(messages)}" for name, messages in exc.message_dict.items()
            )
        return "invalid article: " + " ".join(exc.messages)
    return " ".join(str(exc).split()) or exc.__class__.__name__


# --- Loading ----------------------------------------------------------------------------------


@dataclass
class Result:
    """What happened to one article."""

    origin: str  # "path/to/file.txt", or "export.jsonl: line 3"
    action: str  # "created", "unchanged", "would create", "failed"
    headline: str = ""
    problem: str = ""
    statements: list = field(default_factory=list)  # [Statement, …] (unsaved in a dry run)
    article: Article | None = None  # the Article created
    sources: int = 0
    entities: int = 0


@dataclass
class Summary:
    created: int = 0
    unchanged: int = 0
    failed: int = 0
    statements: int = 0
    sources: int = 0
    entities: int = 0


def find_files(paths):
    """(path, problem) for every file to load: folders searched for *.txt and *.jsonl."""
    for path in map(Path, paths):
        if not path.exists():
            yield path, "no such file or directory"
        elif path.is_dir():
            for found in sorted(path.rglob("*")):
                parts = found.relative_to(path).parts
                if any(part.startswith(".") for part in parts) or not found.is_file():
                    continue
                if found.suffix.lower() in (".txt", ".jsonl"):
                    yield found, None
        else:
            yield path, None


def parsed_record(data):
    """A ParsedArticle for a checked export record (see exporting.parse_record)."""
    return ParsedArticle(
        headline=data["headline"],
        body=data["body"],
        dek=data["dek"],
        caption=data["caption"],
        caption_credit=data["caption_credit"],
        byline=data["byline"],
        outlet=data["outlet"] or "",
        url=data["url"],
        published=data["published"] or "",
        story=data["story"] or "",
        status=data["status"],
        data=data,
    )


def _decode(data, where=""):
    if b"\x00" in data:
        raise ArticleError(f"{where}binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"{where}not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from exc


class Loader:
    """Loads article files and exports; call load(paths), then read .summary.

    Metadata given here (outlet, story, published, status) overrides a text file's header.
    Each article is atomic on its own: a bad one leaves nothing behind and the others still
    load; a dry run rolls each one back. load() commits the articles in groups of
    GROUP_SIZE, each article a savepoint of the group's transaction, so that a large folder
    does not wait on the disk once per article; results are reported once their group is
    committed. load_article() alone saves one article in its own transaction.
    """

    GROUP_SIZE = 50

    def __init__(
        self,
        *,
        outlet="",
        story="",
        published="",
        status="",
        dry_run=False,
        max_bytes=DEFAULT_MAX_BYTES,
        on_result=None,
    ):
        self.overrides = {
            "outlet": outlet,
            "story": story,
            "published": published,
            "status": status,
        }
        self.dry_run = dry_run
        self.max_bytes = max_bytes
        self.on_result = on_result or (lambda result: None)
        self.summary = Summary()
        self.sources = extraction.SourceDirectory()
        self.entities = extraction.EntityDirectory()
        self._group = None  # the open group's transaction, in load()
        self._waiting = None  # the Results of the open group, or None outside load()

    def load(self, paths):
        self._waiting = []
        try:
            for path, problem in find_files(paths):
                if problem:
                    self._report(Result(str(path), "failed", problem=problem))
                elif path.suffix.lower() == ".jsonl":
                    self.load_jsonl(path)
                else:
                    self.load_text_file(path)
        except BaseException as exc:
            self._close_group(exc)
            raise
        self._close_group()
        self._waiting = None
        return self.summary

    def _close_group(self, exc=None):
        """Commits the open group (rolls it back after `exc`) and reports its results."""
        group, waiting = self._group, self._waiting or []
        self._group, self._waiting = None, ([] if self._waiting is not None else None)
        if group is not None:
            try:
                group.__exit__(type(exc) if exc else None, exc, exc.__traceback__ if exc else None)
            except DatabaseError as error:
                # Nothing of the group was saved: forget what the directories learned from it.
                self.sources = extraction.SourceDirectory()
                self.entities = extraction.EntityDirectory()
                for result in waiting:
                    if result.action in ("created", "would create"):
                        result.action, result.problem = "failed", _problem(error)
        for result in waiting:
            self._report(result, waited=True)

    def _report(self, result, waited=False):
        if self._waiting is not None and not waited:
            self._waiting.append(result)
            return
        if result.action == "failed":
            self.summary.failed += 1
        elif result.action == "unchanged":
            self.summary.unchanged += 1
        else:
            self.summary.created += 1
            self.summary.statements += len(result.statements)
            self.summary.sources += result.sources
            self.summary.entities += result.entities
        self.on_result(result)

    def load_text_file(self, path):
        origin = str(path)
        try:
            size = path.stat().st_size
            if size > self.max_bytes:
                raise ArticleError(
                    f"too large: {size} bytes, over the limit of {self.max_bytes} (--max-bytes)"
                )
            data = path.read_bytes()
            if not data.strip():
                raise ArticleError("empty file")
            parsed = parse_text(_decode(data), origin)
            self._apply_overrides(parsed)
        except (ArticleError, OSError) as exc:
            self._report(Result(origin, "failed", problem=_problem(exc)))
            return
        self.load_article(parsed, origin)

    def load_jsonl(self, path):
        try:
            handle = path.open("rb")
        except OSError as exc:
            self._report(Result(str(path), "failed", problem=_problem(exc)))
            return
        with handle:
            seen = False
            for number, line in enumerate(handle, start=1):
                origin = f"{path}: line {number}"
                if not line.strip():
                    continue
                seen = True
                try:
                    if len(line) > self.max_bytes:
                        raise ArticleError(
                            f"too large: {len(line)} bytes, over the limit of {self.max_bytes} "
                            "(--max-bytes)"
                        )
                    if b"\x00" in line:
                        raise ArticleError("binary file (contains NUL bytes)")
                    text = _decode(line)
                    try:
                        record = json.loads(text)
                    except json.JSONDecodeError as exc:
                        raise ArticleError(
                            f"malformed JSON ({exc.msg}, column {exc.colno})"
                        ) from exc
                    parsed = parsed_record(exporting.parse_record(record))
                except (ArticleError, exporting.RecordError) as exc:
                    self._report(Result(origin, "failed", problem=_problem(exc)))
                    if "NUL" in str(exc):
                        return
                    continue
                self.load_article(parsed, origin)
            if not seen:
                self._report(Result(str(path), "failed", problem="empty file"))

    def _apply_overrides(self, parsed):
        for name, value in self.overrides.items():
            if value:
                setattr(parsed, name, value)

    def load_article(self, parsed, origin=""):
        """Saves one ParsedArticle in its own transaction (or savepoint); returns its Result."""
        if self._waiting is not None and self._group is None:
            self._group = transaction.atomic()
            self._group.__enter__()
        self.sources.begin()
        self.entities.begin()
        counts = (self.sources.created, self.entities.created)
        try:
            with transaction.atomic():
                result = self._save(parsed, origin)
                if self.dry_run:
                    transaction.set_rollback(True)
        except (ArticleError, exporting.RecordError, ValidationError, DatabaseError) as exc:
            self.sources.rollback()
            self.entities.rollback()
            self.sources.created, self.entities.created = counts
            result = Result(origin, "failed", headline=parsed.headline, problem=_problem(exc))
        else:
            if self.dry_run:
                self.sources.rollback()
                self.entities.rollback()
                result.action = "would create" if result.action == "created" else result.action
            else:
                self.sources.commit()
                self.entities.commit()
            result.sources = self.sources.created - counts[0]
            result.entities = self.entities.created - counts[1]
        self._report(result)
        if self._waiting is not None and len(self._waiting) >= self.GROUP_SIZE:
            self._close_group()
        return result

    # The writing itself, inside the article's transaction.

    def _save(self, parsed, origin):
        data = parsed.data
        status = parse_status(parsed.status)
        published = (
            parsed.published
            if isinstance(parsed.published, datetime.datetime)
            else parse_published(parsed.published)
        )
        mark = (data or {}).get("fingerprint") or fingerprint(
            parsed.outlet, parsed.url, parsed.headline, parsed.body
        )
        if Article.objects.filter(fingerprint=mark).exists():
            return Result(origin, "unchanged", headline=parsed.headline)
        sources_by_name = self._export_sources(data) if data else {}
        article = Article(
            headline=parsed.headline,
            dek=parsed.dek,
            byline=parsed.byline,
            url=parsed.url,
            published_at=published,
            caption=parsed.caption,
            caption_credit=parsed.caption_credit,
            body=parsed.body,
            status=status,
            fingerprint=mark,
            outlet=self._outlet(parsed.outlet, sources_by_name),
            story=self._story(parsed.story, (data or {}).get("story_summary", "")),
        )
        wanted = (data or {}).get("slug") or ""
        if wanted and not Article.objects.filter(slug=wanted).exists():
            article.slug = wanted
        else:
            article.slug = unique_slug(Article, parsed.headline, fallback="article")
        # The fingerprint was looked up and the slug made free just now; the database checks
        # both again, so the constraints need no query each here.
        article.full_clean(validate_constraints=False)
        article.save()
        cast = None
        if data is not None and data.get("statements") is not None:
            statements = self._export_statements(article, data, sources_by_name)
        else:
            cast = extraction.read_cast(article.body, headline=article.headline, dek=article.dek)
            statements = self._extract_statements(article, cast)
        if data is not None and data.get("entities") is not None:
            self._export_entities(article, data, sources_by_name)
        else:
            self._extract_entities(article, statements, cast)
        return Result(
            origin, "created", headline=parsed.headline, statements=statements, article=article
        )

    def _outlet(self, name, sources_by_name):
        name = " ".join(str(name or "").split())
        if not name:
            return None
        if normalize_name(name) in sources_by_name:
            return sources_by_name[normalize_name(name)]
        outlet = self.sources.find(name)
        if outlet is not None:
            return outlet
        known = extraction.known_name(name)
        if known:
            return self.sources.create(name=known[0], kind=SourceKind.OUTLET, aliases=known[2])
        return self.sources.create(name=name[:200], kind=SourceKind.OUTLET)

    def _story(self, title, summary=""):
        title = " ".join(str(title or "").split())
        if not title:
            return None
        story = Story.objects.filter(title__iexact=title).order_by("pk").first()
        if story is None:
            story = Story(title=title[:300], summary=summary or "")
            story.full_clean(exclude=["slug"])
            story.save()
        return story

    def _extract_statements(self, article, cast):
        resolved = []
        for found in extraction.find_statements(article.body, cast=cast):
            source = self.sources.source_for(found.source, article, together=True)
            source_confidence = self.sources.confidence_for(found.source_confidence)
            via = self.sources.source_for(found.via, article, together=True)
            if via is source:
                via = None
            resolved.append((found, source, source_confidence, via))
        self.sources.flush()  # the article's anonymous sources, in one insert
        statements = []
        for found, source, source_confidence, via in resolved:
            statement = Statement(
                article=article,
                kind=found.kind,
                attribution=found.attribution,
                source=source,
                via=via,
                confidence=found.confidence,
                source_confidence=source_confidence,
            )
            statement.set_span(found.start, found.end)
            # The foreign keys were just resolved and the constraints hold by construction
            # (the database checks them again): validate the fields without a query each.
            statement.full_clean(
                exclude=_statement_unchecked(), validate_unique=False, validate_constraints=False
            )
            statements.append(statement)
        Statement.objects.bulk_create(statements)
        return statements

    def _extract_entities(self, article, statements, cast=None):
        found = extraction.find_entities(
            article.body, headline=article.headline, dek=article.dek, cast=cast
        )
        # A body quoted under a name the text only implies ("Egypt's foreign ministry" for the
        # Egyptian Foreign Ministry) is mentioned all the same.
        keys = {normalize_name(n) for name, _, aliases in found for n in (name, *aliases)}
        for statement in statements:
            for source in (statement.source, statement.via):
                if source is None or source.kind not in _BODY_KINDS:
                    continue
                names = [normalize_name(n) for n in source.names]
                if not any(n in keys for n in names):
                    found.append((source.name, EntityKind.ORGANISATION, list(source.aliases)))
                    keys.update(names)
        self.entities.prefetch(name for name, _, _ in found)
        entities = []
        for name, kind, aliases in found:
            entity = self.entities.entity_for(name, kind, aliases)
            if entity is not None and entity not in entities:
                entities.append(entity)
        if entities:
            # A new article has no tags yet: one insert instead of taggit's add().
            TaggedArticle.objects.bulk_create(
                TaggedArticle(content_object=article, tag=entity) for entity in entities
            )
        by_key = {}
        for entity in entities:
            for each in [entity.name, *entity.aliases]:
                by_key.setdefault(normalize_name(each), entity)
        linked = {}  # entity pk: [pk of each source that is that entity]
        for statement in statements:
            for source in (statement.source, statement.via):
                if source is None or source.entity_id or source.kind == SourceKind.ANONYMOUS:
                    continue
                entity = next(
                    (
                        by_key[normalize_name(n)]
                        for n in source.names
                        if normalize_name(n) in by_key
                    ),
                    None,
                )
                if entity is not None:
                    source.entity = entity
                    linked.setdefault(entity.pk, []).append(source.pk)
        now = timezone.now()
        for entity_pk, source_pks in linked.items():
            Source.objects.filter(pk__in=source_pks).update(entity_id=entity_pk, updated_at=now)

    # Loading an export record: sources, statements, verdicts, evidence and entities as given.

    def _export_sources(self, data):
        """{normalized name: Source} for the record's non-anonymous sources."""
        by_name = {}
        pending = []
        for item in data.get("sources") or []:
            if item["kind"] == SourceKind.ANONYMOUS:
                continue
            source = self.sources.find(item["name"], item["aliases"])
            if source is None:
                fields = {k: item[k] for k in exporting.SOURCE_TEXT_FIELDS}
                slug = item.get("slug") or ""
                if slug and not Source.objects.filter(slug=slug).exists():
                    fields["slug"] = slug
                source = self.sources.create(
                    name=item["name"], kind=item["kind"], aliases=item["aliases"], **fields
                )
            else:
                changed = []
                for name in exporting.SOURCE_TEXT_FIELDS:
                    if item[name] and not getattr(source, name):
                        setattr(source, name, item[name])
                        changed.append(name)
                extra = [
                    a
                    for a in item["aliases"]
                    if normalize_name(a) not in {normalize_name(n) for n in source.names}
                ]
                if extra:
                    source.aliases = [*source.aliases, *extra]
                    self.sources.add(source.pk, source.name, extra, source.kind)
                    changed.append("aliases")
                if changed:
                    source.save(update_fields=[*changed, "updated_at"])
            by_name[normalize_name(item["name"])] = source
            pending.append((source, item))
        for source, item in pending:
            if item["affiliation"] and source.affiliation_id is None:
                affiliation = by_name.get(normalize_name(item["affiliation"])) or self.sources.find(
                    item["affiliation"]
                )
                if affiliation is not None and affiliation.pk != source.pk:
                    source.affiliation = affiliation
                    source.save(update_fields=["affiliation", "updated_at"])
        return by_name

    def _export_source(self, name, kind, article, by_name, anonymous):
        if not name:
            return None
        key = normalize_name(name)
        if kind == SourceKind.ANONYMOUS:
            if key not in anonymous:
                item = next(
                    (
                        s
                        for s in self._record_sources
                        if normalize_name(s["name"]) == key and s["kind"] == kind
                    ),
                    None,
                )
                fields = {k: item[k] for k in exporting.SOURCE_TEXT_FIELDS} if item else {}
                affiliation = (
                    by_name.get(normalize_name(item["affiliation"]))
                    if item and item["affiliation"]
                    else None
                )
                anonymous[key] = self.sources.create(
                    name=name, kind=kind, scope_article=article, affiliation=affiliation, **fields
                )
            return anonymous[key]
        if key in by_name:
            return by_name[key]
        source = self.sources.find(name)
        if source is None:
            source = self.sources.create(name=name[:200], kind=kind or SourceKind.PERSON)
        by_name[key] = source
        return source

    def _export_statements(self, article, data, by_name):
        self._record_sources = data.get("sources") or []
        kinds = {normalize_name(s["name"]): s["kind"] for s in self._record_sources}
        anonymous = {}
        statements = []
        for number, item in enumerate(data["statements"], start=1):
            if article.body[item["start"] : item["end"]] != item["quote"]:
                raise exporting.RecordError(
                    f"statement {number}: the quote does not match the body at "
                    f"{item['start']}–{item['end']}"
                )
            source_kind = item.get("source_kind") or kinds.get(normalize_name(item["source"] or ""))
            via_kind = kinds.get(normalize_name(item["via"] or ""), SourceKind.OUTLET)
            statement = Statement(
                article=article,
                kind=item["kind"],
                confidence=item["confidence"],
                source_confidence=item["source_confidence"],
                attribution=item["attribution"],
                source=self._export_source(
                    item["source"], source_kind, article, by_name, anonymous
                ),
                via=self._export_source(item["via"], via_kind, article, by_name, anonymous),
                note=item["note"] if item["verdict"] == "unchecked" else "",
            )
            statement.set_span(item["start"], item["end"])
            statement.full_clean()
            statement.save()
            if item["verdict"] != "unchecked":
                statement.set_verdict(item["verdict"], by=None, note=item["note"])
            for proof in item["evidence"]:
                evidence = Evidence(statement=statement, **proof)
                evidence.full_clean()
                evidence.save()
            statements.append(statement)
        return statements

    def _export_entities(self, article, data, by_name):
        entities = []
        for item in data["entities"]:
            fields = {"description": item["description"], "wikidata_id": item["wikidata_id"]}
            slug = item.get("slug") or ""
            if slug and not Entity.objects.filter(slug=slug).exists():
                fields["slug"] = slug
            entity = self.entities.entity_for(item["name"], item["kind"], item["aliases"], **fields)
            if entity not in entities:
                entities.append(entity)
        if entities:
            article.tags.add(*entities)
        by_entity = {normalize_name(e.name): e for e in entities}
        for item in data.get("sources") or []:
            source = by_name.get(normalize_name(item["name"]))
            entity = by_entity.get(normalize_name(item.get("entity") or ""))
            if source is not None and entity is not None and source.entity_id is None:
                source.entity = entity
                source.save(update_fields=["entity", "updated_at"])
