"""Step 5 of throughput.py: the time from a reviewer's approval to the change visible everywhere.

Each draft is approved in this process (Wagtail's workflow, as a reviewer's request would) while
threads poll both nodes for the page, a search for its word, the feed entry and the API item.
Besides when each was first seen, it reads what the approval queued from the task table
(queued, started and finished, in the worker's clock, which is this machine's), so the time can
be told apart: the approval's own transaction, the worker's wait before it picks the tasks up,
each task's run, and the nodes' renders after the content generation changed.
"""

import gzip
import secrets
import statistics
import threading
import time

from bench.common import percentile

INDEX_TASKS = ("modelsearch.tasks.insert_or_update_object_task", "search.tasks.reindex_pages")
EMBED_TASK = "search.tasks.embed_pages"


def prepare_drafts(count):
    """`count` resources waiting in review, each with a word no other page has."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    from resources.models import ResourceLibraryPage, ResourcePage

    library = ResourceLibraryPage.objects.filter(locale__language_code="en").first()
    specialist, _ = get_user_model().objects.get_or_create(
        username="bench-specialist", defaults={"email": "bench-specialist@example.org"}
    )
    drafts = []
    for number in range(count):
        word = f"benchword{secrets.token_hex(3)}"
        page = ResourcePage(
            title=f"Bench resource {number} {word}",
            slug=f"bench-resource-{number}-{word}",
            live=False,
            year=2026,
            external_url="https://example.org/bench",
            summary=f"A resource about {word} for the approval benchmark.",
            owner=specialist,
        )
        library.add_child(instance=page)
        page.save_revision(user=specialist)
        page.get_workflow().start(page, specialist)
        drafts.append((Page.objects.get(pk=page.pk).specific, word))
    return drafts


def wait_for_queue(seconds=300):
    """Until the worker has run every task that is due (the drafts' e-mail and references)."""
    from django.db import close_old_connections
    from django_tasks_db.models import DBTaskResult

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        close_old_connections()
        if not (DBTaskResult.objects.ready().exists() or DBTaskResult.objects.running().exists()):
            return
        time.sleep(0.2)
    raise SystemExit(f"the worker did not empty the queue within {seconds} s")


def warm(clients, page):
    """Each node renders each kind of address once (a search, the feed, the API, a resource),
    so the first approval does not time the workers' first imports and queries."""
    for make in clients.values():
        client = make()
        for path in (
            "/en/search/?q=benchwarmup",
            "/en/feeds/rss/",
            "/api/v2/pages/?type=resources.ResourcePage&slug=benchwarmup",
            page.get_url(),
        ):
            for _ in range(3):  # each of a node's two workers, most likely
                client.get(path)


def watch(get, what, path, text, state):
    """GET `path` from one node until it shows `text`; note the seconds since the approval."""
    state["go"].wait()
    while time.monotonic() - state["started"] < 30:
        try:
            status, body, response = get(path)
        except OSError:
            status, body = 0, b""
        if status == 200:
            if response.getheader("Content-Encoding") == "gzip":
                body = gzip.decompress(body)
            if text.encode() in body:
                with state["lock"]:
                    state["seen"][what] = time.monotonic() - state["started"]
                return
        time.sleep(0.05)


def queued_since(wall_start):
    """(task path, queued, started, finished) in seconds after `wall_start`, of tasks queued
    since then, once the worker has run them all."""
    from django_tasks_db.models import DBTaskResult

    wait_for_queue(60)
    rows = DBTaskResult.objects.filter(enqueued_at__gte=wall_start).order_by("enqueued_at")
    timeline = []
    for row in rows:
        times = [
            (moment - wall_start).total_seconds() if moment else None
            for moment in (row.enqueued_at, row.started_at, row.finished_at)
        ]
        timeline.append((row.task_path, *times))
    return timeline


def approvals(drafts, clients):
    """Approve each draft, then poll every node until the page, search, feed and API show it.

    `clients` maps a node's name to a function making a keep-alive client (its `get(path)`
    answers (status, body, response)). Returns the seconds to visible per channel, and the
    breakdown of each approval's time.
    """
    from datetime import UTC, datetime

    from django.contrib.auth import get_user_model
    from django.db import close_old_connections

    reviewer, _ = get_user_model().objects.get_or_create(
        username="bench-reviewer", defaults={"email": "bench-reviewer@example.org"}
    )
    reviewer.is_superuser = True
    reviewer.save()
    results = {"page": [], "search": [], "feed": [], "API": [], "all": []}
    phases = {}
    for page, word in drafts:
        close_old_connections()
        url = page.get_url()
        checks = {
            "page": (url, page.title),
            "search": (f"/en/search/?q={word}", page.title),
            "feed": ("/en/feeds/rss/", page.title),
            "API": (f"/api/v2/pages/?type=resources.ResourcePage&slug={page.slug}", page.title),
        }
        state = {"seen": {}, "lock": threading.Lock(), "go": threading.Event(), "started": 0.0}
        threads = [
            threading.Thread(target=watch, args=(make().get, (node, what), path, text, state))
            for node, make in clients.items()
            for what, (path, text) in checks.items()
        ]
        for thread in threads:
            thread.start()
        task_state = page.current_workflow_task_state
        wall_start = datetime.now(UTC)
        state["started"] = time.monotonic()
        state["go"].set()
        task_state.approve(user=reviewer, comment="Benchmark approval.")
        committed = time.monotonic() - state["started"]
        for thread in threads:
            thread.join()
        seen = state["seen"]
        if len(seen) != len(threads):
            missing = sorted({key for node in clients for key in checks if (node, key) not in seen})
            raise SystemExit(f"{page.title}: never visible in {missing} within 30 s")
        for what in checks:
            results[what].append(max(seen[(node, what)] for node in clients))
        results["all"].append(max(seen.values()))
        note(phases, committed, queued_since(wall_start))
    return results, phases


def note(phases, committed, timeline):
    """Add one approval's phases (seconds after the approval started) to `phases`."""

    def add(name, value):
        if value is not None:
            phases.setdefault(name, []).append(value)

    add("approval committed (tasks visible to the worker)", committed)
    if not timeline:
        return
    add("last task queued", max(queued for _path, queued, _s, _f in timeline))
    add("worker picks up the first task", min(s for _p, _q, s, _f in timeline if s is not None))
    for label, paths in (("search index", INDEX_TASKS), ("embedding", (EMBED_TASK,))):
        rows = [row for row in timeline if row[0] in paths]
        if rows:
            add(f"{label} task started", min(row[2] for row in rows))
            add(f"{label} task finished", max(row[3] for row in rows))
            add(f"{label} task run (s)", sum(row[3] - row[2] for row in rows))
    add("all tasks finished", max(row[3] for row in timeline if row[3] is not None))
    add("tasks queued", len(timeline))
    for path, _queued, started, finished in timeline:
        if started is not None and finished is not None:
            add(f"run of {path.rsplit('.', 1)[-1]} (s)", finished - started)


def summary(values):
    return (
        f"{statistics.median(values):.2f}",
        f"{percentile(values, 0.95):.2f}",
        f"{max(values):.2f}",
    )
