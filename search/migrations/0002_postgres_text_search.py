"""PostgreSQL text search configurations per language, and the GIN index search filters on.

See search.backends.postgres for why. Nothing happens on other databases. After this
migration, run `manage.py update_index` once so existing rows are re-analysed.
"""

from django.db import migrations

SNOWBALL_CONFIGS = """
    SELECT c.cfgname FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace
    WHERE n.nspname = 'pg_catalog'
      AND EXISTS (SELECT 1 FROM pg_ts_dict d WHERE d.dictname = c.cfgname || '_stem')
    ORDER BY c.cfgname
"""
INDEX_NAME = "search_indexentry_title_body_gin"


def _index_table(apps):
    return apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        cursor.execute(SNOWBALL_CONFIGS)
        languages = [row[0] for row in cursor.fetchall()]
        for language in languages:
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_{language}")
            cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION portal_{language} (COPY = pg_catalog.{language})")
            cursor.execute(f"ALTER TEXT SEARCH CONFIGURATION portal_{language} "
                           f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {language}_stem")
        cursor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_simple")
        cursor.execute("CREATE TEXT SEARCH CONFIGURATION portal_simple (COPY = pg_catalog.simple)")
        cursor.execute("ALTER TEXT SEARCH CONFIGURATION portal_simple "
                       "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple")
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON {_index_table(apps)} "
                       f"USING gin ((title || body))")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")
        cursor.execute("SELECT cfgname FROM pg_ts_config WHERE cfgname LIKE %s", ["portal\\_%"])
        for (name,) in cursor.fetchall():
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
