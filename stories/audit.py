"""Who is acting: the user behind every recorded change, however the change is made.

A request's user is found through AuditMiddleware; a command or a script names one
with `acting_as(user)`; otherwise the change is the system's (no user). The request
is kept, not its user, so pages that change nothing never load the user.
"""

import contextvars
from contextlib import contextmanager

_request = contextvars.ContextVar("newsroom_request", default=None)
_user = contextvars.ContextVar("newsroom_acting_user", default=None)


def current_user():
    """The user making changes now, or None for the system."""
    user = _user.get()
    if user is not None:
        return user
    request = _request.get()
    if request is not None and getattr(request, "user", None) is not None:
        if request.user.is_authenticated:
            return request.user
    return None


@contextmanager
def acting_as(user):
    """Record the changes made inside the block as `user`'s."""
    token = _user.set(user)
    try:
        yield
    finally:
        _user.reset(token)


class AuditMiddleware:
    """Makes the request's user the author of the changes made while serving it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)
