"""Real-browser tests: Debian's chromium driven by Playwright against a live portal.

Why the set-up is hand-made rather than pytest-django's `live_server` and `transactional_db`:
those flush the database after every test, and building the portal (pages in three languages,
roles, users) for each test would make the suite ten times slower. Instead each test module
gets one portal, built and committed once, served by one live server; afterwards the database
is flushed and the rows that migrations created (root page, locales, site, content types...)
are restored, exactly as Django's `serialized_rollback` does. So wherever these tests run in
the suite, first, last or in between, the tests after them find the database as migrations
left it.

No test here runs inside a transaction: what the live server writes is committed as in
production, so `on_commit` work (search indexing after publishing) happens, on SQLite and
PostgreSQL alike, and a module's tests see each other's writes until the module's clean-up.
This folder's `db` fixture therefore replaces pytest-django's (which would wrap each test in a
transaction) with plain database access; the tests still ask for `db` because that is how
pytest-django learns that the test database must be created.

Nothing is downloaded: the browser is Debian's `chromium` package, axe-core comes from the
npm lock file in this folder (`npm ci`, run by `make test`). Without them the tests are skipped
with the reason, except under CI (`CI=true`), where a missing tool fails the run.
"""

import functools
import os
import shutil
from pathlib import Path

import pytest
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread

HERE = Path(__file__).resolve().parent
AXE_SCRIPT = HERE / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = HERE.parents[1] / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "browser-test-password"


def _missing_tools():
    missing = []
    if not shutil.which("chromium"):
        missing.append("Debian's chromium is not installed (apt-get install chromium)")
    if not AXE_SCRIPT.exists():
        missing.append("axe-core is not installed (npm ci in tests/browser)")
    return missing


def _require_tools():
    missing = _missing_tools()
    if missing:
        reason = "; ".join(missing)
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"Browser tests cannot run in CI: {reason}", pytrace=False)
        pytest.skip(reason)


@pytest.fixture(scope="module")
def browser_tools():
    """Skips (fails under CI) before anything is built when chromium or axe-core is missing."""
    _require_tools()


@pytest.fixture(scope="module")
def chromium(browser_tools, portal):
    """Debian's chromium for one test module, started after the module's portal and closed
    before it, so that no browser connection outlives the server."""
    from django.db import connections
    from playwright.sync_api import sync_playwright

    connection = connections["default"]  # the one the portal was built with
    # Playwright's sync API runs an event loop in the test thread; Django would otherwise
    # refuse the database calls that fixtures and assertions make from it.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            # With that loop running, Django keeps connections per async context rather than
            # per thread, so the tests would open a second connection. On SQLite's in-memory
            # database that one would lock tables the live server writes ("database table is
            # locked"); on PostgreSQL it would stay open and stop the test database's removal.
            shared = connections["default"] is not connection
            if shared:
                connections["default"] = connection
            try:
                browser = playwright.chromium.launch(
                    executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
                )
                yield browser
                browser.close()
            finally:
                if shared:
                    del connections["default"]
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def db(portal):
    """Database access without pytest-django's per-test transaction (see the module docstring):
    the module's `portal` fixture holds the access and cleans up after the module."""


class _SerialWSGIServer(WSGIServer):
    """Handles one request at a time, in the server thread, which already uses the shared
    connection (so the override that LiveServerThread passes for request threads is unused)."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


class SerialLiveServerThread(LiveServerThread):
    """For SQLite's in-memory test database, whose one connection every request must share.

    Two requests on it at once, from two threads, would share one transaction: a view rolling
    back its atomic block could undo the other's writes. Served one after the other, they
    cannot. (Django asks the browser to close the connection after each response when the
    server is not threaded, so the browser's parallel requests simply queue.)
    """

    server_class = _SerialWSGIServer


@pytest.fixture(scope="module")
def portal(request, django_db_setup, django_db_blocker):
    """A live server over one portal built for this module; builds it with `build_portal`.

    It needs no browser: a module may also hold tests that check the built portal through
    Django's test client (test_languages.py checks the demo it builds that way too)."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connections
    from django.db.backends.base.creation import TEST_DATABASE_PREFIX
    from wagtail.models import Locale

    build = request.module.build_portal
    with django_db_blocker.unblock():
        connection = connections["default"]
        name = Path(str(connection.settings_dict["NAME"])).name
        in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()
        if not (in_memory or name.startswith(TEST_DATABASE_PREFIX)):  # flushed at the end!
            pytest.fail(f"The browser tests' portal must be built in a test database, not {name}.")
        # What migrations created; a transactional test that ran before may have flushed it.
        migrated = (
            getattr(connection, "_test_serialized_contents", None)
            or connection.creation.serialize_db_to_string()
        )
        if not Locale.objects.exists():
            connection.creation.deserialize_db_from_string(migrated)
        cache.clear()  # site root paths and renditions cached by earlier tests' rolled-back data
        data = build()
        overrides = {}
        if connection.vendor == "sqlite" and connection.is_in_memory_db():
            connection.inc_thread_sharing()
            overrides["default"] = connection
        server_thread = SerialLiveServerThread if overrides else LiveServerThread
        server = server_thread("127.0.0.1", StaticFilesHandler, overrides, port=0)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        data.url = f"http://127.0.0.1:{server.port}"
        try:
            yield data
        finally:
            server.terminate()
            if overrides:
                connection.dec_thread_sharing()
            # As Django's TransactionTestCase does: sequences keep counting, so the restored
            # rows' ids never collide with the next rows created.
            call_command(
                "flush",
                interactive=False,
                verbosity=0,
                reset_sequences=False,
                inhibit_post_migrate=True,
            )
            # The restored rows keep their ids, so the ContentType cache stays right; clearing it
            # would let signal handlers re-create content types before theirs are restored.
            connection.creation.deserialize_db_from_string(migrated)
            cache.clear()


@pytest.fixture
def page(chromium, portal):
    """A fresh browser context (no cookies) at phone-to-desktop-neutral width."""
    context = chromium.new_context(
        base_url=portal.url, viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


@functools.cache
def _axe_source():
    return AXE_SCRIPT.read_text(encoding="utf-8")


def run_axe(page):
    """axe-core's WCAG 2.0/2.1/2.2 A and AA violations on the page in `page` (a list)."""
    # Evaluated rather than added as a <script> tag: the portal's Content-Security-Policy
    # (rightly) refuses inline scripts, which add_script_tag would write.
    page.evaluate(_axe_source())
    # Only violations are read, so axe is told so (`resultTypes`): it then stops at one node
    # for the passing and inapplicable rules, instead of building a selector for each node
    # of the page they examined (axe-core's documented option for speed).
    result = page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag', values:
              ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
              resultTypes: ['violations']})"""
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [node["target"] for node in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]


def screenshot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def sign_in(page, username):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
