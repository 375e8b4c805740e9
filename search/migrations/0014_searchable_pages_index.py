"""An index from which PostgreSQL reads the searchable pages without visiting the page table.

Every search joins its matches to the pages a visitor may see (search.engine.searchable_pages:
live, below the home pages, not a listing type, outside any view restriction) and reads each
match's translation key and first publication from them. PostgreSQL answers that join by
hashing every such page of the language (25,000 rows at 100,000 pages), read through the
locale index and then the page table: 10 of the 45 ms of a broad search with facets. This
partial index holds exactly those rows and the columns the search reads (the path and depth
for the view restrictions), so the rows come from the index alone: 3 ms (bench/search/bench.py).
An index-only scan needs the table's visibility map, which autovacuum keeps.

Wagtail's page table is not ours, so the index is created here, named after this app, and
only on PostgreSQL: SQLite reads a page table this size fast enough (docs/search.md).
"""

from django.db import migrations

NAME = "portal_search_searchable_pages"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("wagtailcore", "Page")._meta.db_table)
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {NAME} ON {table} (locale_id) "
        f"INCLUDE (id, translation_key, first_published_at, content_type_id, path, depth) "
        f"WHERE live AND depth > 2"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0013_embedding_updated"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
