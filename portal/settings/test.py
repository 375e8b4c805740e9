"""Test settings: fast hashing, throw-away media, tasks inline so indexing is immediate."""

import atexit
import shutil
import tempfile

from .base import *

DEBUG = False
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["*"]

# PBKDF2's million iterations cost about a quarter of a second per hash on these machines.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# One folder per process (each xdist worker, each subprocess a test starts with these
# settings), removed with its files when the process ends: a run used to leave one per
# process behind in the temporary folder, about a megabyte each, run after run.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-media-"))
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # through the queue
WAGTAILADMIN_BASE_URL = "http://testserver"
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}
# django-axes needs the request in authenticate(), which the test client's login() does not
# pass; the lock-out tests (tests/test_security_signin.py) switch it on.
AXES_ENABLED = False

# Search by meaning embeds every published page (about 44 ms a page) and changes which pages a
# search returns; the suite's search tests are about the lexical search, so it is off here and
# search/tests/test_semantic.py switches it on for the tests that are about it.
SEARCH_SEMANTIC = False
