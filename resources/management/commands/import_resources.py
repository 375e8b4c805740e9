from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, no_translations
from wagtail.models import Collection

from core.database import analyze
from resources.importing import ImportFileError, ResourceImporter


class Command(BaseCommand):
    help = (
        "Import resources from a JSON file (format: docs/examples/resources.json). Every "
        "record is checked first; nothing is written unless all of them are valid. Records "
        "already imported (same key and locale) update their page instead of adding one."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The JSON file; file paths in it are relative to it.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check every record and report what would happen; write nothing.",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the pages (needs --user naming an administrator); "
            "otherwise they are saved as drafts for review.",
        )
        parser.add_argument("--user", help="Username recorded as the author of the revisions.")
        parser.add_argument(
            "--create-terms",
            action="store_true",
            help="Create missing topics, regions, audiences, types and "
            "organisations in the default language instead of refusing.",
        )
        parser.add_argument(
            "--collection",
            help="Collection for new documents (default: root). "
            "Use 'Partners only' for partner documents.",
        )

    @no_translations  # the report is in English, whatever language a caller left active
    def handle(self, *args, **options):
        importer = ResourceImporter(
            options["file"],
            create_terms=options["create_terms"],
            publish=options["publish"],
            user=self._user(options),
            collection=self._collection(options["collection"]),
        )
        try:
            plans = importer.check()
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        invalid = [plan for plan in plans if plan.errors]
        for plan in plans:
            for error in plan.errors:
                self.stderr.write(f"row {plan.number}: {error}")
        if invalid:
            raise CommandError(
                f"{len(invalid)} of {len(plans)} rows are invalid; nothing was imported."
            )
        for plan in plans:
            self.stdout.write(
                f"row {plan.number}: {plan.action} [{plan.locale.language_code}] {plan.title}"
            )
        if not options["dry_run"]:
            importer.write(plans)
            analyze()  # planner statistics for the new rows (core.database)
        counts = {
            action: sum(p.action == action for p in plans)
            for action in ("create", "update", "publish", "unchanged")
        }
        summary = ", ".join(f"{count} {action}" for action, count in counts.items())
        verb = "Checked (dry run, nothing written)" if options["dry_run"] else "Imported"
        self.stdout.write(self.style.SUCCESS(f"{verb}: {len(plans)} rows: {summary}."))

    def _user(self, options):
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"], is_active=True).first()
            if user is None:
                raise CommandError(f"No active user {options['user']!r}.")
        if options["publish"] and not (user and user.is_superuser):
            raise CommandError(
                "--publish needs --user naming an administrator; without it the "
                "pages are imported as drafts for review."
            )
        return user

    def _collection(self, name):
        if not name:
            return None
        collection = Collection.objects.filter(name=name).first()
        if collection is None:
            raise CommandError(f"No collection {name!r}.")
        return collection
