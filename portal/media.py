"""Uploaded images served by the portal itself when they are on the local disk.

Under the README's single-machine command (gunicorn, no web server in front) nothing served
`/media/`, so every image was a 404. Whitenoise serves only files present when it starts, and
images are uploaded later, so this view streams them. Only images and their renditions are
served here: documents always go through Wagtail's document view, which checks private
collections (WAGTAILDOCS_SERVE_METHOD), and nothing outside those folders is reachable. With
object storage (several nodes) the store serves images itself and this view is not used.

`serve_document` wraps Wagtail's document view (local disk or object storage) so that its
redirects are never kept by a shared cache.
"""

import mimetypes
from pathlib import Path

from django.core.files.storage import FileSystemStorage, storages
from django.http import FileResponse, Http404
from django.utils._os import safe_join
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.documents.views.serve import serve as wagtail_serve_document

PUBLIC_FOLDERS = ("original_images", "images")
ONE_WEEK = 7 * 24 * 3600


@require_safe
def serve_image(request, path):
    storage = storages["default"]
    if path.split("/", 1)[0] not in PUBLIC_FOLDERS or not isinstance(storage, FileSystemStorage):
        raise Http404  # with object storage, images have the store's addresses
    try:
        full = Path(safe_join(storage.location, path))
    except Exception as error:  # SuspiciousFileOperation: a path leading out of MEDIA_ROOT
        raise Http404 from error
    if not full.is_file():
        raise Http404
    content_type = mimetypes.guess_type(full.name)[0] or "application/octet-stream"
    response = FileResponse(full.open("rb"), content_type=content_type)
    # A rendition's name carries its filter spec and an original's is unique per upload.
    response["Cache-Control"] = f"public, max-age={ONE_WEEK}"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def serve_document(request, document_id, document_filename):
    """Wagtail's document view (which checks the collection's privacy), with redirects marked
    `private, no-store`: with object storage a partner is redirected to a signed address of the
    file, and a shared cache or CDN that kept that redirect would hand the address to the next
    visitor without the check. Wagtail sends the redirect without any Cache-Control."""
    response = wagtail_serve_document(request, document_id, document_filename)
    if 300 <= response.status_code < 400:
        patch_cache_control(response, private=True, no_store=True)
    return response
