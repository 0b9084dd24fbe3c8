"""The review desk: an article's text with its statements marked by verdict, a panel to
decide each one, and a queue of what is left to check.

Plain function views under /admin/review/; newsroom/urls.py wraps each one in
admin.site.admin_view. Every change is a POST that answers JSON to the page's script
(Accept: application/json, or X-Requested-With) and otherwise redirects back to the
review page, so the desk works without JavaScript.

No lost updates: every form carries the version of the row the editor saw and a snapshot
of its values (`seen`). A save made from a stale copy is refused (409) with what the
other editor changed, field by field. A new statement or correction is made on the words the
editor selected: if the text moved since, it is refused unless those words still stand
where they were.

Who may do what: reading the desk needs view permission on articles and statements;
verdicts and notes need stories.set_verdict (Editors, Fact-checkers); evidence needs
set_verdict or add_evidence (delete_evidence to remove); new statements need
add_statement and change_article (Editors, Contributors); moving a statement needs
change_article and change_statement; corrections need add_correction (Editors,
Fact-checkers).
"""

from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import wraps

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst
from django.views.decorators.http import require_POST

from stories.admin import DOUBTFUL, confidence_html
from stories.forms import decode_seen, describe_pair, encode_seen
from stories.models import (
    Article,
    Change,
    Claim,
    Correction,
    EditConflict,
    Evidence,
    Source,
    SourceKind,
    Statement,
    StatementKind,
    Verdict,
    VerdictChange,
)
from stories.rendering import marked_paragraphs

QUEUE_PAGE_SIZE = 50
QUEUE_ARTICLES = 20  # the queue's side list: the articles with the most left to check
RECENT_REVIEWS = 10
HISTORY_LENGTH = 8  # verdict changes and other changes shown per statement
CHANGES_SCANNED = 400  # the latest change rows of an article read for its statements

# One key per verdict, in the order of the Verdict choices: 1 = not yet checked … 6.
VERDICT_KEYS = [(str(n), verdict) for n, verdict in enumerate(Verdict, 1)]


# Who may do what ---------------------------------------------------------------------------


def desk_permissions(user):
    """What `user` may do on the desk, for the views and the templates alike."""

    def has(*perms):
        return all(user.has_perm(f"stories.{perm}") for perm in perms)

    return {
        "view": (has("view_article") or has("change_article"))
        and (has("view_statement") or has("change_statement")),
        "set_verdict": has("set_verdict"),
        "add_evidence": has("set_verdict") or has("add_evidence"),
        "remove_evidence": has("set_verdict") or has("delete_evidence"),
        "add_statement": has("add_statement", "change_article"),
        "add_source": has("add_source"),
        "move_statement": has("change_article", "change_statement"),
        "add_correction": has("add_correction"),
    }


REFUSALS = {
    "view": "You may not use the review desk: it needs permission to view articles and statements.",
    "set_verdict": "Only Editors and Fact-checkers may set verdicts and notes.",
    "add_evidence": "Only Editors and Fact-checkers may add evidence.",
    "remove_evidence": "Only Editors and Fact-checkers may remove evidence.",
    "add_statement": "Only Editors and Contributors may mark new statements: it needs "
    "permission to add statements and to change articles.",
    "add_source": "You may not add sources: choose one that exists.",
    "move_statement": "Only Editors and Contributors may move a statement in the text: it "
    "needs permission to change articles and statements.",
    "add_correction": "Only Editors and Fact-checkers may record corrections.",
}


# Answers: JSON for the page's script, pages and redirects for plain forms -------------------


@dataclass(eq=False)
class Problem(Exception):
    """A refused request: a message, an HTTP status, and what to show with it."""

    message: str
    status: int = 400
    article: object = None
    statement: object = None
    form: str = ""  # the form to show the problem in: "verdict", "evidence", "span", "new"…
    changes: list = field(default_factory=list)  # [{field, label, seen, now, yours}]
    errors: dict = field(default_factory=dict)  # {field: [message, …]}
    values: dict = field(default_factory=dict)  # what the editor sent, to fill the form again

    def __str__(self):
        return self.message


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "") or (
        request.headers.get("X-Requested-With") == "XMLHttpRequest"
    )


