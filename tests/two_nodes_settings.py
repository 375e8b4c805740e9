"""The production settings as tests/test_two_nodes.py runs them on two nodes.

One difference, for the test's run time only: static files are not collected (whitenoise's
manifest storage refuses to render a page without `collectstatic`, which takes longer than the
rest of the test). Pages then name their static files unversioned; nothing else changes.
"""

from portal.settings.production import *  # noqa: F403
from portal.settings.production import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
