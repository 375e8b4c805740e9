"""The language of each search index entry, so a search in one language reads only its own.

A search in the visitor's language used to fetch every index entry the full-text index
matched, in every language (a topic's English name is in the French pages too), and only
then drop the other languages' pages: on four languages, three rows of four read for
nothing. With the entry's language in an indexed column the database combines the two
indexes before it reads any row (search.backends.postgres).

The column is PostgreSQL only and not part of modelsearch's model: its default is what the
portal's index sets for the rows it writes (the `portal.index_language` setting), so
modelsearch's own INSERT fills it. Existing page entries get their page's language here.
"""

from django.db import migrations

COLUMN = "portal_language"
INDEX_NAME = "search_indexentry_language"


def _tables(apps, schema_editor):
    quote = schema_editor.quote_name
    return (quote(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table),
            quote(apps.get_model("wagtailcore", "Page")._meta.db_table),
            quote(apps.get_model("wagtailcore", "Locale")._meta.db_table))


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    entries, pages, locales = _tables(apps, schema_editor)
    schema_editor.execute(
        f"ALTER TABLE {entries} ADD COLUMN IF NOT EXISTS {COLUMN} varchar(16) "
        f"DEFAULT NULLIF(current_setting('portal.index_language', true), '')")
    schema_editor.execute(
        f"UPDATE {entries} e SET {COLUMN} = l.language_code FROM {pages} p JOIN {locales} l "
        f"ON l.id = p.locale_id WHERE e.content_type_id = p.content_type_id "
        f"AND e.object_id = (p.id)::varchar(50)")
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON {entries} ({COLUMN})")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    entries, _pages, _locales = _tables(apps, schema_editor)
    schema_editor.execute(f"ALTER TABLE {entries} DROP COLUMN IF EXISTS {COLUMN}")


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0004_page_facets_as_codes"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
