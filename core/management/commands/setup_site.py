"""`manage.py setup_site`: point the default Site at the address the portal is served on.

Wagtail builds every absolute URL outside a request (sitemap, canonical and og:url links,
JSON-LD, feeds, links in e-mails) from the default Site's hostname and port, which a fresh
install leaves at `localhost:80`. PORTAL_BASE_URL (or `--base-url`) says the real address
once, e.g. `https://portal.example.org`; run this after `migrate` (and after loading the demo
content, which creates the Site). Wagtail derives the scheme from the port: 443 is https.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def parse_base_url(base_url):
    """(hostname, port) of an http(s) base URL; CommandError saying what is wrong otherwise."""
    parts = urlsplit(base_url.strip())
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise CommandError(
            f"PORTAL_BASE_URL must look like https://portal.example.org, not {base_url!r}"
        )
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise CommandError("PORTAL_BASE_URL must not have a path: the portal is served at the root")
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    if parts.scheme == "https" and port != 443:
        raise CommandError(
            "Wagtail serves https on port 443 only (it derives the scheme from the port)"
        )
    if parts.scheme == "http" and port == 443:
        raise CommandError("port 443 means https to Wagtail")
    return parts.hostname, port


class Command(BaseCommand):
    help = "Set the default Site's hostname and port from PORTAL_BASE_URL (or --base-url)."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default=None, help="Defaults to PORTAL_BASE_URL.")

    def handle(self, *args, base_url=None, **options):
        base_url = base_url or settings.PORTAL_BASE_URL
        if not base_url:
            self.stdout.write("PORTAL_BASE_URL is not set: the Site is left as it is.")
            return
        hostname, port = parse_base_url(base_url)
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        if site is None:
            raise CommandError("There is no Site yet: create the home page first.")
        if (site.hostname, site.port) != (hostname, port):
            site.hostname, site.port = hostname, port
            site.save()
            Site.clear_site_root_paths_cache()
        self.stdout.write(f"The site is served at {site.root_url}.")
