from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views
from core.sitemaps import PortalSitemap
from portal import media
from search import views as search_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view under its own name, its redirects never kept by a shared cache.
    re_path(r"^documents/(\d+)/(.*)$", media.serve_document, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("favicon.ico", core_views.favicon),
    path("", include("portal.api")),  # the read API at /api/v2/
]

if not settings.DEBUG:
    # Production on one machine: images from the local disk (portal/media.py; issue 18). The
    # view itself answers 404 with object storage: the URLconf is built once, at the first
    # request, and must not depend on the storage settings of that moment (tests change them).
    urlpatterns.append(
        re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.+)$", media.serve_image)
    )

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("", include("alerts.urls")),
    path("partners/", include("partners.urls")),
    path("account/", include("accounts.urls")),
    path("certificates/", include("certificates.urls")),
    path("learning/", include("learning.urls")),
    path("programmes/", include("programmes.urls")),
    path("communities/", include("communities.urls")),
    path("", include(wagtail_urls)),
)