def require(request, perms, what, *, article=None, statement=None):
    if not perms[what]:
        raise Problem(REFUSALS[what], status=403, article=article, statement=statement)


def review_url(article, statement=None):
    url = reverse("review_article", args=[article.pk])
    return f"{url}#review-{statement.anchor}" if statement is not None else url


def desk_action(view):
    """A POST endpoint of the desk: a Problem it raises becomes the right refusal."""

    @wraps(view)
    def wrapper(request, pk):
        try:
            return view(request, pk, desk_permissions(request.user))
        except Problem as problem:
            return refuse(request, problem)

    return require_POST(wrapper)


def refuse(request, problem):
    if wants_json(request):
        data = {"error": problem.message, "changes": problem.changes, "errors": problem.errors}
        if problem.statement is not None and problem.status == 409:
            # The panel as it is now saved, with what the other editor changed in it.
            statement = fresh_statement(problem.statement.pk)
            if statement is not None:
                problem.statement = statement
                data["statement"] = statement_json(statement)
                data["panel"] = panel_html(request, statement, problem)
        return JsonResponse(data, status=problem.status)
    if problem.status == 403 or problem.article is None:
        context = {
            **admin.site.each_context(request),
            "title": "Not allowed",
            "message": problem.message,
            "article": problem.article,
        }
        return render(
            request, "admin/stories/review/forbidden.html", context, status=problem.status
        )
    return review_page(request, problem.article.pk, problem=problem)


def done(request, article, message, *, statement=None, text=False):
    """A change went through: JSON with the new state, or back to the review page.

    With `text`, the JSON also carries the marked text, the statements that lost their
    place and the corrections, drawn again: a span was added or moved."""
    if not wants_json(request):
        messages.success(request, message)
        return redirect(review_url(article, statement))
    data = {"ok": True, "message": message}
    if statement is not None:
        statement = fresh_statement(statement.pk)
        data["statement"] = statement_json(statement)
        data["panel"] = panel_html(request, statement)
    if text:
        article = Article.objects.get(pk=article.pk)
        statements = list(Statement.objects.filter(article=article).select_related("source"))
        for each in statements:
            decorate(each)
        context = {
            "orphans": lost(article.body, statements),
            "corrections": list(article.corrections.order_by("start", "pk")),
            "perms_desk": desk_permissions(request.user),
        }
        data["body"] = body_html(article.body, statements)
        data["orphans"] = render_to_string("admin/stories/review/_orphans.html", context, request)
        data["corrections"] = render_to_string(
            "admin/stories/review/_corrections.html", context, request
        )
        data["article_version"] = article.version
    return JsonResponse(data)


def statement_json(statement):
    verdict = Verdict(statement.verdict)
    return {
        "id": statement.pk,
        "verdict": verdict.value,
        "label": verdict.label,
        "icon": verdict.icon,
        "version": statement.version,
        "note": statement.note,
        "start": statement.start,
        "end": statement.end,
        "quote": statement.quote,
        "orphaned": statement.orphaned,
    }


# Reading the POST -------------------------------------------------------------------------


def posted_version(request, problem):
    try:
        return int(request.POST["version"])
    except (KeyError, ValueError):
        problem.message = "This form does not say which version you saw: reload the page."
        raise problem from None


def expect(obj, version):
    """The next save of `obj` is refused unless it is still at `version`, the one the
    editor saw (and a refusal says so)."""
    obj.version = version
    obj.expect_version(version)


def posted_int(request, name):
    value = request.POST.get(name, "").strip()
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        return None


