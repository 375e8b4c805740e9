"""The typo fallback's vocabulary (search.vocabulary.SpellingWord) and, on PostgreSQL, pg_trgm with
a GIN trigram index on the compared form, so the nearest known spellings of a word are found
through the index (`key % 'burnuot'`) rather than by reading every word.

pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it. It is kept
when this migration is reversed: modelsearch's fuzzy search may use it too. Fill the table
with `manage.py search_spelling` after migrating; publishing keeps it current.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

INDEX_NAME = "search_spelling_key_trgm"


class CreateTrigramExtension(TrigramExtension):
    """pg_trgm on PostgreSQL, nothing elsewhere, and left in place when reversed."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass


def _table(apps, schema_editor):
    return schema_editor.quote_name(apps.get_model("portal_search", "SpellingWord")._meta.db_table)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON {_table(apps, schema_editor)} "
        f"USING gin (key gin_trgm_ops)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):

    dependencies = [
        ('portal_search', '0010_searches_without_results'),
    ]

    operations = [
        CreateTrigramExtension(),
        migrations.CreateModel(
            name='SpellingWord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(max_length=12)),
                ('key', models.CharField(max_length=40)),
                ('word', models.CharField(max_length=80)),
                ('frequency', models.PositiveIntegerField()),
                ('length', models.PositiveSmallIntegerField()),
            ],
            options={
                'indexes': [models.Index(fields=['key'], name='search_spelling_key')],
                'constraints': [models.UniqueConstraint(fields=('language', 'key'), name='search_spelling_unique')],
            },
        ),
        migrations.RunPython(create_index, drop_index),
    ]
