import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Make sure a demo editor exists (staff, in the Editors group) and print its login. "
        "Sets a fresh password on every run. Refuses to run with DEBUG off unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")
        parser.add_argument("--password", help="Default: a new random password.")
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off.")

    def handle(self, *args, username, password, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "A demo editor with a printed password is for development: DEBUG is off. "
                "Use createsuperuser, or --force if you mean it."
            )
        try:
            editors = Group.objects.get(name="Editors")
        except Group.DoesNotExist as exc:
            raise CommandError("The Editors group is missing: run `manage.py migrate`.") from exc
        password = password or secrets.token_urlsafe(12)
        user, created = get_user_model().objects.get_or_create(username=username)
        user.is_staff = user.is_active = True
        user.set_password(password)
        user.save()
        user.groups.add(editors)
        verb = "Created" if created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} the demo editor."))
        self.stdout.write(f"  username: {username}\n  password: {password}")
