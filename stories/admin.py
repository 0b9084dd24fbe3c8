"""The editors' admin: articles with their marked text, statements and verdicts, sources.

Who may do what follows the groups of migration 0002: Editors do everything;
Fact-checkers (no stories.change_article) set verdicts, notes and evidence but
see a statement's span, source and kind read-only; without stories.set_verdict
the verdict and note are read-only and the verdict actions are hidden. Every
verdict change, from a form, an inline or an action, names the editor and is
written to VerdictChange by the model (Statement.save, StatementQuerySet.update).

Duplicate sources and entities are merged by Editors with the "Merge selected …"
action (a confirmation page, then stories/merging.py), or by deciding the merge
suggestions that loading leaves when it is unsure. A statement's extraction
confidence is shown, never edited: it is set by extraction.
"""

import math
from urllib.parse import urlencode

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from stories.forms import (
    ArticleForm,
    EntityForm,
    MergeForm,
    SourceForm,
    StatementForm,
    StatementInlineForm,
)
from stories.merging import (
    check_entities_mergeable,
    check_sources_mergeable,
    merge_entities,
    merge_sources,
)
from stories.models import (
    Article,
    Entity,
    Evidence,
    MergeSuggestion,
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
VERDICT_FIELDS = ["verdict", "note"]

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


# Articles ------------------------------------------------------------------------------------


class StatementInline(admin.TabularInline):
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
            fields += VERDICT_FIELDS
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


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
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
    readonly_fields = ["marked_body", "fingerprint", "created_at", "updated_at"]
    inlines = [StatementInline]
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
        ("Statements in the text", {"fields": ["marked_body"]}),
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
            return fieldsets
        # Before the article exists nothing is marked, and the text is what is typed first.
        return [
            (name, {**options, "classes": []}) if "body" in options["fields"] else (name, options)
            for name, options in fieldsets
            if "marked_body" not in options["fields"]
        ]

    def save_formset(self, request, form, formset, change):
        if formset.model is not Statement:
            return super().save_formset(request, form, formset, change)
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


class EvidenceInline(admin.TabularInline):
    model = Evidence
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
    """An admin action that sets `verdict` on the selected statements, as the acting user."""

    @admin.action(permissions=["set_verdict"], description=f"Mark selected as {verdict.label}")
    def action(modeladmin, request, queryset):
        selected = queryset.count()
        # Statements that already have this verdict keep their reviewer and time.
        changed = queryset.exclude(verdict=verdict).update(
            verdict=verdict, reviewed_by=request.user
        )
        unchanged = selected - changed
        message = f"Marked {changed} statement{'s' if changed != 1 else ''} as {verdict.label}."
        if unchanged:
            message += f" {unchanged} already {'were' if unchanged != 1 else 'was'}."
        modeladmin.message_user(request, message, messages.SUCCESS)

    action.__name__ = f"mark_{verdict.value}"
    return action


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
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
    autocomplete_fields = ["article", "source", "via"]
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
            "Record",
            {
                "fields": ["quote", "prefix", "suffix", ("created_at", "updated_at")],
                "classes": ["collapse"],
            },
        ),
    ]

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
            fields.append("article")  # a statement stays with its article
        if not can_change_text(request):
            fields += [f for f in SPAN_FIELDS if f not in fields]
        if not can_set_verdict(request):
            fields += VERDICT_FIELDS
        return fields

    def get_inlines(self, request, obj):
        if obj is None:
            return [EvidenceInline]  # no history before the statement exists
        return super().get_inlines(request, obj)

    def has_set_verdict_permission(self, request):
        return can_set_verdict(request)

    def save_model(self, request, obj, form, change):
        save_statement(obj, form, request.user)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        if "start" in form.fields:
            article = self._picker_article(form, obj)
            if article is not None:
                context["span_picker"] = {
                    "article": article,
                    "before": article.body[: obj.start] if obj else article.body,
                    "quote": obj.quote if obj else "",
                    "after": article.body[obj.end :] if obj else "",
                }
        return super().render_change_form(request, context, add, change, form_url, obj)

    @staticmethod
    def _picker_article(form, obj):
        if obj is not None:
            return obj.article
        value = form["article"].value()
        if not value:
            return None
        return Article.objects.filter(pk=value).only("pk", "headline", "body").first()

    @admin.display(description="Quote", ordering="quote")
    def short_quote(self, obj):
        return Truncator(obj.quote).chars(80)

    @admin.display(description="Verdict", ordering="verdict")
    def verdict_display(self, obj):
        return verdict_html(obj.verdict)

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
class EvidenceAdmin(admin.ModelAdmin):
    formfield_overrides = URL_FIELDS
    list_display = ["__str__", "statement", "url", "created_at"]
    list_select_related = ["statement"]
    search_fields = ["title", "url", "note", "statement__quote"]
    autocomplete_fields = ["statement"]
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
