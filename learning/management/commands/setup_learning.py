from django.core.management.base import BaseCommand

from learning.setup import setup_learning


class Command(BaseCommand):
    help = "Create or complete the Course team group and its permissions (idempotent)."

    def handle(self, *args, **options):
        group = setup_learning()
        self.stdout.write(f"{group.name}: {group.permissions.count()} permissions.")
