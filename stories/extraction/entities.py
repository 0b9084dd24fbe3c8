"""The people, organisations, places and events an article mentions."""

from stories.extraction.lexicon import normalize_name
from stories.extraction.mentions import read_cast
from stories.extraction.statements import member_aliases


def find_entities(body, *, headline="", dek="", cast=None):
    """[(name, kind, aliases), …]: the people, organisations, places and events mentioned.

    The body, headline and standfirst are read together (see mentions.read_cast), so one
    person or body is one entity under all its names. Names whose kind stays unsure (a
    capitalised word at the start of a sentence, a slogan) are left out.
    """
    cast = cast or read_cast(body, headline=headline, dek=dek)
    found, seen = [], set()
    for member in cast.members:
        name = member.name.strip()
        if not member.kind or len(name) < 1 or len(name) > 100:
            continue
        key = normalize_name(name)
        if not key or key in seen:
            continue
        seen.add(key)
        found.append((name, member.kind, member_aliases(member)))
    return found
