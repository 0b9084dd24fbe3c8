import json
import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from stories.exporting import iter_article_dicts


class Command(BaseCommand):
    help = (
        "Export every article as JSON Lines, one article a line, with its entities, sources, "
        "statements (verdicts, notes, evidence, reviewers, verdict history, orphaned flags), "
        "corrections and claims. load_articles loads the file back into an empty database "
        "as it was. With --output, the file is written whole or not at all."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o", type=Path, help="Write to this file (default: standard output)."
        )
        parser.add_argument("--chunk-size", type=int, default=200, help="Articles read at a time.")

    def handle(self, *args, output, chunk_size, verbosity, **options):
        records = iter_article_dicts(chunk_size=chunk_size)
        output = Path(output) if output else None
        if output is None:
            for record in records:
                self.stdout.write(json.dumps(record, ensure_ascii=False))
            return
        partial = output.with_name(f".{output.name}.partial")
        count = 0
        try:
            with partial.open("w", encoding="utf-8") as handle:
                for record in records:
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                    count += 1
            os.replace(partial, output)
        except BaseException as exc:
            # Whatever stopped the export (a database error, a full disk, Ctrl-C), it leaves
            # no half-written file behind, and an earlier export at `output` untouched.
            partial.unlink(missing_ok=True)
            if isinstance(exc, OSError | DatabaseError):
                raise CommandError(f"{output}: not exported, nothing written ({exc})") from exc
            raise
        if verbosity:
            self.stdout.write(f"Exported {count} articles to {output}.")
