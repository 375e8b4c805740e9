from django.core.management.base import BaseCommand

from learning.reminders import send_reminders


class Command(BaseCommand):
    help = "E-mail learners who have not come back to a module for LEARNING_REMINDER_DAYS (once per absence)."

    def handle(self, *args, **options):
        run = send_reminders()
        self.stdout.write(
            f"Reminders sent: {run.sent}, skipped: {run.skipped}, failed: {run.failed}."
        )
