from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import CertificatePermissionPolicy, certificate_viewset
from .models import Certificate, CertificateDesign

register_permission_policy(Certificate, CertificatePermissionPolicy(Certificate))


class CertificateDesignViewSet(SnippetViewSet):
    model = CertificateDesign
    icon = "doc-full"
    menu_label = "Certificate designs"
    list_display = ["name", "is_default", "locale"]


register_snippet(CertificateDesignViewSet)


@hooks.register("register_admin_viewset")
def register_certificates():
    return certificate_viewset
