"""Searching the public lists: PostgreSQL full-text search, or a plain fallback elsewhere.

On PostgreSQL the words are matched with to_tsvector/websearch_to_tsquery (English
stemming, so "invite" finds "invited", and "quoted phrases", OR and -word work as on a web
search engine). On other databases (SQLite in development and tests) each word must occur,
case-insensitively, in one of the fields. Either way the result is the queryset narrowed
through a primary-key subquery, so it composes with any annotation the page adds.
"""

from functools import reduce
from operator import or_

from django.db import connections
from django.db.models import Q

MAX_QUERY_LENGTH = 200
SEARCH_CONFIG = "english"


def clean_query(text):
    """The query on one line, without control characters, at most MAX_QUERY_LENGTH long."""
    text = "".join(ch if ch.isprintable() else " " for ch in str(text or ""))
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def uses_full_text(queryset):
    return connections[queryset.db].vendor == "postgresql"


def matching(queryset, text, fields):
    """The rows of `queryset` whose `fields` match the words of `text` (all rows if empty)."""
    text = clean_query(text)
    if not text:
        return queryset
    model = queryset.model
    if uses_full_text(queryset):
        from django.contrib.postgres.search import SearchQuery, SearchVector

        found = (
            model._default_manager.using(queryset.db)
            .annotate(search_vector=SearchVector(*fields, config=SEARCH_CONFIG))
            .filter(search_vector=SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch"))
        )
    else:
        words = [word.strip("\"'") for word in text.split()]
        condition = Q()
        for word in filter(None, words):
            condition &= reduce(or_, (Q(**{f"{field}__icontains": word}) for field in fields))
        found = model._default_manager.using(queryset.db).filter(condition)
    return queryset.filter(pk__in=found.values("pk"))
