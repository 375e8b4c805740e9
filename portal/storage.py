"""Media in S3-compatible object storage (issue 18), when MEDIA_STORAGE=s3.

Several web nodes cannot share a local disk, so uploads go to one bucket (AWS S3, MinIO, any
S3-compatible store) through django-storages. The bucket holds two kinds of object:

* images and their renditions (`original_images/`, `images/`) are public: written with the
  `public-read` ACL (or made readable by the bucket policy in docs/deployment.md) and linked
  by their plain address, or the CDN's (MEDIA_CUSTOM_DOMAIN), so the store serves them;
* everything else, i.e. documents (`documents/`), is private: no ACL grants anyone reading
  it, and its only address is a signed one that expires after MEDIA_SIGNED_URL_SECONDS
  (60 s). Visitors never see that address in a page: links go to Wagtail's /documents/ view,
  which checks the collection's privacy (partners-only collections) and then redirects to a
  fresh signed address (WAGTAILDOCS_SERVE_METHOD = "redirect").

Settings come from the environment (portal/settings/base.py, `s3_media_options`).
"""

import mimetypes
import posixpath

from django.conf import settings
from django.utils.http import content_disposition_header
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

PUBLIC_FOLDERS = ("original_images/", "images/")
ONE_WEEK = 7 * 24 * 3600


def is_public(name):
    """Whether a media file (its name relative to the storage) is public: images only."""
    return clean_name(name).lstrip("/").startswith(PUBLIC_FOLDERS)


class MediaStorage(S3Storage):
    """One bucket: public images, private documents reached only through signed addresses."""

    def __init__(self, **options):
        # Made again from the settings when built without options (see deconstruct).
        super().__init__(**(options or settings.STORAGES["default"].get("OPTIONS", {})))

    def deconstruct(self):
        """No options: Wagtail queues a task to delete a file with the storage's deconstructed
        form as its argument, and the database queue would store the options, secret access
        key included, in the task's row. The worker builds the storage from its settings."""
        return ("portal.storage.MediaStorage", (), {})

    def get_default_settings(self):
        # public_acl: write images with the public-read ACL. Stores whose buckets refuse ACLs
        # (new AWS buckets, "bucket owner enforced") make them public by a bucket policy instead.
        return {**super().get_default_settings(), "public_acl": True}

    def get_object_parameters(self, name):
        """`name` is the object's key here, with MEDIA_LOCATION in front (url() gets the
        name relative to the storage)."""
        params = super().get_object_parameters(name)
        location = clean_name(self.location).strip("/")
        if location and name.startswith(location + "/"):
            name = name[len(location) + 1 :]
        if is_public(name):
            if self.public_acl:
                params.setdefault("ACL", "public-read")
            # A rendition's name carries its filter spec and an original's is unique per upload.
            params.setdefault("CacheControl", f"public, max-age={ONE_WEEK}")
        else:
            params.setdefault("ACL", "private")
            params.setdefault("CacheControl", "private, no-store")
            # What Wagtail's serve view would have said: PDFs and text open in the browser,
            # everything else is a download under its own name.
            content_type = mimetypes.guess_type(name)[0]
            inline = content_type in getattr(
                settings, "WAGTAILDOCS_INLINE_CONTENT_TYPES", ["application/pdf", "text/plain"]
            )
            params.setdefault(
                "ContentDisposition",
                content_disposition_header(not inline, posixpath.basename(name)),
            )
        return params

    def url(self, name, parameters=None, expire=None, http_method=None):
        if is_public(name):
            if self.custom_domain:
                return super().url(name, parameters, expire, http_method)  # CDN: never signed
            connection = self.unsigned_connection  # a plain address, no signature
        else:
            # Private: always signed and short-lived, from the store itself, never through the
            # custom domain (a CDN would serve it to anyone, and cache it).
            connection = self.connection
        params = {
            **(parameters or {}),
            "Bucket": self.bucket_name,
            "Key": self._normalize_name(clean_name(name)),
        }
        return connection.meta.client.generate_presigned_url(
            "get_object",
            Params=params,
            ExpiresIn=self.querystring_expire if expire is None else expire,
            HttpMethod=http_method,
        )
