"""The admin report of out-of-date translations (see multilingual.stale)."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale
from wagtail_localize.models import Translation

from editorial.filters import AreaFilter

from . import stale


class OutOfDateFilterSet(WagtailFilterSet):
    locale = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Language"),
        field_name="target_locale",
        queryset=Locale.objects.all(),
        empty_label=gettext_lazy("All languages"),
    )
    area = AreaFilter(path_field="page_path")

    class Meta:
        model = Translation
        fields = ["locale", "area"]


class OutOfDateTranslationsView(ReportView):
    """Every translation whose source was published after the translation was last synced."""

    page_title = gettext_lazy("Out-of-date translations")
    header_icon = "globe"
    model = Translation
    any_permission_required = ["add", "change", "publish"]
    permission_policy = None
    filterset_class = OutOfDateFilterSet
    index_url_name = "multilingual:out_of_date"
    index_results_url_name = "multilingual:out_of_date_results"
    default_ordering = "source_changed_at"
    columns = [
        Column("page_title", label=gettext_lazy("Page")),
        Column("language", label=gettext_lazy("Language")),
        DateColumn("source_changed_at", label=gettext_lazy("Source changed")),
        Column("changed_segments", label=gettext_lazy("Changed segments")),
    ]
    list_export = ["page_title", "language", "source_changed_at", "changed_segments"]
    export_headings = {
        "page_title": gettext_lazy("Page"),
        "language": gettext_lazy("Language"),
        "source_changed_at": gettext_lazy("Source changed"),
        "changed_segments": gettext_lazy("Changed segments"),
    }

    def user_has_permission(self, permission):  # translators and editors alike
        return self.request.user.has_perm("wagtailadmin.access_admin")

    def get_filename(self):
        return f"out-of-date-translations-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        self.queryset = stale.out_of_date()
        return super().get_queryset()

    def decorate_paginated_queryset(self, object_list):
        for translation in object_list:
            translation.language = translation.target_locale.get_display_name()
            translation.changed_segments = stale.changed_segments(translation)
        return object_list
