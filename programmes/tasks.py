"""Background work of programmes: the reminder before an information meeting."""

from django_tasks import task

from . import signup


@task()
def send_meeting_reminder(registration_id):
    """Idempotent: a cancelled, already reminded or moved registration gets nothing."""
    return signup.remind(registration_id)
