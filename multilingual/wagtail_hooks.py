"""The out-of-date translations report, the translator snippet and the machine translator."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import urls
from .models import TranslatorProfile


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("translations/", include(urls))]


@hooks.register("register_reports_menu_item")
def register_out_of_date_report():
    return MenuItem(
        _("Out-of-date translations"),
        reverse("multilingual:out_of_date"),
        name="out-of-date-translations",
        icon_name="globe",
        order=660,
    )


class TranslatorViewSet(SnippetViewSet):
    model = TranslatorProfile
    icon = "globe"
    menu_label = _("Translators")
    add_to_settings_menu = True
    list_display = ["__str__"]


register_snippet(TranslatorViewSet)
