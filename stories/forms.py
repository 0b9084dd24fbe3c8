"""Forms for the editors' admin: aliases as lines, article text, spans, versions, merges.

Every form for a versioned row (stories.models.tracking.Audited) carries the version
the editor loaded and what each tracked field held then, so that a save made from a
stale page is refused with what the other editor changed (VersionedModelForm).
"""

import difflib
import json

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.text import Truncator, capfirst

from stories.anchoring import locate
from stories.importing import fingerprint
from stories.models import (
    Article,
    Change,
    Claim,
    Correction,
    EditConflict,
    Entity,
    Evidence,
    Source,
    Statement,
)
from stories.models.tracking import jsonable
from stories.names import normalize_name


class AliasesField(forms.Field):
    """A JSON list of names, edited as a textarea with one name per line."""

    widget = forms.Textarea(attrs={"rows": 4, "cols": 60})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(str(alias) for alias in value)
        return value

    def to_python(self, value):
        if value in self.empty_values:
            return []
        if isinstance(value, list | tuple):
            return [str(alias) for alias in value]
        lines = (" ".join(line.split()) for line in str(value).splitlines())
        return list(dict.fromkeys(line for line in lines if line))

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        return self.to_python(initial) != self.to_python(data)


ALIASES_HELP = "One name per line: other spellings, transliterations, former names."


class PlainTextField(forms.CharField):
    """Text whose character offsets matter: newlines are normalised, nothing is stripped.

    Browsers send a textarea's line breaks as CRLF; stored as they came, they would shift
    every statement's offsets and hide the blank lines between paragraphs.
    """

    def __init__(self, **kwargs):
        kwargs["strip"] = False
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n")


def formfield(db_field, **kwargs):
    """Form fields as Django makes them, except that links without a scheme are https."""
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return db_field.formfield(**kwargs)


# How a value and a change are told to an editor ------------------------------------------------

LONG_TEXT = 100  # characters: longer texts are shown as the words that changed
CONTEXT_WORDS = 4
MAX_WORDS = 40  # of one run of removed or added words
MAX_HUNKS = 5


def field_value(field, value):
    """A stored value (as the change log keeps it) as the model field's Python value."""
    target = field.target_field if field.is_relation else field
    try:
        return target.to_python(value)
    except ValidationError:
        return value


def same_value(field, a, b):
    """True when two values of `field` (model instances, pks, ISO strings…) are the same."""
    return field_value(field, jsonable(a)) == field_value(field, jsonable(b))


def is_long_text(*values):
    """True when a value is text too long to be shown whole: shown as its changed words."""
    return any(isinstance(v, str) and (len(v) > LONG_TEXT or "\n" in v) for v in values)


def describe_value(field, value, names=None):
    """A stored value in words: a related row by its name, a choice by its label.

    `names` maps related primary keys to rows already loaded; without it, a related row
    is looked up (one query).
    """
    if value is None or value == "":
        return "(empty)"
    if field.is_relation:
        if names is None:
            names = field.related_model._base_manager.in_bulk([value])
        row = names.get(value)
        return str(row) if row is not None else f"#{value} (deleted)"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return "yes" if value else "no"
    if isinstance(field, models.DateTimeField):
        moment = value if not isinstance(value, str) else parse_datetime(value)
        if moment is not None:
            return date_format(timezone.localtime(moment), "DATETIME_FORMAT")
    return Truncator(str(value)).chars(LONG_TEXT)


def word_changes(old, new, context=CONTEXT_WORDS, limit=MAX_HUNKS):
    """The runs of words that differ between two texts, each with a few words either side.

    Returns ([(lead, removed, added, trail)], more) where lead and trail are the context
    (with "…" where the text goes on) and `more` counts the runs left out past `limit`.
    """
    a, b = (old or "").split(), (new or "").split()
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    hunks = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        lead = " ".join(a[max(0, i1 - context) : i1])
        trail = " ".join(a[i2 : i2 + context])
        if i1 - context > 0:
            lead = "…" + lead
        if i2 + context < len(a):
            trail += "…"
        removed, added = (Truncator(" ".join(w)).words(MAX_WORDS) for w in (a[i1:i2], b[j1:j2]))
        hunks.append((lead, removed, added, trail))
    return hunks[:limit], max(0, len(hunks) - limit)


