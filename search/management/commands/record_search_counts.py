"""Write the search counts gathered in Redis to the statistics table (run from cron)."""

from django.core.management.base import BaseCommand

from search.query_log import record_counts


class Command(BaseCommand):
    help = "Move the search counts gathered in the shared cache into the search statistics."

    def handle(self, *args, **options):
        rows = record_counts()
        self.stdout.write(f"Recorded the counts of {rows} queries.")
