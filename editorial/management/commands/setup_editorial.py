from django.core.management.base import BaseCommand

from editorial import roles


class Command(BaseCommand):
    help = (
        "Create the editorial roles, review tasks and workflows and attach them to every "
        "locale's pages. Safe to run repeatedly: it adds what is missing and leaves what "
        "administrators changed."
    )

    def handle(self, *args, **options):
        for note in roles.setup():
            self.stderr.write(self.style.WARNING(note))
        self.stdout.write("Editorial roles and workflows are set up.")
