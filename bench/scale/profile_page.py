"""Where an uncached page's time goes: ms and CPU ms per request, queries, and the top frames.

Usage (from the repository root; a database with the demo content, e.g. one that
`bench/scale/throughput.py --only approvals --approvals 1 --keep-database --name NAME` kept):

    .venv/bin/python bench/scale/profile_page.py --database-url postgresql://…/NAME
        [--requests 40] [--warm-up 5] [--top 25] [--path /en/ …] [--no-profile]
        [--root OTHER_CHECKOUT] [--static-root DIR]

Why it exists: `throughput.py` says how many requests/s a page takes, not what they are spent
on, and on a shared machine its numbers move with the load. This serves each page in this
process with the production settings and the full-page cache off (`PAGE_CACHE_SECONDS=0`, as
node U of throughput.py), through the whole middleware stack (Django's test client), and
prints per page the wall and CPU milliseconds per request (CPU time is this process's only,
so it moves less with the machine's load than the wall time; the database's own time is in
the wall time only), the queries per request, then cProfile's top frames over all pages.

`--root` serves another checkout's code (e.g. `git archive` of an older commit unpacked in a
temporary folder) with this script, so two versions compare in one run on one database.
With `REDIS_URL` set, the cache is the shared Redis one, as in production; otherwise Django's
memory cache.
"""

import argparse
import cProfile
import io
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(HERE))

from bench.common import loadavg  # noqa: E402


def setup(root, database_url, static_root):
    """Production settings on `database_url`, the page cache off, `root`'s code imported."""
    os.chdir(root)
    sys.path.insert(0, str(root))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DATABASE_URL=database_url,
        SECRET_KEY="profile-" + "x" * 60,
        ALLOWED_HOSTS="testserver,127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        HSTS_SECONDS="0",
        LOG_LEVEL="WARNING",
        PAGE_CACHE_SECONDS="0",
        API_ANON_RATE="1000000/minute",  # as throughput.py: the throttle must not answer 429
        STATIC_ROOT=str(static_root),
    )
    if not (Path(static_root) / "staticfiles.json").exists():
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput"],
            cwd=root,
            env=os.environ,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    import django

    django.setup()


def default_paths():
    """The home page in English and Arabic, the first content area, case study and resource,
    a search and an API listing: throughput.py's pages."""
    from case_studies.models import CaseStudyPage
    from content_areas.models import ContentAreaPage
    from resources.models import ResourcePage

    def first(model):
        page = model.objects.live().filter(locale__language_code="en").order_by("path").first()
        return page.get_url() if page else None

    paths = [
        "/en/",
        "/ar/",
        first(ContentAreaPage),
        first(CaseStudyPage),
        first(ResourcePage),
        "/en/search/?q=child",
        "/api/v2/pages/?type=resources.ResourcePage&limit=20",
    ]
    return [path for path in paths if path]


def serve(client, path):
    response = client.get(path, HTTP_ACCEPT_ENCODING="gzip")  # as throughput.py's clients
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    return response


def measure(client, path, requests, warm_up):
    """(wall ms, CPU ms, queries) per request of `path`, after `warm_up` requests."""
    from django.db import connection

    for _ in range(warm_up):
        serve(client, path)
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)
    ):
        serve(client, path)
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(requests):
        serve(client, path)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return wall * 1000 / requests, cpu * 1000 / requests, len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--warm-up", type=int, default=5)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--path", action="append", help="a page to serve (default: five pages)")
    parser.add_argument("--no-profile", action="store_true", help="the timings only")
    parser.add_argument("--save", type=Path, help="write the profile here (pstats format)")
    parser.add_argument("--root", type=Path, default=HERE, help="the checkout whose code to serve")
    parser.add_argument("--static-root", type=Path, help="collected static files (else a temp dir)")
    args = parser.parse_args()

    static = args.static_root or Path(tempfile.mkdtemp(prefix="portal-profile-static-"))
    setup(args.root.resolve(), args.database_url, static)
    from django.test import Client

    client = Client()
    paths = args.path or default_paths()
    print(f"load average at the start: {loadavg()} ({os.cpu_count()} cores); code: {args.root}")
    print("\n| page | wall ms/request | CPU ms/request | queries |\n|---|---|---|---|")
    for path in paths:
        wall, cpu, queries = measure(client, path, args.requests, args.warm_up)
        print(f"| {path} | {wall:.1f} | {cpu:.1f} | {queries} |", flush=True)
    print(f"\nload average at the end: {loadavg()}")
    if args.no_profile:
        return

    profiler = cProfile.Profile()
    profiler.enable()
    for path in paths:
        for _ in range(args.requests):
            serve(client, path)
    profiler.disable()
    if args.save:
        profiler.dump_stats(args.save)
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order)
        stats.print_stats(args.top)
        print(f"\n{len(paths) * args.requests} requests, top frames by {order}:")
        print(("ncalls" + out.getvalue().split("ncalls", 1)[-1]).rstrip())


if __name__ == "__main__":
    main()
