"""Store every session's public calendar event again (after a deploy that changes translations,
the event format or the site's address); until then feeds rebuild such events on the fly."""

from django.core.management.base import BaseCommand

from programmes.ics import refresh_stored_events
from programmes.records import Session


class Command(BaseCommand):
    help = "Serialise and store the public calendar event of every session, in every language."

    def handle(self, *args, **options):
        count = refresh_stored_events(Session.objects.order_by("pk").iterator(chunk_size=200))
        self.stdout.write(f"{count} session(s) refreshed.")
