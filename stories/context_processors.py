from django.conf import settings


def newsroom(request):
    """The newsroom's name, for the header, titles and structured data."""
    return {"NEWSROOM_NAME": settings.NEWSROOM_NAME}
