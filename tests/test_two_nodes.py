"""Two web nodes, one database, one Redis, one object store and the task worker (issue 18).

Real processes, as production runs them: two gunicorn nodes (2 sync workers each, production
settings, tests/two_nodes_settings.py) on their own ports, `manage.py db_worker` (the queue
the README runs), moto's S3 server as a stand-in for the bucket, the real Redis server under a
key prefix of this test's own, and this test's PostgreSQL database (committed rows: the test
runs outside a transaction). The test process only sets up the content and the users with the
ORM; everything else goes over HTTP:

* an administrator uploads an image through node A's admin; the worker makes its renditions
  in the bucket;
* a resource page using it waits in review; node B's anonymous cache is warmed with the
  library listing, the feed, the API listing and a search for the page's word;
* a reviewer approves it through node A's admin (Wagtail's workflow action); node B must then
  serve the page, the listing and the feed entry and the API item within 1 s of the approval,
  and the search result within 1 s of the worker finishing its tasks, never a stale cached copy;
* the page on node B links the image's rendition in the bucket, which answers with the image;
* the API throttle counts requests to A and B together.

PostgreSQL only (SQLite's test database lives in memory); skipped with the reason without
PostgreSQL or a Redis server.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
import requests
from django.conf import settings as django_settings
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from .shared_redis import TEST_REDIS_URL, delete_keys, needs_redis, new_prefix, redis_caches

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WORD = "zebrafinch"  # in no other page: a search for it finds only the new page
TITLE = f"Safe {WORD} shelters checklist"
THROTTLE = 20  # anonymous API requests a minute, across the nodes
DEADLINE = 1.0  # seconds

on_postgresql = pytest.mark.skipif(
    django_settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="two nodes share a PostgreSQL database (set DATABASE_URL to PostgreSQL)",
)
pytestmark = [
    needs_redis,
    on_postgresql,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_answers(url, process, seconds=45):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{process.args[:3]} exited with {process.returncode}")
        try:
            requests.get(url, timeout=10)
            return
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.1)
    raise AssertionError(f"{url} did not answer within {seconds} s")


class Cluster:
    """The processes of the test; each in its own process group, all stopped at the end."""

    def __init__(self, scratch):
        self.scratch = scratch
        self.processes = []

    def start(self, name, command, env):
        log = open(self.scratch / f"{name}.log", "w")
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        self.processes.append((name, process))
        return process

    def logs(self):
        return "\n".join(
            f"--- {path.name}\n{path.read_text()[-3000:]}" for path in self.scratch.glob("*.log")
        )

    def stop(self):
        for _name, process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for _name, process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)


@pytest.fixture
def cluster():
    with tempfile.TemporaryDirectory(prefix="portal-two-nodes-") as scratch:
        processes = Cluster(Path(scratch))
        try:
            yield processes
        finally:
            processes.stop()
            print(processes.logs())  # shown by pytest when the test fails


@pytest.fixture
def shared(settings):
    """This process writes through the same Redis prefix as the nodes (its bumps reach them)."""
    prefix = new_prefix()
    settings.CACHES = redis_caches(prefix)
    settings.PAGE_CACHE_SECONDS = 60
    yield prefix
    delete_keys(prefix)


def database_url():
    params = connection.settings_dict
    password = f":{params['PASSWORD']}" if params.get("PASSWORD") else ""
    return (
        f"postgresql://{params['USER']}{password}@{params['HOST'] or '127.0.0.1'}:"
        f"{params['PORT'] or 5432}/{params['NAME']}"
    )


def node_environment(prefix, s3_endpoint, scratch):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.two_nodes_settings",
        "SECRET_KEY": "two-nodes-test-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url(),
        "REDIS_URL": TEST_REDIS_URL,
        "CACHE_KEY_PREFIX": prefix,
        "PAGE_CACHE_SECONDS": "60",
        "API_ANON_RATE": f"{THROTTLE}/minute",
        "MEDIA_STORAGE": "s3",
        "MEDIA_BUCKET": "portal-two-nodes",
        "MEDIA_ENDPOINT_URL": s3_endpoint,
        "MEDIA_REGION": "us-east-1",
        "MEDIA_ACCESS_KEY_ID": "two-nodes",
        "MEDIA_SECRET_ACCESS_KEY": "two-nodes",
        "MEDIA_ADDRESSING_STYLE": "path",
        "STATIC_ROOT": str(scratch / "static"),
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "HSTS_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
        # Search by meaning loads its model in the worker; the lexical result is what is timed.
        "SEARCH_SEMANTIC": "false",
    }


def admin_session(base, username, password):
    """Signed in to the Wagtail admin of one node, as a browser would be."""
    session = requests.Session()
    login = base + reverse("wagtailadmin_login")
    session.get(login, timeout=10).raise_for_status()
    response = session.post(
        login,
        data={
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
            "next": "/admin/",
        },
        allow_redirects=False,
        timeout=10,
    )
    assert response.status_code == 302, response.text[:2000]
    return session


def csrf(session):
    return session.cookies["csrftoken"]


def set_up_content():
    """The English test site, the editorial roles, a reviewer and an administrator."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import PBKDF2PasswordHasher
    from django.contrib.auth.models import Group

    from editorial import roles

    from .tree import build_site

    site = build_site()
    roles.setup()
    users = get_user_model().objects
    # Hashed as production hashes (the test settings' hasher is not in production's list).
    password = PBKDF2PasswordHasher().encode("two-nodes-pw", "twonodessalt")
    reviewer = users.create_user("reviewer", "reviewer@example.org")
    reviewer.password = password
    reviewer.save()
    reviewer.groups.add(Group.objects.get(name=roles.REVIEWERS))
    specialist = users.create_user("specialist", "specialist@example.org")
    specialist.groups.add(Group.objects.get(name=roles.SPECIALISTS))
    admin = users.create_superuser("admin", "admin@example.org")
    admin.password = password
    admin.save()
    return site, specialist


