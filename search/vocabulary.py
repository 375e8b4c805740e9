"""The typo fallback's vocabulary: the words visitors can find, per language, and how many
pages hold each (search.spelling corrects queries against it).

It holds every word of the live, public pages that search may list
(search.engine.searchable_pages), read from the text the search index holds for them. Drafts,
unpublished pages and pages under a login, group or password restriction are never read, and
neither is the text of a document in a private collection (never indexed with a page), so no
suggestion can reveal a word only such pages contain. It is rebuilt by `manage.py
search_spelling` and, through the task queue, after pages are published, unpublished, moved or
deleted and after view restrictions change (schedule_refresh: at most once per REFRESH_MINUTES
on the production queue, at once with the immediate backend of development).

Words are kept without case or accents, and Arabic ones in their normal form (search.arabic), as
the index compares them (spelling_key).
"""

import re
import threading
import time
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection, models, transaction
from django.utils import timezone

from . import arabic
from .text import fold, words

MAX_KEY_LENGTH = 40  # longer "words" (joined URLs, codes) are not kept
REFRESH_MINUTES = 15  # the production queue rebuilds the vocabulary at most this often
VERSION_KEY = "search:spelling-version"  # bumped when the vocabulary changes (forget())


def enabled():
    return bool(getattr(settings, "SEARCH_SPELLING", True))


class SpellingWord(models.Model):
    """A word of the pages visitors may find, in one language, and how many pages have it."""

    language = models.CharField(max_length=12)
    key = models.CharField(max_length=MAX_KEY_LENGTH)  # compared: see spelling_key()
    word = models.CharField(max_length=MAX_KEY_LENGTH * 2)  # shown: its commonest written form
    frequency = models.PositiveIntegerField()  # pages it occurs in
    length = models.PositiveSmallIntegerField()  # of the key, for the candidates' length band

    class Meta:
        app_label = "portal_search"
        constraints = [
            models.UniqueConstraint(fields=["language", "key"], name="search_spelling_unique")
        ]
        indexes = [models.Index(fields=["key"], name="search_spelling_key")]

    def __str__(self):
        return f"{self.language} {self.word} ({self.frequency})"


LANGUAGE_INDEX = "search_spelling_trgm_{}"  # a GIN trigram index of one language's words


