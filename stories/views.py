"""Public pages. (Placeholder views; the pages are built in stories/views.py.)"""

from django.http import HttpResponse


def _todo(request, slug=None):
    return HttpResponse("")


story_list = story_detail = article_detail = source_detail = entity_detail = _todo
