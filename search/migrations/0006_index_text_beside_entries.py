"""The plain text of search index entries kept beside them, not in them (search.models.EntryText).

Every search reads the index rows of its matches, and modelsearch's rows carry each entry's
plain title and body, for trigram fuzzy search, which the portal does not use. On PostgreSQL
a trigger now moves that text, as modelsearch writes it, into EntryText (where result
snippets read it) and leaves the row's copy empty; a second trigger deletes it with its
entry. modelsearch's own INSERT ... ON CONFLICT stays as it is: the INSERT trigger moves the
new text, and the UPDATE that follows a conflict brings only the emptied copy, which the
trigger leaves alone.

Existing entries' text is moved here. The rows shrink as they are rewritten; run
`VACUUM FULL wagtailsearch_indexentry` (or rebuild the index) to give the space back at once.
"""

from django.db import migrations, models

FUNCTION = "portal_search_entry_text"


def _tables(apps, schema_editor):
    quote = schema_editor.quote_name
    return (quote(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table),
            quote(apps.get_model("portal_search", "EntryText")._meta.db_table))


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    entries, texts = _tables(apps, schema_editor)
    schema_editor.execute(
        f"INSERT INTO {texts} (content_type_id, object_id, title, body) "
        f"SELECT content_type_id, object_id, title_text, body_text FROM {entries} "
        f"ON CONFLICT (content_type_id, object_id) DO NOTHING")
    schema_editor.execute(f"UPDATE {entries} SET title_text = '', body_text = '' "
                          f"WHERE title_text <> '' OR body_text <> ''")
    schema_editor.execute(f"""
        CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql
        SET plan_cache_mode = force_custom_plan AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                DELETE FROM {texts} t USING gone
                    WHERE t.content_type_id = gone.content_type_id AND t.object_id = gone.object_id;
                RETURN NULL;
            END IF;
            IF TG_OP = 'INSERT' OR NEW.title_text <> '' OR NEW.body_text <> '' THEN
                INSERT INTO {texts} (content_type_id, object_id, title, body)
                    VALUES (NEW.content_type_id, NEW.object_id, NEW.title_text, NEW.body_text)
                    ON CONFLICT (content_type_id, object_id)
                    DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body;
                NEW.title_text := '';
                NEW.body_text := '';
            END IF;
            RETURN NEW;
        END
        $$""")
    schema_editor.execute(f"CREATE TRIGGER {FUNCTION} BEFORE INSERT OR UPDATE ON {entries} "
                          f"FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()")
    # One statement-level trigger: rebuilding the index deletes every entry in one DELETE.
    # The function's statements are planned at each call, so that a rebuild's DELETE of every
    # entry and a single page's are each planned for their own size.
    schema_editor.execute(f"CREATE TRIGGER {FUNCTION}_delete AFTER DELETE ON {entries} "
                          f"REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    entries, texts = _tables(apps, schema_editor)
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {FUNCTION} ON {entries}")
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {FUNCTION}_delete ON {entries}")
    schema_editor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}()")
    schema_editor.execute(
        f"UPDATE {entries} e SET title_text = t.title, body_text = t.body FROM {texts} t "
        f"WHERE t.content_type_id = e.content_type_id AND t.object_id = e.object_id")


class Migration(migrations.Migration):

    dependencies = [
        ("portal_search", "0005_index_entry_language"),
    ]

    operations = [
        migrations.CreateModel(
            name="EntryText",
            fields=[
                ("pk", models.CompositePrimaryKey("content_type_id", "object_id", blank=True, editable=False,
                                                  primary_key=True, serialize=False)),
                ("content_type_id", models.IntegerField()),
                ("object_id", models.CharField(max_length=50)),
                ("title", models.TextField()),
                ("body", models.TextField()),
            ],
        ),
        migrations.RunPython(create, drop),
    ]
