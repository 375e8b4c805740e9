from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = "eLearning"

    def ready(self):
        from accounts.registry import register_account_link, register_personal_data
        from certificates.kinds import register_kind

        from . import signals
        from .completion import CERTIFICATE_KIND

        register_kind(CERTIFICATE_KIND, _("eLearning module"))
        register_personal_data("learning", _("eLearning"), signals.export_learning)
        register_account_link("my_learning", _("My learning"), "learning:my_learning")
        signals.connect()
