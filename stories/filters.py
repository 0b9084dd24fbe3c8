"""The filters of the public lists: stories, claims, statements and sources.

Every list offers the same filters where they make sense: words to search for, a verdict,
an entity, a source, an outlet and a range of publication dates. A row matches when one
of the articles the reader may see, or one of their statements, matches, so drafts never
decide what a reader finds; the choices offered are limited the same way. Each FilterSet
says how matching statements (and, for stories, matching articles) narrow its own rows.
"""

import django_filters
from django import forms
from django.db.models import Q

from stories import search
from stories.models import (
    Article,
    Claim,
    Entity,
    Source,
    SourceKind,
    Statement,
    StatementKind,
    Story,
    Verdict,
)


def _user(request):
    return getattr(request, "user", None)


def entity_choices(request):
    return Entity.objects.visible_to(_user(request)).order_by("name")


def outlet_choices(request):
    articles = Article.objects.visible_to(_user(request))
    return Source.objects.outlets().filter(pk__in=articles.values("outlet")).order_by("name")


def source_choices(request):
    """Named sources that said or relayed a visible statement (anonymous ones are per article)."""
    statements = Statement.objects.visible_to(_user(request))
    return (
        Source.objects.shared()
        .filter(Q(pk__in=statements.values("source")) | Q(pk__in=statements.values("via")))
        .order_by("name")
    )


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class ReaderFilterSet(django_filters.FilterSet):
    """The shared filters. Subclasses set search_fields and narrow_by_statements()."""

    q = django_filters.CharFilter(
        label="Search",
        method="filter_search",
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    verdict = django_filters.ChoiceFilter(
        label="Verdict", choices=Verdict.choices, method="filter_verdict", empty_label="Any verdict"
    )
    entity = django_filters.ModelChoiceFilter(
        label="Entity",
        queryset=entity_choices,
        to_field_name="slug",
        method="filter_entity",
        empty_label="Any entity",
    )
    source = django_filters.ModelChoiceFilter(
        label="Source",
        queryset=source_choices,
        to_field_name="slug",
        method="filter_source",
        empty_label="Any source",
    )
    outlet = django_filters.ModelChoiceFilter(
        label="Outlet",
        queryset=outlet_choices,
        to_field_name="slug",
        method="filter_outlet",
        empty_label="Any outlet",
    )
    published_from = django_filters.DateFilter(
        label="Published from", method="filter_published_from", widget=DateInput
    )
    published_to = django_filters.DateFilter(
        label="Published until", method="filter_published_to", widget=DateInput
    )

    search_fields = ()

    def visible_articles(self):
        return Article.objects.visible_to(_user(self.request))

    def visible_statements(self):
        return Statement.objects.visible_to(_user(self.request))

    def narrow_by_statements(self, queryset, statements):
        raise NotImplementedError

    def narrow_by_articles(self, queryset, articles):
        return self.narrow_by_statements(
            queryset, self.visible_statements().filter(article__in=articles)
        )

    def filter_search(self, queryset, name, text):
        return search.matching(queryset, text, self.search_fields)

    def filter_verdict(self, queryset, name, verdict):
        return self.narrow_by_statements(
            queryset, self.visible_statements().filter(verdict=verdict)
        )

    def filter_entity(self, queryset, name, entity):
        return self.narrow_by_articles(queryset, self.visible_articles().filter(tags=entity))

    def filter_source(self, queryset, name, source):
        """Rows where the source said, or relayed, a statement."""
        statements = self.visible_statements().filter(Q(source=source) | Q(via=source))
        return self.narrow_by_statements(queryset, statements)

    def filter_outlet(self, queryset, name, outlet):
        return self.narrow_by_articles(queryset, self.visible_articles().filter(outlet=outlet))

    def filter_published_from(self, queryset, name, day):
        articles = self.visible_articles().filter(published_at__date__gte=day)
        return self.narrow_by_articles(queryset, articles)

    def filter_published_to(self, queryset, name, day):
        articles = self.visible_articles().filter(published_at__date__lte=day)
        return self.narrow_by_articles(queryset, articles)


class StoryFilter(ReaderFilterSet):
    """A story matches when one of its visible articles (or their statements) matches."""

    search_fields = ("title", "summary")

    class Meta:
        model = Story
        fields = ["q", "verdict", "entity", "source", "outlet", "published_from", "published_to"]

    def narrow_by_statements(self, queryset, statements):
        return queryset.filter(pk__in=statements.values("article__story"))

    def narrow_by_articles(self, queryset, articles):
        return queryset.filter(pk__in=articles.values("story"))

    def filter_search(self, queryset, name, text):
        """Stories whose title or summary, or one of whose articles' headline or standfirst,
        has the words."""
        stories = search.matching(Story.objects.all(), text, self.search_fields)
        articles = search.matching(self.visible_articles(), text, ("headline", "dek"))
        return queryset.filter(Q(pk__in=stories.values("pk")) | Q(pk__in=articles.values("story")))


class ClaimFilter(ReaderFilterSet):
    """A claim matches by its own verdict and words, or through its visible statements."""

    search_fields = ("text", "note")

    class Meta:
        model = Claim
        fields = ["q", "verdict", "entity", "source", "outlet", "published_from", "published_to"]

    def narrow_by_statements(self, queryset, statements):
        return queryset.filter(pk__in=statements.values("claim"))

    def filter_verdict(self, queryset, name, verdict):
        return queryset.filter(verdict=verdict)

    def filter_search(self, queryset, name, text):
        claims = search.matching(Claim.objects.all(), text, self.search_fields)
        statements = search.matching(self.visible_statements(), text, ("quote",))
        return queryset.filter(Q(pk__in=claims.values("pk")) | Q(pk__in=statements.values("claim")))


class StatementFilter(ReaderFilterSet):
    kind = django_filters.ChoiceFilter(
        label="Kind", choices=StatementKind.choices, empty_label="Any kind"
    )

    search_fields = ("quote", "note", "attribution", "source__name", "via__name")

    class Meta:
        model = Statement
        fields = [
            "q",
            "verdict",
            "kind",
            "entity",
            "source",
            "outlet",
            "published_from",
            "published_to",
        ]

    def narrow_by_statements(self, queryset, statements):
        return queryset.filter(pk__in=statements.values("pk"))

    def filter_verdict(self, queryset, name, verdict):
        return queryset.filter(verdict=verdict)


class SourceFilter(ReaderFilterSet):
    """A source matches through the visible statements it made."""

    kind = django_filters.ChoiceFilter(
        label="Kind",
        choices=[choice for choice in SourceKind.choices if choice[0] != SourceKind.ANONYMOUS],
        empty_label="Any kind",
    )
    source = None  # a source's own list has no source filter

    search_fields = ("name", "aliases", "role", "description")

    class Meta:
        model = Source
        fields = ["q", "kind", "verdict", "entity", "outlet", "published_from", "published_to"]

    def narrow_by_statements(self, queryset, statements):
        return queryset.filter(pk__in=statements.values("source"))

    def filter_outlet(self, queryset, name, outlet):
        """The outlet itself, and the sources quoted in its articles."""
        statements = self.visible_statements().filter(article__outlet=outlet)
        return queryset.filter(Q(pk=outlet.pk) | Q(pk__in=statements.values("source")))
