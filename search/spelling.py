"""The typo fallback: the words visitors can find, and the nearest known spelling of a word.

A misspelt word (`burnuot`, `discapacidd`, تسحيل) matches nothing on any backend: stemmers and
accent folding do not forgive a swapped or missing letter. So the search

* when a query finds nothing, corrects each word the vocabulary does not know to its nearest
  known spelling and, if the corrected query finds pages, shows them: "Showing results for
  *burnout*. Search instead for *burnuot*" (the link adds `exact=1`, which searches as typed);
* when a query finds a few pages but one of its words is rare and a spelling one letter or
  two away is far more common, offers it: "Did you mean *government*?".

The vocabulary (SpellingWord) holds every word of the live, public pages that search may list
(search.engine.searchable_pages), read from the text the search index holds for them, with
the number of pages it occurs in, per language. Drafts, unpublished pages and pages under a
login, group or password restriction are never read, and neither is the text of a document
in a private collection (never indexed with a page), so no suggestion can reveal a word only
such pages contain. It is rebuilt by `manage.py search_spelling` and, through the task queue,
after pages are published, unpublished, moved or deleted and after view restrictions change
(schedule_refresh: at most once per REFRESH_MINUTES on the production queue, at once with the
immediate backend of development).

Finding the nearest spelling:

* PostgreSQL: pg_trgm's trigram similarity (`key % word`, a GIN trigram index on the key,
  search/migrations/0011) picks the CANDIDATES most similar known words;
* SQLite and any other database: the known words of the same first letter and a length within
  two letters;

then, on every database alike, the candidate at the smallest edit distance (insertions,
deletions, substitutions and swaps of neighbouring letters: `burnuot` -> `burnout` is one)
wins, within one edit for words of up to five letters and two beyond; among candidates at the
same distance the one found on the most pages. A word that is an inflection of a known word
(same Snowball stem) is not corrected, nor are words of fewer than MIN_LENGTH letters, words
with digits, or the editors' synonym terms. Words are compared without case or accents, and
Arabic ones in their normal form (search.arabic), as the index compares them.

SEARCH_SPELLING = False turns it off: no correction, no suggestion, no refresh.
"""

import hashlib
import logging
import re
import threading
import time
import unicodedata
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection, models, transaction
from django.utils import timezone

from . import arabic
from .text import fold, parse_query, stem, words

logger = logging.getLogger("portal.search")

MIN_LENGTH = 4  # letters of a query word that may be corrected
MAX_KEY_LENGTH = 40  # longer "words" (joined URLs, codes) are not kept
MAX_CHECKED = 6  # query words checked per search
CANDIDATES = 30  # most similar known words compared, on PostgreSQL
BAND = 2  # letters shorter or longer a candidate may be
RARE = 2  # a word on at most this many pages may have a far more common spelling
COMMON_RATIO = 10  # ... on at least this many times as many pages
SUGGEST_BELOW = 20  # "did you mean" is only looked for when a search finds at most this many
REFRESH_MINUTES = 15  # the production queue rebuilds the vocabulary at most this often
CACHE_SECONDS = 3600  # a query's correction or suggestion is kept until the vocabulary changes
VERSION_KEY = "search:spelling-version"


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


def spelling_key(word):
    """How a word is compared: folded (no case, no accents), Arabic in its normal form."""
    return arabic.normalise(word) if arabic.has_arabic(word) else fold(word)


def _correctable(key):
    return len(key) >= MIN_LENGTH and key.isalpha()


# Building the vocabulary


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


def _kept(kind, text, languages, compute):
    """compute()'s answer for this query, kept in the cache: visitors repeat their typos, and
    a search then reads the vocabulary no more than one without a typo."""
    version = cache.get(VERSION_KEY, 0)
    digest = hashlib.sha1(f"{kind}|{','.join(languages or ['*'])}|{text}".encode()).hexdigest()
    key = f"search:spelling:{version}:{digest}"
    answer = cache.get(key)
    if answer is None:
        answer = compute() or ""
        cache.set(key, answer, CACHE_SECONDS)
    return answer or None


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


# Correcting a query


