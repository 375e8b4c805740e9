from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .access import is_facilitator


@hooks.register("register_admin_urls")
def community_urls():
    return [path("communities/moderation/", admin_views.queue, name="communities_queue")]


class FacilitatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_facilitator(request.user)


@hooks.register("register_admin_menu_item")
def moderation_menu_item():
    return FacilitatorMenuItem(
        _("Community moderation"), reverse("communities_queue"), icon_name="comment", order=450
    )


@hooks.register("register_admin_viewset")
def viewsets():
    return admin_views.CommunitiesGroup()
