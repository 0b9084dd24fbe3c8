"""Forms for the editors' admin: aliases as lines, article text, statement spans, merges."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.text import Truncator

from stories.importing import fingerprint
from stories.models import Article, Entity, Source, Statement
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


class ArticleForm(forms.ModelForm):
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


def relocate(statement, body):
    """(start, end) of the statement's quote in a changed body, or None if it is gone.

    Of several occurrences, the one whose surrounding text still matches wins, then the
    one nearest the old offset.
    """
    quote = statement.quote
    if not quote:
        return None
    found, pos = [], body.find(quote)
    while pos != -1:
        found.append(pos)
        pos = body.find(quote, pos + 1)
    if not found:
        return None

    def score(start):
        end = start + len(quote)
        context = body[max(0, start - len(statement.prefix)) : start] == statement.prefix
        context += body[end : end + len(statement.suffix)] == statement.suffix
        return (-context, abs(start - statement.start))

    start = min(found, key=score)
    return start, start + len(quote)


class StatementForm(forms.ModelForm):
    """Editors set the span as offsets into the body; the quote is always read from the body."""

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
        ]
        formfield_callback = formfield
        widgets = {"note": forms.Textarea(attrs={"rows": 4, "cols": 60})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.moved = False  # True when the span followed its quote to a new offset

    def has_changed(self):
        return super().has_changed() or self.moved

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
        if "start" not in self.fields or "end" not in self.fields:
            return cleaned  # this user may not move the span
        start, end, article = cleaned.get("start"), cleaned.get("end"), self.current_article()
        if start is None or end is None or article is None:
            return cleaned
        body, statement = article.body, self.instance
        span_edited = {"start", "end"} & set(self.changed_data)
        if statement.pk and not span_edited and body[start:end] != statement.quote:
            # The article text changed around (or under) this statement.
            found = relocate(statement, body)
            if found is None:
                self.add_error(
                    None,
                    ValidationError(
                        "The text of this statement changed (it was “%(quote)s”). "
                        "Set its start and end again.",
                        params={"quote": Truncator(statement.quote).chars(120)},
                        code="quote_gone",
                    ),
                )
                return cleaned
            start, end = cleaned["start"], cleaned["end"] = found
            self.moved = True
        try:
            statement.set_span(start, end, body)
        except ValidationError as exc:
            self.add_error("end", exc)
        return cleaned

    def _update_errors(self, errors):
        # Statement.clean() names "quote" (or "via") in its errors; when that field is
        # read-only here it is not on the form, and the error belongs to the whole form.
        if hasattr(errors, "error_dict"):
            remapped = {}
            for field, messages in errors.error_dict.items():
                if field == "quote" and self.has_error(NON_FIELD_ERRORS, "quote_gone"):
                    continue  # already explained
                key = field if field in self.fields else NON_FIELD_ERRORS
                remapped.setdefault(key, []).extend(messages)
            if not remapped:
                return
            errors = ValidationError(remapped)
        super()._update_errors(errors)


class StatementInlineForm(StatementForm):
    class Meta(StatementForm.Meta):
        widgets = {"note": forms.Textarea(attrs={"rows": 2, "cols": 30})}


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
