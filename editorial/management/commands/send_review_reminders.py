from django.core.management.base import BaseCommand

from editorial.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "E-mail each content owner one digest of their pages due for review. Run daily "
        "from cron; a page is not mentioned to the same person again within "
        "EDITORIAL_REMINDER_INTERVAL_DAYS."
    )

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"Sent {sent} review reminder(s).")