def describe_pair(field, old, new, names=None):
    """(what it was, what it is) in words; long texts as the words around the change."""
    if old and new and is_long_text(old, new) and isinstance(old, str) and isinstance(new, str):
        hunks, more = word_changes(old, new, limit=1)
        if hunks:
            lead, removed, added, trail = hunks[0]
            tail = f" (and {more} more changes)" if more else ""
            return (
                " ".join(p for p in [lead, removed, trail] if p),
                " ".join(p for p in [lead, added, trail] if p) + tail,
            )
    return describe_value(field, old, names), describe_value(field, new, names)


# Versions --------------------------------------------------------------------------------------


def seen_values(instance):
    """{tracked field: its value as the change log keeps it}: what an editor is shown."""
    return {
        name: jsonable(getattr(instance, instance._meta.get_field(name).attname))
        for name in instance.tracked
    }


def encode_seen(instance):
    return json.dumps(seen_values(instance), cls=DjangoJSONEncoder, ensure_ascii=False)


def decode_seen(text):
    try:
        seen = json.loads(text or "")
    except ValueError:
        return None
    return seen if isinstance(seen, dict) else None


class VersionedModelForm(forms.ModelForm):
    """A form for a versioned row that never saves over someone else's change.

    It carries, hidden, the version the editor loaded and what each tracked field held
    then ("seen"). If the row has moved on since, the form is refused with what the other
    editor changed ("you saw …, it is now …"); shown again, it holds the other editor's
    values for the fields this editor left alone, this editor's where both changed the
    same field, and the current version, so that saving again is a deliberate choice.
    The ModelAdmin also makes the save itself check the version (obj.expect_version), for
    a save that lands between this check and the write. A form posted without a version
    (not from a page that showed it) is not checked.
    """

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    seen = forms.CharField(widget=forms.HiddenInput, required=False, strip=False)

    # An inline row the editor did not touch is left alone, quietly, when it is stale.
    quiet_when_untouched = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = None  # [(field, what you saw, what is stored, you changed it too)]
        self.untouched_stale = False
        if self.instance.pk is not None:
            self.initial["version"] = self.instance.version
            self.initial["seen"] = encode_seen(self.instance)

    def has_changed(self):
        return not self.untouched_stale and super().has_changed()

    def _post_clean(self):
        if not self.untouched_stale:  # a row left alone is not saved, nor checked further
            super()._post_clean()

    def clean(self):
        cleaned = super().clean()
        version = cleaned.get("version")
        if self.instance.pk is None or version is None or version == self.instance.version:
            return cleaned
        model = type(self.instance)
        seen = decode_seen(cleaned.get("seen"))
        stored = {f.attname: getattr(self.instance, f.attname) for f in model._meta.concrete_fields}
        moved = EditConflict(self.instance, stored).differences(seen) if seen is not None else []
        mine = self._changed_since(seen)
        self._take_theirs(moved, mine)
        if self.quiet_when_untouched and seen is not None and not mine:
            self.untouched_stale = True  # nothing of the editor's to save on this row
            return cleaned
        self.conflict = (
            None if seen is None else [(name, was, now, name in mine) for name, was, now in moved]
        )
        raise ValidationError(
            [ValidationError(line, code="edit_conflict") for line in self.conflict_message()]
        )

    def _changed_since(self, seen):
        """The tracked fields on this form whose posted value differs from what was seen."""
        opts = self.instance._meta
        names = [
            name
            for name in self.instance.tracked
            if name in self.fields and name in self.cleaned_data and not self.fields[name].disabled
        ]
        if seen is None:
            return set(names)
        return {
            name
            for name in names
            if name not in seen
            or not same_value(opts.get_field(name), self.cleaned_data[name], seen[name])
        }

    def _take_theirs(self, moved, mine):
        """The form shown again: their values where this editor changed nothing, and the
        version and values stored now, so that saving again is checked against those."""
        data = self.data.copy()
        for name, _was, now in moved:
            if name in self.fields and name not in mine and not self.fields[name].disabled:
                self._set_data(data, name, now)
        data[self.add_prefix("version")] = str(self.instance.version)
        data[self.add_prefix("seen")] = encode_seen(self.instance)
        self.data = data

    def _set_data(self, data, name, value):
        field, key = self.fields[name], self.add_prefix(name)
        widget = getattr(field.widget, "widget", field.widget)  # inside the admin's wrappers
        if isinstance(widget, forms.CheckboxInput):
            if value:
                data[key] = "on"
            else:
                data.pop(key, None)
            return
        value = field.prepare_value(value)
        if isinstance(widget, forms.MultiWidget):
            for i, (part_widget, part) in enumerate(
                zip(widget.widgets, widget.decompress(value), strict=False)
            ):
                data[f"{key}_{i}"] = part_widget.format_value(part) or ""
            return
        data[key] = "" if value is None else str(value)

    def conflict_message(self):
        """What the editor is told, one line each: who saved meanwhile, each field they
        changed ("you saw …, it is now …"), and what to do."""
        model = type(self.instance)
        opts = model._meta
        last = (
            Change.objects.filter(
                content_type=ContentType.objects.get_for_model(model), object_id=self.instance.pk
            )
            .select_related("user")
            .order_by("-at", "-pk")
            .first()
        )
        who = "Someone else"
        if last is not None and last.user is not None:
            when = describe_value(Change._meta.get_field("at"), last.at)
            who = f"{last.user.get_username()} (at {when})"
        lines = [
            f"{who} saved this {opts.verbose_name} while you were editing it; nothing of "
            "yours was saved."
        ]
        for name, was, now, mine in self.conflict or ():
            field = opts.get_field(name)
            before, after = describe_pair(field, was, now)
            line = f"{capfirst(field.verbose_name)}: you saw “{before}”, it is now “{after}”"
            if mine:
                line += "; you changed it too: yours is kept below and replaces theirs if you save"
            lines.append(line)
        if self.conflict:
            lines.append(
                "The form now shows their values where you had changed nothing. Check it, "
                "then save again."
            )
        elif self.conflict is not None:
            lines.append("Nothing shown here changed: save again to keep your changes.")
        else:
            lines.append("Reload the page to see their changes, then make yours again.")
        return lines


