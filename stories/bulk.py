"""Inserting and updating many rows of one model in few queries, for the loader.

bulk_create() and bulk_update() build their SQL value by value through the query compiler,
which costs the loader more than the database's work: an article brings tens of statements,
sources and entities. These functions write the same rows, field by field as bulk_create()
and bulk_update() would (pre_save() and get_db_prep_save(), so defaults, timestamps and
adapters all apply), with the SQL written once for the batch.
"""

from django.db import connections, router


def insert(model, rows, *, keys=False):
    """Inserts new `rows` of `model`; with keys=True each row is given its primary key.

    Keys come back from one INSERT … RETURNING a batch where the database can return the rows
    of a bulk insert (PostgreSQL, SQLite 3.35 and later), else the rows are saved one by one.
    Without keys, one executemany() inserts them all.
    """
    rows = list(rows)
    if not rows:
        return
    for row in rows:
        row._prepare_related_fields_for_save(operation_name="bulk_create")
    alias = router.db_for_write(model)
    connection = connections[alias]
    if keys and not connection.features.can_return_rows_from_bulk_insert:
        for row in rows:
            row.save(force_insert=True, using=alias)
        return
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    values = _values(fields, rows, connection)
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(field.column) for field in fields)
    one_row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    with connection.cursor() as cursor:
        if not keys:
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES {one_row}", values)
            return
        returning, returning_params = connection.ops.return_insert_columns([model._meta.pk])
        size = max(1, connection.ops.bulk_batch_size(fields, rows))
        for at in range(0, len(rows), size):
            batch = values[at : at + size]
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {', '.join([one_row] * len(batch))} "
                f"{returning}",
                [value for row in batch for value in row] + list(returning_params),
            )
            returned = connection.ops.fetch_returned_insert_rows(cursor)
            for row, (pk,) in zip(rows[at : at + size], returned, strict=True):
                row.pk = pk
    for row in rows:
        row._state.adding = False
        row._state.db = alias


def update(model, rows, fields):
    """Saves `fields` of each row, in one executemany()."""
    alias = router.db_for_write(model)
    connection = connections[alias]
    fields = [model._meta.get_field(name) for name in fields]
    values = [
        [
            *(field.get_db_prep_save(getattr(row, field.attname), connection) for field in fields),
            row.pk,
        ]
        for row in rows
    ]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {quote(model._meta.db_table)} SET {assignments} "
            f"WHERE {quote(model._meta.pk.column)} = %s",
            values,
        )


def _values(fields, rows, connection):
    """Each row's database values, field by field. A field's value is prepared once for all
    the rows that share it (the article, the verdict, empty notes), as it is the same each time."""
    columns = []
    for field in fields:
        prepared = {}
        column = []
        for row in rows:
            value = field.pre_save(row, True)
            try:
                key = (type(value), value)
                column.append(prepared[key])
            except KeyError:
                prepared[key] = field.get_db_prep_save(value, connection)
                column.append(prepared[key])
            except TypeError:  # unhashable: a JSON list or mapping
                column.append(field.get_db_prep_save(value, connection))
        columns.append(column)
    return [list(values) for values in zip(*columns, strict=True)]