def in_words(field, old, new, names=None):
    """(what it was, what it is) as an editor reads them; a verdict with its icon."""
    old_text, new_text = describe_pair(field, old, new, names)
    if field.name == "verdict":
        old_text, new_text = (
            f"{Verdict(value).icon} {text}" if value in Verdict.values else text
            for value, text in ((old, old_text), (new, new_text))
        )
    return old_text, new_text


def describe_conflict(request, conflict):
    """What the other editor changed, [{field, label, seen, now, yours}], from the snapshot
    the form carried (`seen`), as EditConflict.differences() finds it."""
    obj = conflict.instance
    seen = decode_seen(request.POST.get("seen")) or {}
    result = []
    for name, then, now in conflict.differences(seen):
        field = obj._meta.get_field(name)
        then_text, now_text = in_words(field, then, now)
        row = {
            "field": name,
            "label": capfirst(field.verbose_name),
            "seen": then_text,
            "now": now_text,
        }
        if name in request.POST:
            row["yours"] = in_words(field, then, request.POST[name])[1]
        result.append(row)
    return result


def conflict_message(conflict):
    """EditConflict's message, naming who saved last and when."""
    obj = conflict.instance
    last = (
        Change.objects.filter(
            content_type__app_label=obj._meta.app_label,
            content_type__model=obj._meta.model_name,
            object_id=obj.pk,
        )
        .select_related("user")
        .order_by("-at", "-pk")
        .first()
    )
    message = str(conflict)
    if last is not None:
        who = last.user.get_username() if last.user else "the system"
        message += f" Last saved by {who} at {timezone.localtime(last.at):%H:%M:%S %Z}."
    return message


@contextmanager
def saving(request, *, article, statement=None, form=""):
    """Runs one save in a transaction; a stale copy (EditConflict) or invalid data
    (ValidationError) becomes a Problem that names what to show."""
    try:
        with transaction.atomic():
            yield
    except EditConflict as conflict:
        raise Problem(
            conflict_message(conflict),
            status=409,
            article=article,
            statement=statement,
            form=form,
            changes=describe_conflict(request, conflict),
            values=request.POST.dict(),
        ) from conflict
    except ValidationError as error:
        raise Problem(
            " ".join(error.messages),
            article=article,
            statement=statement,
            form=form,
            errors=error.message_dict if hasattr(error, "error_dict") else {},
            values=request.POST.dict(),
        ) from error


def resolve_span(request, body, problem, *, version_matches):
    """(start, end) of the words the editor chose: `start`/`end` as selected in the page,
    checked against `quote` when given; or the one place where `quote` stands.

    When the text changed since the editor saw it, their offsets are kept only if
    their quote still stands there; otherwise the request is refused (409)."""
    quote = request.POST.get("quote", "").strip()
    start, end = posted_int(request, "start"), posted_int(request, "end")
    if start is not None and end is None and quote:
        end = start + len(quote)
    if start is not None and end is not None:
        if not 0 <= start < end <= len(body):
            problem.message = (
                f"The span {start}–{end} is outside the text ({len(body)} characters)."
            )
            raise problem
        here = body[start:end]
        if quote and here != quote:
            if version_matches:
                problem.message = f"The words at {start}–{end} are not “{quote}”."
                raise problem
            raise moved_text(problem, quote, here)
        if not quote and not version_matches:
            problem.message = (
                "The text was changed by someone else since you selected these words: "
                "select them again. Nothing was saved."
            )
            problem.status = 409
            raise problem
        return start, end
    if not quote:
        problem.message = "Select the words in the text, or type them exactly as they stand."
        problem.errors = {"quote": [problem.message]}
        raise problem
    places, at = [], body.find(quote)
    while at != -1:
        places.append(at)
        at = body.find(quote, at + 1)
    if not places:
        problem.message = f"These words are not in the text: “{Truncator(quote).chars(80)}”."
        problem.errors = {"quote": [problem.message]}
        raise problem
    if len(places) > 1:
        problem.message = (
            f"These words occur {len(places)} times in the text (starting at characters "
            f"{', '.join(map(str, places))}): give the start of the one you mean."
        )
        problem.errors = {"start": [problem.message]}
        raise problem
    return places[0], places[0] + len(quote)


