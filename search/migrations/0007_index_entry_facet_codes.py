"""Each page's index entry carries its facet value numbers (PostgreSQL).

A search counted facets by joining its matches to their PageFacets rows: for a word in a
third of 100,000 pages, 10 of 130 ms, and 6 of 36 ms for a broad search in one language.
The numbers are now copied into the entry as it is written (a trigger reads the page's
PageFacets row, which the portal's index writes just before the entry: search.backends), so
the search reads them with the entry's rank (search.backends.postgres.RankedPages).
Existing entries get their numbers here.

The copy leaves out the language (a search reads it from the page's locale) and is sorted:
the translations of a resource then mostly hold the same numbers, which counting by
translation uses (search.summary). It is only ever as old as the entry: both are written by
the same indexing of the page, and the counts are taken over pages the search already
limited to visible ones.
"""

from django.db import migrations

COLUMN = "portal_codes"
FUNCTION = "portal_search_entry_facets"


def _tables(apps, schema_editor):
    quote = schema_editor.quote_name
    return (quote(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table),
            quote(apps.get_model("portal_search", "PageFacets")._meta.db_table),
            quote(apps.get_model("portal_search", "FacetValue")._meta.db_table),
            quote(apps.get_model("wagtailcore", "Page")._meta.db_table))


def _codes(facets, values, row):
    """SQL: the sorted numbers of PageFacets row `row`, but its language's."""
    return (f"ARRAY(SELECT c FROM unnest({row}.codes) c WHERE c <> ALL (ARRAY("
            f"SELECT v.id FROM {values} v WHERE v.facet = 'language')) ORDER BY c)")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    entries, facets, values, pages = _tables(apps, schema_editor)
    schema_editor.execute(f"ALTER TABLE {entries} ADD COLUMN IF NOT EXISTS {COLUMN} integer[]")
    schema_editor.execute(
        f"UPDATE {entries} e SET {COLUMN} = {_codes(facets, values, 'f')} FROM {pages} p "
        f"JOIN {facets} f ON f.page_id = p.id "
        f"WHERE e.content_type_id = p.content_type_id AND e.object_id = (p.id)::varchar(50)")
    # An entry is a page's when a page has its id and content type (entries of images or
    # documents have ids of their own, which may be numbers of pages too).
    # Two primary-key lookups (page ids are 32-bit integers, compared as such), planned at
    # each call: a plan cached while PageFacets was small can outlive its growth wherever
    # statistics are not refreshed. A first version (one join, the id compared as a bigint,
    # plans cached) slowed the indexing of 100,000 pages to 119 pages/s as they went in;
    # this one kept 360 to 260.
    schema_editor.execute(f"""
        CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql
        SET plan_cache_mode = force_custom_plan AS $$
        DECLARE
            page integer;
        BEGIN
            NEW.{COLUMN} := NULL;
            IF NEW.object_id ~ '^[0-9]{{1,10}}$' AND NEW.object_id::bigint <= 2147483647 THEN
                page := NEW.object_id::integer;
                IF EXISTS (SELECT 1 FROM {pages} p WHERE p.id = page
                           AND p.content_type_id = NEW.content_type_id) THEN
                    SELECT {_codes(facets, values, 'f')} INTO NEW.{COLUMN}
                        FROM {facets} f WHERE f.page_id = page;
                END IF;
            END IF;
            RETURN NEW;
        END
        $$""")
    schema_editor.execute(f"CREATE TRIGGER {FUNCTION} BEFORE INSERT OR UPDATE ON {entries} "
                          f"FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    entries, *_rest = _tables(apps, schema_editor)
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {FUNCTION} ON {entries}")
    schema_editor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}()")
    schema_editor.execute(f"ALTER TABLE {entries} DROP COLUMN IF EXISTS {COLUMN}")


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0006_index_text_beside_entries"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create, drop)]
