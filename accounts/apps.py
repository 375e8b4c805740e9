from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Front-end accounts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import registry

        registry.register_personal_data("account", _("Your account"), registry.export_account)
