#!/usr/bin/env python
"""How fast load_articles loads ~800-word articles, extraction included, on one core.

Generates wire-style articles (attributed quotes, reported speech, "according to",
relays, anonymous sources, narration) from a fixed seed, loads them into a fresh
database with the real command and debugging off (DJANGO_DEBUG=0 unless set, as in
production: no query log), and prints the rate: with extraction alone (the
target is 50 articles a second or more), then again with claim suggestions.

    .venv/bin/python bench/load_speed.py                # 300 articles, temporary SQLite
    .venv/bin/python bench/load_speed.py --articles 1000 --words 800
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/load_speed.py

Generated articles repeat their sentences and quote more than real copy does (about 43
statements in 800 words, against about 25 in the evaluation sets). With --from, the articles
of the given folders are loaded instead, and the rate is also given in 800-word articles a
second (words loaded a second / 800):

    .venv/bin/python bench/load_speed.py --from tests/data/extraction*/
"""

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIRST = "Maria James Ahmed Olga Chen Priya Daniel Sofia Kwame Elena Tomas Aisha Henrik Laura Pedro"
LAST = "Alvarez Brennan Okafor Novak Tanaka Lindqvist Haddad Moreau Kowalski Mensah Reyes Varga"
ROLES = [
    "Finance Minister",
    "a spokeswoman for the ministry",
    "the company's chief executive",
    "Sen.",
    "Judge",
    "an economist at the University of Leeds",
    "police spokesman",
]
ORGS = [
    "the Ministry of Transport",
    "the European Commission",
    "Harbor Bank",
    "the city council",
    "the World Health Organization",
    "Northwind Energy",
]
RELAYS = ["The Associated Press", "Reuters", "CNN", "the BBC", "Agence France-Presse"]
PLACES = ["Brussels", "Lagos", "Ottawa", "Manila", "Denver", "Krakow", "Santiago"]
VERBS = ["said", "told reporters", "said in a statement", "added", "warned", "insisted"]
CLAIMS = [
    "the project would be finished before the end of the year",
    "the budget had grown by nearly a third since March",
    "talks with the unions would resume next week",
    "no decision had been made about the second phase",
    "the company had complied with every regulation",
    "the results were preliminary and needed more study",
    "inspectors found no evidence of wrongdoing",
]
NARRATION = [
    "The decision follows months of negotiations in {place}.",
    "Shares in the company fell 4.2 percent in early trading on Tuesday.",
    "The measure passed by a vote of 52 to 48 after a long debate.",
    "The report, which runs to 240 pages, was published on Monday in {place}.",
    "Critics have questioned the cost of the plan since it was announced in 2021.",
    "The hearing is expected to last until the end of the month.",
]


def person(rng):
    return f"{rng.choice(FIRST.split())} {rng.choice(LAST.split())}"


def paragraph(rng, people):
    name = rng.choice(people)
    surname = name.split()[-1]
    claim, place = rng.choice(CLAIMS), rng.choice(PLACES)
    choices = [
        f'"We believe {claim}," {surname} {rng.choice(VERBS)}.',
        f"{rng.choice(ROLES)} {name} said on Monday that {claim}.",
        f"According to {rng.choice(ORGS)}, {claim}.",
        f"{name} told {rng.choice(RELAYS)} that {claim}.",
        f"A person familiar with the matter said {claim}.",
        f"{rng.choice(ORGS).capitalize()} declined to comment.",
        f'{surname} called the plan "a serious mistake" and said {claim}, '
        f"{rng.choice(RELAYS)} reported.",
        rng.choice(NARRATION).format(place=place),
        rng.choice(NARRATION).format(place=place),
    ]
    return " ".join(rng.sample(choices, k=3))


def article(rng, n, words):
    people = [person(rng) for _ in range(4)]
    lines = [
        f"Outlet: {rng.choice(['The Daily Ledger', 'Metro Times', 'Wire Service'])}",
        f"Published: 2024-0{1 + n % 9}-1{n % 10}",
        "",
        f"Officials weigh plan number {n} as talks continue in {rng.choice(PLACES)}",
        "",
    ]
    count = 0
    while count < words:
        text = paragraph(rng, people)
        count += len(text.split())
        lines += [text, ""]
    return "\n".join(lines), count


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--words", type=int, default=800)
    parser.add_argument("--seed", type=int, default=2018)
    parser.add_argument(
        "--from",
        dest="folders",
        nargs="+",
        type=Path,
        metavar="FOLDER",
        help="load the .txt articles of these folders instead of generated ones",
    )
    args = parser.parse_args()

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    workdir = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    # Production settings, as a newsroom loads its archive: no debug query log.
    os.environ.setdefault("DJANGO_DEBUG", "0")
    os.environ.setdefault("DJANGO_SECRET_KEY", f"bench-{random.random()}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from stories.models import Article, ClaimSuggestion, Source, Statement

    call_command("migrate", verbosity=0)
    if Article.objects.exists():
        sys.exit(f"The database {connection.settings_dict['NAME']} is not empty: use an empty one.")

    folder = workdir / "articles"
    folder.mkdir()
    total_words = 0
    if args.folders:
        files = sorted(path for each in args.folders for path in each.glob("*.txt"))
        for n, path in enumerate(files):
            total_words += len(path.read_text(encoding="utf-8").split())
            shutil.copy(path, folder / f"{n:05}-{path.name}")  # one name for each
        args.articles = len(files)
    else:
        rng = random.Random(args.seed)
        for n in range(args.articles):
            text, count = article(rng, n, args.words)
            total_words += count
            (folder / f"{n:05}.txt").write_text(text, encoding="utf-8")

    # Extraction alone (the figure with a target), then the same articles again with claim
    # suggestions, as load_articles does by default.
    started = time.perf_counter()
    call_command("load_articles", str(folder), verbosity=0, suggest=False)
    elapsed = time.perf_counter() - started
    loaded, statements = Article.objects.count(), Statement.objects.count()
    Article.objects.all().delete()
    Source.objects.all().delete()
    started = time.perf_counter()
    call_command("load_articles", str(folder), verbosity=0)
    suggesting = time.perf_counter() - started

    started = time.perf_counter()
    call_command("load_articles", str(folder), verbosity=0)
    again = time.perf_counter() - started

    origin = f"{len(args.folders)} folders" if args.folders else f"seed {args.seed}"
    print(f"database: {connection.vendor}; one core; articles from {origin}")
    print(f"articles: {loaded} of {args.articles}, {total_words / args.articles:.0f} words each")
    print(f"statements found: {statements} ({statements / max(loaded, 1):.1f} an article)")
    print(f"first load: {elapsed:.2f} s = {loaded / elapsed:.1f} articles/s (target: 50)")
    if args.folders:
        print(f"  = {total_words / 800 / elapsed:.1f} 800-word articles/s")
    print(
        f"first load with claim suggestions: {suggesting:.2f} s = "
        f"{loaded / suggesting:.1f} articles/s ({ClaimSuggestion.objects.count()} suggestions)"
    )
    print(f"loading again (all unchanged): {again:.2f} s = {loaded / again:.1f} articles/s")


if __name__ == "__main__":
    main()
