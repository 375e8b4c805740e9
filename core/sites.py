"""The public site's name and address, for what is sent outside a request.

E-mails (alert digests, partner invitations, and whatever a later app sends) are often
composed by a management command, where there is no request to build an address from: they
use the default Site, or the admin's base URL when no Site is set up yet.
"""

from django.conf import settings
from wagtail.models import Site


def _default_site():
    return Site.objects.filter(is_default_site=True).first()


def site_root_url():
    """The public site's address, for links in mails sent outside a request (digests)."""
    site = _default_site()
    return site.root_url if site else settings.WAGTAILADMIN_BASE_URL


def site_name():
    """The name the site goes by in its feeds, so mails and feeds sign the same way."""
    site = _default_site()
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME
