from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="portaldocument",
            name="extracted_text",
            field=models.TextField(blank=True, editable=False, verbose_name="extracted text"),
        ),
        migrations.AddField(
            model_name="portaldocument",
            name="text_extracted_from",
            field=models.CharField(blank=True, editable=False, max_length=40),
        ),
    ]
