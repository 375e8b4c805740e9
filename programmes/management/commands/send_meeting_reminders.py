"""Queue the reminders of information meetings starting within 24 hours (cron, every 15 min)."""

from django.core.management.base import BaseCommand

from programmes.signup import due_reminders
from programmes.tasks import send_meeting_reminder


class Command(BaseCommand):
    help = "Queue a reminder for everyone signed up to a meeting that starts within 24 hours."

    def handle(self, *args, **options):
        ids = list(due_reminders().values_list("pk", flat=True))
        for pk in ids:
            send_meeting_reminder.enqueue(pk)
        self.stdout.write(f"{len(ids)} reminder(s) queued.")
