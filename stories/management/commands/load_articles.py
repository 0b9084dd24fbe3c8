from django.core.management.base import BaseCommand, CommandError

from stories.importing import DEFAULT_MAX_BYTES, Loader


class Command(BaseCommand):
    help = (
        "Load articles from plain-text files and JSON Lines exports (folders are searched for "
        "*.txt and *.jsonl; hidden files are skipped). A text file may start with a header of "
        "'Key: value' lines (Outlet, URL, Published, Byline, Story, Status, Dek) ended by a "
        "blank line; --outlet, --story, --published and --status override the header. Each "
        "article is saved in its own transaction, with the statements, sources and entities "
        "found in it; an export line is loaded as exported. Loading the same article twice "
        "changes nothing. A file that cannot be loaded is named on stderr, the others still "
        "load, and the command then fails."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="Files or folders.")
        parser.add_argument("--outlet", default="", help="The outlet (overrides the header).")
        parser.add_argument("--story", default="", help="The story title (overrides the header).")
        parser.add_argument(
            "--published",
            default="",
            help='Publication date, e.g. 2018-04-02, "2018-04-02 14:30" or "April 2, 2018" '
            "(overrides the header).",
        )
        parser.add_argument(
            "--status",
            default="",
            choices=["", "draft", "published"],
            help="draft or published (overrides the header; default published).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Parse and extract, show what would be created, and save nothing.",
        )
        parser.add_argument(
            "--max-bytes",
            type=int,
            default=DEFAULT_MAX_BYTES,
            help="Refuse text files (and export lines) larger than this (default 2 MB).",
        )

    def handle(self, *args, paths, verbosity, dry_run, **options):
        self.verbosity = verbosity
        self.dry_run = dry_run
        loader = Loader(
            outlet=options["outlet"],
            story=options["story"],
            published=options["published"],
            status=options["status"],
            dry_run=dry_run,
            max_bytes=options["max_bytes"],
            on_result=self.show,
        )
        summary = loader.load(paths)
        if verbosity:
            verb = "would be created" if dry_run else "created"
            self.stdout.write(
                f"{'Dry run, nothing saved: ' if dry_run else ''}"
                f"articles {verb}: {summary.created}, unchanged: {summary.unchanged}, "
                f"failed: {summary.failed}; statements {verb}: {summary.statements}, "
                f"sources: {summary.sources}, entities: {summary.entities}."
            )
        if summary.failed:
            raise CommandError(f"{summary.failed} could not be loaded (see above).")

    def show(self, result):
        if result.action == "failed":
            self.stderr.write(f"{result.origin}: {result.problem}")
            return
        if not self.verbosity:
            return
        if result.action == "unchanged":
            self.stdout.write(f"unchanged: {result.headline}")
            return
        counts = (
            f"({len(result.statements)} statements, {result.sources} new sources, "
            f"{result.entities} new entities)"
        )
        self.stdout.write(self.style.SUCCESS(f"{result.action}: {result.headline} ") + counts)
        if self.dry_run or self.verbosity > 1:
            for statement in result.statements:
                source = statement.source.name if statement.source else "—"
                via = f" via {statement.via.name}" if statement.via else ""
                self.stdout.write(f"  [{statement.kind}] {source}{via}: {statement.quote[:90]}")
