"""Finding an article's statements, who made them, and the entities it mentions.

Plain text in, plain data out, with regular expressions and word lists: no model and no
network. The pieces, in the order the loader uses them:

- text: split_sentences() gives sentence spans that survive abbreviations ("U.S.", "Nov.",
  "St."), initials, decimals, ellipses and quotations.
- mentions: scan_names() finds capitalised names in running text, with a guess of their kind.
- speakers: parse_speaker() reads a phrase that names or describes a speaker.
- statements: find_statements() finds, for each sentence, who said it (source), who relayed it
  to the outlet (via), the attribution words, the kind of statement and how sure that is. A
  later "Ushakov", "he" or "the company" is resolved within the article.
- entities: find_entities() gives the people, organisations, places and events mentioned.
- directory: SourceDirectory / EntityDirectory resolve those names against the database,
  matching aliases and near spellings, and suggest merges they are unsure of.
- lexicon: the word lists all of these share.
"""

from stories.extraction.directory import EntityDirectory, SourceDirectory
from stories.extraction.entities import find_entities
from stories.extraction.lexicon import canonical_outlet_name, known_name, outlet_family
from stories.extraction.mentions import Cast, NameHit, read_cast, scan_names
from stories.extraction.speakers import Mention, guess_name_kind, parse_speaker
from stories.extraction.spelling import name_relation, same_person
from stories.extraction.statements import Found, find_statements
from stories.extraction.text import paragraph_spans, quote_spans, split_sentences

__all__ = [
    "Cast",
    "read_cast",
    "name_relation",
    "EntityDirectory",
    "Found",
    "Mention",
    "NameHit",
    "SourceDirectory",
    "canonical_outlet_name",
    "outlet_family",
    "find_entities",
    "find_statements",
    "guess_name_kind",
    "known_name",
    "paragraph_spans",
    "parse_speaker",
    "quote_spans",
    "same_person",
    "scan_names",
    "split_sentences",
]
