"""What keeps every edit: versions against lost updates, a change log, and anchored spans.

Audited models lock their stored row when saving, refuse a save made from a stale
copy when the caller says which version it read (`expect_version`), bump their
version, and write a Change with the fields that really changed and who changed
them (stories.audit.current_user). A Change can be reverted, which is itself a
change. AnchoredSpan is a span of an article's body with its quote and context,
shared by statements and corrections so both can be re-anchored when the body moves.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, router, transaction
from django.db.models import F, Q
from django.utils import timezone

from stories.audit import current_user
from stories.models.choices import CONTEXT_CHARS


class EditConflict(Exception):
    """Someone saved the row after this copy was read: the later save is refused.

    `stored` holds the row as it is now ({attname: value}, with "version").
    """

    def __init__(self, instance, stored):
        self.instance = instance
        self.stored = stored
        name = instance._meta.verbose_name
        super().__init__(
            f"This {name} was changed by someone else while you were editing it "
            f"(it is now at version {stored['version']}, you had version "
            f"{instance.version}). Nothing of yours was saved."
        )

    def differences(self, seen):
        """[(field, what you saw, what is stored now)] for tracked fields that moved on.

        `seen` maps field names to the values the editor started from.
        """
        result = []
        for name in self.instance.tracked:
            attname = self.instance._meta.get_field(name).attname
            if name in seen and jsonable(seen[name]) != jsonable(self.stored.get(attname)):
                result.append((name, seen[name], self.stored.get(attname)))
        return result


class RevertError(Exception):
    """A change cannot be reverted as it stands (a later change touched the same fields)."""


def jsonable(value):
    """A value as the change log stores it: JSON types, datetimes as ISO strings."""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, models.Model):
        return value.pk
    return value


class Audited(models.Model):
    """A model whose saves are versioned and logged field by field (see module docstring)."""

    version = models.PositiveIntegerField(
        default=1, editable=False, help_text="Goes up by one with every save."
    )

    tracked = ()  # the field names whose changes are logged
    history_repr = None  # the column that names a row in logged_update's log
    history_article = None  # the column holding the row's article id, if any

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        expected = self.__dict__.pop("_expected_version", None)
        update_fields = kwargs.get("update_fields")
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        with transaction.atomic(using=using):
            stored = None
            if not self._state.adding:
                stored = (
                    type(self)
                    ._base_manager.using(using)
                    .filter(pk=self.pk)
                    .select_for_update()
                    .values(*(f.attname for f in self._meta.concrete_fields))
                    .first()
                )
            if stored is not None and expected is not None and stored["version"] != expected:
                raise EditConflict(self, stored)
            extra = self.before_save(stored, update_fields) or set()
            if stored is not None:
                self.version = stored["version"] + 1
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, *extra, "version"}
            super().save(*args, **kwargs)
            changes = self._changes(stored, kwargs.get("update_fields"))
            self.after_save(stored, changes)
            if stored is None or changes:
                Change.record(
                    self, Change.Action.CREATE if stored is None else Change.Action.UPDATE, changes
                )

    def delete(self, *args, **kwargs):
        snapshot = {name: [jsonable(self._value(name)), None] for name in self.tracked}
        article_id = self.history_article_id()
        pk = self.pk
        if article_id == pk and self._meta.model_name == "article":
            article_id = None  # the article itself is going: its history row stays, unlinked
        with transaction.atomic(using=router.db_for_write(type(self), instance=self)):
            result = super().delete(*args, **kwargs)
            Change.record(self, Change.Action.DELETE, snapshot, pk=pk, article_id=article_id)
        return result

    def expect_version(self, version):
        """The next save is refused with EditConflict unless the stored version is `version`."""
        self._expected_version = int(version)

    def before_save(self, stored, update_fields):
        """Hook: adjust fields before saving; return extra field names to write."""

    def after_save(self, stored, changes):
        """Hook: follow-up work inside the save's transaction."""

    def history_article_id(self):
        """The article whose history shows this row's changes, or None."""
        return None

    def _value(self, name):
        return getattr(self, self._meta.get_field(name).attname)

    def prepare_revert(self, change, by):
        """Hook: called before saving the values that `change` had before it."""

    def _changes(self, stored, update_fields):
        """{field: [old, new]} for the tracked fields this save changed ({} for a new row)."""
        if stored is None:
            return {}
        changes = {}
        for name in self.tracked:
            if update_fields is not None and name not in update_fields:
                continue
            attname = self._meta.get_field(name).attname
            old, new = jsonable(stored[attname]), jsonable(getattr(self, attname))
            if old != new:
                changes[name] = [old, new]
        return changes


def logged_update(queryset, *, user=None, **values):
    """queryset.update(**values) for Audited rows that still bumps each changed row's
    version and logs a Change per row, as `user` (default: whoever is acting).

    Returns the number of rows that changed.
    """
    model = queryset.model
    attnames = {name: model._meta.get_field(name).attname for name in values}
    wanted = {name: jsonable(value) for name, value in values.items()}
    extra = [f for f in (model.history_repr, model.history_article) if f]
    rows = list(
        model._base_manager.filter(pk__in=queryset.values("pk"))
        .order_by("pk")
        .select_for_update()
        .values("pk", *attnames.values(), *extra)
    )
    changes = {}
    for row in rows:
        moved = {
            name: [jsonable(row[attname]), wanted[name]]
            for name, attname in attnames.items()
            if jsonable(row[attname]) != wanted[name]
        }
        if moved:
            changes[row["pk"]] = (row, moved)
    if not changes:
        return 0
    model._base_manager.filter(pk__in=changes).update(**values, version=F("version") + 1)
    user = user or current_user()
    content_type = ContentType.objects.get_for_model(model)
    Change.objects.bulk_create(
        Change(
            content_type=content_type,
            object_id=pk,
            object_repr=str(row.get(model.history_repr, pk))[:200],
            article_id=row.get(model.history_article) if model.history_article else None,
            user=user if user is not None and user.pk else None,
            action=Change.Action.UPDATE,
            changes=moved,
        )
        for pk, (row, moved) in changes.items()
    )
    return len(changes)


