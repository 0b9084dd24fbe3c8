"""The people, organisations, places and events an article mentions."""

from stories.extraction.lexicon import normalize_name
from stories.extraction.mentions import read_cast
from stories.extraction.statements import member_aliases
from stories.extraction.text import commas_back


def find_entities(body, *, headline="", dek="", cast=None):
    """[(name, kind, aliases), …]: the people, organisations, places and events mentioned.

    The body, headline and standfirst are read together (see mentions.read_cast), so one
    person or body is one entity under all its names. Names whose kind stays unsure (a
    capitalised word at the start of a sentence, a slogan) are left out.
    """
    cast = cast or read_cast(body, headline=headline, dek=dek)
    found, seen = [], set()
    for member in cast.members:
        name = commas_back(member.name.strip(), cast.listed_names)
        if not member.kind or len(name) < 1 or len(name) > 100:
            continue
        key = normalize_name(name)
        if not key or key in seen:
            continue
        seen.add(key)
        aliases = [commas_back(alias, cast.listed_names) for alias in member_aliases(member)]
        found.append((name, member.kind, aliases))
    return found
