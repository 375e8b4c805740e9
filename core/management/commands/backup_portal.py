"""`manage.py backup_portal FILE.tar.gz`: the database and the uploaded files in one archive."""

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Back up the database and every uploaded file (MEDIA_ROOT) into one .tar.gz archive; "
        "with media in object storage, the database only (the bucket is backed up by the store)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "archive", help="Where to write the archive, e.g. portal-2026-12-03.tar.gz"
        )

    def handle(self, *args, archive, **options):
        try:
            manifest = create_backup(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        total = sum(manifest["rows"].values())
        elsewhere = manifest["media_elsewhere"]
        if elsewhere is None:
            self.stdout.write(
                f"Backed up {total} rows ({manifest['engine']}) and the media files to {archive}."
            )
        else:
            self.stdout.write(
                f"Backed up {total} rows ({manifest['engine']}) to {archive}. The media files "
                f"are not in it: they are in object storage ({elsewhere}); back the bucket up "
                f"with the store's versioning or replication (docs/deployment.md)."
            )