class ChangeQuerySet(models.QuerySet):
    def for_history(self):
        return self.select_related("user", "content_type", "reverts").order_by("-at", "-pk")


class Change(models.Model):
    """One recorded change of a tracked row: who, when, and each field's old and new value."""

    class Action(models.TextChoices):
        CREATE = "create", "Created"
        UPDATE = "update", "Changed"
        DELETE = "delete", "Deleted"

    content_type = models.ForeignKey(ContentType, models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    object_repr = models.CharField(max_length=200)
    article = models.ForeignKey(
        "Article",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="changes",
        help_text="The article whose history shows this change.",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField("changed at", default=timezone.now)
    action = models.CharField(max_length=10, choices=Action)
    changes = models.JSONField(
        encoder=DjangoJSONEncoder, default=dict, help_text="{field: [old value, new value]}"
    )
    reverts = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="reverted_by",
        help_text="The change this one undid.",
    )

    objects = ChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        get_latest_by = "at"
        constraints = [
            models.CheckConstraint(
                condition=Q(action__in=["create", "update", "delete"]), name="change_action_valid"
            )
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id", "-at"], name="change_object_at"),
            models.Index(fields=["article", "-at"], name="change_article_at"),
        ]

    def __str__(self):
        return f"{self.get_action_display()} {self.object_repr}"

    @classmethod
    def record(cls, instance, action, changes, *, pk=None, article_id=None):
        user = getattr(instance, "_acting_user", None) or current_user()
        reverts = instance.__dict__.pop("_reverts", None)
        return cls.objects.create(
            content_type=ContentType.objects.get_for_model(type(instance)),
            object_id=pk if pk is not None else instance.pk,
            object_repr=str(instance)[:200],
            article_id=article_id if article_id is not None else instance.history_article_id(),
            user=user if user is not None and user.pk else None,
            action=action,
            changes=changes,
            reverts=reverts,
        )

    def revert(self, *, by=None):
        """Undoes this change, as `by`. Refused when a later change moved the same fields."""
        model = self.content_type.model_class()
        with transaction.atomic():
            if self.action == self.Action.DELETE:
                obj = model(pk=self.object_id)
                for name, (old, _new) in self.changes.items():
                    setattr(obj, model._meta.get_field(name).attname, old)
            else:
                try:
                    obj = model._base_manager.select_for_update().get(pk=self.object_id)
                except model.DoesNotExist as exc:
                    raise RevertError(f"{self.object_repr} no longer exists.") from exc
                if self.action == self.Action.CREATE:
                    obj._acting_user = by
                    obj.delete()
                    return None
                for name, (old, new) in self.changes.items():
                    attname = model._meta.get_field(name).attname
                    if jsonable(getattr(obj, attname)) != new:
                        raise RevertError(
                            f"The {name.replace('_', ' ')} of {self.object_repr} was changed "
                            "again later: revert the later change first."
                        )
                    setattr(obj, attname, old)
            if isinstance(obj, AnchoredSpan) and not obj.orphaned:
                obj.check_span()
                obj.set_span(obj.start, obj.end)
            obj._acting_user = by
            obj._reverts = self
            obj.prepare_revert(self, by)
            obj.save()
            return obj


class AnchoredSpan(models.Model):
    """A span of an article's body, kept with its exact quote and the text either side."""

    start = models.PositiveIntegerField(help_text="Offset of the first character in the body.")
    end = models.PositiveIntegerField(help_text="Offset just past the last character.")
    quote = models.TextField(help_text="Exactly body[start:end].")
    prefix = models.CharField(max_length=CONTEXT_CHARS, blank=True)
    suffix = models.CharField(max_length=CONTEXT_CHARS, blank=True)
    orphaned = models.BooleanField(
        default=False,
        help_text="The body changed and this text could not be placed with confidence: "
        "an editor must place it again.",
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="%(class)s_span_not_empty"
            ),
            models.CheckConstraint(condition=Q(start__gte=0), name="%(class)s_start_not_negative"),
        ]

    def set_span(self, start, end, body=None):
        """Points the span at body[start:end] and stores its quote and context."""
        body = self.article.body if body is None else body
        if not 0 <= start < end <= len(body):
            raise ValidationError(
                f"The span {start}–{end} is outside the body ({len(body)} characters)."
            )
        self.start, self.end = start, end
        self.quote = body[start:end]
        self.prefix = body[max(0, start - CONTEXT_CHARS) : start]
        self.suffix = body[end : end + CONTEXT_CHARS]
        self.orphaned = False

    def check_span(self, body=None):
        """Raises ValidationError unless the quote stands at start–end in the body."""
        if self.orphaned:
            return
        body = self.article.body if body is None else body
        if not 0 <= self.start < self.end <= len(body):
            raise ValidationError(
                f"The span {self.start}–{self.end} is outside the article body "
                f"({len(body)} characters)."
            )
        if body[self.start : self.end] != self.quote:
            raise ValidationError(
                {"quote": "The quote does not match the article body at this span."}
            )

    def is_placed(self, body):
        """True when the span can be shown on `body`: not orphaned, and the words match."""
        return not self.orphaned and body[self.start : self.end] == self.quote
