"""Loading articles from plain-text files and JSON Lines exports.

A text file holds one article: an optional header of `Key: value` lines (Outlet, URL,
Published, Byline, Story, Status, Dek) ended by a blank line, then the headline on its own
line, then paragraphs. A standfirst, a photo caption with its credit, a byline and page
furniture ("SHARE THIS —", "Advertisement") are recognised and kept out of the body.

A .jsonl file holds one exported article a line (see stories/exporting.py).

Each article is saved in its own transaction, and identified by a fingerprint of its outlet,
URL, headline and body: loading it again changes nothing. A new version of an article (the
same URL or, without one, the same outlet and headline) updates it in place: see
Loader._update.
"""

import datetime
import hashlib
import json
import re
import traceback
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import DatabaseError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from stories import bulk, exporting, extraction
from stories.claim_matching import suggest_claims
from stories.models import (
    Article,
    ArticleStatus,
    Change,
    Claim,
    ClaimRelation,
    Correction,
    Entity,
    EntityKind,
    Evidence,
    Source,
    SourceKind,
    Statement,
    Story,
    TaggedArticle,
    Verdict,
    VerdictChange,
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
# Words that mark a photo credit, as opposed to a news agency named on its own ("Reuters"
# alone is a sign-off or a dateline's remnant, not a credit).
_PHOTO_MARK = re.compile(
    r"\bPhoto|\bImage|\bPicture|Getty|Shutterstock|Alamy|NurPhoto|ZUMA|WireImage|FilmMagic|"
    r"Corbis|Redux|Polaris|\bPool\b|Handout|Courtesy|\bvia\b|\bCredit\b|\bFile\b|/"
)
_AGENCY_MARK = re.compile(
    r"Getty\s+Images|\bAFP\b|\bAP\b(?:\s+Photo)?|Reuters|\bEPA\b|Bloomberg|Shutterstock|"
    r"Alamy|NurPhoto|\bSipa\b|ZUMA|Anadolu|Xinhua|\bPool\b|\bPA\b(?:\s+(?:Images|Wire))?|"
    r"\bdpa\b|Corbis|Redux|Polaris|WireImage|FilmMagic|Handout|Courtesy|\bvia\b|/"
)
# The small words a credit may hold besides names: "Kremlin via Reuters", "Photo by Jane Roe",
# "Courtesy of the Smith family".
_CREDIT_SMALL_WORDS = frozenset(
    "via by for of the and de da del der di du van von le la al el bin y dpa & - – — +".split()
)
_CREDIT_IN_PARENTHESES = re.compile(r"^(?P<caption>.*?)\s*\((?P<credit>[^()]{2,100})\)\s*$")
_CREDIT_LABELLED = re.compile(
    r"^(?P<caption>.*?)\s*\b(?:Photo(?:graph)?|Image|Picture|Credit|Photo\s+credit)s?\s*:\s*"
    r"(?P<credit>[^:]{2,100}?)\s*$",
    re.IGNORECASE,
)
_PHOTO_BY = re.compile(r"Photo|Image")
_CREDIT_BY = re.compile(
    r"^(?P<caption>.*?)\s*(?P<credit>\b(?:Photo|Photograph|Image)s?\s+by\s+[^.]{2,100}?)\.?\s*$"
)
_CREDIT_GLUED = re.compile(
    r"^(?P<caption>.{20,}?[.!?\"”’)])(?P<space>\s?)(?P<credit>[A-Z][^.!?]{1,100})$"
)
_CREDIT_LABEL = re.compile(
    r"^(?:Photo(?:graph)?|Image|Picture|Credit|Photo\s+credit)s?\s*:\s*(?P<credit>.+)$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?\"”’)]$")
# A news agency's name alone on a line: a sign-off, never a credit nor body text.
_SIGN_OFF = re.compile(
    r"^[—–-]?\s*\(?(?:Reuters|AP|AFP|The\s+Associated\s+Press|Associated\s+Press|Bloomberg|"
    r"dpa|EPA|PA|Xinhua|Agence\s+France-Presse)\)?$"
)
CAPTION_MAX = 400  # a caption is a sentence or two about the picture
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


class BinaryFileError(ArticleError):
    """A file holding NUL bytes: not text, and not worth reading further."""


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
    status: str = ""  # as the file says; "" when it does not say
    # What was kept out of the body, in reading order: [(what, text)], what being
    # "boilerplate", "note", "embedded post", "byline", "dek", "caption", "credit",
    # "extra caption", "credit line" or "sign-off".
    set_aside: list = field(default_factory=list)
    data: dict | None = None  # the whole export record, for a .jsonl line


def normalize_paragraph(text):
    return " ".join(text.split())


def _credit_like(text):
    """True when `text` reads as a photo credit: short, and names with a few small words."""
    text = text.strip()
    if not text or len(text) > 100 or re.search(r"[!?;%\d]|\.\s+[a-z]|\.$", text):
        return False
    words = [w.strip("()[]'\"“”‘’,:") for w in re.split(r"[\s/,]+", text)]
    words = [w for w in words if w]
    if not words or len(words) > 12:
        return False
    courtesy = words[0].lower() == "courtesy" and len(words) <= 8
    named = False
    for word in words:
        if word[0].isupper() or (len(word) > 1 and any(c.isupper() for c in word[1:])):
            named = True
        elif word.lower() not in _CREDIT_SMALL_WORDS and not courtesy:
            return False
    return named


def _caption_and_credit(caption, credit, *, sentence_end):
    """True when `caption` reads as a caption and `credit` as its credit."""
    if not 10 <= len(caption) <= CAPTION_MAX or DATELINE.match(caption):
        return False
    if sentence_end and not _SENTENCE_END.search(caption):
        return False
    return _credit_like(credit)


def split_credit(text):
    """(caption, credit) when `text` is a caption ending with a photo credit, else (text, "").

    A credit is short and made of names ("Jorge Silva / AFP - Getty Images", "AP Photo/Evan
    Vucci"), at the end of a caption of a sentence or two: glued to its last sentence, in
    parentheses, labelled ("Photo: Reuters") or "Photo by …". Anything else is body text.
    """
    if text[-1:] in ".!?" and not _PHOTO_BY.search(text, max(0, len(text) - 120)):
        return text, ""  # only "Photo by …" may end with a full stop: most paragraphs stop here
    match = _CREDIT_IN_PARENTHESES.match(text)
    if match:
        caption, credit = match.group("caption").strip(), match.group("credit").strip()
        if _PHOTO_MARK.search(credit) and _caption_and_credit(caption, credit, sentence_end=False):
            return caption, credit
    match = _CREDIT_BY.match(text)
    if match:
        caption, credit = match.group("caption").strip(), match.group("credit").strip()
        if _caption_and_credit(caption, credit, sentence_end=False):
            return caption, credit
    match = _CREDIT_LABELLED.match(text)
    if match:
        caption, credit = match.group("caption").strip(), match.group("credit").strip()
        if _caption_and_credit(caption, credit, sentence_end=True):
            return caption, credit
    match = _CREDIT_GLUED.match(text)
    if match:
        caption, credit = match.group("caption").strip(), match.group("credit").strip()
        glued = not match.group("space")
        strong = "/" in credit or _AGENCY_AT_END.search(credit)
        if ((glued and _AGENCY_MARK.search(credit)) or strong) and _caption_and_credit(
            caption, credit, sentence_end=True
        ):
            return caption, credit
    return text, ""


def _is_credit_line(text):
    """True for a photo credit on a line of its own: "Getty Images", "Photo: Jane Roe/AP"."""
    label = _CREDIT_LABEL.match(text)
    if label:
        return _credit_like(label.group("credit"))
    return _credit_like(text) and bool(_PHOTO_MARK.search(text))


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
    leading = []
    while paragraphs and BOILERPLATE.match(normalize_paragraph(paragraphs[0])):
        leading.append(("boilerplate", normalize_paragraph(paragraphs.pop(0))))
    if not paragraphs:
        raise ArticleError("no headline")
    headline = normalize_paragraph(paragraphs.pop(0))
    if len(headline) > 500:
        raise ArticleError("no headline: the first line is longer than 500 characters")
    dek = normalize_paragraph(meta.get("dek", ""))
    byline = meta.get("byline", "")
    # [kind, text, credit]: kind is "body", "caption", or what else the paragraph is. Bylines
    # are not items: they are metadata, wherever they stand before the story.
    items = []
    bylines = []  # (number of items before it, the line)
    for raw in paragraphs:
        paragraph = normalize_paragraph(raw)
        if BOILERPLATE.match(paragraph) or _SEPARATOR.match(paragraph):
            items.append(["boilerplate", paragraph, ""])
            continue
        if _NOTE.match(paragraph):
            items.append(["note", paragraph, ""])
            continue
        if _POST_SIGNATURE.match(paragraph):
            # An embedded post: the signature and the post's text just before it.
            if items and items[-1][0] == "body":
                items[-1][0] = "embedded post"
            items.append(["embedded post", paragraph, ""])
            continue
        body_so_far = [item for item in items if item[0] == "body"]
        if not body_so_far and _BYLINE.match(paragraph) and len(paragraph) <= 120:
            byline = byline or paragraph[3:].strip()
            bylines.append((len(items), paragraph))
            continue
        if _SIGN_OFF.match(paragraph):
            items.append(["sign-off", paragraph, ""])
            continue
        if _is_credit_line(paragraph):
            previous = items[-1] if items else None
            if (
                previous
                and previous[0] == "body"
                and len(body_so_far) <= 2
                and len(previous[1]) <= CAPTION_MAX
                and not DATELINE.match(previous[1])
            ):
                previous[0], previous[2] = "caption", paragraph
            else:
                items.append(["credit line", paragraph, ""])
            continue
        caption, credit = split_credit(paragraph)
        if credit:
            items.append(["caption", caption, credit])
        else:
            items.append(["body", paragraph, ""])
    captions = [item for item in items if item[0] == "caption"]
    caption, caption_credit = (captions[0][1], captions[0][2]) if captions else ("", "")
    for extra in captions[1:]:
        extra[0] = "extra caption"
    bodies = [item for item in items if item[0] == "body"]
    if bodies and not dek:
        first_body = items.index(bodies[0])
        pictured = ("caption", "extra caption")
        following = [i for i in items[first_body + 1 :] if i[0] == "body" or i[0] in pictured]
        if first_body == 0 and following and following[0][0] in pictured:
            if len(bodies[0][1]) <= 320:
                bodies[0][0] = "dek"  # a short paragraph before the photo: the standfirst
                dek = bodies.pop(0)[1]
    elif bodies and normalize_paragraph(bodies[0][1]) == dek:
        bodies.pop(0)[0] = "dek"
    if bodies and not dek and len(bodies) > 1 and DATELINE.match(bodies[1][1]):
        if not DATELINE.match(bodies[0][1]) and len(bodies[0][1]) <= 320:
            bodies[0][0] = "dek"  # what comes before the dateline is the standfirst
            dek = bodies.pop(0)[1]
    body = "\n\n".join(item[1] for item in bodies)
    if not body:
        raise ArticleError("no body text after the headline")
    set_aside = list(leading)
    for number, (kind, text, credit) in enumerate(items):
        set_aside += [("byline", line) for before, line in bylines if before == number]
        if kind == "caption":
            set_aside += [("caption", text), ("credit", credit)]
        elif kind == "extra caption":
            set_aside.append((kind, f"{text} {credit}"))
        elif kind != "body":
            set_aside.append((kind, text))
    set_aside += [("byline", line) for before, line in bylines if before >= len(items)]
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
        set_aside=set_aside,
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
    # "created", "updated", "unchanged", "would create", "would update" or "failed"
    action: str
    headline: str = ""
    problem: str = ""
    error: str = ""  # why it failed: "invalid" (the text or record), "database" or "unexpected"
    traceback: str = ""  # the traceback of an unexpected error
    superseded: bool = False  # unchanged: a version the article has moved on from
    statements: list = field(default_factory=list)  # the statements added [Statement, …]
    article: Article | None = None  # the Article created or updated
    sources: int = 0
    entities: int = 0
    suggestions: int = 0  # claim suggestions made for editors
    moved: int = 0  # by an update: statements now at another place in the body
    orphaned: int = 0  # after an update: statements that could not be placed
    corrections_orphaned: int = 0
    kept_draft: int = 0  # asked to publish, but this many spans must be placed first
    set_aside: list = field(default_factory=list)  # ParsedArticle.set_aside

    @property
    def published_with_orphans(self):
        """True when a published article now has statements that need placing."""
        return bool(
            self.article is not None
            and self.article.status == ArticleStatus.PUBLISHED
            and self.orphaned + self.corrections_orphaned
        )


@dataclass
class Summary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    statements: int = 0
    sources: int = 0
    entities: int = 0
    suggestions: int = 0
    moved: int = 0
    orphaned: int = 0  # statements that need placing, in the articles updated
    published_with_orphans: int = 0  # published articles updated that now have orphans
    unplaced: int = 0  # the statements and corrections that need placing in those
    kept_draft: int = 0  # articles that asked to be published but stay drafts


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
    """The text of a file or line; the one place that refuses NUL bytes."""
    if b"\x00" in data:
        raise BinaryFileError(f"{where}binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"{where}not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from exc


def _scoped_key(name):
    """How an article's anonymous sources are told apart: "the officials" is "officials"."""
    return re.sub(r"^(?:an?|the|one)\s+", "", normalize_name(name[:200]))


class _Taken:
    """The spans of an article being updated, so that statements found again are not doubled.

    A new statement may not overlap a placed statement, nor sit exactly where an orphaned one
    last stood, nor repeat the words of a statement an editor deleted from this article.
    """

    def __init__(self, article):
        spans = list(article.statements.values_list("start", "end", "orphaned"))
        self.placed = [(start, end) for start, end, orphaned in spans if not orphaned]
        self.every = {(start, end) for start, end, _ in spans}
        deleted = Change.objects.filter(
            article=article,
            content_type=ContentType.objects.get_for_model(Statement),
            action=Change.Action.DELETE,
        ).values_list("changes", flat=True)
        self.deleted = {(changes.get("quote") or [None])[0] for changes in deleted}

    def free(self, start, end, quote):
        if (start, end) in self.every or quote in self.deleted:
            return False
        return not any(s < end and start < e for s, e in self.placed)

    def take(self, start, end):
        self.placed.append((start, end))
        self.every.add((start, end))


class _RecordSources:
    """An export record's sources as loaded: found by their slug in the export, else by name.

    Two sources of one name stay two when the record tells them apart by slug.
    """

    def __init__(self, items):
        self.items = items
        self.item_by_slug = {item["slug"]: item for item in items if item["slug"]}
        self.item_by_name = {}
        for item in items:
            self.item_by_name.setdefault(normalize_name(item["name"]), item)
        self.by_slug = {}  # export slug: Source
        self.by_name = {}  # normalized name: Source

    def item(self, slug, name):
        if slug and slug in self.item_by_slug:
            return self.item_by_slug[slug]
        return self.item_by_name.get(normalize_name(name or ""))

    def get(self, slug, name):
        if slug and slug in self.item_by_slug:
            return self.by_slug.get(slug)
        return self.by_name.get(normalize_name(name or ""))

    def add(self, slug, name, source):
        if slug:
            self.by_slug[slug] = source
        self.by_name.setdefault(normalize_name(name), source)


class Loader:
    """Loads article files and exports; call load(paths), then read .summary.

    Metadata given here (outlet, story, published, status) overrides a text file's header.
    An article already loaded is recognised by its fingerprint (unchanged), and a new version
    of one by its URL, or without a URL by its outlet and headline: that article is updated
    in place (see _update). Each article is atomic on its own: a bad one leaves nothing
    behind (an article being updated stays as it was) and the others still load.

    load() commits the articles in groups of GROUP_SIZE, each article a savepoint of the
    group's transaction, so that a large folder does not wait on the disk once per article;
    results are reported once their group is committed. A dry run keeps every article of the
    run in one transaction that is rolled back at the end, so that it reports exactly what a
    real run would do (the second of two identical files is unchanged). load_article() alone
    saves one article in its own transaction.
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
        update_in_place=True,
        suggest=True,
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
        self.update_in_place = update_in_place
        self.suggest = suggest
        self.summary = Summary()
        self._group = None  # the open group's transaction, in load()
        self._waiting = None  # the Results of the open group, or None outside load()
        self._forget()

    def _forget(self):
        """Forgets what was learned of the database (after a rollback of many articles)."""
        self.sources = extraction.SourceDirectory()
        self.entities = extraction.EntityDirectory()
        self._exported_sources = {}  # export slug: Source, for the records loaded so far
        self._exported_pks = {}  # Source pk: the export slug it was loaded from
        self._claims = {}  # export claim slug: Claim
        self._users = {}  # username: User or None
        self._journal = []  # (dict, key) learned while loading the current article

    def _learn(self, mapping, key, value):
        mapping[key] = value
        self._journal.append((mapping, key))

    def _begin(self):
        self.sources.begin()
        self.entities.begin()
        self._journal = []

    def _commit(self):
        self.sources.commit()
        self.entities.commit()
        self._journal = []

    def _rollback(self):
        self.sources.rollback()
        self.entities.rollback()
        for mapping, key in reversed(self._journal):
            mapping.pop(key, None)
        self._journal = []

    def load(self, paths):
        self._waiting = []
        try:
            for path, problem in find_files(paths):
                if problem:
                    self._report(Result(str(path), "failed", problem=problem, error="invalid"))
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
        """Commits the open group (rolls it back after `exc`, or in a dry run) and reports
        its results."""
        group, waiting = self._group, self._waiting or []
        self._group, self._waiting = None, ([] if self._waiting is not None else None)
        if group is not None:
            try:
                if self.dry_run and exc is None:
                    transaction.set_rollback(True)
                group.__exit__(type(exc) if exc else None, exc, exc.__traceback__ if exc else None)
            except DatabaseError as error:
                # Nothing of the group was saved: forget what was learned from it.
                self._forget()
                for result in waiting:
                    if result.action in ("created", "updated"):
                        result.action, result.problem = "failed", _problem(error)
                        result.error = "database"
            if self.dry_run:
                self._forget()
        for result in waiting:
            self._report(result, waited=True)

    def _report(self, result, waited=False):
        if self._waiting is not None and not waited and not self.dry_run:
            self._waiting.append(result)
            return
        summary = self.summary
        if result.action == "failed":
            summary.failed += 1
        elif result.action == "unchanged":
            summary.unchanged += 1
        else:
            if result.action in ("created", "would create"):
                summary.created += 1
            else:
                summary.updated += 1
                summary.moved += result.moved
                summary.orphaned += result.orphaned
                if result.published_with_orphans:
                    summary.published_with_orphans += 1
                    summary.unplaced += result.orphaned + result.corrections_orphaned
                summary.kept_draft += bool(result.kept_draft)
            summary.statements += len(result.statements)
            summary.sources += result.sources
            summary.entities += result.entities
            summary.suggestions += result.suggestions
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
            self._report(Result(origin, "failed", problem=_problem(exc), error="invalid"))
            return
        except Exception as exc:  # noqa: BLE001 - a bug met in one file must not stop the run
            self._report(_unexpected(origin, exc))
            return
        self.load_article(parsed, origin)

    def load_jsonl(self, path):
        try:
            handle = path.open("rb")
        except OSError as exc:
            self._report(Result(str(path), "failed", problem=_problem(exc), error="invalid"))
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
                    text = _decode(line)
                    try:
                        record = json.loads(text)
                    except json.JSONDecodeError as exc:
                        raise ArticleError(
                            f"malformed JSON ({exc.msg}, column {exc.colno})"
                        ) from exc
                    parsed = parsed_record(exporting.parse_record(record))
                except (ArticleError, exporting.RecordError) as exc:
                    self._report(Result(origin, "failed", problem=_problem(exc), error="invalid"))
                    if isinstance(exc, BinaryFileError):
                        return  # the rest of a binary file is not worth reading
                    continue
                self.load_article(parsed, origin)
            if not seen:
                self._report(Result(str(path), "failed", problem="empty file", error="invalid"))

    def _apply_overrides(self, parsed):
        for name, value in self.overrides.items():
            if value:
                setattr(parsed, name, value)

    def load_article(self, parsed, origin=""):
        """Saves one ParsedArticle in its own transaction (or savepoint); returns its Result."""
        if self._waiting is not None and self._group is None:
            self._group = transaction.atomic()
            self._group.__enter__()
        alone = self._waiting is None  # not in load(): the article is its own transaction
        self._begin()
        counts = (self.sources.created, self.entities.created)
        try:
            with transaction.atomic():
                result = self._save(parsed, origin)
                if self.dry_run and alone:
                    transaction.set_rollback(True)
        except (ArticleError, exporting.RecordError, ValidationError) as exc:
            result = self._failed(parsed, origin, counts, exc, "invalid")
        except DatabaseError as exc:
            result = self._failed(parsed, origin, counts, exc, "database")
        except Exception as exc:  # noqa: BLE001 - a bug met in one article must not stop the run
            result = self._failed(parsed, origin, counts, exc, "unexpected")
        else:
            if self.dry_run and alone:
                self._rollback()
            else:
                self._commit()
            if self.dry_run:
                result.action = {"created": "would create", "updated": "would update"}.get(
                    result.action, result.action
                )
            result.sources = self.sources.created - counts[0]
            result.entities = self.entities.created - counts[1]
        result.set_aside = parsed.set_aside
        self._report(result)
        if self._waiting is not None and len(self._waiting) >= self.GROUP_SIZE:
            self._close_group()
        return result

    def _failed(self, parsed, origin, counts, exc, error):
        self._rollback()
        self.sources.created, self.entities.created = counts
        if error == "unexpected":
            return _unexpected(origin, exc, headline=parsed.headline)
        return Result(
            origin, "failed", headline=parsed.headline, problem=_problem(exc), error=error
        )

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
        loaded, earlier = self._identify(parsed, mark)
        if loaded:
            return Result(origin, "unchanged", headline=parsed.headline)
        if earlier is not None and mark in _earlier_marks(earlier):
            return Result(origin, "unchanged", headline=parsed.headline, superseded=True)
        named = self._export_sources(data) if data else _RecordSources([])
        if earlier is not None:
            return self._update(earlier, parsed, mark, published, named, origin)
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
            outlet=self._outlet(parsed.outlet, named, (data or {}).get("outlet_slug")),
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
        result = Result(origin, "created", headline=parsed.headline, article=article)
        self._add_content(article, parsed, named, result)
        return result

    def _identify(self, parsed, mark):
        """(True if this very text is loaded, the pk of an article this is a new version of).

        A new version has the URL of an article loaded before or, without a URL, its outlet
        and headline. One query answers both.
        """
        identity = Q(fingerprint=mark)
        if self.update_in_place:
            url = str(parsed.url or "").strip()
            if url:
                identity |= Q(url=url)
            else:
                outlet = self._known_outlet(parsed.outlet)
                if outlet is not None or not str(parsed.outlet or "").strip():
                    identity |= Q(outlet=outlet, headline=parsed.headline)
        rows = list(
            Article.objects.filter(identity).order_by("pk").values_list("pk", "fingerprint")
        )
        if any(stored == mark for _, stored in rows):
            return True, None
        return False, (rows[0][0] if rows else None)

    def _update(self, pk, parsed, mark, published, named, origin):
        """Brings an article loaded before up to its new version, in place.

        The text (headline, standfirst, byline, caption, credit, body) becomes the new
        version's; URL, date, outlet and story change only when the new version gives them;
        the status changes only when it says so. Saving the body moves every statement and
        correction to where its words now stand, or marks it orphaned (Article.save); then
        the statements found in the new text that overlap none already placed are added,
        and the new entities tagged (the tags already there stay). An article that asks to
        be published while spans still need placing stays a draft, as Article.save requires.
        """
        article = Article.objects.select_for_update().get(pk=pk)
        before = {
            pk: (start, end, orphaned)
            for pk, start, end, orphaned in article.statements.values_list(
                "pk", "start", "end", "orphaned"
            )
        }
        article.headline = parsed.headline
        article.dek = parsed.dek
        article.byline = parsed.byline
        article.caption = parsed.caption
        article.caption_credit = parsed.caption_credit
        article.body = parsed.body
        article.fingerprint = mark
        if parsed.url:
            article.url = parsed.url
        if published is not None:
            article.published_at = published
        if parsed.outlet:
            data = parsed.data or {}
            article.outlet = self._outlet(parsed.outlet, named, data.get("outlet_slug"))
        if parsed.story:
            article.story = self._story(parsed.story, (parsed.data or {}).get("story_summary", ""))
        wanted = parse_status(parsed.status) if parsed.status else None
        if wanted == ArticleStatus.DRAFT:
            article.status = ArticleStatus.DRAFT
        article.full_clean(validate_constraints=False)
        article.save()
        result = Result(origin, "updated", headline=parsed.headline, article=article)
        for pk, start, end, orphaned in article.statements.values_list(
            "pk", "start", "end", "orphaned"
        ):
            if orphaned:
                result.orphaned += 1
            elif before.get(pk) != (start, end, False):
                result.moved += 1
        result.corrections_orphaned = article.corrections.filter(orphaned=True).count()
        if wanted == ArticleStatus.PUBLISHED and article.status != ArticleStatus.PUBLISHED:
            unplaced = result.orphaned + result.corrections_orphaned
            if unplaced:
                result.kept_draft = unplaced
            else:
                article.status = ArticleStatus.PUBLISHED
                article.save(update_fields=["status", "updated_at"])
        self._add_content(article, parsed, named, result, taken=_Taken(article))
        return result

    def _add_content(self, article, parsed, named, result, taken=None):
        """Statements, corrections, claims and entities of a new or updated article, then the
        claim suggestions for editors."""
        data = parsed.data
        cast = None
        if data is not None and data.get("statements") is not None:
            self._fetch_users(data)
            claims = self._export_claims(data)
            result.statements = self._export_statements(article, data, named, claims, taken)
            self._export_corrections(article, data, updating=taken is not None)
        else:
            cast = extraction.read_cast(article.body, headline=article.headline, dek=article.dek)
            result.statements = self._extract_statements(article, cast, taken)
        if data is not None and data.get("entities") is not None:
            self._export_entities(article, data, named)
        else:
            self._extract_entities(article, result.statements, cast, updating=taken is not None)
        if self.suggest:
            result.suggestions = len(suggest_claims(article))

    def _known_outlet(self, name):
        """The outlet Source called `name`, or None when there is none yet."""
        name = " ".join(str(name or "").split())
        if not name:
            return None
        outlet = self.sources.find(name)
        if outlet is None:
            known = extraction.known_name(name)
            outlet = self.sources.find(known[0], known[2]) if known else None
        return outlet

    def _outlet(self, name, named, slug=None):
        name = " ".join(str(name or "").split())
        if not name:
            return None
        outlet = named.get(slug, name)
        if outlet is not None:
            return outlet
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

    def _extract_statements(self, article, cast, taken=None):
        scoped = {}
        if taken is not None:  # the article's anonymous sources, to be found again by name
            for source in Source.objects.filter(scope_article=article).order_by("pk"):
                scoped.setdefault(_scoped_key(source.name), source)
        body = article.body
        # The article's own outlet and its programmes are no relay ("told BBC Radio 4's Today
        # programme", in the BBC's own report).
        own = {
            normalize_name(extraction.outlet_family(name))
            for name in (article.outlet.names if article.outlet else ())
        }
        resolved = []
        for found in extraction.find_statements(body, cast=cast):
            if taken is not None:
                if not taken.free(found.start, found.end, body[found.start : found.end]):
                    continue
                taken.take(found.start, found.end)
            source = self._source_for(found.source, article, scoped)
            source_confidence = self.sources.confidence_for(found.source_confidence)
            mention = found.via
            if (
                mention is not None
                and normalize_name(extraction.outlet_family(mention.name)) in own
            ):
                mention = None
            via = self._source_for(mention, article, scoped)
            if via is source:
                via = None
            resolved.append((found, source, source_confidence, via))
        self.sources.flush()  # the article's new sources, in one insert
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
            statement.set_span(found.start, found.end, body)
            # The foreign keys were just resolved and the constraints hold by construction
            # (the database checks them again): validate the fields without a query each.
            statement.full_clean(
                exclude=_statement_unchecked(), validate_unique=False, validate_constraints=False
            )
            statements.append(statement)
        _insert_statements(statements)
        return statements

    def _source_for(self, mention, article, scoped):
        """The Source of a mention; an updated article's anonymous sources are its own again."""
        if scoped and mention is not None and (mention.anonymous or mention.anaphor):
            known = scoped.get(_scoped_key(mention.name))
            if known is not None:
                self.sources.last_match = "anonymous"
                return known
        return self.sources.source_for(mention, article, together=True)

    def _extract_entities(self, article, statements, cast=None, updating=False):
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
        entities = {}  # each entity once, in the order found, by its (provisional) key
        for name, kind, aliases in found:
            entity = self.entities.entity_for(name, kind, aliases, together=True)
            if entity is not None:
                entities.setdefault(self.entities.key_of(entity), entity)
        entities = list(entities.values())
        self.entities.flush()  # the article's new entities, in one insert
        tagged = set()
        if updating:  # the tags already there stay, editors' own included
            tagged = set(article.tagged_items.values_list("tag_id", flat=True))
        new_tags = [entity for entity in entities if entity.pk not in tagged]
        # One insert instead of taggit's add(), which reads the tags first.
        bulk.insert(
            TaggedArticle,
            [TaggedArticle(content_object=article, tag=entity) for entity in new_tags],
        )
        by_key = {}
        for entity in entities:
            for each in [entity.name, *entity.aliases]:
                by_key.setdefault(normalize_name(each), entity)
        linked = {}  # Source pk: Source, for each source that is one of these entities
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
                    linked[source.pk] = source
        if linked:
            now = timezone.now()
            for source in linked.values():
                source.updated_at = now
            bulk.update(Source, linked.values(), ["entity", "updated_at"])

    # Loading an export record: sources, statements, verdicts and their history, evidence,
    # corrections, claims and entities as given.

    def _fetch_users(self, data):
        """Reads the users the record names, by username, in one query."""
        names = {data_user for data_user in _record_usernames(data) if data_user}
        missing = names - self._users.keys()
        if missing:
            found = {
                user.username: user
                for user in get_user_model().objects.filter(username__in=missing)
            }
            for name in missing:
                self._users[name] = found.get(name)

    def _user(self, username):
        return self._users.get(username) if username else None

    def _export_sources(self, data):
        """The record's named sources, found or made (anonymous ones wait for the article)."""
        named = _RecordSources(data.get("sources") or [])
        pending = []
        for item in named.items:
            if item["kind"] == SourceKind.ANONYMOUS:
                continue
            source = self._exported_source(item)
            named.add(item["slug"], item["name"], source)
            pending.append((source, item))
        for source, item in pending:
            if not (item["affiliation"] or item["affiliation_slug"]) or source.affiliation_id:
                continue
            affiliation = named.get(item["affiliation_slug"], item["affiliation"])
            if affiliation is None and item["affiliation"]:
                affiliation = self.sources.find(item["affiliation"])
            if affiliation is not None and affiliation.pk != source.pk:
                source.affiliation = affiliation
                source.save(update_fields=["affiliation", "updated_at"])
        return named

    def _exported_source(self, item):
        """The Source for one named source of a record: the one this export's slug was loaded
        as, the one stored under that slug and name, one known by that name (unless it came
        from another slug of this export: two sources of one name stay two), or a new one."""
        slug = item["slug"]
        if slug and slug in self._exported_sources:
            return self._exported_sources[slug]
        source = None
        slug_taken = False
        if slug:
            stored = Source.objects.filter(slug=slug).first()
            slug_taken = stored is not None
            if stored is not None and normalize_name(item["name"]) in {
                normalize_name(n) for n in stored.names
            }:
                source = stored
        if source is None:
            source = self.sources.find(item["name"], item["aliases"])
            if source is not None and self._exported_pks.get(source.pk, slug) != slug:
                source = None
        if source is None:
            fields = {k: item[k] for k in exporting.SOURCE_TEXT_FIELDS}
            if slug and not slug_taken:
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
        if slug:
            self._learn(self._exported_sources, slug, source)
            self._learn(self._exported_pks, source.pk, slug)
        return source

    def _export_source(self, slug, name, kind, article, named, anonymous):
        """The Source a statement of a record names (by slug within the record, else name)."""
        if not name:
            return None
        item = named.item(slug, name)
        if kind == SourceKind.ANONYMOUS or (item and item["kind"] == SourceKind.ANONYMOUS):
            key = (item or {}).get("slug") or normalize_name(name)
            if key not in anonymous:
                fields = {k: item[k] for k in exporting.SOURCE_TEXT_FIELDS} if item else {}
                if item and item["slug"] and not Source.objects.filter(slug=item["slug"]).exists():
                    fields["slug"] = item["slug"]
                affiliation = None
                if item and (item["affiliation"] or item["affiliation_slug"]):
                    affiliation = named.get(item["affiliation_slug"], item["affiliation"])
                anonymous[key] = self.sources.create(
                    name=name[:200],
                    kind=SourceKind.ANONYMOUS,
                    scope_article=article,
                    affiliation=affiliation,
                    aliases=item["aliases"] if item else [],
                    **fields,
                )
            return anonymous[key]
        source = named.get(slug, name)
        if source is None:
            source = self.sources.find(name)
            if source is None:
                source = self.sources.create(name=name[:200], kind=kind or SourceKind.PERSON)
            named.add(None, name, source)
        return source

    def _export_claims(self, data):
        """{export slug or text: Claim} for the claims of the record, found or made; and the
        relations between claims of this export, once both ends are loaded."""
        claims = {}
        for item in data.get("claims") or []:
            claim = self._exported_claim(item)
            claims[item["slug"] or item["text"]] = claim
            claims.setdefault(item["text"], claim)
        for item in data.get("claims") or []:
            for relation in item["relations"]:
                first = self._claims.get(relation["claim"])
                other = self._claims.get(relation["other"])
                if first is not None and other is not None and first.pk != other.pk:
                    ClaimRelation.objects.get_or_create(
                        claim=first,
                        kind=relation["kind"],
                        other=other,
                        defaults={"note": relation["note"]},
                    )
        return claims

    def _exported_claim(self, item):
        slug = item["slug"]
        if slug and slug in self._claims:
            return self._claims[slug]
        claim = None
        slug_taken = False
        if slug:
            claim = Claim.objects.filter(slug=slug).first()
            slug_taken = claim is not None
            if claim is not None and claim.text != item["text"]:
                claim = None
        if claim is None:
            claim = Claim(
                text=item["text"],
                slug=slug if slug and not slug_taken else "",
                story=self._story(item["story"]),
                verdict=item["verdict"],
                note=item["note"],
                reviewed_by=self._user(item["reviewed_by"]),
                reviewed_at=item["reviewed_at"],
            )
            claim.full_clean(exclude=["slug", "story", "reviewed_by"])
            claim.save()
        if slug:
            self._learn(self._claims, slug, claim)
        return claim

    def _claim_for(self, item, claims):
        if item["claim_slug"] and item["claim_slug"] in claims:
            return claims[item["claim_slug"]]
        if not item["claim"]:
            return None
        if item["claim"] not in claims:
            claim = Claim.objects.filter(text=item["claim"]).order_by("pk").first()
            if claim is None:
                claim = Claim(text=item["claim"][:200])
                claim.full_clean(exclude=["slug"])
                claim.save()
            claims[item["claim"]] = claim
        return claims[item["claim"]]

    def _export_statements(self, article, data, named, claims, taken=None):
        body = article.body
        anonymous = {}
        statements, extras, spans = [], [], {}
        for number, item in enumerate(data["statements"], start=1):
            start, end = item["start"], item["end"]
            if not item["orphaned"] and body[start:end] != item["quote"]:
                raise exporting.RecordError(
                    f"statement {number}: the quote does not match the body at {start}–{end}"
                )
            if (start, end) in spans:
                raise exporting.RecordError(
                    f"statement {number}: the same span as statement {spans[start, end]}"
                )
            spans[start, end] = number
            if taken is not None:
                if item["orphaned"] or not taken.free(start, end, item["quote"]):
                    continue
                taken.take(start, end)
            source_kind = item["source_kind"]
            if source_kind is None:
                found = named.item(item["source_slug"], item["source"])
                source_kind = found["kind"] if found else None
            via_item = named.item(item["via_slug"], item["via"])
            via_kind = via_item["kind"] if via_item else SourceKind.OUTLET
            statement = Statement(
                article=article,
                kind=item["kind"],
                confidence=item["confidence"],
                source_confidence=item["source_confidence"],
                attribution=item["attribution"],
                source=self._export_source(
                    item["source_slug"], item["source"], source_kind, article, named, anonymous
                ),
                via=self._export_source(
                    item["via_slug"], item["via"], via_kind, article, named, anonymous
                ),
                verdict=item["verdict"],
                note=item["note"],
                reviewed_by=self._user(item["reviewed_by"]),
                reviewed_at=item["reviewed_at"],
                claim=self._claim_for(item, claims),
                claim_difference=item["claim_difference"],
            )
            if item["orphaned"]:
                statement.start, statement.end, statement.quote = start, end, item["quote"]
                statement.orphaned = True
            else:
                statement.set_span(start, end, body)
            statement.full_clean(
                exclude=["article", "source", "via", "claim", "reviewed_by"],
                validate_unique=False,
                validate_constraints=False,
            )
            statements.append(statement)
            extras.append(item)
        # Inserted as they were exported: the verdict history comes from the record, so the
        # model's bulk_create(), which starts a history for each checked statement, is skipped.
        models.QuerySet.bulk_create(Statement.objects.all(), statements)
        evidence, history = [], []
        for statement, item in zip(statements, extras, strict=True):
            for proof in item["evidence"]:
                row = Evidence(statement=statement, **proof)
                row.full_clean(exclude=["statement"])
                evidence.append(row)
            if item["history"] is not None:
                history += [
                    VerdictChange(
                        statement=statement,
                        user=self._user(change["user"]),
                        at=change["at"],
                        from_verdict=change["from"],
                        to_verdict=change["to"],
                        note=change["note"],
                    )
                    for change in item["history"]
                ]
            elif statement.verdict != Verdict.UNCHECKED:  # a record without its history
                history.append(
                    VerdictChange(
                        statement=statement,
                        user=statement.reviewed_by,
                        at=statement.reviewed_at or timezone.now(),
                        from_verdict=Verdict.UNCHECKED,
                        to_verdict=statement.verdict,
                        note=statement.note,
                    )
                )
        Evidence.objects.bulk_create(evidence)
        VerdictChange.objects.bulk_create(history)
        return statements

    def _export_corrections(self, article, data, updating=False):
        items = data.get("corrections") or []
        if not items:
            return
        placed = []
        if updating:
            placed = [
                (start, end)
                for start, end in article.corrections.filter(orphaned=False).values_list(
                    "start", "end"
                )
            ]
        corrections = []
        for number, item in enumerate(items, start=1):
            start, end = item["start"], item["end"]
            if item["orphaned"]:
                if updating:
                    continue
                correction = Correction(start=start, end=end, quote=item["quote"], orphaned=True)
            else:
                if article.body[start:end] != item["quote"]:
                    raise exporting.RecordError(
                        f"correction {number}: the quote does not match the body at {start}–{end}"
                    )
                if any(s < end and start < e for s, e in placed):
                    continue
                correction = Correction()
                correction.set_span(start, end, article.body)
            correction.article = article
            correction.text = item["text"]
            correction.published = item["published"]
            correction.created_by = self._user(item["created_by"])
            correction.full_clean(exclude=["article", "created_by"], validate_constraints=False)
            corrections.append(correction)
        Correction.objects.bulk_create(corrections)

    def _export_entities(self, article, data, named):
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
            source = named.get(item["slug"], item["name"])
            entity = by_entity.get(normalize_name(item.get("entity") or ""))
            if source is not None and entity is not None and source.entity_id is None:
                source.entity = entity
                source.save(update_fields=["entity", "updated_at"])


def _insert_statements(statements):
    """Inserts new, unchecked statements, in one query and without reading their keys back."""
    if any(statement.verdict != Verdict.UNCHECKED for statement in statements):
        raise ValueError("Statements with a verdict need their history: use bulk_create().")
    bulk.insert(Statement, statements)


def _earlier_marks(pk):
    """The fingerprints of the versions an article had before its current one, read back
    from its change log: loading one of them again is not a new version."""
    article = Article.objects.values("outlet", "url", "headline", "body").get(pk=pk)
    changes = Change.objects.filter(
        content_type=ContentType.objects.get_for_model(Article),
        object_id=pk,
        action=Change.Action.UPDATE,
    ).order_by("-at", "-pk")
    states = []
    for changed in changes.values_list("changes", flat=True):
        if any(name in changed for name in article):
            for name in article.keys() & changed.keys():
                article[name] = changed[name][0]
            states.append(dict(article))
    outlets = dict(
        Source.objects.filter(pk__in={s["outlet"] for s in states}).values_list("pk", "name")
    )
    return {
        fingerprint(outlets.get(s["outlet"], ""), s["url"], s["headline"], s["body"])
        for s in states
    }


def _record_usernames(data):
    for item in data.get("statements") or []:
        yield item["reviewed_by"]
        for change in item["history"] or []:
            yield change["user"]
    for item in data.get("claims") or []:
        yield item["reviewed_by"]
    for item in data.get("corrections") or []:
        yield item["created_by"]


def _unexpected(origin, exc, headline=""):
    """The Result of an article that met an error nobody expected (a bug): named in one line,
    with the traceback kept for -v3."""
    return Result(
        origin,
        "failed",
        headline=headline,
        problem=f"unexpected error: {exc.__class__.__name__}: {_problem(exc)}",
        error="unexpected",
        traceback="".join(traceback.format_exception(exc)),
    )
