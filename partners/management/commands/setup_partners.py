from django.core.management.base import BaseCommand

from partners.setup import setup_partners


class Command(BaseCommand):
    help = (
        "Create the Partners group and the 'Partners only' document collection if they "
        "are missing. Safe to run on every deployment."
    )

    def handle(self, *args, **options):
        group, collection = setup_partners()
        self.stdout.write(f"Group '{group.name}' and collection '{collection.name}' are ready.")
