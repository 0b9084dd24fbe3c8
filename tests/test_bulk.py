import pytest

from stories import bulk
from stories.models import Source, SourceKind

pytestmark = pytest.mark.django_db


def test_inserted_rows_get_their_own_keys_across_batches():
    """The loader links statements to the sources it has just inserted by their keys: each
    row must get the key of its own row, also when the insert takes several batches."""
    rows = [
        Source(name=f"Person {n}", slug=f"person-{n}", kind=SourceKind.PERSON, aliases=[f"P{n}"])
        for n in range(250)
    ]
    bulk.insert(Source, rows, keys=True)
    assert all(row.pk is not None and not row._state.adding for row in rows)
    saved = dict(Source.objects.values_list("pk", "name"))
    assert [saved[row.pk] for row in rows] == [row.name for row in rows]
    assert Source.objects.get(pk=rows[7].pk).aliases == ["P7"]


def test_values_shared_by_rows_and_values_of_their_own_are_both_kept():
    rows = [
        Source(name="Ann Lee", slug="ann-lee", kind=SourceKind.PERSON),
        Source(name="Acme", slug="acme", kind=SourceKind.ORGANISATION),
        Source(name="Bo Li", slug="bo-li", kind=SourceKind.PERSON),
    ]
    bulk.insert(Source, rows)
    assert dict(Source.objects.values_list("slug", "kind")) == {
        "ann-lee": SourceKind.PERSON,
        "acme": SourceKind.ORGANISATION,
        "bo-li": SourceKind.PERSON,
    }


def test_update_saves_the_fields_named_and_no_others():
    first = Source.objects.create(name="Ann Lee", slug="ann-lee", kind=SourceKind.PERSON)
    first.name, first.kind = "Ann B. Lee", SourceKind.ANONYMOUS
    bulk.update(Source, [first], ["kind"])
    first.refresh_from_db()
    assert (first.name, first.kind) == ("Ann Lee", SourceKind.ANONYMOUS)