def moved_text(problem, seen, now):
    problem.status = 409
    problem.message = (
        "The text was changed by someone else since you selected these words: they now read "
        "differently. Select them again. Nothing was saved."
    )
    seen_text, now_text = in_words(Article._meta.get_field("body"), seen, now)
    problem.changes = [{"field": "body", "label": "Text", "seen": seen_text, "now": now_text}]
    return problem


# Loading what the desk shows --------------------------------------------------------------


def for_review_desk(statements):
    """Statements with everything the panel shows, in the order of the text."""
    return (
        statements.select_related("source__affiliation", "via", "claim", "reviewed_by")
        .prefetch_related("evidence")
        .order_by("start", "end", "pk")
    )


def fresh_statement(pk):
    statement = for_review_desk(Statement.objects.filter(pk=pk)).first()
    if statement is not None:
        body = Article.objects.values_list("body", flat=True).get(pk=statement.article_id)
        prepare([statement], body)
    return statement


def prepare(statements, body):
    """Everything the panel shows of each statement: history, links, meters, snapshot."""
    attach_history(statements)
    for statement in statements:
        decorate(statement)
        statement.is_lost = not statement.is_placed(body)
        statement.seen = encode_seen(statement)
        statement.claim_link = claim_link(statement.claim) if statement.claim_id else ""
        statement.evidence_rows = [(e, encode_seen(e)) for e in statement.evidence.all()]


def claim_link(claim):
    """The claim's admin page if it has one, else its public page."""
    try:
        return reverse("admin:stories_claim_change", args=[claim.pk])
    except NoReverseMatch:
        pass
    try:
        return claim.get_absolute_url()
    except NoReverseMatch:
        return ""


def attach_history(statements):
    """Gives each statement `recent_verdicts` (VerdictChange rows) and `recent_changes`
    (its own Change rows and its evidence's, verdicts left out): two queries in all, and
    one more for each kind of related row the changes name (sources, claims)."""
    by_pk = {s.pk: s for s in statements}
    for statement in statements:
        statement.recent_verdicts, statement.recent_changes = [], []
    if not by_pk:
        return
    latest = Window(RowNumber(), partition_by=F("statement"), order_by=[F("at").desc(), "-pk"])
    verdicts = (
        VerdictChange.objects.filter(statement__in=by_pk)
        .select_related("user")
        .annotate(row=latest)
        .filter(row__lte=HISTORY_LENGTH)
        .order_by("-at", "-pk")
    )
    for change in verdicts:
        change.from_info, change.to_info = Verdict(change.from_verdict), Verdict(change.to_verdict)
        by_pk[change.statement_id].recent_verdicts.append(change)

    article_ids = {s.article_id for s in statements}
    evidence_of = {e.pk: e.statement_id for s in statements for e in s.evidence.all()}
    rows = list(
        Change.objects.filter(
            Q(content_type__model="statement", object_id__in=by_pk)
            | Q(content_type__model="evidence", article__in=article_ids),
            content_type__app_label="stories",
        )
        .select_related("user", "content_type")
        .order_by("-at", "-pk")[:CHANGES_SCANNED]
    )
    names = related_rows(rows)
    for row in rows:
        if row.content_type.model == "statement":
            statement = by_pk.get(row.object_id)
            what = "statement"
        else:
            owner = evidence_of.get(row.object_id) or (row.changes.get("statement") or [None])[0]
            statement = by_pk.get(owner)
            what = "evidence"
        if statement is None or len(statement.recent_changes) >= HISTORY_LENGTH:
            continue
        fields = []
        model = Statement if what == "statement" else Evidence
        for name, (old, new) in row.changes.items():
            if name in ("verdict", "article", "statement"):
                continue  # verdicts have their own list; the owner is plain
            field = model._meta.get_field(name)
            old_text, new_text = in_words(field, old, new, names.get(name))
            fields.append({"label": field.verbose_name, "old": old_text, "new": new_text})
        if row.action == Change.Action.UPDATE and not fields:
            continue
        statement.recent_changes.append(
            {"change": row, "what": what, "object": row.object_repr, "fields": fields}
        )


