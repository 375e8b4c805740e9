"""Wagtail's search backends (modelsearch), taught that the portal's pages have languages.

modelsearch 1.3 analyses every object with one language: PostgreSQL with one SEARCH_CONFIG
per backend, Elasticsearch with one default analyzer, SQLite with none. Several backends
"one per language" do not help: the database ones share one index table (the last one to
write wins) and `update_index` indexes every object into each of them. These subclasses keep
one backend and one index, and

* index each object with its own language's rules (a page's locale, a document's language);
* query in one language (`get_search_backend(QUERY_LANGUAGE="fr")`) or, without one, in
  every content language at once;
* keep search.models.PageFacets up to date, since they see every page that is indexed,
  whether by a save, a retry, `update_index` or `search_reindex`.

Where they work around a gap in modelsearch the module says which, and when it can go.
"""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Manager, prefetch_related_objects
from modelsearch.index import RelatedFields, SearchField
from wagtail.models import Locale, Page

from .. import facets, indexing
from ..arabic import index_forms
from ..text import base_language

NORMALISED_LANGUAGES = {"ar"}  # languages whose words are also indexed in a normal form


def content_languages():
    """The languages pages are written in, default first."""
    codes = [
        code for code, _name in getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", settings.LANGUAGES)
    ]
    return codes or [settings.LANGUAGE_CODE]


class LanguageOfObjects:
    """The language of each object to index: a page's locale, a document's `language`.

    Locale codes are read once per instance (one query) rather than through `obj.locale`,
    which would cost a query per object when thousands are indexed in bulk.
    """

    def __init__(self):
        self._codes = None

    def __call__(self, obj):
        locale_id = getattr(obj, "locale_id", None)
        if locale_id is not None:
            if self._codes is None:
                self._codes = dict(Locale.objects.values_list("pk", "language_code"))
            return self._codes.get(locale_id)
        language = getattr(obj, "language", None)  # core.PortalDocument
        return language if isinstance(language, str) and language else None


def _plain(value):
    if isinstance(value, (list, tuple)):
        return ", ".join(_plain(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(_plain(item) for item in value.values())
    return "" if value is None else str(value)


def plain_text(obj):
    """(title, other text) of an object's SearchFields, related ones included.

    What the database backends store next to their vectors, for engines that do not; read
    the way modelsearch's indexers read it (`get_value`, lists and dicts joined), whose own
    extraction classes are tied to their backend's database.
    """
    title, other = [], []

    def read(instance, fields, top):
        for field in fields:
            if isinstance(field, RelatedFields):
                value = field.get_value(instance)
                related = (
                    value.all()
                    if isinstance(value, Manager)
                    else [value]
                    if value is not None
                    else []
                )
                for item in related:
                    read(item() if callable(item) else item, field.fields, top=False)
            elif isinstance(field, SearchField):
                text = _plain(field.get_value(instance)).strip()
                if text:
                    (title if top and field.field_name == "title" else other).append(text)

    read(obj, obj.get_search_fields(), top=True)
    return " ".join(title), " ".join(other)


def many_valued_relations(model):
    """Names of the RelatedFields of `model` that hold several objects (M2M, reverse FK)."""
    names = []
    for field in model.get_search_fields():
        if isinstance(field, RelatedFields):
            try:
                relation = field.get_field(model)
            except FieldDoesNotExist:
                continue
            if relation.many_to_many or relation.one_to_many:
                names.append(field.field_name)
    return names


class PortalIndexMixin:
    """What every portal index does around modelsearch's add_items.

    * Prefetch the many-valued relations the search fields read (topics, regions...):
      modelsearch prefetches none of modelcluster's ParentalManyToManyFields, and its database
      indexers read every field five times (title, body, autocomplete and their plain text),
      so a chunk of pages cost a query per page, relation and pass. A model may name more
      (`search_prefetch_related`) for what its search methods read.
    * Rewrite the facet rows of pages (see search.facets), before their entries: on
      PostgreSQL each entry copies its page's row as it is written (search/migrations/0007).

    Inside a bulk load (search.indexing.deferred) the objects are only noted, before anything
    else is done for them: what each backend adds to the writing (`write_items`: languages,
    transactions, normal forms) waits for the one write at the load's end too.
    """

    def add_items(self, model, objs):
        objs = list(objs)
        if indexing.defer(model, objs):  # a bulk load indexes them once, at its end
            return
        prefetch_related_objects(
            objs, *many_valued_relations(model), *getattr(model, "search_prefetch_related", ())
        )
        if issubclass(model, Page):
            facets.store(model, objs)
        self.write_items(model, objs)

    def write_items(self, model, objs):
        """Write the entries of `objs`, which are to be indexed now: modelsearch's own way,
        unless a backend's index says otherwise."""
        super().add_items(model, objs)


def normalised_forms(objs, language_of):
    """[(object id as text, title forms, body forms)] for the objects in a language of
    NORMALISED_LANGUAGES whose words have another normal form (search.arabic): what the
    SQLite backend adds to the indexed words of each, after modelsearch wrote its entry
    (PostgreSQL's search.backends.postgres_entries adds the same forms as it writes it).

    Kept out of the entry's plain text, which snippets show, so a reader never sees them.
    """
    additions = []
    for obj in objs:
        if base_language(language_of(obj)) not in NORMALISED_LANGUAGES:
            continue
        title, body = plain_text(obj)
        title_forms, body_forms = index_forms(title), index_forms(body)
        if title_forms or body_forms:
            additions.append((str(obj.pk), title_forms, body_forms))
    return additions
