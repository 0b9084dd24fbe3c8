from django.core.management.base import BaseCommand, CommandError

from stories.claim_matching import suggest_claims
from stories.models import Article


class Command(BaseCommand):
    help = (
        "Suggest which statements in different articles assert the same claim, for editors "
        "to confirm or reject. Pairs already suggested or rejected are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--story", help="Only the articles of this story (its slug).")
        parser.add_argument("--article", help="Only this article (its slug).")

    def handle(self, *args, story, article, verbosity, **options):
        articles = Article.objects.order_by("pk")
        if story:
            articles = articles.filter(story__slug=story)
        if article:
            articles = articles.filter(slug=article)
        if (story or article) and not articles.exists():
            raise CommandError(f"No article matches {'story ' + story if story else article}.")
        total = 0
        for each in articles.iterator(chunk_size=200):
            made = suggest_claims(each)
            total += len(made)
            if verbosity > 1 and made:
                self.stdout.write(f"{len(made)} suggestions: {each}")
        self.stdout.write(self.style.SUCCESS(f"Claim suggestions made: {total}."))
