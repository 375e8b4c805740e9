"""Back up and restore the whole portal: the database and the uploaded files, in one archive.

A database dump alone restores every table but no document or image file, so a restored site
would answer 404 for every download. The archive (a .tar.gz) holds:

* `database.sqlite3` (SQLite, copied with SQLite's online backup API, safe while the site
  runs) or `database.dump` (PostgreSQL, `pg_dump --format=custom`, restored with
  `pg_restore --clean`: the client tools of the server's major version must be installed);
* `media/`, every file under MEDIA_ROOT (documents, images and their renditions);
* `manifest.json`: when, from which database engine, and the row count of every table, which
  a restore checks afterwards.

With media in object storage (MEDIA_STORAGE=s3) the uploaded files are in the bucket, not under
MEDIA_ROOT: the archive then holds the database only, the manifest says where the files are, and
both commands say so. The bucket is backed up by the store (versioning, replication; see
docs/deployment.md), and a restore leaves it as it is.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import connection

SQLITE_NAME, POSTGRES_NAME = "database.sqlite3", "database.dump"


class BackupError(Exception):
    """A backup or restore could not be made; the message says why."""


def row_counts():
    """{app_label.model: rows} for every concrete model with a table of its own."""
    counts = {}
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        counts[model._meta.label_lower] = model._base_manager.count()
    return counts


def media_elsewhere():
    """None when uploads are on the local disk (and so in the archive); else where they are,
    e.g. `s3://portal-media/media`, for an archive that holds the database only."""
    storage = storages["default"]
    if isinstance(storage, FileSystemStorage):
        return None
    bucket = getattr(storage, "bucket_name", None)
    if bucket:
        return f"s3://{bucket}/{getattr(storage, 'location', '')}".rstrip("/")
    return type(storage).__name__


def _postgres_env():
    db = connection.settings_dict
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    args = ["--host", db.get("HOST") or "localhost", "--port", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    return env, args + ["--dbname", db["NAME"]]


def _run(command, env):
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed (PostgreSQL's client tools)") from error
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def dump_database(folder):
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(folder / SQLITE_NAME)
        with target:
            connection.connection.backup(target)
        target.close()
        return SQLITE_NAME
    if connection.vendor == "postgresql":
        env, args = _postgres_env()
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--file",
                str(folder / POSTGRES_NAME),
                *args,
            ],
            env,
        )
        return POSTGRES_NAME
    raise BackupError(f"backing up a {connection.vendor} database is not supported")


def load_database(folder, name):
    if name == SQLITE_NAME and connection.vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(folder / SQLITE_NAME)
        source.backup(connection.connection)
        source.close()
        return
    if name == POSTGRES_NAME and connection.vendor == "postgresql":
        env, args = _postgres_env()
        connection.close()  # pg_restore --clean drops tables this connection may hold locks on
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                *args,
                str(folder / POSTGRES_NAME),
            ],
            env,
        )
        return
    raise BackupError(
        f"this archive holds {name}, which cannot be restored into {connection.vendor}"
    )


def create_backup(archive):
    """Write the archive; returns its manifest."""
    archive = Path(archive)
    media = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        manifest = {
            "format": 1,
            "created": datetime.now(UTC).isoformat(),
            "engine": connection.vendor,
            "database": dump_database(folder),
            "rows": row_counts(),
            "media_elsewhere": media_elsewhere(),  # None: the files are in media/
        }
        (folder / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True))
        partial = archive.with_name(archive.name + ".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(folder / "manifest.json", "manifest.json")
            tar.add(folder / manifest["database"], manifest["database"])
            if manifest["media_elsewhere"] is None and media.is_dir():
                tar.add(media, "media")
        partial.replace(archive)  # never leave a half-written archive under the real name
    return manifest


def restore_backup(archive):
    """Replace the database and the media files with the archive's; returns its manifest.

    The database is restored first; only then are the media files swapped in, so a failure
    leaves the files as they were. Row counts are compared afterwards.
    """
    media = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        try:
            with tarfile.open(archive, "r:gz") as tar:
                tar.extractall(folder, filter="data")  # no absolute paths, links out, devices
            manifest = json.loads((folder / "manifest.json").read_text())
        except (OSError, tarfile.TarError, ValueError, KeyError) as error:
            raise BackupError(f"{archive} is not a portal backup: {error}") from error
        load_database(folder, manifest["database"])
        # Files from the archive go back to the local disk only: a bucket is left as it is.
        if (folder / "media").is_dir() and media_elsewhere() is None:
            media.mkdir(parents=True, exist_ok=True)
            for child in media.iterdir():
                shutil.rmtree(child) if child.is_dir() else child.unlink()
            for child in (folder / "media").iterdir():
                shutil.move(str(child), media / child.name)
    restored = row_counts()
    differences = {
        label: (rows, restored.get(label))
        for label, rows in manifest["rows"].items()
        if restored.get(label) != rows
    }
    if differences:
        raise BackupError(f"restored row counts differ from the backup's: {differences}")
    return manifest
