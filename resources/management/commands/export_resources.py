from django.core.management.base import BaseCommand

from resources.exporting import export_resources


class Command(BaseCommand):
    help = (
        "Write every resource, in every language, in the format import_resources reads, "
        "with copies of their files, so the file can be imported again without loss."
    )

    def add_arguments(self, parser):
        parser.add_argument("output", help="The JSON file to write.")
        parser.add_argument(
            "--files-dir",
            help="Where to copy the files (default: <output name>_files beside the output).",
        )

    def handle(self, *args, **options):
        count = export_resources(options["output"], options["files_dir"])
        self.stdout.write(self.style.SUCCESS(f"Exported {count} resources to {options['output']}."))
