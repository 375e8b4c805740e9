"""Turn a visitor's words into an engine-independent query, with editors' synonyms.

The result is made of modelsearch's own query classes (PlainText, Phrase, And, Or), which
every backend compiles: PostgreSQL and SQLite through their query compilers, Elasticsearch
into bool queries. Expanding here rather than in an engine's synonym filter means that an
editor's new synonym works at once (see load_synonyms), on every backend, without reindexing.
"""

from django.core.cache import cache
from modelsearch.query import And, Or, Phrase, PlainText

from . import arabic
from .models import SynonymGroup
from .text import fold, parse_query, stem

MAX_NGRAM = 4  # the longest synonym term, in words (SynonymGroup.clean enforces it)


def synonym_key(words, language):
    """How a run of words is looked up: folded stems, so `kids` finds the group of `kid`
    and والأطفال (with a conjunction and the article) the group of أطفال."""
    return " ".join(fold(stem(_normal(word), language)) for word in words)


def _normal(word):
    """An Arabic word in its normal form (search.arabic), any other word as it is."""
    # A word of tatweel only folds to nothing: it stays as typed (an empty term breaks a query).
    return (arabic.normalise(word) or word) if arabic.has_arabic(word) else word


def synonym_table(groups):
    """{language: {synonym_key: terms}} from (language, terms) pairs, every term a key."""
    table = {}
    for language, terms in groups:
        for term in terms:
            entry = table.setdefault(language, {}).setdefault(
                synonym_key(term.split(), language), []
            )
            entry.extend(other for other in terms if other not in entry)
    return table


CACHE_KEY = "portal-search-synonyms"
CACHE_SECONDS = 60


def load_synonyms(language_codes=None):
    """The synonym table of the given languages' groups (None: every language).

    Every search needs it and editors change it rarely, so the whole table is kept in the
    cache: cleared when a group is saved or deleted (search.signals), and read again at least
    every minute, for processes whose cache the clearing did not reach.
    """
    table = cache.get(CACHE_KEY)
    if table is None:
        groups = SynonymGroup.objects.select_related("locale")
        table = synonym_table((group.locale.language_code, group.term_list()) for group in groups)
        cache.set(CACHE_KEY, table, CACHE_SECONDS)
    if language_codes is None:
        return table
    return {
        language: entries for language, entries in table.items() if language in set(language_codes)
    }


def forget_synonyms(**_kwargs):
    cache.delete(CACHE_KEY)


def _term_query(term):
    return Phrase(term) if " " in term else PlainText(term)


def build_query(raw, language_codes=None, operator="and", synonyms=None):
    """The query for a visitor's input, or None when it holds no searchable word.

    Loose words are combined with `operator`; a word (or run of up to MAX_NGRAM words) that
    is a synonym term, or an inflection of one, becomes Or(its group's terms). Quoted phrases
    stay phrases.
    Returns (query, terms): `terms` every word and synonym searched for, for highlighting.
    """
    words, phrases = parse_query(raw)
    if not words and not phrases:
        return None, []
    if synonyms is None:
        synonyms = load_synonyms(language_codes) if words else {}

    parts, highlight_terms = [], []
    plain = []  # consecutive words without synonyms stay one PlainText: cheaper to compile
    position = 0
    while position < len(words):
        group = None
        for size in range(min(MAX_NGRAM, len(words) - position), 0, -1):
            run = words[position : position + size]
            group = next(
                (
                    table[key]
                    for language, table in synonyms.items()
                    if (key := synonym_key(run, language)) in table
                ),
                None,
            )
            if group:
                break
        if group:
            # The visitor's own form too, and its Arabic normal form (as the index has it).
            own = " ".join(run)
            terms = list(dict.fromkeys([own, " ".join(map(_normal, run)), *group]))
            parts.append(Or([_term_query(term) for term in terms]))
            highlight_terms.extend(terms)
            position += size
        elif _normal(words[position]) != words[position]:
            # An Arabic word with a clitic, article or letter variant: as typed, or normalised.
            terms = [words[position], _normal(words[position])]
            parts.append(Or([PlainText(term) for term in terms]))
            highlight_terms.extend(terms)
            position += 1
        else:
            plain.append(words[position])
            highlight_terms.append(words[position])
            position += 1
    for phrase in phrases:
        parts.append(Phrase(" ".join(phrase)))
        highlight_terms.extend(phrase)

    if plain:
        if operator == "and" or not parts:
            parts.insert(0, PlainText(" ".join(plain), operator=operator))
        else:
            parts[:0] = [PlainText(word) for word in plain]
    if len(parts) == 1:
        return parts[0], highlight_terms
    return (And(parts) if operator == "and" else Or(parts)), highlight_terms
