"""Throughput of the portal's pages, cached and uncached, beside a static file, on PostgreSQL.

Usage (from the repository root, after `make install`; PostgreSQL and Redis running):

    .venv/bin/python bench/scale/throughput.py [--seconds 10] [--clients 4]
        [--load-seconds 60] [--load-clients 50] [--approvals 20] [--only approvals]
        [--database-url postgresql://postgres@127.0.0.1:5432/] [--redis-url redis://127.0.0.1:6379/5]

What it does, in one run (everything it makes is removed afterwards):

1. builds a scratch PostgreSQL database (`portal_bench_<random>` on the server of
   --database-url) with the demo content (`migrate`, the `setup_*` commands, `load_demo_content`,
   `update_index`) and collects the static files into a temporary folder;
2. starts four nodes with the production settings, gunicorn with 2 sync workers each, sharing
   that database and Redis (a key prefix of its own): node U with the page cache off
   (`PAGE_CACHE_SECONDS=0`: every request renders the page) but the fragments on (the site,
   navigation and listings shared per content generation, core.fragments, as in production),
   node C with both off (`FRAGMENT_CACHE_SECONDS=0` too: every part built, as on the first
   request after a publish, or as before issue 18), nodes A and B with the page cache on (the
   default, 600 s); and the task worker
   (`manage.py db_worker`). The API's anonymous rate is raised so the throttle does not answer
   the load with 429s;
3. measures requests/s, p50 and p99 for `--seconds` with `--clients` keep-alive clients
   (threads with http.client) for: a static file (whitenoise, same gunicorn), the home page, a
   content area, a case study, a resource, the search page (?q=child) and an API listing of 20
   resources, each uncached with no fragments (node C), uncached with fragments (node U), on
   node U again with the content generation renewed in Redis before every request (so every
   fragment is built and stored, never read: the first request after a publish), and cached
   (node A, warmed by one request first);
4. runs `--load-clients` clients for `--load-seconds` against node A's warm cache, across the
   six pages, and reports p99 and errors;
5. once the worker has run what the drafts queued, approves `--approvals` resources waiting in
   review (Wagtail's workflow, in this process, as a reviewer's request would) and measures the
   time until the page, a search for its word, the feed entry and the API item are served by
   both A and B (p50, p95), with what that time is made of (bench/scale/visibility.py);
6. prints each gunicorn worker's resident memory (VmRSS) and each node's total, and the load
   average at the start and the end.

`--only approvals` skips steps 3 and 4 (and nodes U and C): the approvals alone, in a minute or two
with `--reuse`.

The clients share the machine's cores with gunicorn, PostgreSQL and Redis: compare rows of one
run, and re-run when the load average is high.
"""

import argparse
import http.client
import os
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
BIN = Path(PYTHON).parent
sys.path.insert(0, str(ROOT))

from bench.common import free_port, loadavg, percentile, run_load  # noqa: E402
from bench.scale import visibility  # noqa: E402


class Client:
    """One keep-alive HTTP connection."""

    def __init__(self, port):
        self.port = port
        self.connection = None

    def get(self, path):
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            try:
                self.connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
                response = self.connection.getresponse()
                body = response.read()
                if response.getheader("Connection", "").lower() == "close":
                    self.connection.close()
                    self.connection = None
                return response.status, body, response
            except (http.client.HTTPException, OSError):
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")


def measure(port, paths, seconds, clients, before=None):
    """`clients` keep-alive clients GET `paths` in turn for `seconds`: (req/s, p50, p99, errors).

    `before()`, if given, runs before each request (and is timed with it).
    """

    def fetch(client, number):
        if before is not None:
            before()
        status, _body, _response = client.get(paths[number % len(paths)])
        return status == 200

    return run_load(
        fetch, seconds, clients, lambda: Client(port), (http.client.HTTPException, OSError)
    )


def run(env, *args, quiet=True):
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def wait_for(port, process, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"a process exited with {process.returncode}")
        try:
            Client(port).get("/robots.txt")
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"port {port} did not answer within {seconds} s")


def rss_kb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid):
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(child) for child in text.split()]


