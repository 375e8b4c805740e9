"""Production: everything that varies is read from the environment.

The portal refuses to start without SECRET_KEY and ALLOWED_HOSTS, with one line that names
what is missing rather than a traceback from deep inside Django.
"""

import os
import sys

from .base import *
from .base import MEDIA_STORAGE_BACKEND, TRUSTED_PROXY, env_bool, env_list


def required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        sys.stderr.write(
            f"portal: the environment variable {name} must be set in production "
            f"(see the configuration table in README.md).\n"
        )
        raise SystemExit(2)
    return value


DEBUG = False
SECRET_KEY = required("SECRET_KEY")
ALLOWED_HOSTS = [host for host in required("ALLOWED_HOSTS").split(",") if host.strip()]
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# X-Forwarded-Proto is believed only when TRUSTED_PROXY says a proxy in front sets it (a
# visitor talking to gunicorn directly could otherwise claim HTTPS). HSTS is on by default:
# the portal is meant to be served over HTTPS; HSTS_SECONDS=0 turns it off.
if TRUSTED_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    # Asking browsers to preload the domain is a commitment for every subdomain, for months;
    # an organisation opts in with HSTS_PRELOAD=true, so the check's reminder is silenced.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Compressed, fingerprinted static files served by whitenoise, right after the security
# middleware so they skip the rest of the stack; then the page cache (core.page_cache), which
# stores pages as compressed below it; then pages, feeds and JSON gzipped on the way out
# (portal/compression.py), as gunicorn may face visitors without a web server in front.
_PAGE_CACHE = "core.page_cache.PageCacheMiddleware"
MIDDLEWARE = (
    MIDDLEWARE[:1]
    + [
        "whitenoise.middleware.WhiteNoiseMiddleware",
        _PAGE_CACHE,
        "portal.compression.TextGZipMiddleware",
    ]
    + [name for name in MIDDLEWARE[1:] if name != _PAGE_CACHE]
)
STORAGES = {
    "default": MEDIA_STORAGE_BACKEND,  # local disk, or the bucket with MEDIA_STORAGE=s3 (base.py)
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# A real queue: tasks are stored in the database and run by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "core.task_backend.DatabaseBackend"}}  # queue, deduplicated

if os.environ.get("EMAIL_HOST"):
    EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"  # after the queue
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)

LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "INFO")
