"""Certificates in the admin: staff list, inspect and revoke them; nobody adds one by hand.

Certificates are only ever issued by the portal (see services.issue_certificate). The edit
screen therefore holds a single field, the reason for revoking: writing one revokes the
certificate (recording who and when), clearing it reinstates the certificate.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Certificate


class CertificatePermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, except that nobody may add a certificate by hand."""

    def user_has_permission(self, user, action):
        if action in ("add", "copy"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class RevokeForm(WagtailAdminModelForm):
    class Meta:
        model = Certificate
        fields = ["revocation_reason"]

    def save(self, commit=True):
        certificate = super().save(commit=False)
        reason = certificate.revocation_reason.strip()
        certificate.revocation_reason = reason
        if reason and certificate.revoked_at is None:
            certificate.revoked_at = timezone.now()
            certificate.revoked_by = self.for_user
        elif not reason:
            certificate.revoked_at = None
            certificate.revoked_by = None
        if commit:
            certificate.save()
        return certificate


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "success"
    menu_label = _("Certificates")
    menu_order = 430
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "uuid",
        "holder_name",
        "title",
        "kind",
        "language",
        "issued_at",
        "score",
        "revoked_at",
        "revoked_by",
        "revocation_reason",
    ]
    list_display = ["holder_name", "title", "language", "issued_at", "score", "revoked_at"]
    list_filter = ["kind", "language", "issued_at", "revoked_at"]
    search_fields = ["holder_name", "title", "uuid"]
    list_export = ["uuid", "holder_name", "title", "kind", "language", "issued_at", "score"]
    export_filename = "certificates"
    edit_handler = ObjectList([FieldPanel("revocation_reason")], base_form_class=RevokeForm)


certificate_viewset = CertificateViewSet("issued_certificates")
