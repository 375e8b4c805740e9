from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from partners.invitations import invite_partner


class Command(BaseCommand):
    help = (
        "Give a partner a reader's account in the Partners group and e-mail them a link "
        "to choose their password. Run it again to send a fresh link."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help="Language of the invitation e-mail.",
        )

    def handle(self, *args, **options):
        try:
            validate_email(options["email"])
        except ValidationError as error:
            raise CommandError(f"Not an e-mail address: {options['email']}") from error
        user = invite_partner(
            options["email"], options["first_name"], options["last_name"], options["language"]
        )
        self.stdout.write(f"Invitation sent to {user.email}.")
