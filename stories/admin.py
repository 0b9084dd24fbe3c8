"""The editors' admin: articles with their marked text, statements and verdicts, claims,
corrections, sources, and the history of every change.

Who may do what follows the groups of migrations 0002 and 0005:

- Editors do everything.
- Fact-checkers (no stories.change_article) set verdicts, notes and evidence, decide
  claims and their suggestions, and record corrections; they see an article read-only
  and a statement's span, source and kind read-only.
- Contributors (no stories.set_verdict) load and edit articles and statements and add
  sources on the spot; a verdict, note, claim and review stamp is read-only for them,
  the verdict actions are hidden, evidence and claims are theirs to see only.

Every verdict change, from a form, an inline or an action, names the editor and is
written to VerdictChange by the model (Statement.save, StatementQuerySet.update).

No edit is lost: the forms of versioned rows carry the version the editor loaded
(stories.forms.VersionedModelForm) and the save checks it (expect_version), so a save
made from a stale page is refused, rolled back whole, and the form shown again with
what the other editor changed. The verdict actions skip the rows that changed after the
list was shown. Every change is in the change log: the "History" of an article or a
statement lists its changes, each with a Revert button for those allowed to make it.

Duplicate sources and entities are merged by Editors with the "Merge selected …"
action (a confirmation page, then stories/merging.py), or by deciding the merge
suggestions that loading leaves when it is unsure. A statement's extraction
confidence is shown, never edited: it is set by extraction.
"""

import math
from collections import defaultdict
from urllib.parse import urlencode

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.contrib.admin.views.main import PAGE_VAR, ChangeList
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError, models, transaction
from django.db.models import Count, F, Func, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import escape, format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst

from stories.forms import (
    ArticleForm,
    ClaimForm,
    CorrectionForm,
    CorrectionInlineForm,
    EntityForm,
    EvidenceForm,
    EvidenceInlineForm,
    MergeForm,
    SourceForm,
    StatementForm,
    StatementInlineForm,
    VersionedModelForm,
    describe_value,
    is_long_text,
    same_value,
    word_changes,
)
from stories.merging import (
    check_entities_mergeable,
    check_sources_mergeable,
    merge_entities,
    merge_sources,
)
from stories.models import (
    Article,
    Audited,
    Change,
    Claim,
    ClaimRelation,
    ClaimSuggestion,
    Correction,
    EditConflict,
    Entity,
    Evidence,
    MatchStatus,
    MergeSuggestion,
    RevertError,
    Source,
    SourceKind,
    Statement,
    Story,
    SuggestionStatus,
    TaggedArticle,
    Verdict,
    VerdictChange,
)
from stories.rendering import marked_paragraphs

ADMIN_CSS = {"all": ["css/admin.css"]}

# Links typed without a scheme are https (Django 6's default, chosen now).
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}

# The order verdicts are counted in: the checked ones first, "not yet checked" last.
VERDICT_ORDER = [
    Verdict.VERIFIED,
    Verdict.MISLEADING,
    Verdict.DISPUTED,
    Verdict.FALSE,
    Verdict.UNVERIFIABLE,
    Verdict.UNCHECKED,
]

# What a fact-checker (without stories.change_article) may not change on a statement.
SPAN_FIELDS = ["article", "start", "end", "source", "via", "attribution", "kind"]
# What needs stories.set_verdict, and what needs stories.change_claim.
VERDICT_FIELDS = ["verdict", "note", "claim_difference"]
CLAIM_FIELDS = ["claim"]

# Extraction confidence (0–1): below DOUBTFUL an editor should look twice; from SURE on,
# extraction is rarely wrong. In between, likely.
DOUBTFUL = 0.6
SURE = 0.85
CONFIDENCE_LEVELS = {  # level: (label, from, below)
    "doubtful": ("Doubtful (under 60%)", None, DOUBTFUL),
    "likely": ("Likely (60% to 85%)", DOUBTFUL, SURE),
    "sure": ("Sure (85% or more)", SURE, None),
}


def on_changelist(request):
    """True on a changelist page, where list annotations (counts) are worth their cost."""
    match = request.resolver_match
    return match is not None and (match.url_name or "").endswith("_changelist")


def can_change_text(request):
    return request.user.has_perm("stories.change_article")


def can_set_verdict(request):
    return request.user.has_perm("stories.set_verdict")


def can_decide_claims(request):
    return request.user.has_perm("stories.change_claim")


def verdict_html(verdict):
    """A verdict as icon and words, with a class for its colour (never colour alone)."""
    verdict = Verdict(verdict)
    return format_html(
        '<span class="verdict verdict-{}" title="{}">{} {}</span>',
        verdict.value,
        verdict.definition,
        verdict.icon,
        verdict.label,
    )


def confidence_level(value):
    """ "doubtful", "likely" or "sure"."""
    if value < DOUBTFUL:
        return "doubtful"
    return "likely" if value < SURE else "sure"


def percent(value):
    """0.587 → "58%": rounded down, so that "60%" is never doubtful."""
    return f"{math.floor(value * 100 + 1e-9)}%"


def confidence_html(value, what="Extraction confidence"):
    """A confidence as a small meter, its percentage and its level in words."""
    level = confidence_level(value)
    return format_html(
        '<span class="confidence confidence-{}" title="{}: {} ({})">'
        '<meter min="0" max="1" low="{}" high="{}" optimum="1" value="{}" aria-hidden="true">'
        '</meter> {} <span class="confidence-level">{}</span></span>',
        level,
        what,
        percent(value),
        level,
        DOUBTFUL,
        SURE,
        value,
        percent(value),
        level,
    )


def confidence_note(statement):
    """ "confidence 45% (doubtful), source 90% (sure)" for a statement made by extraction;
    "" for one made by hand (both 1)."""
    if statement.confidence >= 1 and statement.source_confidence >= 1:
        return ""
    return (
        f"confidence {percent(statement.confidence)} ({confidence_level(statement.confidence)})"
        f", source {percent(statement.source_confidence)} "
        f"({confidence_level(statement.source_confidence)})"
    )


def doubt_badges(statement):
    """A "doubtful" badge, in words, for a doubtful statement or a doubtful source."""
    badges = []
    if statement.confidence < DOUBTFUL:
        badges.append(("doubtful", "Extraction is unsure this is an attributed statement"))
    if statement.source_confidence < DOUBTFUL:
        badges.append(("source doubtful", "Extraction is unsure who said it"))
    return format_html_join("", '<span class="doubt-badge" title="{1}">{0}</span> ', badges)


class ConfidenceFilter(admin.SimpleListFilter):
    """Statements by how sure extraction was: doubtful, likely or sure."""

    title = "confidence"
    parameter_name = "confidence"
    field = "confidence"

    def lookups(self, request, model_admin):
        return [(level, label) for level, (label, _, _) in CONFIDENCE_LEVELS.items()]

    def queryset(self, request, queryset):
        if self.value() not in CONFIDENCE_LEVELS:
            return queryset
        _, low, high = CONFIDENCE_LEVELS[self.value()]
        if low is not None:
            queryset = queryset.filter(**{f"{self.field}__gte": low})
        if high is not None:
            queryset = queryset.filter(**{f"{self.field}__lt": high})
        return queryset


class SourceConfidenceFilter(ConfidenceFilter):
    title = "source confidence"
    parameter_name = "source_confidence"
    field = "source_confidence"


def save_statement(statement, form, user):
    """Saves a statement from a form; a changed verdict is stamped with `user`.

    Statement.save() writes the one VerdictChange, named after `user`.
    """
    adding = statement._state.adding
    if "verdict" in form.changed_data or (adding and statement.verdict != Verdict.UNCHECKED):
        statement.set_verdict(statement.verdict, by=user)
    else:
        statement.save()


# No lost updates -------------------------------------------------------------------------------

VERSION_FIELDS = ("version", "seen")  # the hidden fields of stories.forms.VersionedModelForm


def without_version_fields(fields):
    """A form's field list without the version fields, which are the form's own."""
    return None if fields is None else [f for f in fields if f not in VERSION_FIELDS]


def expect_form_version(obj, form):
    """Makes the save of `obj` refused (EditConflict) unless the stored row is still at
    the version the editor's form was loaded with."""
    version = form.cleaned_data.get("version") if "version" in form.fields else None
    if obj.pk is not None and version is not None:
        obj.expect_version(version)


def expect_row_versions(request, formset):
    """As expect_form_version, for each changed row of an inline formset.

    Rows that the parent's save locked first and may move itself (an article's spans,
    re-anchored when its body changes) are checked against the versions they had when
    they were locked.
    """
    locked = getattr(request, "_locked_versions", {})
    deleted = formset.deleted_forms
    for row in formset.initial_forms:
        if not isinstance(row, VersionedModelForm) or row in deleted or not row.has_changed():
            continue
        version = row.cleaned_data.get("version")
        if version is None:
            continue
        key = (type(row.instance), row.instance.pk)
        if key not in locked:
            row.instance.expect_version(version)
        elif locked[key] != version:
            raise EditConflict(row.instance, {"version": locked[key]})


