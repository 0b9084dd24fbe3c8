"""Template filters for the public pages."""

from urllib.parse import urlsplit

from django import template
from django.utils import timezone
from django.utils.formats import date_format

from stories.models import Verdict

register = template.Library()


@register.filter
def verdict_tally(obj):
    """[(Verdict, count), …] from an object's <verdict>_count annotations, skipping zeros."""
    pairs = ((verdict, getattr(obj, f"{verdict.value}_count", 0)) for verdict in Verdict)
    return [(verdict, count) for verdict, count in pairs if count]


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