def related_rows(changes):
    """{field name: {pk: row}} for the sources and claims that change rows name: one query
    per related model."""
    pks = {"source": set(), "claim": set()}
    for row in changes:
        for name, values in row.changes.items():
            if name in ("source", "via", "claim"):
                kind = "claim" if name == "claim" else "source"
                pks[kind].update(value for value in values if value is not None)
    sources = Source._base_manager.in_bulk(pks["source"]) if pks["source"] else {}
    claims = Claim._base_manager.in_bulk(pks["claim"]) if pks["claim"] else {}
    return {"source": sources, "via": sources, "claim": claims}


def with_offsets(body, paragraphs):
    """Gives every run its offset in the body: the script counts selections from them."""
    pos = 0
    for runs in paragraphs:
        for run in runs:
            while not body.startswith(run.text, pos) and pos < len(body) and body[pos] == "\n":
                pos += 1  # the blank lines between paragraphs
            run.offset = pos
            pos += len(run.text)
    return paragraphs


def body_html(body, statements):
    """The text with each statement marked: its verdict in words and icon, a link to its
    panel, and the offset of each run of text (data-offset) for selections."""
    paragraphs = with_offsets(body, marked_paragraphs(body, statements))

    def run_html(run):
        statement = run.statement
        if statement is None:
            return format_html('<span data-offset="{}">{}</span>', run.offset, run.text)
        verdict = Verdict(statement.verdict)
        who = statement.source.name if statement.source else "the outlet"
        badge = ""
        if run.first:
            doubt = ""
            if statement.confidence < DOUBTFUL or statement.source_confidence < DOUBTFUL:
                doubt = mark_safe(
                    '<span class="doubt-badge" title="Extraction was unsure">doubtful</span>'
                )
            badge = format_html(
                '<span class="verdict-badge" data-badge="{}">'
                '<span class="verdict-icon" aria-hidden="true">{}</span> {}</span>{}',
                statement.pk,
                verdict.icon,
                verdict.label,
                doubt,
            )
        return format_html(
            '<mark class="statement verdict-{}" data-statement="{}" data-verdict="{}"{}>'
            '<a href="#review-{}" data-statement-link="{}" draggable="false" title="{}: {}">'
            '{}<span data-offset="{}">{}</span></a></mark>',
            verdict.value,
            statement.pk,
            verdict.value,
            format_html(' id="{}"', statement.anchor) if run.first else "",
            statement.anchor,
            statement.pk,
            verdict.label,
            who,
            badge,
            run.offset,
            run.text,
        )

    return format_html_join(
        "\n",
        "<p>{}</p>",
        ((mark_safe("".join(run_html(run) for run in runs)),) for runs in paragraphs),
    )


def lost(body, statements):
    """The statements that cannot be shown on the text: orphaned, or no longer matching."""
    return [s for s in statements if not s.is_placed(body)]


def panel_html(request, statement, problem=None):
    """One statement's panel, as the review page draws it."""
    context = {
        "statement": statement,
        "perms_desk": desk_permissions(request.user),
        "verdict_keys": VERDICT_KEYS,
        "problem": problem,
    }
    return render_to_string("admin/stories/review/_statement.html", context, request)


def decorate(statement):
    """What the panel shows of a statement, worked out once."""
    statement.verdict_info = Verdict(statement.verdict)
    statement.confidence_html = confidence_html(statement.confidence)
    statement.source_confidence_html = confidence_html(
        statement.source_confidence, "Source confidence"
    )
    return statement