def language_index_sql(table, code):
    """CREATE INDEX of the trigram index of language `code`'s words (PostgreSQL), or None for
    a code that is not a plain language tag.

    A search corrects words in one language: the index of all languages returns (and the
    database then reads and discards) every other language's near spellings too. Measured on
    800,000 words (200,000 per language), one word's 30 nearest: p50 9.4 / p95 16.7 ms with
    the index of all words, 2.4 / 7.8 ms with the language's own; a GIN index on (language,
    key) through btree_gin, 7.3 / 17.3 ms (its language entries are long lists to intersect).
    The index of all words stays, for the all-languages scope and languages added later.
    """
    if not re.fullmatch(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*", code or ""):
        return None
    name = LANGUAGE_INDEX.format(re.sub(r"[^a-z0-9]", "_", code.lower()))
    return (
        f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (key gin_trgm_ops) "
        f"WHERE language = '{code}'"
    )


def create_language_indexes(codes):
    """The per-language trigram indexes of `codes` that do not exist yet (PostgreSQL)."""
    if connection.vendor != "postgresql":
        return
    table = connection.ops.quote_name(SpellingWord._meta.db_table)
    with connection.cursor() as cursor:
        for code in codes:
            sql = language_index_sql(table, code)
            if sql:
                cursor.execute(sql)


def spelling_key(word):
    """How a word is compared: folded (no case, no accents), Arabic in its normal form."""
    return arabic.normalise(word) if arabic.has_arabic(word) else fold(word)


def _page_texts(rows):
    """{page id: text} of (page id, content type id) rows, as the search index holds it."""
    from wagtail.models import Page
    from wagtail.search.models import IndexEntry

    from .backends import plain_text
    from .models import EntryText

    texts = {}
    if connection.vendor in ("postgresql", "sqlite"):
        entries = EntryText.objects if connection.vendor == "postgresql" else IndexEntry.objects
        for object_id, title_text, body_text in entries.filter(
            content_type_id__in={content_type for _pk, content_type in rows},
            object_id__in=[str(pk) for pk, _content_type in rows],
        ).values_list("object_id", "title", "body"):
            texts[int(object_id)] = f"{title_text} {body_text}"
    missing = [pk for pk, _content_type in rows if pk not in texts]
    if missing:  # an external engine, or not indexed yet: the text the backend would index
        for page in Page.objects.filter(pk__in=missing).specific():
            texts[page.pk] = " ".join(plain_text(page))
    return texts


def count_words(chunk=500):
    """{(language, key): (pages, commonest written form)} over the pages search may list."""
    from wagtail.models import Locale, Page

    from .engine import listing_content_types

    codes = dict(Locale.objects.values_list("pk", "language_code"))
    # search.engine.searchable_pages(), with the view restrictions read now: that one may
    # reuse the ones its request read before a restriction changed.
    listable = (
        Page.objects.live()
        .exclude(Page.objects.all().private_q())
        .filter(depth__gt=2)
        .exclude(content_type_id__in=listing_content_types())
    )
    pages = list(listable.order_by("pk").values_list("pk", "content_type_id", "locale_id"))
    counts = {}  # (language, key) -> [pages, {written form: occurrences}]
    for start in range(0, len(pages), chunk):
        rows = pages[start : start + chunk]
        texts = _page_texts([(pk, content_type) for pk, content_type, _locale in rows])
        for pk, _content_type, locale_id in rows:
            language = codes.get(locale_id, "")
            seen = set()
            for written in words(texts.get(pk, "")):
                form = written.casefold()
                key = spelling_key(form)
                if not key or len(key) > MAX_KEY_LENGTH or not key.isalpha():
                    continue
                entry = counts.setdefault((language, key), [0, {}])
                if key not in seen:
                    seen.add(key)
                    entry[0] += 1
                entry[1][form] = entry[1].get(form, 0) + 1
    return {
        name: (pages, max(forms.items(), key=lambda item: (item[1], item[0]))[0])
        for name, (pages, forms) in counts.items()
    }


def rebuild():
    """Bring the vocabulary in line with the pages; returns (words, changed rows, seconds).

    Only what changed is written, under a lock that keeps two rebuilds from writing at once
    (searches read on meanwhile)."""
    started = time.monotonic()
    counted = count_words()
    create_language_indexes(sorted({language for language, _key in counted}))
    changed = 0
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                table = connection.ops.quote_name(SpellingWord._meta.db_table)
                cursor.execute(f"LOCK TABLE {table} IN EXCLUSIVE MODE")
        known = {
            (language, key): (pk, word, frequency)
            for pk, language, key, word, frequency in SpellingWord.objects.values_list(
                "pk", "language", "key", "word", "frequency"
            )
        }
        gone = [pk for name, (pk, _word, _frequency) in known.items() if name not in counted]
        for start in range(0, len(gone), 1000):
            SpellingWord.objects.filter(pk__in=gone[start : start + 1000]).delete()
        new, updated = [], []
        for (language, key), (frequency, word) in counted.items():
            row = known.get((language, key))
            if row is None:
                new.append(
                    SpellingWord(
                        language=language,
                        key=key,
                        word=word[: MAX_KEY_LENGTH * 2],
                        frequency=frequency,
                        length=len(key),
                    )
                )
            elif row[1:] != (word, frequency):
                updated.append(
                    SpellingWord(pk=row[0], word=word[: MAX_KEY_LENGTH * 2], frequency=frequency)
                )
        SpellingWord.objects.bulk_create(new, batch_size=1000)
        SpellingWord.objects.bulk_update(updated, ["word", "frequency"], batch_size=500)
        changed = len(gone) + len(new) + len(updated)
    if changed:
        forget()
    return len(counted), changed, time.monotonic() - started


def forget():
    """Drop the kept corrections and suggestions (every process's: the version is shared)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)


def _enqueue_refresh():
    from . import tasks

    task = tasks.refresh_spelling
    if task.get_backend().supports_defer:
        # One run per REFRESH_MINUTES slot: the queue (core.task_backend) does not enqueue a
        # task identical to one waiting, so every change within a slot shares one rebuild.
        slot = REFRESH_MINUTES * 60
        now = timezone.now()
        run_after = now + timedelta(seconds=slot - now.timestamp() % slot)
        task = task.using(run_after=run_after.replace(microsecond=0))
    task.enqueue()


_batch = threading.local()


@contextmanager
def one_refresh():
    """Changes made inside rebuild the vocabulary once, when it ends, rather than at each
    commit: for bulk loads that publish page after page outside one transaction (with the
    immediate task backend of development each publication would rebuild it)."""
    if getattr(_batch, "active", False):
        yield
        return
    _batch.active = True
    try:
        yield
    finally:
        _batch.active = False
        schedule_refresh()


def schedule_refresh():
    """Rebuild the vocabulary after this transaction commits (once however many pages it
    changed), through the task queue."""
    if not enabled() or getattr(_batch, "active", False):
        return
    connection = transaction.get_connection()
    active = set(connection.savepoint_ids)
    for savepoints, callback, *_robust in connection.run_on_commit:
        if callback is _enqueue_refresh and savepoints <= active:
            return  # already to run at this commit (unless all of this is rolled back too)
    transaction.on_commit(_enqueue_refresh)
