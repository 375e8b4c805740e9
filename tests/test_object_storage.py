"""Media in object storage (issue 18), against a real S3-compatible HTTP server.

The tests start moto in server mode (`ThreadedMotoServer`, in memory, on a free port) as a
stand-in for AWS S3 or MinIO, and point the portal's media storage (portal/storage.py) at it
through the same MEDIA_* variables production reads. Every file goes over HTTP to that server:
uploads, renditions, downloads by visitors' browsers (here: `requests`), deletes.

What moto proves and what it does not: it enforces object ACLs (an unsigned GET of a private
object is refused with 403) but it does not check that a signature is valid or unexpired, so
the tests check that the address the portal hands out is signed and says 60 seconds, not that
the store refuses it a minute later. A real store does.
"""

import logging
import socket
import tarfile
import tempfile
from io import StringIO
from pathlib import Path

import boto3
import pytest
import requests
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import Client
from wagtail.models import Collection

from core import backup
from core.images import RENDITION_SPECS
from partners.setup import PARTNER_COLLECTION_NAME, partner_group
from portal.settings.base import s3_media_options

from . import factories as f

ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_server():
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # a line per request otherwise
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_server, settings, request):
    """A fresh bucket, and the portal's media storage pointed at it as production would be."""
    name = "portal-media-" + request.node.name.replace("_", "-")[:40].lower().strip("-")
    environment = {
        "MEDIA_BUCKET": name,
        "MEDIA_ENDPOINT_URL": s3_server,
        "MEDIA_REGION": "us-east-1",
        "MEDIA_ACCESS_KEY_ID": "portal-test-key",
        "MEDIA_SECRET_ACCESS_KEY": "portal-test-secret",
        "MEDIA_LOCATION": "media",
        "MEDIA_ADDRESSING_STYLE": "path",
    }
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name="us-east-1",
        aws_access_key_id="portal-test-key",
        aws_secret_access_key="portal-test-secret",
    )
    client.create_bucket(Bucket=name)
    # Wagtail caches rendition rows by image id, and ids come round again after a rollback.
    cache.clear()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "portal.storage.MediaStorage",
            "OPTIONS": s3_media_options(environment),
        },
    }
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"  # what base.py sets with MEDIA_STORAGE=s3

    class Bucket:
        endpoint = s3_server

        @staticmethod
        def keys(prefix="media/"):
            listing = client.list_objects_v2(Bucket=name, Prefix=prefix)
            return sorted(item["Key"] for item in listing.get("Contents", []))

        @staticmethod
        def public(key):
            grants = client.get_object_acl(Bucket=name, Key=key)["Grants"]
            return any(g["Grantee"].get("URI") == ALL_USERS for g in grants)

    Bucket.name = name
    yield Bucket
    for key in Bucket.keys(""):
        client.delete_object(Bucket=name, Key=key)
    client.delete_bucket(Bucket=name)


@pytest.fixture
def partner_document(db, bucket):
    call_command("setup_partners", stdout=StringIO())
    collection = Collection.objects.get(name=PARTNER_COLLECTION_NAME)
    return f.DocumentFactory(title="Partner budget", collection=collection)


def test_images_and_renditions_are_made_once_in_the_bucket_and_served_by_it(db, bucket):
    image = f.ImageFactory()

    # The upload made every rendition the templates use, in the bucket, public.
    keys = bucket.keys()
    originals = [key for key in keys if key.startswith("media/original_images/")]
    renditions = [key for key in keys if key.startswith("media/images/")]
    assert originals == ["media/" + image.file.name]
    assert len(renditions) == len(RENDITION_SPECS) == image.renditions.count()
    assert all(bucket.public(key) for key in originals + renditions)

    # A page view asks for a rendition that exists: nothing is written to the bucket again.
    rendition = image.get_rendition("fill-400x225|format-webp")
    assert bucket.keys() == keys

    # The store serves it to anyone, at a plain address (no signature, no portal in between).
    for url in (rendition.url, image.file.url):
        assert url.startswith(f"{bucket.endpoint}/{bucket.name}/media/")
        assert "Signature" not in url
        response = requests.get(url, timeout=10)
        assert response.status_code == 200, url
        assert response.headers["Content-Type"].startswith("image/")
        assert response.headers["Cache-Control"].startswith("public")
        assert response.content[:4] in (b"\x89PNG", b"RIFF")
    # The portal's own /media/ view serves the local disk only.
    assert Client().get("/media/" + image.file.name).status_code == 404


