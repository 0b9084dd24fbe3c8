import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from stories import evaluation


class Command(BaseCommand):
    help = (
        "Score statement, source and entity extraction against a folder of articles "
        "(NN-name.txt) and their answer keys (NN-name.json). Each article is loaded in a "
        "transaction that is rolled back: the database is left as it was, but it must be "
        "migrated (an empty one will do)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument("--verbose", action="store_true", help="Also show each article.")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print the figures as JSON."
        )

    def handle(self, *args, directory, verbose, as_json, **options):
        try:
            scores = evaluation.evaluate(directory)
        except evaluation.EvaluationError as exc:
            raise CommandError(str(exc)) from exc
        result = evaluation.figures(scores)
        if as_json:
            self._json(scores, result, verbose)
            return
        for line in evaluation.summary_lines(result):
            self.stdout.write(line)
        if verbose:
            self.stdout.write("")
            for score in scores:
                self.stdout.write(evaluation.article_line(score))
        self.stdout.write("")
        for line in evaluation.miss_lines(evaluation.misses(scores)):
            self.stdout.write(line)

    def _json(self, scores, result, verbose):
        data = {"figures": result, "misses": evaluation.misses(scores)}
        if verbose:
            data["articles"] = {score.name: evaluation.figures([score]) for score in scores}
        self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
