from django.core.management.base import BaseCommand

from communities.mail import send_digests


class Command(BaseCommand):
    help = (
        "E-mail each member who opted in a digest of the posts of the last day in their "
        "community, with a one-click unsubscribe link. Safe to run often (e.g. hourly): each "
        "member gets at most one a day, and never the same post twice."
    )

    def handle(self, *args, **options):
        sent, nothing = send_discussion_digests_report()
        self.stdout.write(f"Discussion digests sent: {sent}; nothing new: {nothing}.")


def send_discussion_digests_report():
    return send_digests()