def table(header, rows):
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--load-seconds", type=float, default=60)
    parser.add_argument("--load-clients", type=int, default=50)
    parser.add_argument("--approvals", type=int, default=20)
    parser.add_argument(
        "--only", choices=["approvals"], help="run only step 5 (the approvals), not the load"
    )
    parser.add_argument("--database-url", default="postgresql://postgres@127.0.0.1:5432/")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/5")
    parser.add_argument(
        "--keep-database", action="store_true", help="leave the scratch database for --reuse"
    )
    parser.add_argument("--reuse", metavar="NAME", help="a database a --keep-database run left")
    parser.add_argument("--name", help="the scratch database's name (default: portal_bench_…)")
    args = parser.parse_args()

    print(f"load average at the start: {loadavg()} ({os.cpu_count()} cores)", flush=True)
    server = args.database_url.rstrip("/")
    server = server[: server.rfind("/")] if urlsplit(server).path.strip("/") else server
    name = args.reuse or args.name or f"portal_bench_{secrets.token_hex(4)}"
    prefix = f"bench-{secrets.token_hex(4)}"

    import psycopg

    admin = psycopg.connect(f"{server}/postgres", autocommit=True)
    if not args.reuse:
        admin.execute(f'CREATE DATABASE "{name}"')
    processes = []
    scratch = tempfile.TemporaryDirectory(prefix="portal-bench-throughput-")
    work = Path(scratch.name)
    try:
        env = {
            **os.environ,
            "DATABASE_URL": f"{server}/{name}",
            "MEDIA_ROOT": str(work / "media"),
            "STATIC_ROOT": str(work / "static"),
            "REDIS_URL": args.redis_url,
            "CACHE_KEY_PREFIX": prefix,
        }
        build = {**env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "PAGE_CACHE_SECONDS": "0"}
        print(f"building the demo portal in {name} (a few minutes)…", flush=True)
        started = time.monotonic()
        for command in (
            "migrate",
            "setup_editorial",
            "setup_partners",
            "setup_learning",
            "setup_programmes",
            "setup_communities",
            "load_demo_content",
            "update_index",
        ):
            if not args.reuse or command == "migrate":
                run(build, command)
        production = {
            **env,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "bench-" + "x" * 60,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "HSTS_SECONDS": "0",
            "LOG_LEVEL": "WARNING",
            "API_ANON_RATE": "1000000/minute",
        }
        run(production, "collectstatic", "--noinput")
        print(f"built in {time.monotonic() - started:.0f} s", flush=True)

        # This process reviews: the ORM on the same database, cache and queue as the nodes.
        os.environ.update(production)
        os.environ["PAGE_CACHE_SECONDS"] = "600"
        import django

        django.setup()
        pages, drafts = prepare_pages(args.approvals)

        nodes = {}
        # (node, PAGE_CACHE_SECONDS, FRAGMENT_CACHE_SECONDS)
        labels = (("C", "0", "0"), ("U", "0", "600"), ("A", "600", "600"), ("B", "600", "600"))
        for label, cache_seconds, fragment_seconds in labels[2:] if args.only else labels:
            port = free_port()
            process = subprocess.Popen(
                [
                    str(BIN / "gunicorn"),
                    "portal.wsgi",
                    "--workers",
                    "2",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--log-level",
                    "warning",
                ],
                cwd=ROOT,
                # ERROR: the approvals poll pages that are not live yet (a 404 warning each).
                env={
                    **production,
                    "PAGE_CACHE_SECONDS": cache_seconds,
                    "FRAGMENT_CACHE_SECONDS": fragment_seconds,
                    "LOG_LEVEL": "ERROR",
                },
                start_new_session=True,
            )
            processes.append(process)
            nodes[label] = (port, process)
        worker = subprocess.Popen(
            [PYTHON, "manage.py", "db_worker", "--queue-name", "*"],
            cwd=ROOT,
            env=production,
            start_new_session=True,
            stdout=subprocess.DEVNULL,  # e-mail goes to the console without EMAIL_HOST
            stderr=subprocess.DEVNULL,
        )
        processes.append(worker)
        for port, process in nodes.values():
            wait_for(port, process)

        rows, load, memory_after_pages = [], None, memory(nodes)
        if not args.only:
            cold, uncached, cached = nodes["C"][0], nodes["U"][0], nodes["A"][0]
            # The truly cold row: a new content generation before every request, as if every
            # request followed a publish, so no fragment is ever read (each is built and stored).
            import redis

            bumper = redis.Redis.from_url(args.redis_url)

            def renew_generation():
                bumper.incr(f"{prefix}:1:content-generation")  # Django's key: prefix:version:key

            rows = []
            for what, path in pages:
                if what == "static file":
                    targets = [("through whitenoise", cached)]
                else:
                    targets = [
                        ("uncached, no fragments", cold),
                        ("uncached, fragments on", uncached),
                        ("uncached, fragments renewed every request", uncached),
                        ("cached", cached),
                    ]
                for how, port in targets:
                    renewing = renew_generation if "renewed" in how else None
                    client = Client(port)
                    status, _, response = client.get(path)
                    assert status == 200, (what, path, status)
                    if how == "cached":
                        status, _, response = client.get(path)
                        assert response.getheader("X-Portal-Cache") == "hit", (what, path)
                    rate, p50, p99, errors = measure(
                        port, [path], args.seconds, args.clients, before=renewing
                    )
                    rows.append((what, how, f"{rate:.0f}", f"{p50:.1f}", f"{p99:.1f}", errors))
                    print(f"  {what}, {how}: {rate:.0f} req/s", flush=True)
            memory_after_pages = memory(nodes)

            page_paths = [path for what, path in pages if what != "static file"]
            load = measure(cached, page_paths, args.load_seconds, args.load_clients)
            print(f"  {args.load_clients} clients for {args.load_seconds:g} s: done", flush=True)

        visibility.wait_for_queue()
        print(f"  queue empty; approving (load average {loadavg()})", flush=True)
        clients = {name: (lambda port=nodes[name][0]: Client(port)) for name in ("A", "B")}
        visibility.warm(clients, first_live_resource())
        visible, phases = visibility.approvals(drafts, clients)

        if not args.only:
            print(
                f"\n{args.clients} keep-alive clients, {args.seconds:g} s per row, gunicorn 2 sync "
                f"workers per node, PostgreSQL, Redis, {os.cpu_count()} cores\n"
            )
            table(("page", "served", "req/s", "p50 ms", "p99 ms", "errors"), rows)
            rate, p50, p99, errors = load
            print(
                f"\n{args.load_clients} clients, {args.load_seconds:g} s, warm cache, the six pages "
                f"in turn (node A): {rate:.0f} req/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms, "
                f"{errors} errors"
            )
        print(
            f"\napproval to visible on nodes A and B (page, search, feed, API), worker running, "
            f"N={len(visible['all'])}:"
        )
        table(
            ("what", "p50 s", "p95 s", "max s"),
            [
                (
                    what,
                    f"{statistics.median(times):.2f}",
                    f"{percentile(times, 0.95):.2f}",
                    f"{max(times):.2f}",
                )
                for what, times in visible.items()
            ],
        )
        print("\nwhat the approval's time is made of (seconds after it started, or a run):")
        table(
            ("phase", "p50", "p95", "max"),
            [(phase, *visibility.summary(values)) for phase, values in phases.items()],
        )
        print("\nresident memory (VmRSS) after the page rows, and at the end:")
        table(
            ("node", "process", "after pages MB", "at the end MB"),
            [
                (node, process, f"{before / 1024:.0f}", f"{after / 1024:.0f}")
                for (node, process, before), (_, _, after) in zip(
                    memory_after_pages, memory(nodes), strict=False
                )
            ],
        )
    finally:
        for process in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        try:
            from django.db import connections

            connections.close_all()
        except Exception:
            pass
        if args.keep_database:
            print(f"kept the database {name} (--reuse {name})")
        else:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
        delete_keys(args.redis_url, prefix)
        scratch.cleanup()
    print(f"\nload average at the end: {loadavg()}")