# The pages ---------------------------------------------------------------------------------


def article_review(request, pk):
    """The review screen of one article."""
    perms = desk_permissions(request.user)
    if not perms["view"]:
        return refuse(request, Problem(REFUSALS["view"], status=403))
    return review_page(request, pk, perms=perms)


def review_page(request, pk, *, perms=None, problem=None):
    perms = perms or desk_permissions(request.user)
    article = get_object_or_404(Article.objects.select_related("outlet", "story"), pk=pk)
    statements = list(for_review_desk(Statement.objects.filter(article=article)))
    prepare(statements, article.body)
    orphans = lost(article.body, statements)
    lost_pks = {s.pk for s in orphans}
    placed = [s for s in statements if s.pk not in lost_pks]
    if problem is not None and problem.statement is not None:
        problem.statement = next((s for s in statements if s.pk == problem.statement.pk), None)
    context = {
        **admin.site.each_context(request),
        "title": f"Review: {article.headline}",
        "opts": Article._meta,
        "article": article,
        "body": body_html(article.body, statements),
        "statements": placed + orphans,
        "orphans": orphans,
        "corrections": list(article.corrections.order_by("start", "pk")),
        "perms_desk": perms,
        "verdict_keys": VERDICT_KEYS,
        "statement_kinds": StatementKind.choices,
        "source_kinds": SourceKind.choices,
        "problem": problem,
        "values": problem.values if problem is not None else {},
        "unchecked": sum(s.verdict == Verdict.UNCHECKED for s in statements),
    }
    status = problem.status if problem is not None else 200
    return render(request, "admin/stories/review/article.html", context, status=status)


