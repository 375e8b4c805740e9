"""An index on pages' ids as text, for the join of pages to their search index entries.

modelsearch reaches a page's index entry through a generic relation, whose join compares
`object_id` (text) with the page id cast to text. No index held that expression, so the
database read every page (PostgreSQL) or every page of the locale for each match (SQLite,
search.backends.sqlite) to find the ones a search matched. With this index it looks each
match up: bench/search/bench.py measures the difference on 100,000 pages.
"""

from django.db import migrations

INDEX_NAME = "search_page_id_text"


def _page_table(apps):
    return apps.get_model("wagtailcore", "Page")._meta.db_table


# The expression exactly as Django writes the join, or the database will not use the index.
EXPRESSIONS = {"postgresql": "(id::varchar(50))", "sqlite": "CAST(id AS varchar(50))"}


def create(apps, schema_editor):
    expression = EXPRESSIONS.get(schema_editor.connection.vendor)
    if expression is None:
        return
    table = schema_editor.quote_name(_page_table(apps))
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON {table} ({expression})")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor not in EXPRESSIONS:
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0002_postgres_text_search"),
    ]

    operations = [migrations.RunPython(create, drop)]
