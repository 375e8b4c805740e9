"""Search in the admin: synonyms editors manage per language, and the search terms report."""

import datetime

import django_filters
from django.conf import settings
from django.db.models import Max, Sum
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SCOPE_CHOICES, SearchQueryStat, SynonymGroup


class SynonymViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "list-ul"
    menu_label = _("Search synonyms")
    menu_order = 320
    add_to_settings_menu = True
    list_display = ["__str__", "locale", "note"]
    list_filter = ["locale"]
    search_fields = ["terms", "note"]


register_snippet(SynonymViewSet)


PERIODS = [
    ("7", _("Last 7 days")),
    ("30", _("Last 30 days")),
    ("90", _("Last 90 days")),
    ("365", _("Last 12 months")),
]
stats_policy = ModelPermissionPolicy(SearchQueryStat)


class SearchTermsFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label=_("Period"), choices=PERIODS, empty_label=None, method="filter_period"
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=lambda: settings.LANGUAGES, empty_label=_("All")
    )
    scope = django_filters.ChoiceFilter(
        label=_("Scope"), choices=SCOPE_CHOICES, empty_label=_("Both")
    )
    without_results = django_filters.BooleanFilter(
        label=_("Only searches that found nothing"),
        method="filter_without_results",
        widget=django_filters.widgets.BooleanWidget(),
    )

    class Meta:
        model = SearchQueryStat
        fields = ["period", "language", "scope", "without_results"]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("period"):
            data = data.copy()
            data["period"] = "30"
        super().__init__(data, *args, **kwargs)

    def filter_period(self, queryset, name, value):
        return queryset.filter(
            date__gte=timezone.now().date() - datetime.timedelta(days=int(value))
        )

    def filter_without_results(self, queryset, name, value):
        return queryset.filter(without_results__gt=0) if value else queryset


class SearchTermsReportView(ReportView):
    """The most frequent queries, and those that found nothing, per language and period.

    Counts come from search.models.SearchQueryStat: one row per query, language, scope and
    day, with no information about who searched.
    """

    page_title = _("Search terms")
    header_icon = "search"
    index_url_name = "search_terms_report"
    index_results_url_name = "search_terms_report_results"
    filterset_class = SearchTermsFilterSet
    permission_policy = stats_policy
    permission_required = "view"
    columns = [
        Column("query", label=_("Query")),
        Column("language", label=_("Language")),
        Column("total", label=_("Searches")),
        Column("without_results", label=_("Searches that found nothing")),
        Column("last_date", label=_("Last searched")),
    ]
    list_export = ["query", "language", "total", "without_results", "last_date"]
    export_headings = {
        "total": _("Searches"),
        "without_results": _("Searches that found nothing"),
        "last_date": _("Last searched"),
    }

    def get_filename(self):
        return f"search-terms-{timezone.now():%Y-%m-%d}"

    def get_queryset(self):
        rows = (
            SearchQueryStat.objects.values("query", "language")
            .annotate(
                total=Sum("searches"),
                without_results=Sum("searches_without_results", default=0),
                last_date=Max("date"),
            )
            .order_by("-total", "query")
        )
        return rows  # ReportView applies the filters


@hooks.register("register_admin_urls")
def register_search_terms_report_urls():
    return [
        path("reports/search-terms/", SearchTermsReportView.as_view(), name="search_terms_report"),
        path(
            "reports/search-terms/results/",
            SearchTermsReportView.as_view(results_only=True),
            name="search_terms_report_results",
        ),
    ]


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return stats_policy.user_has_permission(request.user, "view")


@hooks.register("register_reports_menu_item")
def register_search_terms_menu_item():
    return SearchTermsMenuItem(
        _("Search terms"),
        reverse("search_terms_report"),
        name="search-terms",
        icon_name="search",
        order=1100,
    )
