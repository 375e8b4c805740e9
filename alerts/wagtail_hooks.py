"""E-mail alert subscriptions in the admin: a back-office list, not an editing screen.

wagtail-modeladmin, as for background tasks (see core.wagtail_hooks): list filters, search
and spreadsheet export are what an administrator needs here. Subscriptions are only ever
created by their owners through the double opt-in, so nobody can add or edit one by hand;
an administrator may delete one when its owner asks by other means.
"""

from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from .models import Subscription


class SubscriptionPermissionHelper(PermissionHelper):
    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False


class SubscriptionAdmin(ModelAdmin):
    model = Subscription
    menu_label = _("E-mail alerts")
    menu_icon = "mail"
    menu_order = 420
    permission_helper_class = SubscriptionPermissionHelper
    inspect_view_enabled = True
    list_display = (
        "email",
        "language",
        "topic_names",
        "area_names",
        "confirmed_at",
        "last_sent_at",
    )
    list_filter = ("language", "topics", "confirmed_at", "last_sent_at")
    search_fields = ("email",)
    ordering = ["-confirmed_at"]
    list_export = ("email", "language", "topic_names", "area_names", "confirmed_at", "last_sent_at")
    export_filename = "alert-subscriptions"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("topics", "content_areas")

    @staticmethod
    def _names(items):
        return ", ".join(str(item) for item in items)

    def topic_names(self, obj):
        return self._names(obj.topics.all())

    topic_names.short_description = _("topics")

    def area_names(self, obj):
        return self._names(obj.content_areas.all())

    area_names.short_description = _("content areas")


modeladmin_register(SubscriptionAdmin)
