"""Compression of the portal's own text responses in production.

Visitors are often on slow, expensive connections and gunicorn may face them directly, so HTML,
JSON, XML and feeds are gzipped when the browser accepts it (static files are compressed ahead
of time by whitenoise, which answers before this middleware). Streamed responses, such as
document downloads, are left alone: most are compressed formats already, and compressing them
on the fly would cost the web process CPU and the visitor the download's Content-Length.
Django's GZipMiddleware pads each response at random against BREACH-style attacks.
"""

from django.middleware.gzip import GZipMiddleware

TEXT_TYPES = (
    "text/",
    "application/json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/ld+json",
    "image/svg+xml",
)


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if response.streaming or not response.get("Content-Type", "").startswith(TEXT_TYPES):
            return response
        return super().process_response(request, response)
