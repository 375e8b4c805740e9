from django.core.management.base import BaseCommand

from alerts.digests import digest_interval, send_digests


class Command(BaseCommand):
    help = (
        "E-mail each confirmed subscriber whose digest is due what was published in their "
        "language and topics since their last digest. Safe to run as often as you like, "
        "e.g. hourly from cron: nobody gets the same item twice."
    )

    def handle(self, *args, **options):
        run = send_digests()
        self.stdout.write(
            f"Digests sent: {run.sent}; nothing new: {run.nothing_new}; failed: {run.failed} "
            f"(interval {digest_interval().days} days)."
        )
        if run.failed:
            self.stderr.write("Some digests failed; see the log. They will be retried next run.")
