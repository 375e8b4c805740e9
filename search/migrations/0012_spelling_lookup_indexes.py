"""Indexes for finding the typo fallback's candidates (search.spelling.lookup).

* PostgreSQL: a trigram index per content language on the vocabulary. A search corrects its
  words in the visitor's language; with one index of every language's words PostgreSQL reads
  and discards the near spellings of the other languages too. Each language of
  settings.LANGUAGES gets a partial GIN trigram index of its own words
  (search.vocabulary.language_index_sql, which says what it saves); a language added later
  gets its index at the next vocabulary rebuild (`manage.py search_spelling`, or a
  publication). The index of all words stays for the all-languages scope.
* SQLite (and other databases without pg_trgm): an index on each word's language, second and
  third letters and length, through which a word whose first letter is wrong or missing finds
  its candidates (search.spelling._near_start).
"""

from django.conf import settings
from django.db import migrations

from search.vocabulary import LANGUAGE_INDEX, language_index_sql

SECOND_LETTERS_INDEX = "search_spelling_second"


def _table(apps, schema_editor):
    return schema_editor.quote_name(apps.get_model("portal_search", "SpellingWord")._meta.db_table)


def create_indexes(apps, schema_editor):
    table = _table(apps, schema_editor)
    if schema_editor.connection.vendor != "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {SECOND_LETTERS_INDEX} ON {table} "
            f"(language, substr(key, 2, 2), length)"
        )
        return
    for code, _name in settings.LANGUAGES:
        sql = language_index_sql(table, code)
        if sql:
            schema_editor.execute(sql)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {SECOND_LETTERS_INDEX}")
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE indexname LIKE %s",
            [LANGUAGE_INDEX.format("%")],
        )
        names = [name for (name,) in cursor.fetchall()]
    for name in names:
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")


class Migration(migrations.Migration):

    dependencies = [
        ("portal_search", "0011_spelling_vocabulary"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
