"""Security plumbing shared by the settings: headers, the client's address, the lock-out page.

* **Content-Security-Policy** (django-csp): public pages may load only the portal's own
  scripts, styles, images and fonts; the rare inline script carries the request's nonce
  (`{{ request.csp_nonce }}`). The Wagtail admin, which writes inline styles and loads
  previews in frames, gets the additions in CSP_ADMIN_UPDATE on top of the same policy.
* **Permissions-Policy**: the portal uses no camera, microphone, location, payment or USB,
  so browsers are told to refuse them to the portal and anything it embeds.
* **The client's address** for sign-in lock-out: REMOTE_ADDR, or, when TRUSTED_PROXY says a
  reverse proxy is in front, the address that proxy appended to X-Forwarded-For (the last
  one: everything before it was written by the client and may be forged).
"""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)


def admin_prefix():
    return reverse("wagtailadmin_home")


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's additions, and a Permissions-Policy header."""

    def process_response(self, request, response):
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path.startswith(admin_prefix()):
            parts.update = {**settings.CSP_ADMIN_UPDATE, **(parts.update or {})}
        return parts


def client_ip(request):
    """The visitor's address, as django-axes keys a lock-out on it (see the module's text)."""
    if settings.TRUSTED_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR")
