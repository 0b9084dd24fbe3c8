"""The editors' groups and their permissions.

Editors may do everything. Fact-checkers set verdicts, notes and evidence but
cannot change an article's text, its statements' spans or its sources.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = [
    "article",
    "statement",
    "source",
    "entity",
    "story",
    "evidence",
    "taggedarticle",
]

GROUPS = {
    "Editors": [
        f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")
    ]
    + ["set_verdict", "view_verdictchange"],  # the history itself is never edited
    "Fact-checkers": [f"view_{model}" for model in [*MODELS, "verdictchange"]]
    + ["change_statement", "set_verdict", "add_evidence", "change_evidence", "delete_evidence"],
}


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="stories", codename__in=codenames)
        )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