def memory(nodes):
    """(node, process, VmRSS kB) for each gunicorn worker, each master and each node in all."""
    rows = []
    for label, (_port, process) in nodes.items():
        master = rss_kb(process.pid)
        workers = [rss_kb(child) for child in children(process.pid)]
        for number, kb in enumerate(workers, 1):
            rows.append((label, f"worker {number}", kb))
        rows.append((label, "master", master))
        rows.append((label, "node (master + workers)", master + sum(workers)))
    return rows


def delete_keys(url, prefix):
    import redis

    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)
    client.close()


# Inside Django (after django.setup())


def first_live_resource():
    from resources.models import ResourcePage

    return ResourcePage.objects.live().filter(locale__language_code="en").first()


def prepare_pages(count):
    """The measured addresses in the demo content, and `count` resources waiting in review."""
    from django.contrib.staticfiles.storage import staticfiles_storage

    from case_studies.models import CaseStudyPage
    from content_areas.models import ContentAreaPage
    from home.models import HomePage
    from resources.models import ResourcePage

    def first(model):
        page = model.objects.live().filter(locale__language_code="en").order_by("path").first()
        return page.get_url()

    pages = [
        ("static file", staticfiles_storage.url("css/portal.css")),
        ("home page", first(HomePage)),
        ("content area", first(ContentAreaPage)),
        ("case study", first(CaseStudyPage)),
        ("resource", first(ResourcePage)),
        ("search (?q=child)", "/en/search/?q=child"),
        ("API listing (20 resources)", "/api/v2/pages/?type=resources.ResourcePage&limit=20"),
    ]
    return pages, visibility.prepare_drafts(count)


if __name__ == "__main__":
    main()
