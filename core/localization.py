"""Pages, terms and people in the visitor's language, without a query per object.

Wagtail's `.localized` costs a query for the active Locale and another for the translation,
every time it is read; a listing of twelve resources, each with a type and a publisher, paid for
it fifty times over. Here the active Locale comes from the per-request cache (core.request_cache), a
list is localised in one query per model (`localize`), a many-to-many field in one query
whatever the language (`localized_all`), and every answer is remembered for the rest of the
request, so a template reading `resource.resource_type.localized` after the page model
localised the list costs nothing. The rule stays Wagtail's: the translation in the active
language if there is one (a live one, for pages), otherwise the object itself.
"""

from collections import defaultdict

from django.db.models import Q, QuerySet
from django.utils import translation
from wagtail.models import DraftStateMixin, Page

from .request_cache import active_locale_id, memoise, remember
from .visibility import public_q


def _memo_key(obj):
    return ("localized", translation.get_language(), obj._meta.label, obj.pk)


def _translations(model, keys, locale_id):
    queryset = model._default_manager.filter(locale_id=locale_id, translation_key__in=keys)
    if issubclass(model, DraftStateMixin):
        queryset = queryset.filter(live=True)
    related = getattr(model, "display_related", ())
    return queryset.select_related(*related) if related else queryset


def localized(obj):
    """`obj.localized`, with the Locale cached and the answer remembered for the request."""
    if obj is None:
        return None
    locale_id = active_locale_id()
    if obj.locale_id == locale_id:
        return obj
    return memoise(
        _memo_key(obj),
        lambda: _translations(type(obj), [obj.translation_key], locale_id).first() or obj,
    )


def localize(objects):
    """Each of `objects` in the visitor's language, in one query per model (none in its own)."""
    objects = list(objects)
    locale_id = active_locale_id()
    pending = defaultdict(set)
    for obj in objects:
        if obj is not None and obj.locale_id != locale_id:
            pending[type(obj)].add(obj.translation_key)
    found = {}
    for model, keys in pending.items():
        for item in _translations(model, keys, locale_id):
            found[(model, item.translation_key)] = item
    result = []
    for obj in objects:
        if obj is not None and obj.locale_id != locale_id:
            translated = found.get((type(obj), obj.translation_key), obj)
            remember(_memo_key(obj), translated)
            obj = translated
        result.append(obj)
    return result


def localize_related(objects, *field_names):
    """Localise the objects behind foreign keys of `objects` (a resource's type, publisher...).

    Templates then read `resource.resource_type.localized` from the cache. The foreign keys
    themselves should already be loaded (`select_related`), or each costs a query here.
    """
    related = [getattr(obj, name) for obj in objects for name in field_names]
    localize(item for item in related if item is not None)


def localized_all(related, **annotations):
    """The objects of a queryset or many-to-many field in the visitor's language, in one query.

    The rows themselves and their translations in the active language are read together; for
    each object the translation wins (for pages, a live and public one). Sorted as the model
    sorts (terms by name, pages by tree position). `annotations` are added to the query, e.g.
    an editor's position to sort by afterwards.
    """
    if related is None:
        return []
    items = related.all() if hasattr(related, "all") else related
    if not isinstance(items, QuerySet):  # in-memory relations, as in a preview
        return localize(items)
    model = items.model
    locale_id = active_locale_id()
    translations = Q(locale_id=locale_id, translation_key__in=items.values("translation_key"))
    if issubclass(model, DraftStateMixin):
        translations &= Q(live=True)
    if issubclass(model, Page):
        translations &= public_q()
    rows = model._default_manager.filter(Q(pk__in=items.values("pk")) | translations)
    related_fields = getattr(model, "display_related", ())
    if related_fields:
        rows = rows.select_related(*related_fields)
    rows = list(rows.annotate(**annotations))
    chosen = {}
    for row in rows:
        current = chosen.get(row.translation_key)
        if current is None or (row.locale_id == locale_id and current.locale_id != locale_id):
            chosen[row.translation_key] = row
    for row in rows:  # so that `.localized` on any of them is answered from the cache
        if row.locale_id != locale_id:
            remember(_memo_key(row), chosen[row.translation_key])
    return [row for row in rows if chosen[row.translation_key] is row]


class CachedLocalizedMixin:
    """Makes `.localized` use the per-request cache; mix in before TranslatableMixin."""

    @property
    def localized(self):
        return localized(self)
