"""Benchmarks of programmes, printed with the machine's load at the start and at the end.

Usage (from the repository root, after `make install`):

    .venv/bin/python bench/programmes/bench.py [--requests 50]

It builds the shared test tree and a programme with one run in a scratch database (SQLite in a
temporary folder, or the *empty* database named by BENCH_DATABASE_URL), with the data helpers
of `programmes/tests/test_budget.py`, then measures through Django's test client (the whole
stack: middleware, routing, templates):

1. SQL queries of the programme page and the Upcoming calendar with 50 sessions (budget 15);
2. time to serve the programme's ICS feed with 500 sessions (budget 200 ms), p50 and p95: built
   afresh (the feed cache emptied before each request: the events stored when the sessions were
   saved are joined, `programmes/ics.py`) and as served again from the cache.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.common import loadavg, percentile  # noqa: E402


def ms(seconds):
    return f"{seconds * 1000:.1f}"


def load():
    return f"load average {loadavg()} (1/5/15 min), {os.cpu_count()} cores"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50, help="timed feed requests per case")
    args = parser.parse_args()
    print(f"Start: {load()}")

    folder = tempfile.mkdtemp(prefix="bench-programmes-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3"
    )
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    run(args)
    print(f"\nEnd: {load()}")


def run(args):
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from programmes.tests.helpers import build_programme, make_run
    from programmes.tests.test_budget import BUDGET, sessions
    from tests.tree import build_site

    t = build_site()
    index, page = build_programme(t)
    cohort = make_run(page)
    sessions(page, cohort, 50)
    print(f"Database: {connection.vendor}")

    client = Client()
    print(f"\n1. SQL queries with 50 sessions (budget {BUDGET})")
    for name, url in (
        ("programme page", page.url),
        ("programme page, ?tz=Africa/Nairobi", page.url + "?tz=Africa/Nairobi"),
        ("Upcoming", "/en/programmes/upcoming/"),
        ("Upcoming, ?language=en", "/en/programmes/upcoming/?language=en"),
    ):
        client.get(url)  # warm the caches a running server keeps between requests
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        count = len(queries.captured_queries)
        verdict = "within" if count <= BUDGET else "OVER"
        print(f"  {name:<38}{count:>4} queries  ({verdict} budget)")

    sessions(page, cohort, 450)
    url = f"/en/programmes/feeds/{page.translation_key}.ics"
    print(f"\n2. ICS feed with 500 sessions, {args.requests} requests each, ms (budget 200)")
    for label, clear in (("built afresh (cache emptied)", True), ("from the feed cache", False)):
        times = []
        for _ in range(args.requests):
            if clear:
                cache.clear()
            started = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - started)
            assert response.status_code == 200
        assert response.content.count(b"BEGIN:VEVENT") == 500
        print(
            f"  {label:<30} p50 {ms(statistics.median(times)):>7}   p95 {ms(percentile(times, 0.95)):>7}"
            f"   max {ms(max(times)):>7}   {len(response.content) / 1024:.0f} KB"
        )


if __name__ == "__main__":
    main()
