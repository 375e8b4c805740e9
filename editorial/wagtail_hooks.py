"""The editorial workflow's places in the admin: page actions, dashboard panel, report, URLs."""

import datetime

from django.conf import settings
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import Button
from wagtail.permissions import page_permission_policy

from core.reviewable import ReviewableMixin

from . import freshness, review_status, translations, users, views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("editorial/", include("editorial.urls"))]


class DueForReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(
            request.user, views.DueForReviewReportView.any_permission_required
        )


@hooks.register("register_reports_menu_item")
def register_due_for_review_report():
    return DueForReviewMenuItem(
        _("Due for review"),
        reverse("editorial:due_for_review"),
        name="due-for-review",
        icon_name="time",
        order=650,
    )


class MarkReviewedMenuItem(ActionMenuItem):
    """In the editor's action menu; leads to a confirmation page, like Wagtail's "Unpublish"."""

    name = "action-mark-reviewed"
    label = _("Mark as reviewed")
    icon_name = "check"

    def is_shown(self, context):
        page = context.get("page")
        return (
            context["view"] == "edit"
            and isinstance(page, ReviewableMixin)
            and page.live
            and self.get_user_page_permissions_tester(context).can_edit()
        )

    def get_url(self, context):
        return reverse("editorial:mark_reviewed", args=(context["page"].pk,))


@hooks.register("register_page_action_menu_item")
def register_mark_reviewed_menu_item():
    return MarkReviewedMenuItem(order=70)


def submit_translation_button(page, user, view_name=None, next_url=None):
    if translations.can_submit(page, user):
        url = reverse("editorial:submit_translation", args=(page.pk,))
        yield Button(_("Submit translation for review"), url, priority=55, icon_name="resubmit")


hooks.register("register_page_header_buttons", submit_translation_button)
hooks.register("register_page_listing_more_buttons", submit_translation_button)


@hooks.register("before_publish_page")
def record_direct_approval(request, page):
    """Publishing without a workflow is an approval too, by someone entitled to publish."""
    freshness.record_approval(page.latest_revision, request.user)


class DueForReviewPanel(Component):
    """The signed-in user's pages that are overdue or due within EDITORIAL_DUE_SOON_DAYS."""

    name = "due_for_review"
    order = 120
    template_name = "editorial/due_for_review_panel.html"
    limit = 20

    def __init__(self, pages, total):
        self.pages = pages
        self.total = total

    def get_context_data(self, parent_context):
        return {
            "pages": self.pages,
            "total": self.total,
            "report_url": reverse("editorial:due_for_review"),
            "csrf_token": parent_context.get("csrf_token"),
        }


@hooks.register("construct_homepage_panels")
def add_due_for_review_panel(request, panels):
    today = timezone.localdate()
    due = (
        freshness.pages_due(by=today + datetime.timedelta(days=settings.EDITORIAL_DUE_SOON_DAYS))
        .filter(responsible_id=request.user.pk)
        .select_related("locale")
    )
    pages = freshness.describe(list(due[: DueForReviewPanel.limit]), today)
    for page in pages:
        page.days_left = -page.days_overdue
    if pages:
        panels.append(DueForReviewPanel(pages, due.count()))


# Wagtail's user bulk actions, replaced by ones that refuse users the requester may not manage;
# order=1 registers them after Wagtail's, and the registry keeps the last one per action type.
for _action in users.BULK_ACTIONS:
    hooks.register("register_bulk_action", _action, order=1)


class WaitingOnOthersPanel(Component):
    """Pages the user may edit or submitted whose review step someone else must take."""

    name = "waiting_on_others"
    order = 215  # after Wagtail's "Your pages in a workflow", before "Awaiting your review"
    template_name = "editorial/waiting_on_others_panel.html"

    def __init__(self, rows, total):
        self.rows = rows
        self.total = total

    def get_context_data(self, parent_context):
        return {"rows": self.rows, "total": self.total}


@hooks.register("construct_homepage_panels")
def add_waiting_on_others_panel(request, panels):
    rows, total = review_status.waiting_on_others(request.user)
    if rows:
        panels.append(WaitingOnOthersPanel(rows, total))
