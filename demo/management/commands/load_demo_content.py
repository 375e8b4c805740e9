"""Load the demo content: a small multilingual portal that people can explore and test against.

Why it exists: an empty Wagtail site shows nothing of what the portal is for. Developers,
reviewers and the networks evaluating the portal need every page type filled with believable
content (content areas, resources with real PDF files, kits, case studies, eLearning), with
translations made through wagtail-localize exactly as translators make them, and one account
per editorial role. It is safe to run again: existing content is detected and left alone.

The texts live in `demo.content`; this command only reports on the load.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from core.bulk import references_once
from core.database import analyze
from demo import communities_demo, learning_demo, programmes_demo, users
from demo.build import Loader
from search import indexing, vocabulary


class Command(BaseCommand):
    help = "Create demo pages, files, terms, translations and one account per editorial role (idempotent)."

    def handle(self, *args, verbosity=1, **options):
        started = time.monotonic()
        loader = Loader(log=self.stdout.write)
        # No outer transaction.atomic here: wagtail-localize publishes translations on commit,
        # and wrapping the whole load corrupts the page tree (wagtail-localize issue #773).
        # The vocabulary is rebuilt, each page indexed and its references recorded once, at the
        # end, not at every save (search.vocabulary, search.indexing, core.bulk).
        with vocabulary.one_refresh(), indexing.deferred(), references_once():
            problems = loader.run()
            learning_logins = learning_demo.load(loader)  # quizzes, certificate design, learner
            programmes_demo.load(loader)  # the mutual-learning programme, its run and sessions
            # a community of practice: 3 themes, a pinned thread, the facilitator's login
            community_logins = communities_demo.load(loader)
        analyze()  # planner statistics for the new rows (core.database)
        if problems:
            raise CommandError(f"The page tree still has problems after repair: pages {problems}.")

        created = +loader.created  # drops the zero counts
        if created:
            self.stdout.write(self.style.SUCCESS("Demo content loaded:"))
            for what, count in sorted(created.items()):
                self.stdout.write(f"  {count:>4}  {what}")
        else:
            self.stdout.write(self.style.SUCCESS("Demo content already loaded; nothing to do."))
        if verbosity >= 2 and loader.untranslated:
            for code, count in sorted(loader.untranslated.items()):
                self.stdout.write(f"  {count} segments left in English in the {code} translations")
        for line in users.login_lines(loader.users) + learning_logins + community_logins:
            self.stdout.write(line)
        self.stdout.write(f"Finished in {time.monotonic() - started:.1f} s.")