class VersionedAdmin(admin.ModelAdmin):
    """The admin of a versioned (Audited) model. Its change form carries the version the
    editor loaded, its save checks it, and a save refused as stale shows the form again,
    saying what the other editor changed.

    Declare `fields` or `fieldsets`: the version fields are added to the first fieldset.
    """

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not self.has_change_permission(request, obj):
            return fieldsets
        (name, options), *rest = fieldsets
        return [(name, {**options, "fields": [*options["fields"], VERSION_FIELDS]}), *rest]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if "fields" not in kwargs:
            kwargs["fields"] = flatten_fieldsets(self.get_fieldsets(request, obj))
        kwargs["fields"] = without_version_fields(kwargs["fields"])
        return super().get_form(request, obj, change, **kwargs)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except EditConflict:
            # Someone saved between the form's check and this save. The changeform's
            # transaction is rolled back, inlines and all; going through the form again
            # against the stored rows shows the editor what changed.
            if getattr(request, "_edit_conflict_retried", False):
                self.message_user(
                    request,
                    "Others are saving this at the same moment; nothing of yours was saved. "
                    "Make your change again.",
                    messages.ERROR,
                )
                return HttpResponseRedirect(request.get_full_path())
            request._edit_conflict_retried = True
            request._locked_versions = {}
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        expect_form_version(obj, form)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        expect_row_versions(request, formset)
        super().save_formset(request, form, formset, change)


class VersionedInline:
    """An inline of versioned rows: each editable row carries its version, as a form does."""

    def rows_editable(self, request, obj):
        parent = self.admin_site.get_model_admin(self.parent_model)
        if obj is None:
            editable = parent.has_add_permission(request)
        else:
            editable = parent.has_change_permission(request, obj)
        return editable and self.has_change_permission(request, obj)

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if self.rows_editable(request, obj):
            fields += VERSION_FIELDS
        return fields

    def get_formset(self, request, obj=None, **kwargs):
        if "fields" not in kwargs:
            kwargs["fields"] = flatten_fieldsets(self.get_fieldsets(request, obj))
        kwargs["fields"] = without_version_fields(kwargs["fields"])
        return super().get_formset(request, obj, **kwargs)


def seen_versions(request):
    """{pk: version} of the rows as a changelist showed them (its hidden "_seen" inputs)."""
    seen = {}
    for value in request.POST.getlist("_seen"):
        pk, _, version = value.partition(":")
        if pk.isdigit() and version.isdigit():
            seen[int(pk)] = int(version)
    return seen


def seen_input(obj):
    """The hidden input that tells an action which version of `obj` the list showed."""
    return format_html('<input type="hidden" name="_seen" value="{}:{}">', obj.pk, obj.version)


# History ---------------------------------------------------------------------------------------

HISTORY_PAGE_SIZE = 50

# What reverting a change does to its row, and so the permission it needs.
REVERT_NEEDS = {
    Change.Action.CREATE: "delete",
    Change.Action.UPDATE: "change",
    Change.Action.DELETE: "add",
}
STATEMENT_TEXT_FIELDS = {*SPAN_FIELDS, "quote", "orphaned"}


def model_field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def reverted_fields(change, model):
    """The fields a revert of `change` sets: for a deletion, those not at their default."""
    if change.action != Change.Action.DELETE:
        return set(change.changes)
    fields = set()
    for name, (old, _new) in change.changes.items():
        field = model_field(model, name)
        if field is not None and not same_value(field, old, field.get_default()):
            fields.add(name)
    return fields


def revert_refusal(user, change):
    """Why `user` may not revert `change`, in words; None when they may.

    Reverting is changing: it needs the permission the change itself needed. A statement's
    span, source and kind are for those who may edit articles; its verdict, note and
    difference from its claim for those who set verdicts; its claim for those who decide
    claims.
    """
    model = change.content_type.model_class()
    if model is None or not issubclass(model, Audited):
        return "Changes of this kind cannot be reverted."
    opts = model._meta
    if model is Article and change.action == Change.Action.CREATE:
        return "Reverting this would delete the article: delete it from its page instead."
    needs = REVERT_NEEDS[change.action]
    if not user.has_perm(f"{opts.app_label}.{needs}_{opts.model_name}"):
        return f"You may not {needs} {opts.verbose_name_plural}."
    if model is Statement:
        fields = reverted_fields(change, model)
        if fields & STATEMENT_TEXT_FIELDS and not user.has_perm("stories.change_article"):
            return "Only those who edit articles may revert a statement's span, source or kind."
        if fields & set(VERDICT_FIELDS) and not user.has_perm("stories.set_verdict"):
            return "Only those who set verdicts may revert a verdict or its note."
        if fields & set(CLAIM_FIELDS) and not user.has_perm("stories.change_claim"):
            return "Only those who decide claims may revert a statement's claim."
    return None


def value_html(field, value, names):
    """A logged value in words; `names` are the related rows loaded, by model and pk."""
    if field.name == "verdict" and value in Verdict.values:
        return verdict_html(value)
    related = names.get(field.related_model, {}) if field.is_relation else None
    return escape(describe_value(field, value, related))


def diff_html(old, new):
    """The words that changed between two long texts: a few words of context either side,
    the removed words struck through and the added ones marked."""
    hunks, more = word_changes(old, new)
    items = []
    for lead, removed, added, trail in hunks:
        parts = [escape(lead)] if lead else []
        if removed:
            parts.append(format_html("<del>{}</del>", removed))
        if added:
            parts.append(format_html("<ins>{}</ins>", added))
        if trail:
            parts.append(escape(trail))
        items.append((mark_safe(" ".join(parts)),))
    if more:
        items.append((f"… and {plural(more, 'other change')}",))
    if not items:
        return mark_safe('<span class="diff-none">Only spacing changed.</span>')
    return format_html('<ul class="text-diff">{}</ul>', format_html_join("", "<li>{}</li>", items))


def change_lines(change, model, names):
    """[{label, old, new} or {label, diff}] for each field of a change, in words."""
    lines = []
    for name, (old, new) in change.changes.items():
        field = model_field(model, name) if model is not None else None
        if field is None:
            lines.append({"label": name, "old": escape(old), "new": escape(new)})
            continue
        label = capfirst(field.verbose_name)
        if change.action == Change.Action.DELETE:
            lines.append({"label": label, "old": value_html(field, old, names)})
        elif is_long_text(old, new) and isinstance(old or "", str) and isinstance(new or "", str):
            lines.append({"label": label, "diff": diff_html(old or "", new or "")})
        else:
            lines.append(
                {
                    "label": label,
                    "old": value_html(field, old, names),
                    "new": value_html(field, new, names),
                }
            )
    return lines


def lines_html(lines):
    """A change's fields as a definition list: each field, then old → new or the diff."""
    if not lines:
        return "—"
    items = []
    for line in lines:
        if "diff" in line:
            told = line["diff"]
        elif "new" in line:
            told = format_html("{} → {}", line["old"], line["new"])
        else:
            told = format_html("was {}", line["old"])
        items.append((line["label"], told))
    return format_html(
        '<dl class="change-lines">{}</dl>', format_html_join("", "<dt>{}</dt><dd>{}</dd>", items)
    )


def describe_changes(changes, user):
    """Readies Change rows for a page: each gets `lines` (what changed, in words),
    `admin_url` (its row's page, unless deleted), `undone_at` (when a later change
    reverted it) and `refusal` (why `user` may not revert it; None when they may).

    Related rows are named with one query per kind of row, and the reverts with one
    query, however many changes there are.
    """
    wanted = defaultdict(set)
    for change in changes:
        model = change.content_type.model_class()
        for name, pair in change.changes.items():
            field = model_field(model, name) if model is not None else None
            if field is not None and field.is_relation:
                wanted[field.related_model].update(v for v in pair if v is not None)
    names = {model: model._base_manager.in_bulk(pks) for model, pks in wanted.items() if pks}
    undone = {}
    if changes:
        undone = dict(
            Change.objects.filter(reverts__in=changes).order_by("at").values_list("reverts", "at")
        )
    for change in changes:
        model = change.content_type.model_class()
        change.lines = change_lines(change, model, names)
        change.what = lines_html(change.lines)
        change.undone_at = undone.get(change.pk)
        change.refusal = revert_refusal(user, change) if user is not None else ""
        change.admin_url = None
        if model is not None and change.action != Change.Action.DELETE:
            change.admin_url = reverse(
                f"admin:{model._meta.app_label}_{model._meta.model_name}_change",
                args=[change.object_id],
            )
    return changes


class ChangeHistoryMixin:
    """The admin's "History" of a row, from the change log: its changes, newest first, each
    with who, when and what, and a Revert button for those allowed to revert it."""

    history_template = "admin/stories/change_history.html"
    history_description = "Every change of this %(name)s, newest first."

    def history_changes(self, obj):
        return Change.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model), object_id=obj.pk
        )

    def history_context(self, request, obj):
        return {}

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        paginator = Paginator(self.history_changes(obj).for_history(), HISTORY_PAGE_SIZE)
        page = paginator.get_page(request.GET.get(PAGE_VAR))
        context = {
            **self.admin_site.each_context(request),
            "title": f"History: {obj}",
            "subtitle": None,
            "history_description": self.history_description % {"name": self.opts.verbose_name},
            "object": obj,
            "opts": self.opts,
            "changes": describe_changes(list(page), request.user),
            "page": page,
            "page_range": paginator.get_elided_page_range(page.number),
            "page_var": PAGE_VAR,
            "next": request.get_full_path(),
            "preserved_filters": self.get_preserved_filters(request),
            **self.history_context(request, obj),
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.history_template, context)


