from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunitiesConfig(AppConfig):
    name = "communities"
    verbose_name = _("Communities of practice")

    def ready(self):
        from django.db.models.signals import post_save

        from accounts.registry import register_account_link, register_personal_data
        from programmes.records import Run, Session
        from programmes.visibility import register_page_model, register_run_link

        from . import personal_data, services
        from .models import CommunityPage

        # A community's themed sessions and its standing run are programmes' records.
        register_page_model(CommunityPage)
        register_personal_data(
            "communities", _("Communities of practice"), personal_data.export, personal_data.erase
        )
        register_account_link("my_communities", _("My communities"), "communities:mine")
        # Each run's discussion (and each session's question thread) follows the run's records;
        # programmes only offers the link to it on "My programmes".
        post_save.connect(services.run_saved, sender=Run, dispatch_uid="communities_run_space")
        post_save.connect(
            services.session_saved, sender=Session, dispatch_uid="communities_session_thread"
        )
        register_run_link(_("Discussion"), "communities:run_discussion")
