"""Rebuild the typo fallback's vocabulary (search.spelling) from the pages visitors may find."""

from django.core.management.base import BaseCommand

from search import vocabulary


class Command(BaseCommand):
    help = (
        "Rebuild the vocabulary of the typo fallback ('did you mean') from the live, public "
        "pages' indexed text. Publishing refreshes it through the task queue; run this after "
        "update_index, or from cron where no worker runs."
    )

    def handle(self, *args, **options):
        words, changed, seconds = vocabulary.rebuild()
        self.stdout.write(f"{words} word(s) known, {changed} row(s) changed, in {seconds:.1f} s.")
