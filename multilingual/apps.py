from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MultilingualConfig(AppConfig):
    name = "multilingual"
    verbose_name = _("Languages and translation")

    def ready(self):
        from . import slugs, treefix

        treefix.connect()
        slugs.connect()
        slugs.allow_unicode()
