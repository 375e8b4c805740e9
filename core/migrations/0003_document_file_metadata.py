"""Fill in the size and hash of documents saved without them (core.models.PortalDocument.save),
so no page view or download has to work them out and save the document."""

from django.db import migrations


def fill_metadata(apps, schema_editor):
    from wagtail.utils.file import hash_filelike

    Document = apps.get_model("core", "PortalDocument")
    for document in Document.objects.filter(file_size__isnull=True) | Document.objects.filter(
        file_hash=""
    ):
        try:
            with document.file.open("rb") as f:
                document.file_size = document.file.size
                document.file_hash = hash_filelike(f)
        except (OSError, ValueError):  # a missing file is reported where it is served
            continue
        document.save(update_fields=["file_size", "file_hash"])


class Migration(migrations.Migration):
    dependencies = [("core", "0002_portaldocument_extracted_text")]

    operations = [migrations.RunPython(fill_metadata, migrations.RunPython.noop)]
