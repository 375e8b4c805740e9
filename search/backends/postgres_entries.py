"""Writing PostgreSQL index entries in bulk: each object's fields read once, one INSERT.

Gap worked around: modelsearch 1.3's PostgresIndex.add_items builds each entry through an
ObjectIndexer that reads every search field five times (for the title, body and
autocomplete vectors and the two plain texts; a StreamField's searchable content is
rendered each time, a ParentalManyToManyField's queryset built each time) and turns every
text into Django expressions that are resolved, copied and compiled one by one. Profiled on
10,000 resource pages that Python work was about two thirds of indexing; the INSERT itself
a third. EntryWriter reads each field once and writes the same SQL as text, so the rows
are byte for byte those modelsearch writes (search/tests/test_postgres_entries.py checks
it). It can go when modelsearch reads each field once and compiles its vectors cheaply.

The Arabic normal forms (search.arabic) used to be added by an UPDATE of the entries just
written; now they are part of each vector as it is inserted (the same tsvector: the forms
are concatenated after the text, as the UPDATE did), so each Arabic entry is written once,
its GIN entries and triggers (search/migrations/0006, 0007) run once rather than twice.
"""

from django.db.models import Manager
from django.utils.encoding import force_str
from modelsearch.backends.database.postgres.postgres import PostgresIndex
from modelsearch.backends.database.postgres.weights import get_weight
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.utils import balanced_reduce, get_content_type_pk
from wagtail.search.models import IndexEntry

from ..arabic import index_forms
from ..text import base_language
from . import NORMALISED_LANGUAGES

EMPTY_VECTOR = "''::tsvector"  # what to_tsvector('') gives: no lexemes


def _prepare_value(value):
    """A field's value as modelsearch's ObjectIndexer.prepare_value turns it into text."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ", ".join(_prepare_value(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(_prepare_value(item) for item in value.values())
    return force_str(value)


def prepared_fields(obj, fields, top=True):
    """(field, weight, text, top) for each value of `obj`'s search fields, related ones
    included, in the order (and with the weights) modelsearch's ObjectIndexer reads them.
    `top`: the field is the object's own, not a related object's (search.backends.plain_text
    keeps only those in the title)."""
    for field in fields:
        if isinstance(field, SearchField):
            yield field, get_weight(field.boost), _prepare_value(field.get_value(obj)), top
        elif isinstance(field, AutocompleteField):
            yield field, "D", _prepare_value(field.get_value(obj)), top
        elif isinstance(field, RelatedFields):
            value = field.get_value(obj)
            if value is None:
                continue
            if isinstance(value, Manager):
                related = value.all()
            else:
                related = [value() if callable(value) else value]
            for item in related:
                yield from prepared_fields(item, field.fields, top=False)


def _vector(texts, config):
    """(sql, params) of modelsearch's vector of [(text, weight)]: each text's
    setweight(to_tsvector()), joined by || in modelsearch's balanced order (the order moves
    positions near tsvector's limit of 16,383, so it is kept)."""
    texts = [(text.strip(), weight) for text, weight in texts]
    texts = [(text, weight) for text, weight in texts if text]
    if not texts:
        return EMPTY_VECTOR, []
    parts = [
        ("setweight(to_tsvector(%s::regconfig, COALESCE(%s, '')), %s)", [config, text, weight])
        for text, weight in texts
    ]
    return balanced_reduce(lambda a, b: (f"({a[0]} || {b[0]})", a[1] + b[1]), parts)


def _with_forms(vector, forms, weight, config):
    """`vector` followed by the normal forms `forms` (search.arabic), as the UPDATE that
    used to add them wrote it."""
    if not forms:
        return vector
    sql, params = vector
    return f"({sql} || setweight(to_tsvector(%s::regconfig, %s), %s))", [
        *params,
        config,
        forms,
        weight,
    ]


class EntryWriter(PostgresIndex):
    """modelsearch's PostgresIndex, writing its entries as described in the module doc.

    `language` is the objects' language (set by the portal's index for each group it writes),
    which decides whether their Arabic normal forms are added.
    """

    language = None

    def add_items(self, model, objs):
        search_fields = model.get_search_fields()
        if not search_fields or not objs:
            return
        config = self.backend.config
        autocomplete_config = self.backend.autocomplete_config
        normalise = base_language(self.language) in NORMALISED_LANGUAGES
        title_boost = next(
            (
                field.boost
                for field in search_fields
                if isinstance(field, SearchField) and field.field_name == "title"
            ),
            None,
        )
        content_type = get_content_type_pk(model)
        rows, params = [], []
        for obj in objs:
            title, body, autocomplete, top_title, other = [], [], [], [], []
            for field, weight, text, top in prepared_fields(obj, search_fields):
                if isinstance(field, AutocompleteField):
                    autocomplete.append((text, weight))
                elif field.field_name == "title":
                    title.append((text, weight))
                else:
                    body.append((text, weight))
                if isinstance(field, SearchField) and text.strip():
                    # search.backends.plain_text's split, which the normal forms were read from
                    (top_title if top and field.field_name == "title" else other).append(
                        text.strip()
                    )
            title_vector, body_vector = _vector(title, config), _vector(body, config)
            if normalise:
                title_vector = _with_forms(
                    title_vector, index_forms(" ".join(top_title)), get_weight(title_boost), config
                )
                body_vector = _with_forms(
                    body_vector, index_forms(" ".join(other)), get_weight(None), config
                )
            autocomplete_vector = _vector(autocomplete, autocomplete_config)
            rows.append(
                f"(%s, %s, {title_vector[0]}, {autocomplete_vector[0]}, {body_vector[0]}, "
                f"1.0, %s, %s)"
            )
            params += [content_type, force_str(obj.pk)]
            params += title_vector[1] + autocomplete_vector[1] + body_vector[1]
            params += [
                " ".join(text.strip() for text, _weight in title if text.strip()),
                " ".join(text.strip() for text, _weight in body if text.strip()),
            ]
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {IndexEntry._meta.db_table} (content_type_id, object_id, title, "
                f"autocomplete, body, title_norm, title_text, body_text) "
                f"(VALUES {', '.join(rows)}) "
                f"ON CONFLICT (content_type_id, object_id) DO UPDATE SET "
                f"title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, "
                f"body = EXCLUDED.body, title_text = EXCLUDED.title_text, "
                f"body_text = EXCLUDED.body_text",
                params,
            )
