"""Benchmarks of the learning features, printed side by side with the machine's load.

Usage (from the repository root, after `make install`):

    .venv/bin/python bench/learning/bench.py [--answers 200] [--pdfs 20]

It builds the shared test tree and a module with a practice quiz and a test in a scratch
database (SQLite in a temporary folder, or the *empty* database named by BENCH_DATABASE_URL),
then measures, through Django's test client (the whole stack: middleware, routing, templates):

1. SQL queries of the module page, each lesson, and My learning, for a visitor with progress in
   the session and a signed-in learner with progress (budget: 15 for the pages);
2. time to mark an answer (a practice answer POSTed and redirected, and the JavaScript variant
   returning JSON), p50 and p95;
3. time to render a certificate PDF with WeasyPrint (first, then p50/p95 of the rest), Latin
   and Arabic;
4. weight of a lesson with a quiz: its HTML gzipped as served plus the CSS and scripts it loads,
   gzipped (budget: 100 KB before images).
"""

import argparse
import gzip
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.common import percentile  # noqa: E402


def ms(seconds):
    return f"{seconds * 1000:.1f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=200)
    parser.add_argument("--pdfs", type=int, default=20)
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="bench-learning-")
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


def run(args):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.services import activate, create_account
    from certificates.rendering import render_pdf
    from certificates.services import issue_certificate
    from learning.tests.helpers import build_module
    from tests.tree import build_site

    t = build_site()
    module, lessons = build_module(t)
    multi, true_false, practice = (
        "22222222-2222-4222-8222-222222222222",
        "33333333-3333-4333-8333-333333333333",
        "11111111-1111-4111-8111-111111111111",
    )
    learner = create_account("bench@example.org", "Bench Learner", "en")
    activate(learner)

    print(
        f"Database: {connection.vendor}; load average {os.getloadavg()[0]:.2f} (1 min), "
        f"{os.cpu_count()} cores"
    )

    def progress(client):
        client.post(lessons[0].url, {"action": "complete"})
        client.post(lessons[2].url, {"action": "answer", "question": multi, "choice": ["b1"]})

    visitor, signed_in = Client(), Client()
    signed_in.force_login(learner)
    progress(visitor)
    progress(signed_in)
    urls = [("module", module.url)] + [
        (f"lesson {i + 1}", lesson.url) for i, lesson in enumerate(lessons)
    ]
    urls.append(("My learning", "/en/learning/my-learning/"))
    print("\n1. SQL queries per page (budget 15 for pages)")
    print(f"  {'page':<14}{'visitor':>9}{'learner':>9}")
    for name, url in urls:
        counts = []
        for client in (visitor, signed_in):
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts.append(len(queries.captured_queries))
        print(f"  {name:<14}{counts[0]:>9}{counts[1]:>9}")

    print(f"\n2. Marking an answer ({args.answers} answers each, signed-in learner), ms")
    for label, headers in (
        ("form POST (marking only)", {}),
        ("form POST + page again", {"follow": True}),
        ("JSON (with JavaScript)", {"HTTP_ACCEPT": "application/json"}),
    ):
        times = []
        for n in range(args.answers):
            choice = ["a1"] if n % 2 else ["a2"]
            started = time.perf_counter()
            response = signed_in.post(
                lessons[1].url,
                {"action": "answer", "question": practice, "choice": choice},
                **headers,
            )
            times.append(time.perf_counter() - started)
            assert response.status_code in (200, 302)
        print(
            f"  {label:<24} p50 {ms(statistics.median(times)):>7}   p95 {ms(percentile(times, 0.95)):>7}   max {ms(max(times)):>7}"
        )
    started = time.perf_counter()
    signed_in.post(
        lessons[2].url, {"action": "answer", "question": true_false, "choice": ["false"]}
    )
    print(f"  a test answer that may complete the module: {ms(time.perf_counter() - started)}")

    print(f"\n3. Certificate PDF (WeasyPrint), {args.pdfs} renders, ms")
    for name, language, title in (
        ("Bench Learner", "en", module.title),
        ("أمل الحسيني", "ar", "رعاية الأطفال"),
    ):
        user = create_account(f"{language}@example.org", name, language)
        certificate = issue_certificate(
            user,
            kind="learning.module",
            achievement_key=f"bench-{language}",
            title=title,
            language=language,
            score=90,
            transcript={"summary": "x"},
        )
        started = time.perf_counter()
        size = len(render_pdf(certificate))
        first = time.perf_counter() - started
        times = []
        for _ in range(args.pdfs):
            started = time.perf_counter()
            render_pdf(certificate)
            times.append(time.perf_counter() - started)
        print(
            f"  {language}: first {ms(first):>7}   p50 {ms(statistics.median(times)):>7}   p95 {ms(percentile(times, 0.95)):>7}   {size / 1024:.0f} KB"
        )

    print("\n4. Weight of a lesson with a quiz (gzipped, as served; budget 100 KB before images)")
    html = Client().get(lessons[2].url).content
    assets = [
        ROOT / "static/css/portal.css",
        ROOT / "static/js/portal.js",
        ROOT / "static/js/quiz.js",
    ]
    parts = [("HTML", html)] + [(path.name, path.read_bytes()) for path in assets]
    total = 0
    for name, data in parts:
        packed = len(gzip.compress(data, 6))
        total += packed
        print(f"  {name:<14}{len(data) / 1024:>8.1f} KB raw {packed / 1024:>8.1f} KB gzipped")
    print(
        f"  {'total':<14}{'':>15} {total / 1024:>8.1f} KB gzipped  ({'within' if total <= 100 * 1024 else 'OVER'} budget)"
    )
    print(f"\nLoad average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
