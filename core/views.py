"""robots.txt and favicon.ico, the two files crawlers and browsers ask every site for.

robots.txt: crawlers may read every public page, and learn where the sitemap is.

The admin is kept out of crawls; documents stay crawlable because the guidance in them is what
people search for. Search result pages are not disallowed here: they carry their own robots
meta tag, which a crawler can only read if it may fetch the page.
"""

from django.http import HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


@require_GET
@cache_control(public=True, max_age=24 * 60 * 60)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    """Browsers and feed readers ask for /favicon.ico whatever the page links; send the SVG."""
    return redirect(static("img/favicon.svg"), permanent=True)
