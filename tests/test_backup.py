"""Backup and restore drill (issue 13, item 11): database and uploaded files, one archive.

A dump of the database alone left every download a 404 after a restore. The drill backs up,
loses data and files, restores, compares the row count of every table, and downloads a
document again. On SQLite (the SQLite backup API) and, when DATABASE_URL names PostgreSQL,
with pg_dump/pg_restore.
"""

import shutil
import tempfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TransactionTestCase, override_settings
from wagtail.models import Collection

from core.backup import row_counts

from . import factories as f

PG_TOOLS = shutil.which("pg_dump") and shutil.which("pg_restore")


class TestBackupAndRestore(TransactionTestCase):
    # A restore replaces every table and the class flushes them after. serialized_rollback
    # puts back what the migrations created (root page, locales, site...) before each test;
    # the root conftest puts it back after the last, for the test modules that follow.
    serialized_rollback = True

    def setUp(self):
        if connection.vendor == "postgresql" and not PG_TOOLS:
            pytest.skip("pg_dump/pg_restore (PostgreSQL's client tools) are not installed")
        scratch = Path(tempfile.mkdtemp(prefix="portal-backup-test-"))
        self.addCleanup(shutil.rmtree, scratch, True)
        self.media = scratch / "media"
        self.archive = scratch / "portal.tar.gz"
        settings = override_settings(MEDIA_ROOT=self.media)
        settings.enable()
        self.addCleanup(settings.disable)

    def test_restore_drill(self):
        # A TransactionTestCase starts from empty tables, without the migrations' root collection.
        root = Collection.get_first_root_node() or Collection.add_root(name="Root")
        collection = root.add_child(name="Reports")
        document = f.DocumentFactory(title="Annual report", collection=collection)
        f.DocumentFactory(title="Second report")
        url = document.url
        original = self.client.get(url)
        assert original.status_code == 200
        content = b"".join(original.streaming_content)
        before = row_counts()

        call_command("backup_portal", str(self.archive), verbosity=0)
        assert self.archive.stat().st_size > 0

        # The disaster: rows deleted and added, every uploaded file gone.
        document.delete()
        f.DocumentFactory(title="Written after the backup")
        shutil.rmtree(self.media)
        assert self.client.get(url).status_code == 404

        call_command("restore_portal", str(self.archive), "--yes", verbosity=0)

        assert row_counts() == before
        restored = self.client.get(url)
        assert restored.status_code == 200
        assert b"".join(restored.streaming_content) == content

    def test_restore_asks_for_confirmation_and_refuses_other_files(self):
        with pytest.raises(CommandError, match="--yes"):
            call_command("restore_portal", str(self.archive))
        self.archive.write_bytes(b"not an archive")
        with pytest.raises(CommandError, match="not a portal backup"):
            call_command("restore_portal", str(self.archive), "--yes")
