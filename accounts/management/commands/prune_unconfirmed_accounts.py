from django.core.management.base import BaseCommand

from accounts.services import prune_unconfirmed


class Command(BaseCommand):
    help = "Delete front-end accounts whose address was not confirmed in ACCOUNTS_UNCONFIRMED_DAYS."

    def handle(self, *args, **options):
        count = prune_unconfirmed()
        self.stdout.write(f"{count} unconfirmed account(s) deleted.")