# Articles ------------------------------------------------------------------------------------


class StatementInline(VersionedInline, admin.TabularInline):
    model = Statement
    form = StatementInlineForm
    fields = [
        "span",
        "confidence_display",
        "start",
        "end",
        "source",
        "via",
        "kind",
        "verdict",
        "note",
    ]
    readonly_fields = ["span", "confidence_display"]
    autocomplete_fields = ["source", "via"]
    extra = 0
    show_change_link = True
    classes = ["statements-inline"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source", "via")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not can_change_text(request):
            fields += [f for f in SPAN_FIELDS if f in self.fields]
        if not can_set_verdict(request):
            fields += [f for f in VERDICT_FIELDS if f in self.fields]
        return fields

    @admin.display(description="Statement")
    def span(self, obj):
        if obj.pk is None:
            return "—"
        note = confidence_note(obj)
        return format_html(
            '<a href="#{}" title="{}">{}</a>',
            obj.anchor,
            f"Characters {obj.start}–{obj.end}" + (f"; {note}" if note else ""),
            Truncator(obj.quote).chars(90),
        )

    @admin.display(description="Confidence")
    def confidence_display(self, obj):
        if obj.pk is None:
            return "—"
        return format_html(
            '<span class="confidence-line">{}</span>'
            '<span class="confidence-line"><span class="confidence-of">source</span> {}</span>',
            confidence_html(obj.confidence),
            confidence_html(obj.source_confidence, "Source confidence"),
        )


class CorrectionInline(VersionedInline, admin.TabularInline):
    """The article's corrections: where the outlet's own text is wrong, and what is right.

    A new one is placed by its start and end offsets, as a statement is; its quote is read
    from the body. The correction's own page has the span picker.
    """

    model = Correction
    form = CorrectionInlineForm
    fields = ["span", "start", "end", "text", "published"]
    readonly_fields = ["span"]
    extra = 0
    show_change_link = True
    classes = ["corrections-inline"]
    verbose_name_plural = "corrections of the outlet's own text"

    @admin.display(description="Wrong text")
    def span(self, obj):
        return span_html(obj)


def span_html(span):
    """A statement's or correction's words, short, saying so when they lost their place."""
    if span is None or span.pk is None:
        return "—"
    quote = Truncator(span.quote).chars(90)
    if span.orphaned:
        return format_html('<span class="orphaned">Lost its place in the text: “{}”</span>', quote)
    return format_html('<span title="Characters {}–{}">“{}”</span>', span.start, span.end, quote)


@admin.register(Article)
class ArticleAdmin(ChangeHistoryMixin, VersionedAdmin):
    form = ArticleForm
    formfield_overrides = URL_FIELDS
    list_display = [
        "headline",
        "outlet",
        "story",
        "published_at",
        "status",
        "statement_counts",
        "entity_names",
    ]
    list_filter = [
        "status",
        ("outlet", admin.RelatedOnlyFieldListFilter),
        ("story", admin.RelatedOnlyFieldListFilter),
        "published_at",
        ("tags", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["outlet", "story"]
    search_fields = ["headline", "body", "byline", "outlet__name"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["outlet", "story"]
    prepopulated_fields = {"slug": ["headline"]}
    readonly_fields = [
        "marked_body",
        "correction_tools",
        "fingerprint",
        "created_at",
        "updated_at",
    ]
    inlines = [StatementInline, CorrectionInline]
    save_on_top = True
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "headline",
                    "slug",
                    ("outlet", "story"),
                    ("status", "published_at"),
                    "byline",
                    "url",
                    "dek",
                    "tags",
                ]
            },
        ),
        ("Statements in the text", {"fields": ["marked_body", "correction_tools"]}),
        ("Text", {"fields": ["body"], "classes": ["collapse"]}),
        ("Photo", {"fields": ["caption", "caption_credit"], "classes": ["collapse"]}),
        (
            "Record",
            {"fields": ["fingerprint", "created_at", "updated_at"], "classes": ["collapse"]},
        ),
    ]

    class Media:
        css = ADMIN_CSS

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if on_changelist(request):
            queryset = queryset.with_verdict_counts().prefetch_related("tags")
        return queryset

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None:
            if request.user.has_perm("stories.add_correction"):
                return fieldsets
            return [
                (
                    name,
                    {
                        **options,
                        "fields": [f for f in options["fields"] if f != "correction_tools"],
                    },
                )
                for name, options in fieldsets
            ]
        # Before the article exists nothing is marked, and the text is what is typed first.
        return [
            (name, {**options, "classes": []}) if "body" in options["fields"] else (name, options)
            for name, options in fieldsets
            if "marked_body" not in options["fields"]
        ]

    history_description = (
        "Every change of this article, its statements, their evidence and its corrections, "
        "newest first."
    )

    def history_changes(self, obj):
        # The article's own changes and those of its statements, evidence and corrections.
        return Change.objects.filter(article=obj)

    def save_model(self, request, obj, form, change):
        if change:
            # Lock the article, then its spans (in the order a body change locks them), and
            # keep the spans' versions: a new body re-anchors them, moving those on.
            list(Article.objects.select_for_update().filter(pk=obj.pk).values_list("pk"))
            request._locked_versions = {
                (model, pk): version
                for model in (Statement, Correction)
                for pk, version in model.objects.filter(article=obj)
                .order_by("pk")
                .select_for_update()
                .values_list("pk", "version")
            }
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Statement:
            return super().save_formset(request, form, formset, change)
        expect_row_versions(request, formset)
        formset.save(commit=False)
        for statement in formset.deleted_objects:
            statement.delete()
        for statement_form in formset.forms:
            if statement_form in formset.deleted_forms or not statement_form.has_changed():
                continue
            save_statement(statement_form.instance, statement_form, request.user)
        formset.save_m2m()

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and request.user.has_perm("stories.add_statement"):
            query = urlencode({"article": obj.pk})
            context["add_statement_url"] = f"{reverse('admin:stories_statement_add')}?{query}"
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description="Statements", ordering="statement_count")
    def statement_counts(self, obj):
        """ "12 · ✓3 ✗1 ⇄2 ○6": the total, then each verdict that occurs, icon and number."""
        url = reverse("admin:stories_statement_changelist")
        query = {"article__id__exact": obj.pk}
        parts = [
            format_html(
                '<a href="{}?{}" class="statement-count">{}</a>',
                url,
                urlencode(query),
                obj.statement_count,
            )
        ]
        for verdict in VERDICT_ORDER:
            count = getattr(obj, f"{verdict.value}_count")
            if count:
                parts.append(
                    format_html(
                        '<a href="{}?{}" class="verdict-count verdict-{}" title="{} {}">'
                        '{}{}<span class="visually-hidden"> {}</span></a>',
                        url,
                        urlencode({**query, "verdict__exact": verdict.value}),
                        verdict.value,
                        count,
                        verdict.label,
                        verdict.icon,
                        count,
                        verdict.label,
                    )
                )
        total, *by_verdict = parts
        if not by_verdict:
            return total
        return format_html(
            '{} · <span class="verdict-counts">{}</span>',
            total,
            format_html_join(" ", "{}", ((part,) for part in by_verdict)),
        )

    @admin.display(description="Corrections")
    def correction_tools(self, obj):
        """Where to record a correction of the outlet's text, with the span picker."""
        if obj is None or obj.pk is None:
            return "—"
        links = [
            (
                f"{reverse('admin:stories_correction_add')}?{urlencode({'article': obj.pk})}",
                "Add a correction, selecting the wrong words in the text",
            ),
            (
                f"{reverse('admin:stories_correction_changelist')}?"
                f"{urlencode({'article__id__exact': obj.pk})}",
                "See this article's corrections",
            ),
        ]
        return format_html_join(" · ", '<a href="{}">{}</a>', links)

    @admin.display(description="Entities")
    def entity_names(self, obj):
        return ", ".join(tag.name for tag in obj.tags.all())

    @admin.display(description="Marked text")
    def marked_body(self, obj):
        """The body with each statement marked, its verdict in words and a link to it."""
        if obj is None or obj.pk is None:
            return "—"
        statements = list(obj.statements.select_related("source", "via"))
        paragraphs = marked_paragraphs(obj.body, statements)
        html = format_html_join(
            "\n",
            "<p>{}</p>",
            ((mark_safe("".join(self._run_html(run) for run in runs)),) for runs in paragraphs),
        )
        legend = format_html_join(
            " ", '<li class="verdict-{}">{} {}</li>', ((v.value, v.icon, v.label) for v in Verdict)
        )
        stray = [s for s in statements if obj.body[s.start : s.end] != s.quote]
        warning = ""
        if stray:
            warning = format_html(
                '<p class="errornote">These statements no longer match the text: {}</p>',
                format_html_join(
                    ", ",
                    '<a href="{}">{}</a>',
                    (
                        (reverse("admin:stories_statement_change", args=[s.pk]), str(s))
                        for s in stray
                    ),
                ),
            )
        return format_html(
            '{}<ul class="verdict-legend" aria-label="Verdicts">{}</ul>'
            '<div class="marked-body">{}</div>',
            warning,
            legend,
            html,
        )

    @staticmethod
    def _run_html(run):
        statement = run.statement
        if statement is None:
            return escape(run.text)
        verdict = Verdict(statement.verdict)
        who = statement.source.name if statement.source else "the outlet"
        title = f"{verdict.label}: {who} ({statement.get_kind_display()})"
        if note := confidence_note(statement):
            title += f"; {note}"
        badge = ""
        if run.first:
            badge = format_html(
                '<span class="verdict-badge">{} {}</span> {}',
                verdict.icon,
                verdict.label,
                doubt_badges(statement),
            )
        return format_html(
            '<mark class="statement verdict-{}" title="{}"{}><a href="{}">{}{}</a></mark>',
            verdict.value,
            title,
            format_html(' id="{}"', statement.anchor) if run.first else "",
            reverse("admin:stories_statement_change", args=[statement.pk]),
            badge,
            run.text,
        )


