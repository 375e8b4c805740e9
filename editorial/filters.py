"""The "Area" filter of the admin reports: pages inside one area, in every language.

The due-for-review report (editorial.views) filters pages by their tree path, the out-of-date
translations report (multilingual.views) filters wagtail-localize translations by the path of
their page; both offer the same areas (editorial.freshness.area_pages) and match the same way.
"""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from . import freshness


def area_choices():
    """One choice per area, covering all its language versions (the locale filter picks one).

    Labelled with the default-language title where there is one.
    """
    default_locale = Locale.get_default().pk
    titles = {}
    for key, title, locale_id in (
        freshness.area_pages().order_by("path").values_list("translation_key", "title", "locale_id")
    ):
        if key not in titles or locale_id == default_locale:
            titles[key] = title
    return sorted(((str(key), title) for key, title in titles.items()), key=lambda c: c[1])


class AreaFilter(django_filters.ChoiceFilter):
    """Rows whose `path_field` lies inside the chosen area's page, in any of its languages."""

    def __init__(self, *, path_field="path", **kwargs):
        kwargs.setdefault("label", gettext_lazy("Area"))
        kwargs.setdefault("choices", area_choices)
        kwargs.setdefault("empty_label", gettext_lazy("All areas"))
        super().__init__(**kwargs)
        self.path_field = path_field

    def filter(self, queryset, value):
        if not value:
            return queryset
        inside = Q(pk__in=[])
        for path in (
            freshness.area_pages().filter(translation_key=value).values_list("path", flat=True)
        ):
            inside |= Q(**{f"{self.path_field}__startswith": path})
        return queryset.filter(inside)
