"""Public pages, one module each: stories, articles, claims, statements, sources, pages."""

from stories.views.articles import article_detail
from stories.views.claims import claim_detail, claim_list
from stories.views.pages import favicon, how_we_check, robots_txt, search
from stories.views.sources import entity_detail, source_detail, source_list
from stories.views.statements import statement_annotation, statement_detail, statement_list
from stories.views.stories import story_detail, story_list

__all__ = [
    "article_detail",
    "claim_detail",
    "claim_list",
    "entity_detail",
    "favicon",
    "how_we_check",
    "robots_txt",
    "search",
    "source_detail",
    "source_list",
    "statement_annotation",
    "statement_detail",
    "statement_list",
    "story_detail",
    "story_list",
]
