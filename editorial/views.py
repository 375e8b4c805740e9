"""Admin views: mark a page as reviewed, submit a translation for review, the due-for-review report.

The two page actions change data, so they only act on POST (with Django's CSRF check); a GET
shows a confirmation page, as Wagtail's own unpublish and delete actions do.
"""

import django_filters
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, get_page_content_types

from core.reviewable import ReviewableMixin

from . import freshness, translations
from .filters import AreaFilter


def _date(value):
    return date_format(value, "DATE_FORMAT")


class PageActionView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm on GET, act on POST, then go back where the user came from."""

    template_name = "editorial/confirm_page_action.html"
    header_icon = "doc-full"

    def setup(self, request, page_id, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.page = get_object_or_404(Page, pk=page_id).specific

    def dispatch(self, request, *args, **kwargs):
        if not self.is_allowed():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def next_url(self):
        return get_valid_next_url_from_request(self.request) or reverse(
            "wagtailadmin_pages:edit", args=(self.page.pk,)
        )

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page=self.page,
            next_url=self.next_url,
            submit_label=self.submit_label,
            confirmation_text=self.get_confirmation_text(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        messages.success(request, self.perform())
        return redirect(self.next_url)


class MarkReviewedView(PageActionView):
    page_title = gettext_lazy("Mark as reviewed")
    submit_label = gettext_lazy("Yes, it is up to date")

    def is_allowed(self):
        return (
            isinstance(self.page, ReviewableMixin)
            and self.page.permissions_for_user(self.request.user).can_edit()
        )

    def get_confirmation_text(self):
        return _(
            "Confirm that you have checked '%(title)s' and it is still accurate. Nothing "
            "else about the page changes; it will be due for review again on %(date)s."
        ) % {
            "title": self.page.get_admin_display_title(),
            "date": _date(freshness.next_review_date()),
        }

    def perform(self):
        page = freshness.mark_reviewed(self.page, self.request.user)
        return _("'%(title)s' marked as reviewed; next review due on %(date)s.") % {
            "title": page.get_admin_display_title(),
            "date": _date(page.review_by),
        }


class SubmitTranslationView(PageActionView):
    page_title = gettext_lazy("Submit translation for review")
    submit_label = gettext_lazy("Submit for review")

    def is_allowed(self):
        return translations.can_submit(self.page, self.request.user)

    def get_confirmation_text(self):
        return _(
            "The translation of '%(title)s' as it stands now will be saved as a draft and "
            "sent to '%(workflow)s'. It goes live only when it is approved."
        ) % {"title": self.page.get_admin_display_title(), "workflow": self.page.get_workflow()}

    def perform(self):
        translations.submit_for_review(self.page, self.request.user)
        return _("The translation of '%(title)s' has been submitted for review.") % {
            "title": self.page.get_admin_display_title()
        }


def responsible_users(request):
    User = get_user_model()
    return User.objects.filter(pk__in=freshness.pages_due().values("responsible_id")).order_by(
        User.USERNAME_FIELD
    )


class DueForReviewFilterSet(WagtailFilterSet):
    owner = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Owner"),
        queryset=responsible_users,
        method="filter_owner",
        empty_label=gettext_lazy("Anyone"),
    )
    area = AreaFilter()
    content_type = ContentTypeFilter(
        label=gettext_lazy("Type"),
        queryset=lambda request: get_page_content_types(include_base_page_type=False),
    )

    class Meta:
        model = Page
        fields = ["owner", "area", "content_type"]

    def filter_owner(self, queryset, name, value):
        return queryset.filter(responsible_id=value.pk)


class DueForReviewReportView(ReportView):
    """Every live page whose review date has come, in every language, most overdue first."""

    page_title = gettext_lazy("Due for review")
    header_icon = "time"
    model = Page
    any_permission_required = ["add", "change", "publish"]
    filterset_class = DueForReviewFilterSet
    index_url_name = "editorial:due_for_review"
    index_results_url_name = "editorial:due_for_review_results"
    default_ordering = "review_by"
    columns = [
        TitleColumn("title", label=gettext_lazy("Title"), url_name="wagtailadmin_pages:edit"),
        Column("area", label=gettext_lazy("Area")),
        Column("language", label=gettext_lazy("Language")),
        Column("owner_name", label=gettext_lazy("Owner")),
        DateColumn("review_by", label=gettext_lazy("Review by"), sort_key="review_by"),
        Column("days_overdue", label=gettext_lazy("Days overdue")),
    ]
    list_export = ["title", "area", "language", "owner_name", "review_by", "days_overdue"]
    export_headings = {
        "title": gettext_lazy("Title"),
        "area": gettext_lazy("Area"),
        "language": gettext_lazy("Language"),
        "owner_name": gettext_lazy("Owner"),
        "review_by": gettext_lazy("Review by"),
        "days_overdue": gettext_lazy("Days overdue"),
    }

    def get_filename(self):
        return f"due-for-review-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        self.queryset = freshness.pages_due().select_related("locale")
        return super().get_queryset()

    def decorate_paginated_queryset(self, object_list):
        # Iterating fills the queryset's cache, which the table and the export then read.
        freshness.describe(list(object_list))
        return object_list
