"""Whether two written names are one person's: spellings, transliterations, initials.

Three answers, for three things the loader does with them:

- "same": another spelling of the same name ("Yuri"/"Yury", "Dmitry"/"Dmitri",
  "Aleksandr"/"Alexander", "Mohammed"/"Muhammad", "Gábor"/"Gabor"): merged silently.
- "unsure": the same surname and given names that could be one person's but differ by more
  than a transliteration ("Jon"/"John"), an initial for a name ("J. Smith"/"John Smith"), or a
  middle name more or less ("George Bush"/"George W. Bush"): kept apart, and an editor is asked.
- "different": the same surname and given names that are plainly not one ("Sergei"/"Yulia"):
  two people, nothing to ask.
"""

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from stories.extraction.lexicon import FEMALE_NAMES, MALE_NAMES, normalize_name

SAME, UNSURE, DIFFERENT = "same", "unsure", "different"

_FOLDS = [
    (re.compile(r"x"), "ks"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"q(?=u)"), "k"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"ee"), "i"),
    (re.compile(r"y"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),
]


def _ascii(word):
    text = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


@lru_cache(maxsize=8192)
def transliteration_key(word):
    """One spelling for the ways a name is transliterated: "yury" and "yuri" give "iuri"."""
    text = _ascii(word)
    for pattern, replacement in _FOLDS:
        text = pattern.sub(replacement, text)
    return text


_VOWELS = re.compile(r"[aeiou]")


def _skeleton(word):
    return _VOWELS.sub("", transliteration_key(word))


def same_given_name(first, second):
    """Whether two names are spellings of one: "Aleksandr" and "Alexander"; not "Daniel" and
    "Daniela", which differ by the ending that marks a woman's or a man's name."""
    a, b = transliteration_key(first), transliteration_key(second)
    if a == b:
        return True
    if _gendered(a, b) or _known_apart(first, second):
        return False
    return min(len(a), len(b)) >= 5 and a[0] == b[0] and _skeleton(a) == _skeleton(b)


def _gendered(a, b):
    """Whether two spellings differ only by a final vowel: "daniel"/"daniela",
    "mario"/"maria", "julian"/"juliana"."""
    if a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    if len(b) == len(a) + 1 and b.startswith(a) and b[-1] in "aeio":
        return True
    return len(a) == len(b) and a[:-1] == b[:-1] and a[-1] in "aeio" and b[-1] in "aeio"


def _known_apart(first, second):
    """Whether two given names are both common ones, for a woman and for a man: "Eric" and
    "Erin"."""
    x, y = _ascii(first), _ascii(second)
    genders = []
    for name in (x, y):
        female, male = name in FEMALE_NAMES, name in MALE_NAMES
        if female == male:
            return False
        genders.append(female)
    return genders[0] != genders[1]


def name_relation(first, second):
    """SAME, UNSURE or DIFFERENT for two names of people with one surname; None otherwise.

    Both names need a given name and a surname; the surnames must be spellings of one.
    """
    a, b = normalize_name(first).split(), normalize_name(second).split()
    if len(a) < 2 or len(b) < 2:
        return None
    if not same_given_name(a[-1], b[-1]):
        return None
    given_a, given_b = a[:-1], b[:-1]
    if given_a == given_b:
        return SAME
    if len(given_a) == len(given_b) and all(
        same_given_name(x, y) for x, y in zip(given_a, given_b, strict=True)
    ):
        return SAME
    x, y = given_a[0], given_b[0]
    if len(x) == 1 or len(y) == 1:
        return UNSURE if x[0] == y[0] else DIFFERENT  # "J. Smith" and "John Smith"
    if _gendered(transliteration_key(x), transliteration_key(y)) or _known_apart(x, y):
        return DIFFERENT  # "Daniel" and "Daniela", "Eric" and "Erin": two people
    if same_given_name(x, y):
        return UNSURE  # a middle name more or less: "George Bush", "George W. Bush"
    if x[0] == y[0] and Levenshtein.distance(x, y) <= (1 if max(len(x), len(y)) <= 5 else 2):
        return UNSURE  # "Jon" and "John"
    return DIFFERENT


def same_person(first, second):
    """Whether two spellings name the same person: "Yuri Ushakov" and "Yury Ushakov"."""
    return name_relation(first, second) == SAME


def spelling_variants(first, second):
    """Whether two full names are one, spelled two ways ("Muhammad al-Sharif")."""
    return name_relation(first, second) == SAME and normalize_name(first) != normalize_name(second)
