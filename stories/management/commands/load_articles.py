from django.core.management.base import BaseCommand, CommandError

from stories.importing import DEFAULT_MAX_BYTES, Loader


def _plural(count, word, plural=None):
    return f"{count} {word if count == 1 else plural or word + 's'}"


SPANS = ("statement or correction", "statements or corrections")


def _need(count):
    return "needs" if count == 1 else "need"


class Command(BaseCommand):
    help = (
        "Load articles from plain-text files and JSON Lines exports (folders are searched for "
        "*.txt and *.jsonl; hidden files are skipped). A text file may start with a header of "
        "'Key: value' lines (Outlet, URL, Published, Byline, Story, Status, Dek) ended by a "
        "blank line; --outlet, --story, --published and --status override the header. Each "
        "article is saved in its own transaction, with the statements, sources and entities "
        "found in it; an export line is loaded as exported. Loading the same article twice "
        "changes nothing. A new version of an article (same URL or, without one, same outlet "
        "and headline) updates it in place: its statements move with their words, those that "
        "cannot be placed are flagged for an editor, and new statements are added. A file "
        "that cannot be loaded is named on stderr, the others still load, and the command "
        "then fails."
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
            help="draft or published (overrides the header; a new article is published "
            "unless told otherwise, an updated one keeps its status).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Parse, extract and show what would be created or updated, and save nothing. "
            "With -v2, also show what was kept out of each body.",
        )
        parser.add_argument(
            "--no-claim-suggestions",
            dest="suggest",
            action="store_false",
            help="Skip suggesting which statements of other articles make the same claim "
            "(for bulk imports: run `manage.py suggest_claims` afterwards).",
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
            suggest=options["suggest"],
            max_bytes=options["max_bytes"],
            on_result=self.show,
        )
        summary = loader.load(paths)
        if verbosity:
            created, updated = (
                ("would be created", "would be updated") if dry_run else ("created", "updated")
            )
            self.stdout.write(
                f"{'Dry run, nothing saved: ' if dry_run else ''}"
                f"articles {created}: {summary.created}, {updated}: {summary.updated}, "
                f"unchanged: {summary.unchanged}, failed: {summary.failed}; "
                f"statements {'added' if not dry_run else 'that would be added'}: "
                f"{summary.statements}, sources: {summary.sources}, "
                f"entities: {summary.entities}; claim suggestions: {summary.suggestions}."
            )
            if summary.published_with_orphans:
                unplaced = _plural(summary.unplaced, *SPANS)
                articles = _plural(summary.published_with_orphans, "published article")
                self.stdout.write(
                    self.style.WARNING(
                        f"Warning: {unplaced} {_need(summary.unplaced)} placing in {articles} "
                        "(see above); they are flagged for editors in the admin."
                    )
                )
            if summary.kept_draft:
                self.stdout.write(
                    self.style.WARNING(
                        f"Warning: {_plural(summary.kept_draft, 'article')} asked to be "
                        "published stayed a draft: their statements or corrections need "
                        "placing first (see above)."
                    )
                )
        if summary.failed:
            raise CommandError(f"{summary.failed} could not be loaded (see above).")

    def show(self, result):
        if result.action == "failed":
            self.stderr.write(f"{result.origin}: {result.problem}")
            if result.traceback and self.verbosity > 2:
                self.stderr.write(result.traceback.rstrip())
            return
        if not self.verbosity:
            return
        if result.action == "unchanged":
            later = " (an earlier version: the article has been updated since)"
            self.stdout.write(f"unchanged: {result.headline}{later if result.superseded else ''}")
            return
        extra = ", ".join(
            [
                _plural(result.sources, "new source"),
                _plural(result.entities, "new entity", "new entities"),
                _plural(result.suggestions, "claim suggestion"),
            ]
        )
        if result.action in ("updated", "would update"):
            counts = (
                f"({_plural(result.moved, 'statement')} moved, {result.orphaned} orphaned, "
                f"{len(result.statements)} new; {extra})"
            )
        else:
            counts = f"({_plural(len(result.statements), 'statement')}, {extra})"
        self.stdout.write(self.style.SUCCESS(f"{result.action}: {result.headline} ") + counts)
        for warning in self.warnings(result):
            self.stdout.write(self.style.WARNING(f"  warning: {warning}"))
        if self.dry_run or self.verbosity > 1:
            for statement in result.statements:
                source = statement.source.name if statement.source else "—"
                via = f" via {statement.via.name}" if statement.via else ""
                self.stdout.write(f"  [{statement.kind}] {source}{via}: {statement.quote[:90]}")
        if (self.dry_run and self.verbosity > 1) or self.verbosity > 2:
            for what, text in result.set_aside:
                self.stdout.write(f"  set aside ({what}): {text}")

    def warnings(self, result):
        if result.kept_draft:
            yield (
                f"the text asks for it to be published, but {_plural(result.kept_draft, *SPANS)} "
                f"{_need(result.kept_draft)} placing first: it stays a draft."
            )
        elif result.published_with_orphans:
            unplaced = result.orphaned + result.corrections_orphaned
            yield (
                f"{_plural(unplaced, *SPANS)} {_need(unplaced)} placing; "
                "the article stays published."
            )