def submit_draft(site, specialist, image):
    """A new resource in the library, submitted for review: a draft nobody sees yet."""
    from resources.models import ResourcePage

    page = ResourcePage(
        title=TITLE,
        slug="safe-shelters-checklist",
        live=False,
        year=2026,
        external_url="https://example.org/shelters",
        summary=f"How to check a {WORD} shelter before a child stays the night.",
        listing_image=image,
        owner=specialist,
    )
    site.library.add_child(instance=page)
    page.save_revision(user=specialist)
    page.get_workflow().start(page, specialist)
    return page


def tasks_settled():
    """Whether the queue has nothing due or running (the worker has done its job); a task
    deferred to later (a retry, a scheduled reminder) is not waited for."""
    from django_tasks_db.models import DBTaskResult

    return not (DBTaskResult.objects.ready().exists() or DBTaskResult.objects.running().exists())


def poll(check, seconds=10, every=0.02):
    """Seconds until check() is true (or None after `seconds`)."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if check():
            return time.monotonic() - started
        time.sleep(every)
    return None


def test_two_nodes_share_content_cache_media_and_throttle(shared, cluster):
    from django_tasks_db.models import DBTaskResult
    from wagtail.images import get_image_model

    from core.images import RENDITION_SPECS
    from core.page_cache import HEADER

    from .factories import png_bytes

    site, specialist = set_up_content()

    # The bucket, the two nodes and the worker.
    s3_port, port_a, port_b = free_port(), free_port(), free_port()
    s3 = f"http://127.0.0.1:{s3_port}"
    moto = cluster.start(
        "moto", [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(s3_port)], os.environ
    )
    env = node_environment(shared, s3, cluster.scratch)
    nodes = {}
    for name, port in (("a", port_a), ("b", port_b)):
        process = cluster.start(
            f"node-{name}",
            [str(BIN / "gunicorn"), "portal.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"],
            env,
        )
        nodes[name] = (f"http://127.0.0.1:{port}", process)
    worker = cluster.start(
        "worker", [sys.executable, "manage.py", "db_worker", "--queue-name", "*"], env
    )
    wait_until_answers(s3, moto)
    requests.put(f"{s3}/portal-two-nodes", timeout=10).raise_for_status()
    for base, process in nodes.values():
        wait_until_answers(base + "/robots.txt", process)
    node_a, node_b = nodes["a"][0], nodes["b"][0]
    assert worker.poll() is None, cluster.logs()

    # An image uploaded through node A's admin; the worker makes its renditions in the bucket.
    admin = admin_session(node_a, "admin", "two-nodes-pw")
    upload = admin.post(
        node_a + reverse("wagtailimages:add"),
        data={
            "csrfmiddlewaretoken": csrf(admin),
            "title": "Shelter doorway",
            "description": "A shelter's open doorway",
            "credit": "Two-nodes test",
            "collection": site.image.collection_id,
            "tags": "",
        },
        files={"file": ("doorway.png", png_bytes(320, 240), "image/png")},
        allow_redirects=False,
        timeout=30,
    )
    assert upload.status_code == 302, upload.text[:3000]
    image = get_image_model().objects.get(title="Shelter doorway")
    assert image.file.name.startswith("original_images/")
    made = poll(lambda: image.renditions.count() == len(RENDITION_SPECS), seconds=30)
    assert made is not None, "the worker made no renditions\n" + cluster.logs()

    page = submit_draft(site, specialist, image)
    library = site.library.url
    feed, api = "/en/feeds/rss/", "/api/v2/pages/?type=resources.ResourcePage&fields=title"
    search = f"/en/search/?q={WORD}"
    anonymous = requests.Session()
    # One address for both nodes, as behind a load balancer (the cache key holds the host).
    anonymous.headers["Host"] = "localhost"

    # Node B's anonymous cache holds the listings without the page (served as hits).
    assert anonymous.get(node_b + page.url, timeout=10).status_code == 404
    for url in (library, feed, api, search):
        anonymous.get(node_a + url, timeout=10)
        response = anonymous.get(node_b + url, timeout=10)
        assert response.status_code == 200, url
        assert response.headers[HEADER] == "hit", url
        assert TITLE not in response.text, url
    assert poll(tasks_settled, seconds=30) is not None

    # The reviewer approves on node A, through Wagtail's workflow action.
    reviewer = admin_session(node_a, "reviewer", "two-nodes-pw")
    task_state = page.current_workflow_task_state
    action = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    before_approval = DBTaskResult.objects.count()
    asked_wall = timezone.now()
    approval = reviewer.post(
        node_a + action,
        data={"csrfmiddlewaretoken": csrf(reviewer), "comment": "Clear and current."},
        allow_redirects=False,
        timeout=30,
    )
    approved = time.monotonic()
    approved_wall = timezone.now()
    assert approval.status_code == 302, approval.text[:3000]
    page.refresh_from_db()
    assert page.live

    # Each address polled on node B by its own client from the moment the approval returned.
    # Timed: when the first request that showed the page was sent (how soon node B had it)
    # and when its answer was complete (that, plus rendering on this busy machine).
    seen = {}

    def watch(name, url):
        session = requests.Session()
        session.headers["Host"] = "localhost"
        while time.monotonic() - approved < 15:
            sent = time.monotonic() - approved
            response = session.get(node_b + url, timeout=10)
            if response.status_code == 200 and TITLE in response.text:
                seen[name] = (sent, time.monotonic() - approved, response.headers.get(HEADER))
                return
            time.sleep(0.02)

    addresses = {"page": page.url, "listing": library, "feed": feed, "api": api, "search": search}
    watchers = [threading.Thread(target=watch, args=item) for item in addresses.items()]
    for thread in watchers:
        thread.start()
    assert poll(tasks_settled, seconds=30) is not None, cluster.logs()
    worker_done = time.monotonic() - approved
    for thread in watchers:
        thread.join()
    assert DBTaskResult.objects.count() > before_approval  # the approval queued work
    missing = set(addresses) - set(seen)
    assert not missing, f"node B never showed the new page in its {missing}\n{cluster.logs()}"
    timings = {name: (round(sent, 3), round(done, 3)) for name, (sent, done, _) in seen.items()}
    print(
        f"\nseconds after the approval on node A, (request sent, answer complete), "
        f"worker done at {worker_done:.3f}: {timings}"
    )
    # What the worker did: (task, queued, started, finished) in seconds after the approval.
    tasks = DBTaskResult.objects.filter(enqueued_at__gte=asked_wall).order_by("enqueued_at")
    print(
        [
            (
                row.task_path.rsplit(".", 1)[-1],
                *(
                    round((moment - approved_wall).total_seconds(), 3) if moment else None
                    for moment in (row.enqueued_at, row.started_at, row.finished_at)
                ),
            )
            for row in tasks
        ]
    )
    for name in ("page", "listing", "feed", "api"):
        assert seen[name][0] <= DEADLINE, (name, seen[name])  # asked within 1 s of the approval
    for name in addresses:  # and answered within 1 s of the worker having done its job
        assert seen[name][1] <= worker_done + DEADLINE, (name, seen[name], worker_done)
    # Node B's listings are cached again, with the page, once the worker is done.
    assert poll(tasks_settled, seconds=30) is not None
    for url in (library, feed, api, search):
        anonymous.get(node_b + url, timeout=10)
        response = anonymous.get(node_b + url, timeout=10)
        assert response.headers[HEADER] == "hit" and TITLE in response.text, url

    # The page on node B shows the image from the bucket, where the worker put its renditions.
    html = anonymous.get(node_b + page.url, timeout=10).text
    images = set(re.findall(rf'{re.escape(s3)}/portal-two-nodes/images/[^"\s]+', html))
    assert images, "node B's page links no rendition in the bucket"
    for url in images:
        response = requests.get(url, timeout=10)
        assert response.status_code == 200, url
        assert response.headers["Content-Type"].startswith("image/")
        assert response.content[:4] in (b"\xff\xd8\xff\xe0", b"\xff\xd8\xff\xdb", b"RIFF")

    # The API throttle: one count for this address across both nodes (and their 4 workers).
    # Distinct addresses, so that no answer comes from the page cache (a cached answer never
    # reaches the throttle, as it costs no rendering), and a fresh count.
    delete_keys(shared)
    answers = {"a": [], "b": []}
    for number in range(2 * THROTTLE):
        name = "ab"[number % 2]
        response = anonymous.get(
            f"{nodes[name][0]}/api/v2/pages/?limit=1&offset={number}", timeout=10
        )
        assert response.headers.get(HEADER) != "hit"
        answers[name].append(response.status_code)
    passed = sum(code == 200 for codes in answers.values() for code in codes)
    assert passed <= THROTTLE, answers
    assert passed == THROTTLE, answers  # nor did it refuse more than the limit
    assert all(code in (200, 429) for codes in answers.values() for code in codes), answers
    assert answers["a"].count(200) and answers["b"].count(200)  # both nodes served some