def distance(a, b, limit):
    """Edits (insert, delete, substitute, swap two neighbours) from a to b; limit + 1 when more."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before, previous = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            value = min(
                previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1])
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, before[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return min(previous[-1], limit + 1)


def max_distance(key):
    return 1 if len(key) <= 5 else 2


def _in_languages(queryset, languages):
    return queryset.filter(language__in=languages) if languages else queryset


def lookup(keys, languages):
    """{key: [(known key, shown word, pages)]}: for each key, the known words that may be it
    misspelt (itself among them when it is known), in `languages` (None: all). One query."""
    rows = []
    if connection.vendor == "postgresql":
        # For each key, the CANDIDATES most similar known words, through the trigram index.
        table = connection.ops.quote_name(SpellingWord._meta.db_table)
        in_languages = "AND w.language = ANY(%s)" if languages else ""
        sql = (
            f"SELECT q.key, w.key, w.word, w.frequency FROM unnest(%s::text[]) AS q(key) "
            f"CROSS JOIN LATERAL (SELECT w.key, w.word, w.frequency FROM {table} w "
            f"WHERE w.key %% q.key AND w.length BETWEEN length(q.key) - %s "
            f"AND length(q.key) + %s {in_languages} "
            f"ORDER BY similarity(w.key, q.key) DESC, w.frequency DESC LIMIT %s) w"
        )
        params = [list(keys), BAND, BAND, *([list(languages)] if languages else []), CANDIDATES]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
    else:
        # The known words of each key's first letter and length band.
        condition = models.Q()
        for key in keys:
            condition |= models.Q(
                key__gte=key[0],
                key__lt=key[0] + "\U0010ffff",
                length__range=(len(key) - BAND, len(key) + BAND),
            )
        found = _in_languages(SpellingWord.objects.filter(condition), languages).values_list(
            "key", "word", "frequency"
        )
        rows = [
            (key, other, word, frequency)
            for other, word, frequency in found
            for key in keys
            if other[0] == key[0] and abs(len(other) - len(key)) <= BAND
        ]
    merged = {key: {} for key in keys}  # one row per known key, frequencies across languages
    for key, other, word, frequency in rows:
        known = merged[key].get(other)
        merged[key][other] = (
            other,
            known[1] if known else word,
            frequency + (known[2] if known else 0),
        )
    return {key: list(found.values()) for key, found in merged.items()}


def nearest(key, found, at_least=1, stem_languages=()):
    """The shown form of the known word in `found` nearest to `key` and on at least
    `at_least` pages, or None. None too when a near known word shares its stem: `key` is
    then an inflection of it (`counsellor`, `counsellors`), not a typo."""
    limit = max_distance(key)
    best = None
    for other, word, frequency in found:
        if other == key:
            continue
        edits = distance(key, other, limit)
        if edits > limit:
            continue
        if any(stem(other, code) == stem(key, code) for code in stem_languages):
            return None
        if frequency >= at_least and (best is None or (edits, -frequency) < best[:2]):
            best = (edits, -frequency, word)
    return best[2] if best else None


def _checked_words(text, languages):
    """{key: word as typed} of the query's loose words that a correction may change."""
    from .synonyms import load_synonyms, synonym_key

    loose, _phrases = parse_query(text)
    synonyms = load_synonyms(languages)
    checked = {}
    for word in loose:
        key = spelling_key(word)
        if not _correctable(key) or key in checked:
            continue
        if any(synonym_key([word], code) in table for code, table in synonyms.items()):
            continue  # an editors' term (an acronym, say) is spelt as they meant it
        checked[key] = word
        if len(checked) == MAX_CHECKED:
            break
    return checked


def _rewrite(text, replacements):
    """`text` with each word whose key is in `replacements` replaced."""
    text = unicodedata.normalize("NFC", text)
    return re.sub(
        r"[^\W_]+",
        lambda match: replacements.get(spelling_key(match.group(0)), match.group(0)),
        text,
    )


def _pages(key, found):
    return sum(frequency for other, _word, frequency in found if other == key)


def correction(text, languages):
    """`text` with its unknown words spelt as the nearest known words, or None."""
    checked = _checked_words(text, languages)
    if not checked:
        return None
    found = lookup(list(checked), languages)
    stem_languages = languages or [code for code, _name in settings.LANGUAGES]
    replacements = {}
    for key in checked:
        if _pages(key, found[key]):
            continue  # a known word
        word = nearest(key, found[key], stem_languages=stem_languages)
        if word:
            replacements[key] = word
    return _rewrite(text, replacements) if replacements else None


def suggestion(text, languages):
    """`text` with a rare word spelt as a far more common one a letter or two away, or None."""
    checked = _checked_words(text, languages)
    if not checked:
        return None
    found = lookup(list(checked), languages)
    replacements = {}
    for key in checked:
        pages = _pages(key, found[key])
        if pages > RARE:
            continue
        word = nearest(
            key, found[key], at_least=max(COMMON_RATIO * pages, 1), stem_languages=languages
        )
        if word:
            replacements[key] = word
    return _rewrite(text, replacements) if replacements else None


# In a search (search.services.Search)


def retry(search, outcome, languages, matches, summary):
    """(matches, summary) of the corrected query when the query found nothing and a correction
    finds pages (outcome.corrected says it); else the ones given."""
    from .engine import matching_pages
    from .synonyms import build_query

    if search.query.exact or search.query.is_browsing or not enabled():
        return matches, summary
    corrected = _kept(
        "correction", search.query.text, languages, lambda: correction(search.query.text, languages)
    )
    if not corrected:
        return matches, summary
    search_query, terms = build_query(corrected, languages)
    if search_query is None:
        return matches, summary
    new_matches = matching_pages(search_query, search.base(), languages[0] if languages else None)
    new_summary = search._summarise(new_matches, search.query.page)
    if not new_summary.total:
        return matches, summary
    search.terms = terms
    outcome.corrected = corrected
    return new_matches, new_summary


def did_you_mean(search, outcome):
    """A far commoner spelling of the query, for a first page of a few results, or ""."""
    query = search.query
    if (
        query.exact
        or query.is_browsing
        or outcome.corrected
        or not outcome.count
        or outcome.count > SUGGEST_BELOW
        or not outcome.matched_all_words
        or not enabled()
    ):
        return ""
    # The visitor's language even in the all-languages scope: a word rare in theirs is not
    # to be "corrected" to another language's.
    languages = [search.language]
    return (
        _kept("suggestion", query.text, languages, lambda: suggestion(query.text, languages)) or ""
    )
