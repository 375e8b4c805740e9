"""The portal's WSGI application with uploaded media served too, for the benchmark only.

In production a web server or object store serves MEDIA_ROOT; here whitenoise stands in for
it, so that image requests answer as they would there instead of failing. run.py renders every
page before starting the server, so the renditions exist when whitenoise scans the folder.
"""

from django.conf import settings
from whitenoise import WhiteNoise

from portal.wsgi import application as portal

application = WhiteNoise(
    portal, root=settings.MEDIA_ROOT, prefix=settings.MEDIA_URL, max_age=365 * 24 * 60 * 60
)
