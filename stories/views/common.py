"""What every public page shares: its head (title, description, canonical URL), its
pagination, and its cache headers.

Pages go through a visible_to(request.user) gate, so drafts reach only the editors who
may change them, and load their rows with QuerySet shape methods: templates run no queries.
"""

from collections import Counter
from functools import wraps

from django.core.paginator import Paginator
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.text import Truncator

from stories.models import Verdict

STORIES_PER_PAGE = 20
CLAIMS_PER_PAGE = 25
STATEMENTS_PER_PAGE = 25
SOURCES_PER_PAGE = 40
ARTICLES_PER_PAGE = 20
OUTLET_ARTICLES = 10  # an outlet's page lists its latest articles
DESCRIPTION_LENGTH = 160
READER_MAX_AGE = 60  # seconds a reader's browser or a shared cache may keep a page

CHECKED_VERDICTS = [  # the verdicts of a track record, in Verdict order
    verdict for verdict in Verdict if verdict != Verdict.UNCHECKED
]


def page_meta(request, title, description, page=None):
    """The title, description and canonical URL shown in every page's head.

    The canonical URL is the page's path without its query string, except a page number.
    """
    canonical = request.build_absolute_uri(request.path)
    if page is not None and page.number > 1:
        canonical += f"?page={page.number}"
        title = f"{title}, page {page.number}"
    description = Truncator(" ".join(description.split())).chars(DESCRIPTION_LENGTH)
    return {"title": title, "description": description, "canonical_url": canonical}


def paginate(request, rows, per_page):
    return Paginator(rows, per_page).get_page(request.GET.get("page"))


def is_filtered(request, filterset):
    return any(request.GET.get(name) for name in filterset.form.fields)


def verdict_tally(statements):
    """[(Verdict, count), …] in Verdict order for loaded statements, skipping zeros."""
    counts = Counter(statement.verdict for statement in statements)
    return [(verdict, counts[verdict]) for verdict in Verdict if counts[verdict]]


def reader_page(view):
    """Readers' pages may be kept for READER_MAX_AGE seconds; an editor's never are, as
    they may show drafts. (Reading the user makes the session add `Vary: Cookie`.)"""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.user.is_authenticated:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        else:
            patch_cache_control(response, public=True, max_age=READER_MAX_AGE)
        return response

    return wrapped
