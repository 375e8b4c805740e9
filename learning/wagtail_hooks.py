from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


class CourseTeamMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.PERMISSION)


@hooks.register("register_admin_urls")
def learning_report_urls():
    return [
        path("learning-report/", admin_views.overview, name="learning_report"),
        path(
            "learning-report/<int:module_id>/",
            admin_views.module_report,
            name="learning_report_module",
        ),
    ]


@hooks.register("register_reports_menu_item")
def learning_report_menu_item():
    return CourseTeamMenuItem(
        _("eLearning: modules"), reverse("learning_report"), icon_name="view", order=900
    )


@hooks.register("register_admin_viewset")
def completion_rules():
    return admin_views.completion_rule_viewset