def test_a_partners_only_document_is_refused_to_others_and_redirected_to_a_signed_address(
    partner_document, bucket
):
    document = partner_document
    [key] = [k for k in bucket.keys() if k.startswith("media/documents/")]
    assert not bucket.public(key)
    users = get_user_model().objects
    outsider = users.create_user("outsider", "outsider@example.org", "pw")
    partner = users.create_user("partner", "partner@example.org", "pw")
    partner.groups.add(partner_group())

    # Anonymous visitors and signed-in non-partners are sent to sign in, not to the store.
    anonymous, other = Client(), Client()
    other.force_login(outsider)
    for client in (anonymous, other):
        response = client.get(document.url)
        assert response.status_code == 302
        assert response["Location"].startswith("/en/partners/sign-in/?next=")

    # A partner is redirected to a signed address of the object that expires in 60 seconds.
    client = Client()
    client.force_login(partner)
    response = client.get(document.url)
    assert response.status_code == 302
    signed = response["Location"]
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert signed.startswith(f"{bucket.endpoint}/{bucket.name}/{key}?")
    assert "X-Amz-Signature=" in signed and "X-Amz-Expires=60&" in signed + "&"
    download = requests.get(signed, timeout=10)
    assert download.status_code == 200
    assert download.content.startswith(b"%PDF-")
    assert download.headers["Content-Type"] == "application/pdf"
    assert download.headers["Content-Disposition"].startswith("inline")

    # Without the signature the store refuses the object to anyone.
    assert requests.get(signed.split("?")[0], timeout=10).status_code == 403


def test_a_public_document_is_private_in_the_bucket_too(db, bucket):
    """Collection privacy can change after an upload, so no document is ever public in the
    bucket: everyone goes through Wagtail's view, which redirects to a signed address."""
    document = f.DocumentFactory(title="Guide to interim care")
    response = Client().get(document.url)
    assert response.status_code == 302
    assert "X-Amz-Signature=" in response["Location"]
    assert requests.get(response["Location"], timeout=10).status_code == 200
    assert requests.get(response["Location"].split("?")[0], timeout=10).status_code == 403


def test_the_storage_keeps_its_secret_out_of_queued_tasks(db, bucket):
    """Wagtail queues file deletions with the storage's deconstructed form as an argument."""
    assert default_storage.deconstruct() == ("portal.storage.MediaStorage", (), {})
    assert default_storage.bucket_name == bucket.name  # rebuilt from the settings


def test_deleting_removes_the_objects(db, bucket, django_capture_on_commit_callbacks):
    image = f.ImageFactory()
    document = f.DocumentFactory()
    assert len(bucket.keys()) == 1 + len(RENDITION_SPECS) + 1
    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
        document.delete()
    assert bucket.keys() == []


def test_backup_and_restore_say_the_bucket_is_not_in_the_archive(db, bucket, monkeypatch):
    """What the archive covers. The database dump itself is tests/test_backup.py's drill; here
    it is a stand-in file, so the test needs no transaction of its own (SQLite's backup API
    would wait for the test's, and a flushed PostgreSQL test database stays empty for the next
    --reuse-db run)."""

    def dump_database(folder):
        (folder / "database.stand-in").write_text("rows")
        return "database.stand-in"

    monkeypatch.setattr(backup, "dump_database", dump_database)
    monkeypatch.setattr(backup, "load_database", lambda folder, name: None)
    document = f.DocumentFactory()
    key = "media/" + document.file.name
    with tempfile.TemporaryDirectory() as scratch:
        archive = Path(scratch) / "portal.tar.gz"
        out = StringIO()
        call_command("backup_portal", str(archive), stdout=out)
        with tarfile.open(archive) as tar:
            names = tar.getnames()
        assert not any(name.startswith("media") for name in names)
        message = out.getvalue()
        assert "The media files are not in it" in message
        assert f"s3://{bucket.name}/media" in message

        out = StringIO()
        call_command("restore_portal", str(archive), "--yes", stdout=out)
    message = out.getvalue()
    assert "The media files were not touched" in message
    assert f"s3://{bucket.name}/media" in message
    assert bucket.keys() == [key]  # the bucket is as it was
