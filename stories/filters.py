"""The home page's story filters.

A story matches a filter when one of the articles the reader may see (or one of their
statements) matches it, so drafts never decide what a reader finds. The choices offered are
limited the same way: only entities, outlets and sources of visible articles.
"""

import django_filters
from django.db.models import Q

from stories.models import Article, Entity, Source, Statement, Story, Verdict


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


class StoryFilter(django_filters.FilterSet):
    entity = django_filters.ModelChoiceFilter(
        label="Entity",
        queryset=entity_choices,
        to_field_name="slug",
        method="filter_entity",
        empty_label="Any entity",
    )
    outlet = django_filters.ModelChoiceFilter(
        label="Outlet",
        queryset=outlet_choices,
        to_field_name="slug",
        method="filter_outlet",
        empty_label="Any outlet",
    )
    source = django_filters.ModelChoiceFilter(
        label="Source",
        queryset=source_choices,
        to_field_name="slug",
        method="filter_source",
        empty_label="Any source",
    )
    verdict = django_filters.ChoiceFilter(
        label="Verdict",
        choices=Verdict.choices,
        method="filter_verdict",
        empty_label="Any verdict",
    )

    class Meta:
        model = Story
        fields = ["entity", "outlet", "source", "verdict"]

    def visible_articles(self):
        return Article.objects.visible_to(_user(self.request))

    def visible_statements(self):
        return Statement.objects.visible_to(_user(self.request))

    def filter_entity(self, queryset, name, entity):
        articles = self.visible_articles().filter(tags=entity)
        return queryset.filter(pk__in=articles.values("story"))

    def filter_outlet(self, queryset, name, outlet):
        articles = self.visible_articles().filter(outlet=outlet)
        return queryset.filter(pk__in=articles.values("story"))

    def filter_source(self, queryset, name, source):
        """Stories where the source said, or relayed, a statement."""
        statements = self.visible_statements().filter(Q(source=source) | Q(via=source))
        return queryset.filter(pk__in=statements.values("article__story"))

    def filter_verdict(self, queryset, name, verdict):
        statements = self.visible_statements().filter(verdict=verdict)
        return queryset.filter(pk__in=statements.values("article__story"))
