"""Facets: which values a page has (written at indexing time) and their labels and counts.

Taxonomy facets use term slugs, which are the same in every language (taxonomy.models), so a
filter URL works in every locale and a French page that points at the English term counts
under the same value as an English one.
"""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.db.models import CharField, Value
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from core.request_cache import locale_codes

from .models import FacetValue, PageFacets

# (facet name in URLs, label, taxonomy model for labels, page field holding its terms)
FACETS = [
    ("type", _("Type"), None, None),
    ("topic", _("Topic"), "taxonomy.Topic", "topics"),
    ("region", _("Region or country"), "taxonomy.Region", "regions"),
    ("audience", _("Audience"), "taxonomy.Audience", "audiences"),
    ("language", _("Language"), None, None),
    ("year", _("Year"), None, None),
]
FACET_NAMES = [name for name, *_rest in FACETS]
TAXONOMY = {name: (model, field) for name, _label, model, field in FACETS if field}


def _taxonomy_values(model, page_ids):
    """{page id: {(facet, slug), ...}} for the taxonomy fields `model` has, in one query each.

    Pages are indexed in chunks of hundreds; reading each page's terms through its manager
    would cost a query per page and field.
    """
    values = {}
    for facet, (_term_model, field_name) in TAXONOMY.items():
        try:
            field = model._meta.get_field(field_name)
        except FieldDoesNotExist:  # this page type is not classified that way
            continue
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        lookups = [f"{source}_id", f"{target}__slug"]
        if facet == "region":  # a page about Guatemala is also about its region
            lookups.append(f"{target}__parent__slug")
        rows = through.objects.filter(**{f"{source}_id__in": page_ids}).values_list(*lookups)
        for page_id, *slugs in rows:
            values.setdefault(page_id, set()).update((facet, slug) for slug in slugs if slug)
    return values


def page_year(page):
    year = getattr(page, "year", None)
    if not year and page.first_published_at:
        year = page.first_published_at.year
    return year


def store(model, pages):
    """Replace the facet values of `pages` (instances of the Page subclass `model`)."""
    pages = [page for page in pages if page.pk]
    if not pages:
        return
    ids = [page.pk for page in pages]
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    taxonomy = _taxonomy_values(model, ids)
    page_type = f"{model._meta.app_label}.{model._meta.model_name}"
    values_of = {}
    for page in pages:
        values = {("type", page_type), ("language", languages.get(page.locale_id, ""))}
        year = page_year(page)
        if year:
            values.add(("year", str(year)))
        values |= taxonomy.get(page.pk, set())
        values_of[page.pk] = {(facet, str(value)[:100]) for facet, value in values if value}
    with transaction.atomic():
        codes = value_codes(set().union(*values_of.values()))
        PageFacets.objects.filter(page_id__in=ids).delete()
        PageFacets.objects.bulk_create(
            PageFacets(page_id=pk, codes=[codes[value] for value in values])
            for pk, values in values_of.items()
        )


def value_codes(values):
    """{(facet, value): FacetValue id} for `values`, numbering the ones not seen before."""
    known = {}
    if values:
        facets_ = {facet for facet, _value in values}
        wanted = {value for _facet, value in values}
        rows = FacetValue.objects.filter(facet__in=facets_, value__in=wanted).values_list(
            "facet", "value", "pk"
        )
        known = {(facet, value): pk for facet, value, pk in rows}
    missing = [value for value in values if value not in known]
    if missing:
        FacetValue.objects.bulk_create(
            [FacetValue(facet=facet, value=value) for facet, value in missing],
            ignore_conflicts=True,
        )  # another indexer may number them first
        rows = FacetValue.objects.filter(
            facet__in={f for f, _v in missing}, value__in={v for _f, v in missing}
        ).values_list("facet", "value", "pk")
        known.update(((facet, value), pk) for facet, value, pk in rows)
    return known


def page_values(page_ids):
    """{page id: {(facet, value), ...}}, as stored for `page_ids`."""
    rows = list(
        PageFacets.objects.filter(page_id__in=list(page_ids)).values_list("page_id", "codes")
    )
    codes = {code for _page_id, page_codes in rows for code in page_codes}
    names = {
        pk: (facet, value)
        for pk, facet, value in FacetValue.objects.filter(pk__in=codes).values_list(
            "pk", "facet", "value"
        )
    }
    return {page_id: {names[code] for code in codes if code in names} for page_id, codes in rows}


def all_labels(values_by_facet, language):
    """{facet: {value: label in `language`}} for several facets at once.

    The taxonomy facets' terms are read in one query (a UNION over their models) rather than
    one per facet: the search page is held to the same query budget as every public page.
    """
    result = {
        facet: labels(facet, values, language)
        for facet, values in values_by_facet.items()
        if facet not in TAXONOMY
    }
    queries = []
    for facet, values in values_by_facet.items():
        if facet in TAXONOMY and values:
            queries.append(
                apps.get_model(TAXONOMY[facet][0])
                .objects.filter(slug__in=list(values))
                .annotate(facet=Value(facet, output_field=CharField()))
                .values_list("facet", "slug", "name", "locale_id")
                .order_by()
            )
    rows = queries[0].union(*queries[1:], all=True) if queries else []
    codes = locale_codes()
    preference = {language: 0, settings.LANGUAGE_CODE: 1}
    ranked = {facet: {} for facet in values_by_facet if facet in TAXONOMY}
    for facet, slug, name, locale_id in rows:
        rank = preference.get(codes.get(locale_id), 2)
        if slug not in ranked[facet] or rank < ranked[facet][slug][0]:
            ranked[facet][slug] = (rank, name)
    for facet, terms in ranked.items():
        result[facet] = {slug: name for slug, (_rank, name) in terms.items()}
    return result


def labels(facet, values, language):
    """{value: label in `language`} for the values of one facet."""
    values = list(values)
    if facet == "type":
        result = {}
        for value in values:
            try:
                model = apps.get_model(value)
            except (LookupError, ValueError):
                continue
            if issubclass(model, Page):
                result[value] = capfirst(model._meta.verbose_name)
        return result
    if facet == "language":
        names = dict(settings.LANGUAGES)
        return {value: names.get(value, value) for value in values}
    if facet == "year":
        return {value: value for value in values}
    term_model = apps.get_model(TAXONOMY[facet][0])
    ranked = {}
    preference = {language: 0, settings.LANGUAGE_CODE: 1}
    for term in term_model.objects.filter(slug__in=values).select_related("locale"):
        rank = preference.get(term.locale.language_code, 2)
        if term.slug not in ranked or rank < ranked[term.slug][0]:
            ranked[term.slug] = (rank, term.name)
    return {slug: name for slug, (_rank, name) in ranked.items()}
