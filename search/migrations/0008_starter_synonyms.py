"""The starter synonym groups (search.starter_synonyms) of the languages that exist now.

Languages added later get theirs from `manage.py search_starter_synonyms`. Reversing leaves
the groups: editors may have changed them since.
"""

from django.db import migrations


def add_groups(apps, schema_editor):
    from search.starter_synonyms import install

    install(apps.get_model("portal_search", "SynonymGroup"), apps.get_model("wagtailcore", "Locale"))


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0007_index_entry_facet_codes"),
    ]

    operations = [migrations.RunPython(add_groups, migrations.RunPython.noop)]
