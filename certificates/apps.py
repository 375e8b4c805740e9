from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from accounts.registry import register_personal_data

        from .services import export_certificates

        register_personal_data("certificates", _("Certificates"), export_certificates)
