"""Helpers shared by the models: slugs, aliases, lookups by name."""

from django.db import models
from django.utils.text import slugify

from stories.names import normalize_name


def unique_slug(model, text, *, max_length=200, exclude_pk=None, fallback="item"):
    """A slug for `text` that no other row of `model` has: "name", "name-2", …"""
    base = slugify(text)[: max_length - 8].strip("-") or fallback
    taken = model._default_manager.filter(slug__startswith=base)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    taken = set(taken.values_list("slug", flat=True))
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def clean_aliases(aliases, name):
    """Distinct alias strings, in order, without the canonical name itself."""
    seen = {normalize_name(name)}
    result = []
    for alias in aliases or []:
        alias = " ".join(str(alias).split())
        key = normalize_name(alias)
        if alias and key not in seen:
            seen.add(key)
            result.append(alias)
    return result


class NamedQuerySet(models.QuerySet):
    """Lookups by canonical name or alias, shared by Source and Entity."""

    def name_index(self):
        """{normalized name or alias: pk}, for resolving many names in one query."""
        index = {}
        for pk, name, aliases in self.order_by("pk").values_list("pk", "name", "aliases"):
            for each in [name, *(aliases or [])]:
                index.setdefault(normalize_name(each), pk)
        return index

    def named(self, name):
        """The row whose name or one of whose aliases is `name`, or None."""
        pk = self.name_index().get(normalize_name(name))
        return self.get(pk=pk) if pk else None
