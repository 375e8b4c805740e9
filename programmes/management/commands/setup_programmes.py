from django.core.management.base import BaseCommand

from programmes.setup import setup_programmes


class Command(BaseCommand):
    help = "Create the Programme staff and Facilitators groups (safe to run again)."

    def handle(self, *args, **options):
        groups = setup_programmes()
        self.stdout.write("Roles ready: " + ", ".join(groups))
