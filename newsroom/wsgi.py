"""WSGI entry point: `gunicorn newsroom.wsgi:application`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

application = get_wsgi_application()
