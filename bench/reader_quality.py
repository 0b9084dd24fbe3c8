#!/usr/bin/env python
"""Lighthouse, axe and the Nu HTML Checker against the reader's pages of a running server.

Finds the home page, a story, an article of that story and a source quoted in it (or
takes --pages), then prints for each page Lighthouse's four scores (performance,
accessibility, best practices, SEO), axe's violations and vnu's errors. Exits non-zero
when a score is under --min-score or axe or vnu find anything.

The tools come from npm and are not needed by `make test`. Install them once, outside
the repository (or under its git-ignored node_modules/):

    npm install --prefix /opt/reader-tools lighthouse@12 axe-core vnu-jar
    # Chromium from Debian (never `playwright install`), Java for vnu:
    apt-get install -y chromium default-jre-headless

Measure what production serves: gunicorn with DEBUG off, after collectstatic.

    DJANGO_DEBUG=1 DATABASE_URL=sqlite:////tmp/reader.sqlite3 .venv/bin/python manage.py migrate
    DJANGO_DEBUG=1 DATABASE_URL=sqlite:////tmp/reader.sqlite3 \\
        .venv/bin/python manage.py load_articles samples/
    DJANGO_DEBUG=0 .venv/bin/python manage.py collectstatic --no-input   # with the env below
    DJANGO_DEBUG=0 DJANGO_SECRET_KEY=bench-only DJANGO_ALLOWED_HOSTS=127.0.0.1 \\
        DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_SECURE_COOKIES=0 DJANGO_HSTS_SECONDS=0 \\
        DATABASE_URL=sqlite:////tmp/reader.sqlite3 \\
        .venv/bin/gunicorn newsroom.wsgi:application -b 127.0.0.1:8001 --workers 2 &
    .venv/bin/python bench/reader_quality.py --base-url http://127.0.0.1:8001 \\
        --tools /opt/reader-tools

`--screenshots docs/` also saves docs/story.png and docs/article.png of those pages.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
SCREENSHOT_HEIGHT = 1500  # the top of the page, at 1280 pixels wide


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (our own server)
        return response.read().decode("utf-8")


def first_link(html, pattern, after=None):
    if after and after in html:
        html = html[html.index(after) :]
    match = re.search(rf'href="({pattern})"', html)
    return match.group(1) if match else None


def discover(base):
    """{"home", "story", "article", "source"}: paths found by following the pages' links."""
    pages = {"home": "/"}
    story = first_link(fetch(base + "/"), r"/stories/[\w-]+/")
    if story is None:
        raise SystemExit("No story on the home page: load some articles first.")
    pages["story"] = story
    story_html = fetch(base + story)
    article = first_link(story_html, r"/articles/[\w-]+/", after='class="timeline"')
    if article is None:
        raise SystemExit(f"No article linked from {story}.")
    pages["article"] = article
    article_html = fetch(base + article)
    source = first_link(article_html, r"/sources/[\w-]+/", after='class="note-facts"')
    pages["source"] = source or first_link(article_html, r"/sources/[\w-]+/")
    return {name: path for name, path in pages.items() if path}


def lighthouse(url, tools, chromium, preset):
    cli = tools / "node_modules" / "lighthouse" / "cli" / "index.js"
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        command = [
            "node",
            str(cli),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS[1:]),
        ]
        if preset == "desktop":
            command.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": str(chromium)}
        run = subprocess.run(command, env=env, capture_output=True, timeout=300, check=False)
        if run.returncode:
            raise SystemExit(f"lighthouse failed on {url}:\n{run.stderr.decode()[-2000:]}")
        data = json.loads(report.read_text())
    scores = {name: round(100 * data["categories"][name]["score"]) for name in CATEGORIES}
    failing = [
        audit["id"]
        for audit in data["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 0.9
        and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    ]
    return scores, failing


def axe_and_screenshots(urls, tools, chromium, screenshots):
    """{name: [violation ids with their node counts]}, saving screenshots on the way."""
    from playwright.sync_api import sync_playwright

    axe = tools / "node_modules" / "axe-core" / "axe.min.js"
    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS
        )
        for name, url in urls.items():
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(url)
            page.add_script_tag(path=str(axe))
            result = page.evaluate("axe.run()")
            results[name] = [f"{v['id']} ×{len(v['nodes'])}" for v in result["violations"]]
            if screenshots and name in ("story", "article"):
                path = screenshots / f"{name}.png"
                clip = {"x": 0, "y": 0, "width": 1280, "height": SCREENSHOT_HEIGHT}
                page.screenshot(path=str(path), clip=clip, full_page=True)
                print(f"saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
            page.close()
        browser.close()
    return results


def vnu(html, tools):
    jar = tools / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    run = subprocess.run(
        ["java", "-jar", str(jar), "--errors-only", "--format", "json", "-"],
        input=html.encode("utf-8"),
        capture_output=True,
        timeout=120,
        check=False,
    )
    messages = json.loads(run.stderr or b'{"messages": []}')["messages"]
    return [f"{m.get('lastLine', '?')}: {m['message']}" for m in messages if m["type"] == "error"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8001")
    parser.add_argument(
        "--tools",
        type=Path,
        default=Path(os.environ.get("NEWSROOM_TOOLS", ROOT)),
        help="the directory whose node_modules/ has lighthouse, axe-core and vnu-jar",
    )
    parser.add_argument("--chromium", type=Path, default=Path("/usr/bin/chromium"))
    parser.add_argument("--preset", choices=["mobile", "desktop"], default="mobile")
    parser.add_argument("--pages", nargs="*", help="name=/path/ pairs instead of discovering")
    parser.add_argument("--skip", default="", help="comma-separated: lighthouse,axe,vnu")
    parser.add_argument("--min-score", type=int, default=95)
    parser.add_argument("--screenshots", type=Path, help="save story.png and article.png here")
    args = parser.parse_args()
    base = args.base_url.rstrip("/")
    skip = set(filter(None, args.skip.split(",")))

    if args.pages:
        paths = dict(pair.split("=", 1) for pair in args.pages)
    else:
        paths = discover(base)
    urls = {name: base + path for name, path in paths.items()}
    for name, url in urls.items():
        print(f"{name:8} {url}")
    print()

    axe = (
        {}
        if "axe" in skip
        else axe_and_screenshots(urls, args.tools, args.chromium, args.screenshots)
    )
    ok = True
    rows = []
    for name, url in urls.items():
        scores, failing = (
            ({}, [])
            if "lighthouse" in skip
            else lighthouse(url, args.tools, args.chromium, args.preset)
        )
        errors = [] if "vnu" in skip else vnu(fetch(url), args.tools)
        violations = axe.get(name, [])
        ok &= all(score >= args.min_score for score in scores.values())
        ok &= not errors and not violations
        rows.append((name, scores, failing, violations, errors))

    header = f"{'page':8} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} {'axe':>4} {'vnu':>4}"
    print(f"Lighthouse 12 ({args.preset}), axe-core, Nu HTML Checker against {base}")
    print(header)
    print("-" * len(header))
    for name, scores, _, violations, errors in rows:
        cells = [str(scores.get(c, "-")) for c in CATEGORIES]
        axe_count = "-" if "axe" in skip else len(violations)
        vnu_count = "-" if "vnu" in skip else len(errors)
        print(
            f"{name:8} {cells[0]:>5} {cells[1]:>5} {cells[2]:>5} {cells[3]:>5} "
            f"{axe_count:>4} {vnu_count:>4}"
        )
    for name, _, failing, violations, errors in rows:
        for line in [*(f"lighthouse: {a}" for a in failing), *violations, *errors]:
            print(f"  {name}: {line}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
