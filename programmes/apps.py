from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programmes")

    def ready(self):
        from wagtail.signals import page_published

        from accounts.registry import register_account_link, register_personal_data
        from certificates.kinds import register_kind

        from . import ics, personal_data
        from .completion import CERTIFICATE_KIND

        register_kind(CERTIFICATE_KIND, _("Programme"), _("Certificate of participation"))

        register_personal_data(
            "programmes", _("Programmes"), personal_data.export, personal_data.erase
        )
        register_account_link("my_programmes", _("My programmes"), "programmes:mine")
        page_published.connect(ics.page_published, dispatch_uid="programmes_calendar_events")
