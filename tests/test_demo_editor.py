import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def printed_login(output):
    lines = dict(line.strip().split(": ", 1) for line in output.splitlines() if ": " in line)
    return lines["username"], lines["password"]


def test_demo_editor_login_printed_works_and_is_an_editor(settings, capsys):
    settings.DEBUG = True
    call_command("create_demo_editor")
    username, password = printed_login(capsys.readouterr().out)
    user = authenticate(username=username, password=password)
    assert user is not None and user.is_staff
    assert user.groups.filter(name="Editors").exists()
    assert user.has_perm("stories.set_verdict")


def test_running_it_again_keeps_one_user_and_the_new_login_works(settings, capsys):
    settings.DEBUG = True
    call_command("create_demo_editor")
    call_command("create_demo_editor")
    username, password = printed_login(capsys.readouterr().out.split("Updated")[-1])
    assert authenticate(username=username, password=password) is not None


def test_refuses_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("create_demo_editor")
