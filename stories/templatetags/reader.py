"""Template filters and tags for the public pages, and the chain of attribution they show."""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator

from stories.models import SourceKind, Verdict
from stories.names import normalize_name

register = template.Library()

# Attribution words that name who heard a statement first: "told Russian news agencies".
_AUDIENCE = re.compile(
    r"\b(?:told|tells|telling|said to|says to|speaking to|spoke to|speaking with|spoke with|"
    r"in an interview with|an interview with|interviewed by|in a statement to|in remarks to|"
    r"in comments to|wrote to|writing to|quoted by)\s+(?P<who>.+)$",
    re.IGNORECASE,
)
# Where the audience's name ends: "told Russian news agencies on Monday".
_AUDIENCE_END = re.compile(
    r"[,;:(]|\s(?:on|in|at|last|this|earlier|later|late|early|yesterday|today|tonight|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|that|about|after|before|"
    r"when|while)\b",
    re.IGNORECASE,
)
# Audiences too general to be a step of the chain: "told reporters".
GENERIC_AUDIENCES = {
    normalize_name(name)
    for name in (
        "reporters",
        "journalists",
        "the press",
        "the media",
        "news media",
        "a news conference",
        "a press conference",
        "a news briefing",
        "a press briefing",
        "a briefing",
        "an interviewer",
        "an audience",
        "the audience",
        "supporters",
        "colleagues",
        "friends",
        "us",
        "me",
        "him",
        "her",
        "them",
    )
}


@dataclass
class Step:
    """One step of the way a statement reached the outlet."""

    role: str  # "speaker", "audience", "relay" or "outlet"
    name: str
    url: str = ""
    caption: str = ""  # a word or two before the name: "told", "via", "in"


def outlet_name(article):
    """The outlet's name, or the article's headline when the outlet was not recorded."""
    if article.outlet_id:
        return article.outlet.name
    return Truncator(article.headline).chars(48)


def audience(attribution):
    """Who the attribution says heard the statement ("Russian news agencies"), or ""."""
    match = _AUDIENCE.search(" ".join((attribution or "").split()))
    if not match:
        return ""
    who = _AUDIENCE_END.split(match["who"], maxsplit=1)[0].strip(" .,;:'\"")
    if not who or normalize_name(who) in GENERIC_AUDIENCES:
        return ""
    return who


def _names(source):
    return {normalize_name(name) for name in source.names} if source is not None else set()


def attribution_chain(statement):
    """[Step, …]: speaker → audience named by the attribution → relay → outlet.

    Built from the statement's source, attribution and via and its article's outlet
    (loaded with it); a step that repeats the one before it is left out.
    """
    article = statement.article
    outlet = article.outlet if article.outlet_id else None
    source = statement.source if statement.source_id else None
    via = statement.via if statement.via_id else None
    steps = []
    if source is None:
        steps.append(
            Step("speaker", outlet_name(article), outlet.get_absolute_url() if outlet else "")
        )
    else:
        name = "An unnamed source" if source.kind == SourceKind.ANONYMOUS else source.name
        if source.kind == SourceKind.ANONYMOUS and source.name:
            name = source.name[:1].upper() + source.name[1:]
        steps.append(Step("speaker", name, source.get_absolute_url()))
    heard_by = audience(statement.attribution)
    known = _names(source) | _names(via) | _names(outlet)
    if heard_by and normalize_name(heard_by) not in known:
        steps.append(Step("audience", heard_by, caption="told"))
    if via is not None and via.pk != getattr(source, "pk", None):
        steps.append(Step("relay", via.name, via.get_absolute_url(), caption="via"))
    if source is not None and (
        outlet is None or outlet.pk not in {source.pk, getattr(via, "pk", None)}
    ):
        steps.append(
            Step("outlet", outlet_name(article), outlet.get_absolute_url() if outlet else "", "in")
        )
    return steps


@register.filter
def chain(statement):
    return attribution_chain(statement)


@register.filter
def chain_text(statement):
    """The chain in words: "Yuri Ushakov → Russian news agencies → The Associated Press → …"."""
    return " → ".join(step.name for step in attribution_chain(statement))


@register.filter
def verdict_tally(obj):
    """[(Verdict, count), …] from an object's <verdict>_count annotations, skipping zeros."""
    pairs = ((verdict, getattr(obj, f"{verdict.value}_count", 0)) for verdict in Verdict)
    return [(verdict, count) for verdict, count in pairs if count]


@register.filter
def as_verdict(value):
    """A verdict value ("false") as its Verdict, with .label, .icon and .definition."""
    return Verdict(value)


@register.filter
def web_url(url):
    """The URL if it is an http(s) address, else "": loaded URLs never become javascript: links."""
    try:
        scheme = urlsplit(str(url)).scheme.lower()
    except ValueError:
        return ""
    return url if scheme in ("http", "https") else ""


@register.filter
def iso(value):
    """A datetime as ISO 8601 to the second, for datetime and meta attributes."""
    return value.isoformat(timespec="seconds") if value else ""


@register.filter
def published(value):
    """A publication time in words: the date alone when only a date was given (midnight)."""
    if not value:
        return ""
    local = timezone.localtime(value)
    if (local.hour, local.minute, local.second) == (0, 0, 0):
        return date_format(local, "j F Y")
    return date_format(local, "j F Y, H:i e")


@register.filter
def percent(part, whole):
    """part / whole as a whole percentage ("40%"), or "" when whole is 0."""
    try:
        return f"{round(100 * part / whole)}%" if whole else ""
    except (TypeError, ValueError):
        return ""


@register.inclusion_tag("stories/_verdict_chart.html")
def verdict_chart(rows, checked, title_id="chart-title"):
    """A horizontal bar chart, drawn on the server as SVG, of checked statements by verdict.

    `rows` is [(Verdict, count), …]; each bar's length is its share of `checked`.
    """
    label_width, bar_width, row_height, gap = 150, 260, 26, 8
    bars = []
    for index, (verdict, count) in enumerate(rows):
        share = count / checked if checked else 0
        y = index * (row_height + gap)
        width = round(bar_width * share, 1)
        bars.append(
            {
                "verdict": verdict,
                "count": count,
                "share": round(100 * share),
                "y": y,
                "text_y": y + row_height / 2 + 5,
                "width": max(width, 2 if count else 0),
                "value_x": label_width + bar_width + 10,
            }
        )
    height = max(len(rows) * (row_height + gap) - gap, row_height)
    return {
        "bars": bars,
        "checked": checked,
        "title_id": title_id,
        "label_width": label_width,
        "row_height": row_height,
        "width": label_width + bar_width + 90,
        "height": height,
    }
