"""Atom and RSS feeds of newly checked statements: over every story, and per story.

Feeds show what an anonymous reader sees, whoever asks, so that they can be cached and
never carry a draft.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from stories.models import Statement, Story, Verdict
from stories.structured_data import shorten
from stories.templatetags.reader import chain_text, outlet_name

FEED_ITEMS = 30
TITLE_LENGTH = 110


class CheckedFeed(Feed):
    feed_type = Rss201rev2Feed
    description_template = "stories/feed_item.html"

    def title(self, obj=None):
        return f"{settings.NEWSROOM_NAME}: newly checked statements"

    def link(self, obj=None):
        return reverse("stories:statement_list")

    def description(self, obj=None):
        return "Statements in the news our editors have just checked, with the verdict and why."

    def feed_url(self, obj=None):
        return reverse("stories:feed_rss")

    def statements(self, obj=None):
        return Statement.objects.visible_to(None)

    def items(self, obj=None):
        return self.statements(obj).for_feed()[:FEED_ITEMS]

    def item_title(self, statement):
        verdict = Verdict(statement.verdict)
        return f"{verdict.label}: {shorten(statement.quote, TITLE_LENGTH)}"

    def item_link(self, statement):
        return statement.get_absolute_url()

    def item_pubdate(self, statement):
        return statement.reviewed_at or statement.created_at

    def item_updateddate(self, statement):
        return statement.reviewed_at or statement.updated_at

    def item_author_name(self, statement):
        return chain_text(statement)

    def item_categories(self, statement):
        categories = [Verdict(statement.verdict).label, outlet_name(statement.article)]
        if statement.article.story_id:
            categories.append(statement.article.story.title)
        return categories


class CheckedAtomFeed(CheckedFeed):
    feed_type = Atom1Feed
    subtitle = CheckedFeed.description

    def feed_url(self, obj=None):
        return reverse("stories:feed_atom")


class StoryCheckedFeed(CheckedFeed):
    """The newly checked statements of one story."""

    def get_object(self, request, slug):
        return get_object_or_404(Story.objects.visible_to(None), slug=slug)

    def title(self, story):
        return f"{story.title}: newly checked statements · {settings.NEWSROOM_NAME}"

    def link(self, story):
        return story.get_absolute_url()

    def description(self, story):
        return f"Statements in the articles on {story.title}, as our editors check them."

    def feed_url(self, story):
        return reverse("stories:story_feed_rss", args=[story.slug])

    def statements(self, story):
        return Statement.objects.visible_to(None).filter(article__story=story)


class StoryCheckedAtomFeed(StoryCheckedFeed):
    feed_type = Atom1Feed
    subtitle = StoryCheckedFeed.description

    def feed_url(self, story):
        return reverse("stories:story_feed_atom", args=[story.slug])
