"""`manage.py restore_portal FILE.tar.gz --yes`: put back what backup_portal saved.

Replaces the whole database and every uploaded file on the local disk (a media bucket is left
as it is); asks for `--yes` because nothing that
was added since the backup survives. Stop the web and worker processes first.
"""

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, media_elsewhere, restore_backup


class Command(BaseCommand):
    help = "Restore the database and the uploaded files from a backup_portal archive."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Confirm: the current database and files are replaced.",
        )

    def handle(self, *args, archive, yes, **options):
        if not yes:
            raise CommandError("This replaces the database and every uploaded file: add --yes.")
        try:
            manifest = restore_backup(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        total = sum(manifest["rows"].values())
        elsewhere = media_elsewhere()
        if elsewhere is None:
            self.stdout.write(
                f"Restored {total} rows and the media files from {manifest['created']}."
            )
        else:
            self.stdout.write(
                f"Restored {total} rows from {manifest['created']}. The media files were not "
                f"touched: they are in object storage ({elsewhere}); restore them from the "
                f"bucket's versions if needed (docs/deployment.md)."
            )
