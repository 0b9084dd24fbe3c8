"""Normalising the names of sources and entities so that spellings can be compared."""

import re
import unicodedata
from functools import lru_cache

_LEADING_ARTICLE = re.compile(r"^the\s+")
_NON_WORD = re.compile(r"[^\w\s]")


@lru_cache(maxsize=65536)  # the loader compares the same names again and again
def normalize_name(name):
    """A comparison key: "The Associated Press" and "associated press" give the same key.

    Case, accents, punctuation, repeated spaces and a leading "the" are ignored.
    """
    text = str(name)
    if not text.isascii():  # plain ASCII has no accents to take off
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold()
    text = _NON_WORD.sub(" ", text.replace("'", "").replace("’", ""))
    text = " ".join(text.split())
    return _LEADING_ARTICLE.sub("", text)
