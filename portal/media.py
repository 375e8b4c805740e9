"""Uploaded images served by the portal itself when they are on the local disk.

Under the README's single-machine command (gunicorn, no web server in front) nothing served
`/media/`, so every image was a 404. Whitenoise serves only files present when it starts, and
images are uploaded later, so this view streams them. Only images and their renditions are
served here: documents always go through Wagtail's document view, which checks private
collections (WAGTAILDOCS_SERVE_METHOD), and nothing outside those folders is reachable. With
object storage (several nodes) the store serves images itself and this view is not used.
"""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.utils._os import safe_join
from django.views.decorators.http import require_safe

PUBLIC_FOLDERS = ("original_images", "images")
ONE_WEEK = 7 * 24 * 3600


@require_safe
def serve_image(request, path):
    if path.split("/", 1)[0] not in PUBLIC_FOLDERS:
        raise Http404
    try:
        full = Path(safe_join(settings.MEDIA_ROOT, path))
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
