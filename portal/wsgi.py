import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

application = get_wsgi_application()

# A web worker loads search by meaning's model as it starts, not in a visitor's first search
# (search.semantic.warm_up says why). Under gunicorn --preload it is loaded once, before the
# workers fork, and they share its memory.
from search.semantic import warm_up  # noqa: E402

warm_up()
