from django.core.management.base import BaseCommand

from communities.setup import setup_communities


class Command(BaseCommand):
    help = "Create the Community facilitators group and its permissions (safe to re-run)."

    def handle(self, *args, **options):
        group = setup_communities()
        self.stdout.write(f"{group.name}: {group.permissions.count()} permissions.")