# Statements ----------------------------------------------------------------------------------


class EvidenceInline(VersionedInline, admin.TabularInline):
    model = Evidence
    form = EvidenceInlineForm
    formfield_overrides = {
        **URL_FIELDS,
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})},
    }
    fields = ["title", "url", "note"]
    extra = 0


class VerdictChangeInline(admin.TabularInline):
    """The statement's verdict history: read-only, for everyone."""

    model = VerdictChange
    fields = ["at", "user", "from_verdict", "to_verdict", "note"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name = "verdict change"
    verbose_name_plural = "verdict history"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def verdict_action(verdict):
    """An admin action that sets `verdict` on the selected statements, as the acting user.

    Rows that changed after the list was shown (their version moved on from the one the
    list's "_seen" inputs carry) are skipped, and so are statements of a claim with
    another verdict: those need a reason to differ, given on their page.
    """

    @admin.action(permissions=["set_verdict"], description=f"Mark selected as {verdict.label}")
    def action(modeladmin, request, queryset):
        seen = seen_versions(request)
        with transaction.atomic():
            # Lock through a plain primary-key query (see StatementQuerySet.update).
            locked = dict(
                Statement.objects.filter(pk__in=queryset.values("pk"))
                .order_by("pk")
                .select_for_update()
                .values_list("pk", "version")
            )
            stale = [pk for pk, version in locked.items() if seen.get(pk, version) != version]
            fresh = [pk for pk in locked if pk not in stale]
            differing = list(
                Statement.objects.filter(pk__in=fresh, claim__isnull=False, claim_difference="")
                .exclude(claim__verdict__in=[Verdict.UNCHECKED, verdict])
                .values_list("pk", flat=True)
            )
            marked = [pk for pk in fresh if pk not in differing]
            # Statements that already have this verdict keep their reviewer and time.
            changed = (
                Statement.objects.filter(pk__in=marked)
                .exclude(verdict=verdict)
                .update(verdict=verdict, reviewed_by=request.user)
            )
        unchanged = len(marked) - changed
        message = f"Marked {changed} statement{'s' if changed != 1 else ''} as {verdict.label}."
        if unchanged:
            message += f" {unchanged} already {'were' if unchanged != 1 else 'was'}."
        modeladmin.message_user(request, message, messages.SUCCESS if marked else messages.WARNING)
        quotes = {}
        if stale or differing:
            quotes = dict(
                Statement.objects.filter(pk__in=[*stale, *differing]).values_list("pk", "quote")
            )
        if stale:
            modeladmin.message_user(
                request,
                f"Not marked: {plural(len(stale), 'statement was', 'statements were')} changed "
                f"by someone else after this list was shown ({quoted(quotes, stale)}). "
                "Look at them again before marking them.",
                messages.WARNING,
            )
        if differing:
            modeladmin.message_user(
                request,
                f"Not marked: {plural(len(differing), 'statement belongs', 'statements belong')} "
                f"to a claim with another verdict ({quoted(quotes, differing)}). Set the verdict "
                "on the claim, or say on the statement's page why it differs.",
                messages.WARNING,
            )

    action.__name__ = f"mark_{verdict.value}"
    return action


def quoted(quotes, pks):
    return ", ".join(f"“{Truncator(quotes.get(pk, '')).chars(60)}”" for pk in pks)


def span_picker(form, obj):
    """The span picker's context: the article's text with the span marked, for a form
    where the span may be set (static/js/admin.js fills start and end from a selection)."""
    if "start" not in form.fields:
        return None
    if obj is not None:
        article = obj.article
    else:
        value = form["article"].value()
        if not value:
            return None
        article = Article.objects.filter(pk=value).only("pk", "headline", "body").first()
        if article is None:
            return None
    return {
        "article": article,
        "before": article.body[: obj.start] if obj else article.body,
        "quote": obj.quote if obj else "",
        "after": article.body[obj.end :] if obj else "",
    }


class ArticleSpanAdmin(ChangeHistoryMixin, VersionedAdmin):
    """Shared by statements and corrections: spans of one article's body, picked with the
    span picker, that stay with their article once made."""

    class Media:
        css = ADMIN_CSS
        js = ["js/admin.js"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if not on_changelist(request):  # the list uses list_select_related
            queryset = queryset.select_related("article")
        return queryset

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            fields.append("article")  # a span stays with its article
        return fields


@admin.register(Statement)
class StatementAdmin(ArticleSpanAdmin):
    form = StatementForm
    list_display = [
        "short_quote",
        "verdict_display",
        "confidence_display",
        "source_confidence_display",
        "article",
        "source",
        "via",
        "kind",
        "reviewed_by",
        "reviewed_at",
    ]
    list_filter = [
        "verdict",
        ConfidenceFilter,
        SourceConfidenceFilter,
        "kind",
        ("source", admin.RelatedOnlyFieldListFilter),
        ("article__outlet", admin.RelatedOnlyFieldListFilter),
        ("article__story", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["article", "source", "via", "reviewed_by"]
    search_fields = ["quote", "note", "source__name", "article__headline"]
    autocomplete_fields = ["article", "source", "via", "claim"]
    # The doubtful first: those are the ones to check.
    ordering = ["confidence", "source_confidence", "article", "start"]
    readonly_fields = [
        "in_context",
        "confidence_display",
        "source_confidence_display",
        "quote",
        "prefix",
        "suffix",
        "reviewed_by",
        "reviewed_at",
        "created_at",
        "updated_at",
    ]
    actions = [verdict_action(verdict) for verdict in VERDICT_ORDER]
    inlines = [EvidenceInline, VerdictChangeInline]
    fieldsets = [
        (
            "Statement",
            {
                "fields": [
                    "article",
                    "in_context",
                    ("start", "end"),
                    ("source", "via"),
                    "attribution",
                    "kind",
                    ("confidence_display", "source_confidence_display"),
                ]
            },
        ),
        ("Verdict", {"fields": ["verdict", "note", ("reviewed_by", "reviewed_at")]}),
        (
            "Claim",
            {
                "fields": ["claim", "claim_difference"],
                "description": "The claim this statement makes, shared with other articles. A "
                "verdict set on the claim applies here too, unless you say why this statement "
                "differs.",
            },
        ),
        (
            "Record",
            {
                "fields": ["quote", "prefix", "suffix", ("created_at", "updated_at")],
                "classes": ["collapse"],
            },
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not can_change_text(request):
            fields += [f for f in SPAN_FIELDS if f not in fields]
        if not can_set_verdict(request):
            fields += VERDICT_FIELDS
        if not can_decide_claims(request):
            fields += CLAIM_FIELDS
        return fields

    def get_inlines(self, request, obj):
        if obj is None:
            return [EvidenceInline]  # no history before the statement exists
        return super().get_inlines(request, obj)

    def has_set_verdict_permission(self, request):
        return can_set_verdict(request)

    def save_model(self, request, obj, form, change):
        expect_form_version(obj, form)
        save_statement(obj, form, request.user)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["span_picker"] = span_picker(context["adminform"].form, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    history_description = "Every change of this statement and its evidence, newest first."

    def history_changes(self, obj):
        # The statement's own changes and those of its evidence, present or deleted.
        evidence_type = ContentType.objects.get_for_model(Evidence)
        deleted_evidence = Change.objects.filter(
            content_type=evidence_type,
            action=Change.Action.DELETE,
            changes__statement__0=obj.pk,
        ).values("object_id")
        return Change.objects.filter(
            Q(content_type=ContentType.objects.get_for_model(Statement), object_id=obj.pk)
            | Q(content_type=evidence_type, object_id__in=obj.evidence.values("pk"))
            | Q(content_type=evidence_type, object_id__in=deleted_evidence)
        )

    def history_context(self, request, obj):
        verdict_changes = list(obj.history.select_related("user")[:HISTORY_PAGE_SIZE])
        for verdict_change in verdict_changes:
            verdict_change.from_html = verdict_html(verdict_change.from_verdict)
            verdict_change.to_html = verdict_html(verdict_change.to_verdict)
        return {"verdict_changes": verdict_changes}

    @admin.display(description="Quote", ordering="quote")
    def short_quote(self, obj):
        return Truncator(obj.quote).chars(80)

    @admin.display(description="Verdict", ordering="verdict")
    def verdict_display(self, obj):
        # With the version the row had when the list was shown, for the verdict actions.
        return format_html("{}{}", verdict_html(obj.verdict), seen_input(obj))

    @admin.display(description="Confidence", ordering="confidence")
    def confidence_display(self, obj):
        return confidence_html(obj.confidence)

    @admin.display(description="Source confidence", ordering="source_confidence")
    def source_confidence_display(self, obj):
        return confidence_html(obj.source_confidence, "Source confidence")

    @admin.display(description="In context")
    def in_context(self, obj):
        if obj is None or obj.pk is None:
            return "Set the start and end; the quote is read from the article."
        return format_html(
            '<span class="in-context">…{}<mark class="statement verdict-{}">{}</mark>{}…</span>',
            obj.prefix,
            obj.verdict,
            obj.quote,
            obj.suffix,
        )


@admin.register(Evidence)
class EvidenceAdmin(ChangeHistoryMixin, VersionedAdmin):
    form = EvidenceForm
    formfield_overrides = URL_FIELDS
    list_display = ["__str__", "statement", "url", "created_at"]
    list_select_related = ["statement"]
    search_fields = ["title", "url", "note", "statement__quote"]
    autocomplete_fields = ["statement"]
    fields = ["statement", "title", "url", "note", "created_at"]
    readonly_fields = ["created_at"]


@admin.register(VerdictChange)
class VerdictChangeAdmin(admin.ModelAdmin):
    """Who changed which verdict, when: a record nobody edits."""

    list_display = ["at", "user", "statement", "from_display", "to_display", "note"]
    list_filter = [
        ("user", admin.RelatedOnlyFieldListFilter),
        "to_verdict",
        "from_verdict",
        "at",
    ]
    list_select_related = ["user", "statement"]
    search_fields = ["statement__quote", "note", "user__username"]
    date_hierarchy = "at"

    class Media:
        css = ADMIN_CSS

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="From", ordering="from_verdict")
    def from_display(self, obj):
        return verdict_html(obj.from_verdict)

    @admin.display(description="To", ordering="to_verdict")
    def to_display(self, obj):
        return verdict_html(obj.to_verdict)


# Corrections -----------------------------------------------------------------------------------


@admin.register(Correction)
class CorrectionAdmin(ArticleSpanAdmin):
    """Errors in the outlets' own text, each on its span: separate from the verdicts on what
    sources said, and listed in the article's correction log when published."""

    form = CorrectionForm
    list_display = [
        "wrong_text",
        "correct_text",
        "article",
        "published",
        "orphaned",
        "created_by",
        "created_at",
    ]
    list_filter = [
        "published",
        "orphaned",
        ("article__outlet", admin.RelatedOnlyFieldListFilter),
        ("article__story", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["article", "created_by"]
    search_fields = ["quote", "text", "article__headline"]
    autocomplete_fields = ["article"]
    readonly_fields = [
        "in_context",
        "quote",
        "prefix",
        "suffix",
        "created_by",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        ("The wrong text", {"fields": ["article", "in_context", ("start", "end")]}),
        ("The correction", {"fields": ["text", "published"]}),
        (
            "Record",
            {
                "fields": [
                    "quote",
                    "prefix",
                    "suffix",
                    ("created_by", "created_at", "updated_at"),
                ],
                "classes": ["collapse"],
            },
        ),
    ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["span_picker"] = span_picker(context["adminform"].form, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description="Wrong text", ordering="quote")
    def wrong_text(self, obj):
        return span_html(obj)

    @admin.display(description="Correction", ordering="text")
    def correct_text(self, obj):
        return Truncator(obj.text).chars(80)

    @admin.display(description="In context")
    def in_context(self, obj):
        if obj is None or obj.pk is None:
            return "Set the start and end; the wrong words are read from the article."
        return format_html(
            '<span class="in-context">…{}<mark class="correction">{}</mark>{}…</span>',
            obj.prefix,
            obj.quote,
            obj.suffix,
        )


# Claims ----------------------------------------------------------------------------------------


class ClaimRelationInline(admin.TabularInline):
    model = ClaimRelation
    fk_name = "claim"
    fields = ["kind", "other", "note"]
    autocomplete_fields = ["other"]
    extra = 0
    verbose_name = "relation to another claim"
    verbose_name_plural = "relations to other claims"
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})}
    }

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("other")


def open_suggestion_total():
    """How many open claim suggestions involve one of the outer claim's statements."""
    rows = (
        ClaimSuggestion.objects.open()
        .filter(Q(statement__claim=OuterRef("pk")) | Q(other__claim=OuterRef("pk")))
        .order_by()
        .annotate(n=Func(F("pk"), function="COUNT"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def differs_unexplained(statement, claim):
    """True for a statement whose verdict differs from its claim's checked one, unexplained."""
    return (
        claim.verdict != Verdict.UNCHECKED
        and statement.verdict != claim.verdict
        and not statement.claim_difference.strip()
    )


@admin.register(Claim)
class ClaimAdmin(ChangeHistoryMixin, VersionedAdmin):
    """What several articles' statements assert in common, with one verdict for all of them
    (a statement may differ, with a reason) and its relations to other claims."""

    form = ClaimForm
    list_display = [
        "text",
        "verdict_display",
        "story",
        "statement_count",
        "open_suggestion_count",
    ]
    list_filter = ["verdict", ("story", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["story"]
    search_fields = ["text", "note"]
    autocomplete_fields = ["story"]
    readonly_fields = [
        "statements_table",
        "related_from",
        "slug",
        "reviewed_by",
        "reviewed_at",
        "created_at",
        "updated_at",
    ]
    inlines = [ClaimRelationInline]
    fieldsets = [
        (None, {"fields": ["text", "story"]}),
        (
            "Verdict",
            {
                "fields": ["verdict", "note", ("reviewed_by", "reviewed_at")],
                "description": "A verdict or note set here applies to each of the claim's "
                "statements, except those whose difference from the claim is explained.",
            },
        ),
        ("Statements", {"fields": ["statements_table"]}),
        ("Other claims about this one", {"fields": ["related_from"]}),
        ("Record", {"fields": ["slug", ("created_at", "updated_at")], "classes": ["collapse"]}),
    ]

    class Media:
        css = ADMIN_CSS

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if on_changelist(request):
            queryset = queryset.annotate(
                statement_count=count_of(Statement, "claim"),
                open_suggestion_count=open_suggestion_total(),
            )
        return queryset

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None:
            return fieldsets
        # A claim being added has no statements yet, nor relations.
        return [
            (name, options)
            for name, options in fieldsets
            if not {"statements_table", "related_from"} & set(options["fields"])
        ]

    def save_model(self, request, obj, form, change):
        expect_form_version(obj, form)
        if not change or not {"verdict", "note"} & set(form.changed_data):
            if not change and obj.verdict != Verdict.UNCHECKED:
                obj.reviewed_by, obj.reviewed_at = request.user, timezone.now()
            obj.save()
            return
        note = obj.note if "note" in form.changed_data else None
        changed = obj.set_verdict(obj.verdict, by=request.user, note=note)
        verdict = Verdict(obj.verdict)
        message = (
            f"The claim is now {verdict.icon} {verdict.label}: "
            f"{plural(len(changed), 'statement')} changed with it."
        )
        if kept := obj.statements.exclude(claim_difference="").count():
            message += (
                f" {plural(kept, 'statement keeps its', 'statements keep their')} own verdict, "
                "the difference being explained."
            )
        self.message_user(request, message, messages.SUCCESS)

    def save_formset(self, request, form, formset, change):
        if formset.model is not ClaimRelation:
            return super().save_formset(request, form, formset, change)
        relations = formset.save(commit=False)
        for relation in formset.deleted_objects:
            relation.delete()
        for relation in relations:
            if relation.pk is None:
                relation.created_by = request.user
            relation.save()

    @admin.display(description="Verdict", ordering="verdict")
    def verdict_display(self, obj):
        return verdict_html(obj.verdict)

    @admin.display(description="Statements", ordering="statement_count")
    def statement_count(self, obj):
        return obj.statement_count

    @admin.display(description="Open suggestions", ordering="open_suggestion_count")
    def open_suggestion_count(self, obj):
        if not obj.open_suggestion_count:
            return 0
        return format_html(
            '<a href="{}?{}">{}</a>',
            reverse("admin:stories_claimsuggestion_changelist"),
            urlencode({"status__exact": MatchStatus.OPEN, "q": obj.text[:60]}),
            obj.open_suggestion_count,
        )

    @admin.display(description="Statements making this claim")
    def statements_table(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        statements = obj.statements.select_related("article__outlet").order_by(
            F("article__published_at").asc(nulls_last=True), "article", "start"
        )
        rows = []
        for statement in statements:
            if statement.claim_difference.strip():
                why = escape(statement.claim_difference)
            elif differs_unexplained(statement, obj):
                why = mark_safe('<span class="unexplained">Differs, with no reason given</span>')
            else:
                why = "—"
            rows.append(
                (
                    reverse("admin:stories_statement_change", args=[statement.pk]),
                    Truncator(statement.quote).chars(120),
                    reverse("admin:stories_article_change", args=[statement.article_id]),
                    Truncator(statement.article.headline).chars(70),
                    statement.article.outlet.name if statement.article.outlet else "—",
                    verdict_html(statement.verdict),
                    why,
                )
            )
        if not rows:
            return (
                "No statement makes this claim yet: confirm a claim suggestion, or choose this "
                "claim on a statement's page."
            )
        return format_html(
            '<table class="claim-statements"><thead><tr><th scope="col">Quote</th>'
            '<th scope="col">Article</th><th scope="col">Outlet</th>'
            '<th scope="col">Own verdict</th><th scope="col">Why it differs</th></tr></thead>'
            "<tbody>{}</tbody></table>",
            format_html_join(
                "",
                '<tr><td><a href="{}">“{}”</a></td><td><a href="{}">{}</a></td><td>{}</td>'
                "<td>{}</td><td>{}</td></tr>",
                rows,
            ),
        )

    @admin.display(description="Related from")
    def related_from(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        relations = obj.related_from.select_related("claim")
        items = [
            (
                reverse("admin:stories_claim_change", args=[relation.claim_id]),
                relation.claim,
                relation.get_kind_display(),
                f" ({relation.note})" if relation.note else "",
            )
            for relation in relations
        ]
        if not items:
            return "No other claim refers to this one."
        return format_html(
            '<ul class="claim-relations">{}</ul>',
            format_html_join("", '<li><a href="{}">“{}”</a> {} this claim{}</li>', items),
        )


def statement_summary(statement):
    """ "“quote” (Outlet)" for a list row."""
    outlet = statement.article.outlet
    return format_html(
        '<a href="{}">“{}”</a> <span class="outlet">{}</span>',
        reverse("admin:stories_statement_change", args=[statement.pk]),
        Truncator(statement.quote).chars(80),
        outlet.name if outlet else "no outlet",
    )


@admin.register(ClaimSuggestion)
class ClaimSuggestionAdmin(admin.ModelAdmin):
    """Statements in two articles that loading found may make the same claim: those who
    decide claims confirm them (both join one claim) or reject them (never suggested
    again)."""

    list_display = [
        "statement_display",
        "other_display",
        "outlets",
        "score_display",
        "reason",
        "status",
    ]
    list_filter = ["status"]
    list_select_related = ["statement__article__outlet", "other__article__outlet"]
    search_fields = ["statement__quote", "other__quote", "reason", "statement__claim__text"]
    fields = [
        "comparison",
        "score_display",
        "reason",
        "status",
        "decided_by",
        "decided_at",
        "created_at",
    ]
    readonly_fields = fields
    actions = ["confirm_suggested", "reject_suggested"]

    class Media:
        css = ADMIN_CSS

    def has_add_permission(self, request):
        return False  # suggestions come from loading articles

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Nothing here is edited: a suggestion is decided with the buttons or the actions.
        extra_context = {
            **(extra_context or {}),
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if (
            obj is not None
            and obj.status == MatchStatus.OPEN
            and self.has_change_permission(request, obj)
        ):
            context["decide"] = {
                "url": reverse("admin:stories_claimsuggestion_changelist"),
                "checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            }
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description="Statement", ordering="statement__quote")
    def statement_display(self, obj):
        return statement_summary(obj.statement)

    @admin.display(description="May make the same claim as", ordering="other__quote")
    def other_display(self, obj):
        return statement_summary(obj.other)

    @admin.display(description="Outlets")
    def outlets(self, obj):
        names = [
            s.article.outlet.name if s.article.outlet else "—" for s in (obj.statement, obj.other)
        ]
        return " · ".join(names)

    @admin.display(description="Score", ordering="score")
    def score_display(self, obj):
        return percent(obj.score)

    @admin.display(description="The two statements")
    def comparison(self, obj):
        statements = Statement.objects.filter(pk__in=[obj.statement_id, obj.other_id])
        statements = statements.select_related("article__outlet", "source", "claim").in_bulk()
        rows = []
        for statement in (statements.get(obj.statement_id), statements.get(obj.other_id)):
            if statement is None:
                continue
            rows.append(
                (
                    reverse("admin:stories_statement_change", args=[statement.pk]),
                    statement.quote,
                    statement.article.headline,
                    statement.article.outlet.name if statement.article.outlet else "—",
                    statement.source.name if statement.source else "the outlet",
                    verdict_html(statement.verdict),
                    statement.claim.text if statement.claim else "none yet",
                )
            )
        return format_html(
            '<table class="claim-comparison"><thead><tr><th scope="col">Quote</th>'
            '<th scope="col">Article</th><th scope="col">Outlet</th><th scope="col">Said by</th>'
            '<th scope="col">Verdict</th><th scope="col">Claim</th></tr></thead>'
            "<tbody>{}</tbody></table>",
            format_html_join(
                "",
                '<tr><td><a href="{}">“{}”</a></td><td>{}</td><td>{}</td><td>{}</td>'
                "<td>{}</td><td>{}</td></tr>",
                rows,
            ),
        )

    @admin.action(permissions=["change"], description="Confirm: same claim")
    def confirm_suggested(self, request, queryset):
        """Each open suggestion's two statements join one claim: the one either already
        has, or a new one."""
        confirmed, refused, differing = [], [], []
        for pk in list(queryset.filter(status=MatchStatus.OPEN).values_list("pk", flat=True)):
            try:
                with transaction.atomic():
                    suggestion = (
                        ClaimSuggestion.objects.select_for_update(of=("self",))
                        .filter(pk=pk, status=MatchStatus.OPEN)
                        .select_related("statement__claim", "other__claim")
                        .first()
                    )
                    if suggestion is None:
                        continue  # decided meanwhile
                    claim = suggestion.confirm(by=request.user)
            except ValueError as error:
                refused.append(f"“{Truncator(suggestion.statement.quote).chars(60)}”: {error}")
                continue
            confirmed.append(claim)
            differing += [
                s for s in (suggestion.statement, suggestion.other) if differs_unexplained(s, claim)
            ]
        decided = queryset.exclude(status=MatchStatus.OPEN).count()
        if confirmed:
            claims = ", ".join(dict.fromkeys(f"“{claim}”" for claim in confirmed))
            self.message_user(
                request,
                f"Confirmed {plural(len(confirmed), 'suggestion')}: the statements now make "
                f"the claim {claims}.",
                messages.SUCCESS,
            )
        for problem in refused:
            self.message_user(request, f"Not confirmed: {problem}", messages.ERROR)
        if differing:
            self.message_user(
                request,
                f"{plural(len(differing), 'statement has', 'statements have')} a verdict other "
                "than the claim's: say on each statement's page why it differs "
                f"({', '.join(f'“{Truncator(s.quote).chars(50)}”' for s in differing)}).",
                messages.WARNING,
            )
        if not confirmed and not refused:
            self.message_user(request, "These suggestions are already decided.", messages.WARNING)
        elif decided:
            self.message_user(
                request,
                f"{plural(decided, 'other was', 'others were')} already decided.",
                messages.INFO,
            )

    @admin.action(permissions=["change"], description="Reject: different claims")
    def reject_suggested(self, request, queryset):
        """Marks the open ones rejected: the pair stays, so it is never suggested again."""
        with transaction.atomic():
            # Locked through a plain primary-key query: PostgreSQL locks no outer joins.
            rejected = list(
                ClaimSuggestion.objects.select_for_update()
                .filter(pk__in=queryset.values("pk"), status=MatchStatus.OPEN)
                .order_by("pk")
            )
            for suggestion in rejected:
                suggestion.reject(by=request.user)
        n = len(rejected)
        message = f"Rejected {plural(n, 'suggestion')}: {'they' if n != 1 else 'it'} will not be "
        message += "suggested again."
        if decided := queryset.count() - n:
            message += f" {plural(decided, 'other was', 'others were')} already decided."
        self.message_user(request, message, messages.SUCCESS if n else messages.WARNING)


# The change log --------------------------------------------------------------------------------


class DescribedChangeList(ChangeList):
    """The change log's list, its rows told in words with one query per kind of row named."""

    def get_results(self, request):
        super().get_results(request)
        describe_changes(list(self.result_list), request.user)


@admin.register(Change)
class ChangeAdmin(admin.ModelAdmin):
    """Who changed what, and when, everywhere: the change log. Nobody edits it; a change
    is undone by reverting it, which is itself a change."""

    list_display = ["at", "user", "action", "kind", "object_link", "what_changed"]
    list_filter = [
        ("user", admin.RelatedOnlyFieldListFilter),
        "action",
        ("content_type", admin.RelatedOnlyFieldListFilter),
        "at",
    ]
    list_select_related = ["user", "content_type"]
    search_fields = ["object_repr"]
    date_hierarchy = "at"
    fields = ["at", "user", "action", "kind", "object_link", "article", "what_changed", "reverts"]
    readonly_fields = fields

    class Media:
        css = ADMIN_CSS

    def get_changelist(self, request, **kwargs):
        return DescribedChangeList

    def get_urls(self):
        revert = path(
            "<int:change_id>/revert/",
            self.admin_site.admin_view(self.revert_view),
            name="stories_change_revert",
        )
        return [revert, *super().get_urls()]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            describe_changes([obj], request.user)
            context["revertible"] = obj
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description="Kind", ordering="content_type")
    def kind(self, obj):
        return obj.content_type.name

    @admin.display(description="Of", ordering="object_repr")
    def object_link(self, obj):
        url = getattr(obj, "admin_url", None)
        if url is None:
            return obj.object_repr
        return format_html('<a href="{}">{}</a>', url, obj.object_repr)

    @admin.display(description="What changed")
    def what_changed(self, obj):
        if not hasattr(obj, "what"):
            describe_changes([obj], None)
        return obj.what

    def revert_view(self, request, change_id):
        """Reverts a change (POST), as the user, if they may make that change themselves."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        change = get_object_or_404(Change.objects.select_related("content_type"), pk=change_id)
        if not self.has_view_permission(request, change):
            raise PermissionDenied
        if refusal := revert_refusal(request.user, change):
            raise PermissionDenied(refusal)
        what = f"{change.get_action_display().lower()} {change.content_type.name}"
        what += f" “{change.object_repr}”"
        try:
            with transaction.atomic():
                change.revert(by=request.user)
        except RevertError as error:
            self.message_user(request, f"Not reverted: {error}", messages.ERROR)
        except ValidationError as error:
            self.message_user(request, f"Not reverted: {' '.join(error.messages)}", messages.ERROR)
        except IntegrityError:
            self.message_user(
                request,
                "Not reverted: what it would bring back clashes with a row that exists now "
                "(another statement on the same words?).",
                messages.ERROR,
            )
        else:
            self.message_user(
                request,
                f"Reverted: {what}. The revert is in the history too, and can be reverted.",
                messages.SUCCESS,
            )
        return HttpResponseRedirect(self.after_revert_url(request, change))

    def after_revert_url(self, request, change):
        url = request.POST.get("next", "")
        if url and url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return url
        if change.article_id is not None:
            return reverse("admin:stories_article_history", args=[change.article_id])
        return reverse("admin:stories_change_changelist")


# Sources, entities, stories ------------------------------------------------------------------


def count_of(model, link):
    """How many `model` rows point at the outer row through `link`: a subquery, not a join,
    so that several counts on one row do not multiply each other."""
    rows = (
        model._default_manager.filter(**{link: OuterRef("pk")})
        .order_by()
        .values(link)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def with_source_links(queryset):
    """Sources with how much points at them: what a merge would move."""
    return queryset.annotate(
        statement_total=count_of(Statement, "source"),
        relayed_total=count_of(Statement, "via"),
        article_total=count_of(Article, "outlet"),
        member_total=count_of(Source, "affiliation"),
    )


def plural(n, singular, plural_form=None):
    return f"{n} {singular if n == 1 else plural_form or singular + 's'}"


def source_links_text(source):
    """ "3 statements, 1 relayed, 2 articles" from with_source_links() counts."""
    parts = [
        plural(source.statement_total, "statement"),
        f"{source.relayed_total} relayed",
        plural(source.article_total, "article"),
    ]
    if source.member_total:
        parts.append(plural(source.member_total, "member"))
    return ", ".join(parts)


def names_html(obj):
    """A source's or entity's name and aliases, the name first and marked as such."""
    aliases = format_html_join("", "<li>{}</li>", ((alias,) for alias in obj.aliases))
    if not obj.aliases:
        aliases = mark_safe('<li class="names-none">No other names yet.</li>')
    return format_html(
        '<ul class="names"><li class="names-main"><strong>{}</strong> '
        '<span class="names-note">(name)</span></li>{}</ul>',
        obj.name,
        aliases,
    )


class MergeActionMixin:
    """The "Merge selected …" action of the source and entity lists.

    Like Django's delete_selected: a confirmation page lists the selected rows with
    what points at each, and the editor chooses the one to keep; confirming merges
    the others into it (stories/merging.py) and returns to the list with a message.
    """

    merge_template = "admin/stories/merge_confirmation.html"
    merge_moves = ""  # what moves to the row kept, in words, for the confirmation page
    merge_columns = []  # [(heading, function of a row)] shown for each selected row

    def has_merge_permission(self, request):
        # A merge changes the row kept and deletes the others.
        return self.has_change_permission(request) and self.has_delete_permission(request)

    def merge_queryset(self, queryset):
        raise NotImplementedError

    def merge_weight(self, row):
        """How much points at a row: the heaviest is offered as the one to keep."""
        raise NotImplementedError

    def check_mergeable(self, rows):
        raise NotImplementedError

    def merge(self, keep, others, *, by):
        raise NotImplementedError

    @admin.action(permissions=["merge"], description="Merge selected %(verbose_name_plural)s…")
    def merge_selected(self, request, queryset):
        opts = self.model._meta
        rows = list(self.merge_queryset(queryset))
        if len(rows) < 2:
            self.message_user(
                request,
                f"Select two or more {opts.verbose_name_plural} to merge them.",
                messages.WARNING,
            )
            return None
        try:
            self.check_mergeable(rows)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return None
        heaviest = max(rows, key=lambda row: (self.merge_weight(row), -row.pk))
        data = request.POST if request.POST.get("post") else None
        form = MergeForm(data, rows=rows, initial={"keep": heaviest.pk})
        if form.is_bound and form.is_valid():
            try:
                summary = self.merge(form.kept, form.others, by=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return None
            url = reverse(admin_urlname(opts, "change"), args=[summary.keep.pk])
            self.message_user(
                request,
                format_html('{} <a href="{}">See “{}”.</a>', str(summary), url, summary.keep),
                messages.SUCCESS,
            )
            return None
        chosen = str(form["keep"].value())
        context = {
            **self.admin_site.each_context(request),
            "title": f"Merge {opts.verbose_name_plural}",
            "subtitle": None,
            "opts": opts,
            "form": form,
            "moves": self.merge_moves,
            "columns": [heading for heading, _ in self.merge_columns],
            "rows": [
                {
                    "obj": row,
                    "url": reverse(admin_urlname(opts, "change"), args=[row.pk]),
                    "checked": str(row.pk) == chosen,
                    "cells": [value(row) for _, value in self.merge_columns],
                }
                for row in rows
            ],
            "action": "merge_selected",
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.merge_template, context)


def other_names(row):
    return ", ".join(row.aliases) or "—"


def source_kind(source):
    if source.kind == SourceKind.ANONYMOUS and source.scope_article_id:
        return f"Anonymous, in “{Truncator(source.scope_article.headline).chars(60)}”"
    return source.get_kind_display()


@admin.register(Source)
class SourceAdmin(MergeActionMixin, admin.ModelAdmin):
    form = SourceForm
    formfield_overrides = URL_FIELDS
    list_display = ["name", "kind", "role", "affiliation", "statement_count"]
    list_filter = ["kind"]
    list_select_related = ["affiliation"]
    search_fields = ["name", "aliases", "role"]
    autocomplete_fields = ["affiliation", "entity", "scope_article"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["names_display", "open_suggestions", "created_at", "updated_at"]
    actions = ["merge_selected"]
    merge_moves = "statements, relayed statements, articles, members and merge suggestions"
    merge_columns = [
        ("Kind", source_kind),
        ("Other names", other_names),
        ("Statements", lambda s: s.statement_total),
        ("Relayed", lambda s: s.relayed_total),
        ("Articles published", lambda s: s.article_total),
        ("Members", lambda s: s.member_total),
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "names_display",
                    "name",
                    "slug",
                    "kind",
                    "role",
                    "affiliation",
                    "entity",
                    "aliases",
                    "description",
                    "url",
                ]
            },
        ),
        ("Merge suggestions", {"fields": ["open_suggestions"]}),
        ("Outlets", {"fields": ["ownership", "reliability"], "classes": ["collapse"]}),
        ("Anonymous sources", {"fields": ["scope_article"], "classes": ["collapse"]}),
        ("Record", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    class Media:
        css = ADMIN_CSS

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if on_changelist(request):
            queryset = queryset.annotate(statement_count=Count("statements", distinct=True))
        return queryset

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None:
            return fieldsets
        # A source being added has no names yet, nor suggestions.
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f != "names_display"]})
            for name, options in fieldsets
            if "open_suggestions" not in options["fields"]
        ]

    @admin.display(description="Statements", ordering="statement_count")
    def statement_count(self, obj):
        return obj.statement_count

    @admin.display(description="Known as")
    def names_display(self, obj):
        return names_html(obj)

    @admin.display(description="Open suggestions")
    def open_suggestions(self, obj):
        """Sources that may be this one, each with a link to decide."""
        suggestions = (
            MergeSuggestion.objects.open()
            .filter(Q(source=obj) | Q(candidate=obj))
            .select_related("source", "candidate")
        )
        items = []
        for suggestion in suggestions:
            other = suggestion.candidate if suggestion.source_id == obj.pk else suggestion.source
            items.append(
                (
                    reverse("admin:stories_source_change", args=[other.pk]),
                    other,
                    percent(suggestion.score),
                    f" · {suggestion.reason}" if suggestion.reason else "",
                    reverse("admin:stories_mergesuggestion_change", args=[suggestion.pk]),
                )
            )
        if not items:
            return "None: no other source is suggested as this one."
        return format_html(
            '<ul class="merge-suggestions">{}</ul>',
            format_html_join(
                "",
                '<li>May be the same as <a href="{}">{}</a> ({} sure{}) · '
                '<a href="{}">Decide…</a></li>',
                items,
            ),
        )

    def merge_queryset(self, queryset):
        selected = Source.objects.filter(pk__in=queryset.values("pk"))
        return with_source_links(selected).select_related("scope_article").order_by("name", "pk")

    def merge_weight(self, row):
        return row.statement_total + row.relayed_total + row.article_total + row.member_total

    def check_mergeable(self, rows):
        check_sources_mergeable(rows)

    def merge(self, keep, others, *, by):
        return merge_sources(keep, others, by=by)


@admin.register(Entity)
class EntityAdmin(MergeActionMixin, admin.ModelAdmin):
    form = EntityForm
    list_display = ["name", "kind", "wikidata_id", "article_count"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases", "wikidata_id"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["names_display", "name", "slug", "kind", "aliases", "wikidata_id", "description"]
    readonly_fields = ["names_display"]
    actions = ["merge_selected"]
    merge_moves = "the articles tagged with them and the sources that are them"
    merge_columns = [
        ("Kind", lambda e: e.get_kind_display()),
        ("Other names", other_names),
        ("Wikidata id", lambda e: e.wikidata_id or "—"),
        ("Articles", lambda e: e.article_total),
        ("Sources", lambda e: e.source_total),
    ]

    class Media:
        css = ADMIN_CSS

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if on_changelist(request):
            queryset = queryset.annotate(article_count=Count("tagged_articles", distinct=True))
        return queryset

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        return fields if obj is not None else [f for f in fields if f != "names_display"]

    @admin.display(description="Articles", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count

    @admin.display(description="Known as")
    def names_display(self, obj):
        return names_html(obj)

    def merge_queryset(self, queryset):
        selected = Entity.objects.filter(pk__in=queryset.values("pk"))
        return selected.annotate(
            article_total=count_of(TaggedArticle, "tag"),
            source_total=count_of(Source, "entity"),
        ).order_by("name", "pk")

    def merge_weight(self, row):
        return row.article_total + row.source_total

    def check_mergeable(self, rows):
        check_entities_mergeable(rows)

    def merge(self, keep, others, *, by):
        return merge_entities(keep, others, by=by)


@admin.register(MergeSuggestion)
class MergeSuggestionAdmin(admin.ModelAdmin):
    """Sources that loading suspected to be one: Editors merge them or say they differ.

    A rejected suggestion stays, so the pair is never suggested again
    (mergesuggestion_unique_pair). A merged one goes with the source merged away; the
    merge is written to the kept source's history.
    """

    list_display = ["candidate", "source", "score_display", "reason", "status", "created_at"]
    list_filter = ["status"]
    list_select_related = ["candidate", "source"]
    search_fields = ["candidate__name", "source__name", "reason"]
    fields = [
        "candidate",
        "source",
        "comparison",
        "score_display",
        "reason",
        "status",
        "decided_by",
        "decided_at",
        "created_at",
    ]
    readonly_fields = fields
    actions = ["merge_suggested", "reject_suggested"]

    class Media:
        css = ADMIN_CSS

    def has_add_permission(self, request):
        return False  # suggestions come from loading articles

    def has_decide_permission(self, request):
        return request.user.has_perm("stories.change_mergesuggestion")

    def has_merge_permission(self, request):
        # Merging changes one source and deletes the other.
        return self.has_decide_permission(request) and request.user.has_perms(
            ["stories.change_source", "stories.delete_source"]
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Nothing here is edited: a suggestion is decided with the buttons or the actions.
        extra_context = {
            **(extra_context or {}),
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.status == SuggestionStatus.OPEN:
            context["decide"] = {
                "url": reverse("admin:stories_mergesuggestion_changelist"),
                "merge": self.has_merge_permission(request),
                "reject": self.has_decide_permission(request),
                "checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            }
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description="Score", ordering="score")
    def score_display(self, obj):
        return percent(obj.score)

    @admin.display(description="The two sources")
    def comparison(self, obj):
        sources = with_source_links(
            Source.objects.filter(pk__in=[obj.candidate_id, obj.source_id])
        ).select_related("affiliation")
        sources = {source.pk: source for source in sources}
        rows = []
        for label, source in [
            ("Candidate", sources.get(obj.candidate_id)),
            ("Source", sources.get(obj.source_id)),
        ]:
            if source is None:
                continue
            rows.append(
                (
                    label,
                    reverse("admin:stories_source_change", args=[source.pk]),
                    source.name,
                    ", ".join(source.aliases) or "no other names",
                    source.get_kind_display(),
                    " · ".join(p for p in [source.role, str(source.affiliation or "")] if p) or "—",
                    source_links_text(source),
                )
            )
        return format_html(
            '<table class="merge-comparison"><thead><tr><th scope="col"></th>'
            '<th scope="col">Name</th><th scope="col">Other names</th><th scope="col">Kind</th>'
            '<th scope="col">Role, affiliation</th><th scope="col">Links</th></tr></thead>'
            "<tbody>{}</tbody></table>",
            format_html_join(
                "",
                '<tr><th scope="row">{}</th><td><a href="{}">{}</a></td><td>{}</td><td>{}</td>'
                "<td>{}</td><td>{}</td></tr>",
                rows,
            ),
        )

    @admin.action(permissions=["merge"], description="Merge: they are the same")
    def merge_suggested(self, request, queryset):
        """Merges each candidate into its source, after a confirmation page."""
        suggestions = list(queryset.select_related("source", "candidate"))
        open_ = [s for s in suggestions if s.status == SuggestionStatus.OPEN]
        if not open_:
            self.message_user(request, "These suggestions are already decided.", messages.WARNING)
            return None
        if not request.POST.get("post"):
            return self._merge_confirmation(request, open_, len(suggestions) - len(open_))
        merged, refused = [], []
        for pk in [s.pk for s in open_]:
            try:
                with transaction.atomic():
                    suggestion = (
                        MergeSuggestion.objects.select_for_update()
                        .filter(pk=pk, status=SuggestionStatus.OPEN)
                        .first()
                    )
                    if suggestion is None:
                        continue  # decided meanwhile, or settled by a merge just made
                    summary = merge_sources(
                        suggestion.source_id, [suggestion.candidate_id], by=request.user
                    )
            except ValidationError as error:
                refused.append(" ".join(error.messages))
                continue
            merged.append(str(summary))
        if merged:
            self.message_user(request, " ".join(merged), messages.SUCCESS)
        for problem in refused:
            self.message_user(request, f"Not merged: {problem}", messages.ERROR)
        return None

    def _merge_confirmation(self, request, suggestions, decided):
        ids = {s.source_id for s in suggestions} | {s.candidate_id for s in suggestions}
        sources = with_source_links(Source.objects.filter(pk__in=ids)).in_bulk()
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge suggested sources",
            "subtitle": None,
            "opts": self.model._meta,
            "pairs": [
                {
                    "suggestion": s,
                    "candidate": sources[s.candidate_id],
                    "candidate_links": source_links_text(sources[s.candidate_id]),
                    "source": sources[s.source_id],
                    "source_links": source_links_text(sources[s.source_id]),
                    "score": percent(s.score),
                }
                for s in suggestions
            ],
            "decided": decided,
            "action": "merge_suggested",
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(
            request, "admin/stories/mergesuggestion/merge_confirmation.html", context
        )

    @admin.action(permissions=["decide"], description="Reject: they are different")
    def reject_suggested(self, request, queryset):
        """Marks the open ones rejected: the pair stays, so it is never suggested again."""
        with transaction.atomic():
            rejected = list(queryset.select_for_update().filter(status=SuggestionStatus.OPEN))
            queryset.filter(pk__in=[s.pk for s in rejected]).update(
                status=SuggestionStatus.REJECTED, decided_by=request.user, decided_at=timezone.now()
            )
            LogEntry.objects.log_actions(
                user_id=request.user.pk,
                queryset=rejected,
                action_flag=CHANGE,
                change_message="Rejected: they are different.",
            )
        n = len(rejected)
        message = f"Rejected {plural(n, 'suggestion')}: {'they' if n != 1 else 'it'} will not be "
        message += "suggested again."
        if decided := queryset.count() - n:
            message += f" {plural(decided, 'other was', 'others were')} already decided."
        self.message_user(request, message, messages.SUCCESS if n else messages.WARNING)


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ["title", "article_count", "created_at"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["created_at", "updated_at"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if on_changelist(request):
            queryset = queryset.annotate(article_count=Count("articles", distinct=True))
        return queryset

    @admin.display(description="Articles", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count
