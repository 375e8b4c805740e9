"""The typo fallback: the words visitors can find, and the nearest known spelling of a word.

A misspelt word (`burnuot`, `discapacidd`, تسحيل) matches nothing on any backend: stemmers and
accent folding do not forgive a swapped or missing letter. So the search

* when a query finds nothing, corrects each word the vocabulary does not know to its nearest
  known spelling and, if the corrected query finds pages, shows them: "Showing results for
  *burnout*. Search instead for *burnuot*" (the link adds `exact=1`, which searches as typed);
* when a query finds a few pages but one of its words is rare and a spelling one letter or
  two away is far more common, offers it: "Did you mean *government*?".

The known words are the vocabulary (search.vocabulary.SpellingWord): the words of the live,
public pages search may list, per language, with the number of pages each is on.

Finding the nearest spelling:

* PostgreSQL: pg_trgm's trigram similarity (`key % word`, a GIN trigram index on the key,
  search/migrations/0011) picks the CANDIDATES most similar known words;
* SQLite and any other database: the known words of a length within two letters and either of
  the same first letter or one edit at the start away (first letter replaced, dropped, added,
  or swapped with the second), read through two indexes (lookup, _near_start);

then, on every database alike, the candidate at the smallest edit distance (insertions,
deletions, substitutions and swaps of neighbouring letters: `burnuot` -> `burnout` is one)
wins, within one edit for words of up to five letters and two beyond; among candidates at the
same distance the one found on the most pages. A word that is an inflection of a known word
(same Snowball stem) is not corrected, nor are words of fewer than MIN_LENGTH letters, words
with digits, or the editors' synonym terms. Words are compared without case or accents, and
Arabic ones in their normal form (search.arabic), as the index compares them.

SEARCH_SPELLING = False turns it off: no correction, no suggestion, no refresh.
"""

import functools
import hashlib
import logging
import operator
import re
import unicodedata

from django.conf import settings
from django.core.cache import cache
from django.db import connection, models
from django.db.models.functions import Substr

from .text import parse_query, stem
from .vocabulary import VERSION_KEY, SpellingWord, enabled, spelling_key

logger = logging.getLogger("portal.search")

MIN_LENGTH = 4  # letters of a query word that may be corrected
MAX_CHECKED = 6  # query words checked per search
CANDIDATES = 30  # most similar known words compared, on PostgreSQL
BAND = 2  # letters shorter or longer a candidate may be
RARE = 2  # a word on at most this many pages may have a far more common spelling
COMMON_RATIO = 10  # ... on at least this many times as many pages
SUGGEST_BELOW = 20  # "did you mean" is only looked for when a search finds at most this many
CACHE_SECONDS = 3600  # a query's correction or suggestion is kept until the vocabulary changes


def _correctable(key):
    return len(key) >= MIN_LENGTH and key.isalpha()


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


def _near_start(key, languages):
    """Where, without trigrams (SQLite), the known words that may be `key` misspelt are: of its
    length band, and either of its first letter, or one edit at the start away from it: its
    first letter replaced (same second and third letters), dropped, preceded by a stray
    letter, or swapped with the second. Each part is a range of an index that starts with the
    language (the unique (language, key) one, or search/migrations/0012's on the language,
    the second and third letters and the length), so that SQLite reads each through its index
    (measured on 800,000 words: 45 ms p50 against 36 ms for the first letter alone, on a
    loaded 2-core machine) rather than every word of the language."""
    band = models.Q(language__in=languages, length__range=(len(key) - BAND, len(key) + BAND))

    def starts(prefix):
        return band & models.Q(key__gte=prefix, key__lt=prefix + "\U0010ffff")

    return (
        starts(key[0])
        | (band & models.Q(second=key[1:3]))  # "vurnout": first letter replaced
        | (band & models.Q(second=key[:2]))  # "urnout": first letter missing
        | starts(key[1:3])  # "xburnout": a letter before the first
        | starts(key[1] + key[0])  # "ubrnout": first two swapped
    )


def _starts_near(key, other):
    """Whether `other` is in _near_start(key) (the length band aside)."""
    return (
        other[0] == key[0]
        or other[1:3] in (key[1:3], key[:2])
        or other.startswith((key[1:3], key[1] + key[0]))
    )


def kept_lookup(keys, languages):
    """lookup() of the keys, each word's candidates kept in the cache until the vocabulary
    changes: a word seen in any earlier query (misspelt, or spelt right and checked for a
    "did you mean") costs no query, so a new query of known or already corrected words is
    corrected without reading the vocabulary. One cache round trip, one query for the rest."""
    version = cache.get(VERSION_KEY, 0)
    scope = ",".join(sorted(languages)) if languages else "*"
    names = {
        key: f"search:spelling-word:{version}:"
        + hashlib.sha1(f"{scope}|{key}".encode()).hexdigest()
        for key in keys
    }
    kept = cache.get_many(list(names.values()))
    found = {key: kept[name] for key, name in names.items() if name in kept}
    missing = [key for key in keys if key not in found]
    if missing:
        read = lookup(missing, languages)
        cache.set_many({names[key]: read[key] for key in missing}, CACHE_SECONDS)
        found.update(read)
    return found


def lookup(keys, languages):
    """{key: [(known key, shown word, pages)]}: for each key, the known words that may be it
    misspelt (itself among them when it is known), in `languages` (None: all). One query."""
    rows = []
    if connection.vendor == "postgresql":
        # For each key, the CANDIDATES most similar known words, through the trigram index.
        table = connection.ops.quote_name(SpellingWord._meta.db_table)
        # One language as an equality, which its own trigram index answers (search.vocabulary
        # .language_index_sql); several through the index of every language's words.
        if languages and len(languages) == 1:
            in_languages, language_params = "AND w.language = %s", [languages[0]]
        elif languages:
            in_languages, language_params = "AND w.language = ANY(%s)", [list(languages)]
        else:
            in_languages, language_params = "", []
        sql = (
            f"SELECT q.key, w.key, w.word, w.frequency FROM unnest(%s::text[]) AS q(key) "
            f"CROSS JOIN LATERAL (SELECT w.key, w.word, w.frequency FROM {table} w "
            f"WHERE w.key %% q.key AND w.length BETWEEN length(q.key) - %s "
            f"AND length(q.key) + %s {in_languages} "
            f"ORDER BY similarity(w.key, q.key) DESC, w.frequency DESC LIMIT %s) w"
        )
        params = [list(keys), BAND, BAND, *language_params, CANDIDATES]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
    else:
        codes = languages or [code for code, _name in settings.LANGUAGES]
        found = (
            SpellingWord.objects.annotate(second=Substr("key", 2, 2))
            .filter(functools.reduce(operator.or_, (_near_start(key, codes) for key in keys)))
            .values_list("key", "word", "frequency")
        )
        rows = [
            (key, other, word, frequency)
            for other, word, frequency in found
            for key in keys
            if abs(len(other) - len(key)) <= BAND and _starts_near(key, other)
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
    found = kept_lookup(list(checked), languages)
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
    found = kept_lookup(list(checked), languages)
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
