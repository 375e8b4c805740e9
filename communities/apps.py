from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunitiesConfig(AppConfig):
    name = "communities"
    verbose_name = _("Communities of practice")

    def ready(self):
        from accounts.registry import register_account_link, register_personal_data
        from programmes.visibility import register_page_model

        from . import personal_data
        from .models import CommunityPage

        # A community's themed sessions and its standing run are programmes' records.
        register_page_model(CommunityPage)
        register_personal_data(
            "communities", _("Communities of practice"), personal_data.export, personal_data.erase
        )
        register_account_link("my_communities", _("My communities"), "communities:mine")
