from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programmes")

    def ready(self):
        from accounts.registry import register_account_link, register_personal_data

        from . import personal_data

        register_personal_data(
            "programmes", _("Programmes"), personal_data.export, personal_data.erase
        )
        register_account_link("my_programmes", _("My programmes"), "programmes:mine")
