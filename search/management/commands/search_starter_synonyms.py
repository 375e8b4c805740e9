"""Add the starter synonym groups (search.starter_synonyms) of languages that lack them."""

from django.core.management.base import BaseCommand
from wagtail.models import Locale

from search.models import SynonymGroup
from search.starter_synonyms import install
from search.synonyms import forget_synonyms


class Command(BaseCommand):
    help = (
        "Add the starter synonym groups (acronyms, irregular and Arabic broken plurals) of "
        "every language that lacks them; groups editors changed or deleted are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--language", action="append", help="only this language (repeatable)")

    def handle(self, *args, language=None, **options):
        added = install(SynonymGroup, Locale, languages=language)
        forget_synonyms()
        self.stdout.write(f"{added} starter synonym group(s) added.")