# Sources and entities --------------------------------------------------------------------------


class SourceForm(forms.ModelForm):
    aliases = AliasesField(required=False, help_text=ALIASES_HELP)

    class Meta:
        model = Source
        fields = [
            "name",
            "slug",
            "kind",
            "role",
            "affiliation",
            "entity",
            "aliases",
            "description",
            "url",
            "ownership",
            "reliability",
            "scope_article",
        ]
        formfield_callback = formfield


class EntityForm(forms.ModelForm):
    aliases = AliasesField(required=False, help_text=ALIASES_HELP)

    class Meta:
        model = Entity
        fields = ["name", "slug", "kind", "aliases", "wikidata_id", "description"]
        formfield_callback = formfield


# Articles --------------------------------------------------------------------------------------


class ArticleForm(VersionedModelForm):
    body = PlainTextField(
        widget=forms.Textarea(attrs={"rows": 20, "cols": 100}),
        help_text="Plain text; paragraphs separated by blank lines. Statements follow their "
        "quotes when the text around them changes.",
    )

    class Meta:
        model = Article
        fields = [
            "headline",
            "slug",
            "outlet",
            "story",
            "status",
            "published_at",
            "byline",
            "url",
            "dek",
            "tags",
            "body",
            "caption",
            "caption_credit",
        ]
        formfield_callback = formfield

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None and not self.errors:
            # Identified as the loader identifies articles, so that loading the same article
            # from a file later changes nothing. Afterwards it stays the mark of the first text.
            outlet = cleaned.get("outlet")
            mark = fingerprint(
                outlet.name if outlet else "",
                cleaned.get("url"),
                cleaned.get("headline"),
                cleaned.get("body"),
            )
            if Article.objects.filter(fingerprint=mark).exists():
                raise ValidationError(
                    "This article is already in the newsroom: same outlet, URL, headline and text.",
                    code="duplicate",
                )
            self.instance.fingerprint = mark
        return cleaned

    def clean_tags(self):
        """Typed entity names and aliases resolve to existing entities; new names become topics."""
        names = self.cleaned_data.get("tags") or []
        index = Entity.objects.name_index()
        pks = {name: index.get(normalize_name(name)) for name in names}
        known = Entity.objects.in_bulk([pk for pk in pks.values() if pk])
        return list(dict.fromkeys(known[pks[name]] if pks[name] else name for name in names))


# Spans: statements and corrections -------------------------------------------------------------