def review_queue(request):
    """Statements not yet checked, the doubtful first, with counts per story and article."""
    if not desk_permissions(request.user)["view"]:
        return refuse(request, Problem(REFUSALS["view"], status=403))
    unchecked = Statement.objects.filter(verdict=Verdict.UNCHECKED)
    story = request.GET.get("story", "")
    chosen = unchecked
    if story == "none":
        chosen = unchecked.filter(article__story__isnull=True)
    elif story.isdigit():
        chosen = unchecked.filter(article__story=int(story))
    else:
        story = ""
    rows = chosen.select_related("article__story", "article__outlet", "source").order_by(
        "confidence", "source_confidence", "article", "start", "pk"
    )
    page = Paginator(rows, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    for statement in page:
        decorate(statement)
    stories = list(
        unchecked.order_by()
        .values("article__story", "article__story__title")
        .annotate(count=Count("pk"))
        .order_by("-count", F("article__story__title").asc(nulls_last=True))
    )
    articles = list(
        chosen.order_by()
        .values("article", "article__headline")
        .annotate(count=Count("pk"))
        .order_by("-count", "article__headline")[:QUEUE_ARTICLES]
    )
    for row in articles:
        row["url"] = reverse("review_article", args=[row["article"]])
    reviews = (
        VerdictChange.objects.filter(user=request.user)
        .select_related("statement__article")
        .order_by("-at", "-pk")[:RECENT_REVIEWS]
    )
    context = {
        **admin.site.each_context(request),
        "title": "To review",
        "page": page,
        "story": story,
        "stories": stories,
        "total": sum(row["count"] for row in stories),
        "articles": articles,
        "reviews": [
            (change, Verdict(change.from_verdict), Verdict(change.to_verdict)) for change in reviews
        ],
    }
    return render(request, "admin/stories/review/queue.html", context)


# The endpoints -----------------------------------------------------------------------------


class EvidenceForm(forms.ModelForm):
    url = forms.URLField(label="URL", required=False, assume_scheme="https", max_length=1000)

    class Meta:
        model = Evidence
        fields = ["title", "url", "note"]


def statement_for(pk):
    return get_object_or_404(Statement.objects.select_related("article", "claim"), pk=pk)


@desk_action
def set_verdict(request, pk, perms):
    statement = statement_for(pk)
    article = statement.article
    problem = Problem("", article=article, statement=statement, form="verdict")
    require(request, perms, "set_verdict", article=article, statement=statement)
    version = posted_version(request, problem)
    verdict = request.POST.get("verdict", "")
    if verdict not in Verdict.values:
        problem.message = "Choose one of the verdicts."
        raise problem
    note = request.POST.get("note")
    if "claim_difference" in request.POST:
        statement.claim_difference = request.POST["claim_difference"].strip()
    claim = statement.claim
    if (
        claim is not None
        and claim.verdict != Verdict.UNCHECKED
        and verdict != claim.verdict
        and not statement.claim_difference
    ):
        problem.message = (
            f"This verdict differs from the claim's ({claim.get_verdict_display()}): say why "
            "in “Why it differs from the claim”."
        )
        problem.errors = {"claim_difference": [problem.message]}
        problem.values = request.POST.dict()
        raise problem
    with saving(request, article=article, statement=statement, form="verdict"):
        expect(statement, version)
        statement.set_verdict(verdict, by=request.user, note=note)
    label = Verdict(verdict).label
    return done(request, article, f"Saved: {label}. “{statement}”", statement=statement)


@desk_action
def add_evidence(request, pk, perms):
    statement = statement_for(pk)
    article = statement.article
    problem = Problem("", article=article, statement=statement, form="evidence")
    require(request, perms, "add_evidence", article=article, statement=statement)
    version = posted_version(request, problem)
    form = EvidenceForm(request.POST)
    if not form.is_valid():
        problem.message = "The evidence needs a title or a URL. " + " ".join(
            message for messages_ in form.errors.values() for message in messages_
        )
        problem.errors = {name: list(errors) for name, errors in form.errors.items()}
        problem.values = request.POST.dict()
        raise problem
    with saving(request, article=article, statement=statement, form="evidence"):
        # Evidence backs the verdict the editor saw: refused if the statement moved on.
        stored = Statement.objects.select_for_update().get(pk=statement.pk)
        if stored.version != version:
            values = {f.attname: f.value_from_object(stored) for f in Statement._meta.fields}
            statement.version = version
            raise EditConflict(statement, values)
        evidence = form.save(commit=False)
        evidence.statement = statement
        evidence.full_clean()
        evidence.save()
    return done(request, article, f"Evidence added: {evidence}", statement=statement)


@desk_action
def remove_evidence(request, pk, perms):
    evidence = get_object_or_404(Evidence.objects.select_related("statement__article"), pk=pk)
    statement, article = evidence.statement, evidence.statement.article
    problem = Problem("", article=article, statement=statement, form="evidence")
    require(request, perms, "remove_evidence", article=article, statement=statement)
    version = posted_version(request, problem)
    with saving(request, article=article, statement=statement, form="evidence"):
        stored = Evidence.objects.select_for_update().filter(pk=evidence.pk).values().first()
        if stored is not None and stored["version"] != version:
            evidence.version = version
            raise EditConflict(evidence, stored)
        evidence.delete()
    return done(request, article, f"Evidence removed: {evidence}", statement=statement)


def find_source(request, perms, article, problem, *, prefix, default_kind):
    """The source chosen by id (autocomplete), or named: an existing one by that name,
    or a new one made on the spot. None when neither is given."""
    chosen = posted_int(request, prefix)
    if chosen is not None:
        source = Source.objects.filter(pk=chosen).first()
        if source is None:
            problem.message = "That source no longer exists: choose another."
            problem.errors = {prefix: [problem.message]}
            raise problem
        return source
    name = " ".join(request.POST.get(f"{prefix}_name", "").split())
    if not name:
        return None
    kind = request.POST.get(f"{prefix}_kind") or default_kind
    if kind not in SourceKind.values:
        kind = default_kind
    if kind != SourceKind.ANONYMOUS:
        existing = (
            Source.objects.exclude(kind=SourceKind.ANONYMOUS)
            .filter(name__iexact=name)
            .order_by("pk")
            .first()
        )
        if existing is not None:
            return existing
    require(request, perms, "add_source", article=article)
    source = Source(
        name=name,
        kind=kind,
        scope_article=article if kind == SourceKind.ANONYMOUS else None,
    )
    source.full_clean(exclude=["slug"])  # the slug is made from the name on saving
    source.save()
    return source


@desk_action
def add_statement(request, pk, perms):
    article = get_object_or_404(Article, pk=pk)
    problem = Problem("", article=article, form="new", values=request.POST.dict())
    require(request, perms, "add_statement", article=article)
    version = posted_version(request, problem)
    kind = request.POST.get("kind") or StatementKind.INDIRECT
    if kind not in StatementKind.values:
        problem.message = "Choose what kind of statement this is."
        raise problem
    with saving(request, article=article, form="new"):
        stored = Article.objects.select_for_update().get(pk=article.pk)
        start, end = resolve_span(
            request, stored.body, problem, version_matches=stored.version == version
        )
        same = stored.statements.filter(start=start, end=end).first()
        if same is not None:
            problem.message = (
                f"These exact words are already a statement (“{Truncator(same.quote).chars(60)}”, "
                f"{same.get_verdict_display()}): choose it in the text instead."
            )
            raise problem
        source = find_source(
            request, perms, stored, problem, prefix="source", default_kind=SourceKind.PERSON
        )
        via = find_source(request, perms, stored, problem, prefix="via", default_kind="outlet")
        statement = Statement(
            article=stored,
            source=source,
            via=via,
            attribution=request.POST.get("attribution", "").strip(),
            kind=kind,
        )
        statement.set_span(start, end, body=stored.body)
        statement.full_clean()
        statement.save()
    return done(
        request,
        stored,
        f"Statement marked: “{Truncator(statement.quote).chars(80)}”",
        statement=statement,
        text=True,
    )


@desk_action
def set_span(request, pk, perms):
    """Moves a statement onto other words of its article, or places an orphan again."""
    statement = statement_for(pk)
    article = statement.article
    problem = Problem("", article=article, statement=statement, form="span")
    require(request, perms, "move_statement", article=article, statement=statement)
    version = posted_version(request, problem)
    was_orphaned = statement.orphaned or not statement.is_placed(article.body)
    with saving(request, article=article, statement=statement, form="span"):
        body = Article.objects.select_for_update().values_list("body", flat=True).get(pk=article.pk)
        start, end = resolve_span(request, body, problem, version_matches=True)
        expect(statement, version)
        statement.set_span(start, end, body=body)
        statement.full_clean()
        statement.save()
    verb = "placed again" if was_orphaned else "moved"
    return done(
        request,
        article,
        f"Statement {verb}: “{Truncator(statement.quote).chars(80)}”",
        statement=statement,
        text=True,
    )


@desk_action
def add_correction(request, pk, perms):
    article = get_object_or_404(Article, pk=pk)
    problem = Problem("", article=article, form="correction", values=request.POST.dict())
    require(request, perms, "add_correction", article=article)
    version = posted_version(request, problem)
    text = request.POST.get("text", "").strip()
    if not text:
        problem.message = "Say what is correct: readers see it in the correction log."
        problem.errors = {"text": [problem.message]}
        raise problem
    with saving(request, article=article, form="correction"):
        stored = Article.objects.select_for_update().get(pk=article.pk)
        start, end = resolve_span(
            request, stored.body, problem, version_matches=stored.version == version
        )
        correction = Correction(
            article=stored,
            text=text,
            published=request.POST.get("published", "") in ("on", "true", "1"),
            created_by=request.user,
        )
        correction.set_span(start, end, body=stored.body)
        correction.full_clean()
        correction.save()
    return done(
        request,
        stored,
        f"Correction recorded on “{Truncator(correction.quote).chars(80)}”",
        text=True,
    )
