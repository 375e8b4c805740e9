"""Reindex the pages of some languages only: `manage.py search_reindex --locale fr`.

`update_index` rebuilds every object of every language, which on a large site takes long and,
on Elasticsearch, builds a whole new index. After adding a language, changing its synonyms in
an Elasticsearch index, or repairing one language, this reindexes only its pages, in place.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from modelsearch.backends import get_search_backend, get_search_backends_with_name
from modelsearch.index import get_indexed_models
from wagtail.models import Locale, Page

from core.database import analyze


class Command(BaseCommand):
    help = "Reindex the pages of the given languages in place (update_index rebuilds everything)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--locale",
            action="append",
            required=True,
            dest="locales",
            help="Language code, e.g. fr; repeat for several.",
        )
        parser.add_argument("--backend", help="Only this WAGTAILSEARCH_BACKENDS alias.")
        parser.add_argument("--chunk-size", type=int, default=500)

    def handle(self, *args, locales, backend=None, chunk_size=500, verbosity=1, **options):
        known = set(
            Locale.objects.filter(language_code__in=locales).values_list("language_code", flat=True)
        )
        unknown = sorted(set(locales) - known)
        if unknown:
            raise CommandError(f"No such locale: {', '.join(unknown)}")
        backends = (
            [(backend, get_search_backend(backend))]
            if backend
            else list(get_search_backends_with_name(with_auto_update=True))
        )
        models = [model for model in get_indexed_models() if issubclass(model, Page)]
        for name, search_backend in backends:
            started, total = time.monotonic(), 0
            for model in models:
                pages = (
                    model.get_indexed_objects()
                    .filter(locale__language_code__in=locales)
                    .order_by("pk")
                )
                last = 0
                while True:
                    chunk = list(pages.filter(pk__gt=last)[:chunk_size])
                    if not chunk:
                        break
                    search_backend.add_bulk(model, chunk)
                    total += len(chunk)
                    last = chunk[-1].pk
            analyze()  # planner statistics of the rewritten index (core.database)
            elapsed = time.monotonic() - started
            if verbosity:
                self.stdout.write(
                    f"{name}: {total} pages of {', '.join(sorted(locales))} reindexed "
                    f"in {elapsed:.1f} s"
                )