class SpanForm(VersionedModelForm):
    """Editors set a span as offsets into the body; the quote is always read from the body."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.moved = False  # True when the span followed its quote to a new offset

    def has_changed(self):
        return super().has_changed() or (self.moved and not self.untouched_stale)

    def current_article(self):
        """The article whose body the span points into: as chosen on the form, or its own."""
        article = self.cleaned_data.get("article") if "article" in self.fields else None
        if article is None:
            try:
                article = self.instance.article
            except Article.DoesNotExist:
                return None
        return article

    def clean(self):
        cleaned = super().clean()
        if self.untouched_stale:
            return cleaned  # someone else's newer row, not saved from here
        if "start" not in self.fields or "end" not in self.fields:
            return cleaned  # this user may not move the span
        start, end, article = cleaned.get("start"), cleaned.get("end"), self.current_article()
        if start is None or end is None or article is None:
            return cleaned
        body, span = article.body, self.instance
        span_edited = {"start", "end"} & set(self.changed_data)
        if span.pk and not span_edited and body[start:end] != span.quote:
            # The article text changed around (or under) this span: it follows its words as
            # the article's own re-anchoring does, or is left orphaned for an editor.
            self.moved = True
            place = locate(span, body)
            if place is None:
                span.orphaned = True
                return cleaned
            start, end = cleaned["start"], cleaned["end"] = place.start, place.end
        try:
            span.set_span(start, end, body)
        except ValidationError as exc:
            self.add_error("end", exc)
        return cleaned

    def _update_errors(self, errors):
        # The model's clean() names "quote", "via" or "claim_difference" in its errors; when
        # that field is read-only here it is not on the form, and the error belongs to the
        # whole form.
        if hasattr(errors, "error_dict"):
            remapped = {}
            for field, messages in errors.error_dict.items():
                key = field if field in self.fields else NON_FIELD_ERRORS
                remapped.setdefault(key, []).extend(messages)
            if not remapped:
                return
            errors = ValidationError(remapped)
        super()._update_errors(errors)


class StatementForm(SpanForm):
    class Meta:
        model = Statement
        fields = [
            "article",
            "start",
            "end",
            "source",
            "via",
            "attribution",
            "kind",
            "verdict",
            "note",
            "claim",
            "claim_difference",
        ]
        formfield_callback = formfield
        widgets = {
            "note": forms.Textarea(attrs={"rows": 4, "cols": 60}),
            "claim_difference": forms.Textarea(attrs={"rows": 2, "cols": 60}),
        }


class StatementInlineForm(StatementForm):
    quiet_when_untouched = True

    class Meta(StatementForm.Meta):
        widgets = {"note": forms.Textarea(attrs={"rows": 2, "cols": 30})}


class CorrectionForm(SpanForm):
    class Meta:
        model = Correction
        fields = ["article", "start", "end", "text", "published"]
        formfield_callback = formfield
        widgets = {"text": forms.Textarea(attrs={"rows": 3, "cols": 60})}


class CorrectionInlineForm(CorrectionForm):
    quiet_when_untouched = True

    class Meta(CorrectionForm.Meta):
        widgets = {"text": forms.Textarea(attrs={"rows": 2, "cols": 40})}


class EvidenceForm(VersionedModelForm):
    class Meta:
        model = Evidence
        fields = ["statement", "title", "url", "note"]
        formfield_callback = formfield
        widgets = {"note": forms.Textarea(attrs={"rows": 3, "cols": 60})}


class EvidenceInlineForm(EvidenceForm):
    quiet_when_untouched = True

    class Meta(EvidenceForm.Meta):
        widgets = {"note": forms.Textarea(attrs={"rows": 2, "cols": 40})}


class ClaimForm(VersionedModelForm):
    class Meta:
        model = Claim
        fields = ["text", "story", "verdict", "note"]
        formfield_callback = formfield
        widgets = {"note": forms.Textarea(attrs={"rows": 4, "cols": 60})}


# Merges ----------------------------------------------------------------------------------------


class MergeForm(forms.Form):
    """Which of the selected sources (or entities) to keep when they are merged into one."""

    keep = forms.TypedChoiceField(
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the one to keep.",
            "invalid_choice": "Choose one of the selected rows to keep.",
        },
    )

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = list(rows)
        self.fields["keep"].choices = [(row.pk, str(row)) for row in self.rows]

    @property
    def kept(self):
        return next(row for row in self.rows if row.pk == self.cleaned_data["keep"])

    @property
    def others(self):
        return [row for row in self.rows if row.pk != self.cleaned_data["keep"]]
