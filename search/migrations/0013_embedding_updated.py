"""When each page's vectors were last written, so a process reads only the rows changed since
its last read instead of every row after each publication (search.semantic.Matrix). Existing
rows get the migration's time."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0012_spelling_lookup_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="pageembedding",
            name="updated",
            field=models.DateTimeField(auto_now=True, db_index=True),
        ),
    ]
