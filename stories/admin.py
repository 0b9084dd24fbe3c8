"""The editors' admin: articles with their marked text, statements and verdicts, sources.

Who may do what follows the groups of migration 0002: Editors do everything;
Fact-checkers (no stories.change_article) set verdicts, notes and evidence but
see a statement's span, source and kind read-only; without stories.set_verdict
the verdict and note are read-only and the verdict actions are hidden. Every
verdict change, from a form, an inline or an action, names the editor and is
written to VerdictChange by the model (Statement.save, StatementQuerySet.update).
"""

from urllib.parse import urlencode

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count
from django.urls import reverse
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from stories.forms import (
    ArticleForm,
    EntityForm,
    SourceForm,
    StatementForm,
    StatementInlineForm,
)
from stories.models import (
    Article,
    Entity,
    Evidence,
    Source,
    Statement,
    Story,
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
    fields = ["span", "start", "end", "source", "via", "kind", "verdict", "note"]
    readonly_fields = ["span"]
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
        return format_html(
            '<a href="#{}" title="{}">{}</a>',
            obj.anchor,
            f"Characters {obj.start}–{obj.end}",
            Truncator(obj.quote).chars(90),
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
        badge = ""
        if run.first:
            badge = format_html(
                '<span class="verdict-badge">{} {}</span> ', verdict.icon, verdict.label
            )
        return format_html(
            '<mark class="statement verdict-{}" title="{}: {} ({})"{}><a href="{}">{}{}</a></mark>',
            verdict.value,
            verdict.label,
            who,
            statement.get_kind_display(),
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
        "article",
        "source",
        "via",
        "kind",
        "reviewed_by",
        "reviewed_at",
    ]
    list_filter = [
        "verdict",
        "kind",
        ("source", admin.RelatedOnlyFieldListFilter),
        ("article__outlet", admin.RelatedOnlyFieldListFilter),
        ("article__story", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["article", "source", "via", "reviewed_by"]
    search_fields = ["quote", "note", "source__name", "article__headline"]
    autocomplete_fields = ["article", "source", "via"]
    readonly_fields = [
        "in_context",
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


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    form = SourceForm
    formfield_overrides = URL_FIELDS
    list_display = ["name", "kind", "role", "affiliation", "statement_count"]
    list_filter = ["kind"]
    list_select_related = ["affiliation"]
    search_fields = ["name", "aliases", "role"]
    autocomplete_fields = ["affiliation", "entity", "scope_article"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (
            None,
            {
                "fields": [
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
        ("Outlets", {"fields": ["ownership", "reliability"], "classes": ["collapse"]}),
        ("Anonymous sources", {"fields": ["scope_article"], "classes": ["collapse"]}),
        ("Record", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if on_changelist(request):
            queryset = queryset.annotate(statement_count=Count("statements", distinct=True))
        return queryset

    @admin.display(description="Statements", ordering="statement_count")
    def statement_count(self, obj):
        return obj.statement_count


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    form = EntityForm
    list_display = ["name", "kind", "wikidata_id", "article_count"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases", "wikidata_id"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "kind", "aliases", "wikidata_id", "description"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if on_changelist(request):
            queryset = queryset.annotate(article_count=Count("tagged_articles", distinct=True))
        return queryset

    @admin.display(description="Articles", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count


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
