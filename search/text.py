"""Words, accents and stems in Python, for the few places the search engine does not reach.

The engines analyse text with their own language rules (PostgreSQL text search
configurations, Elasticsearch analyzers). The portal still needs one notion of "a word" and
of "the same word" outside them:

* reading a visitor's query into plain words, so that no engine operator (`& | ! : * "`)
  ever reaches an engine;
* matching the synonyms editors type, with or without accents;
* marking the words that matched in a result's snippet, including inflected forms;
* the stem-prefix matching that stands in for stemming on SQLite.

The stemmers are Snowball's (the snowballstemmer package), the same algorithms PostgreSQL's
`*_stem` dictionaries use, so the words marked in a snippet are the ones the database matched.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# ISO 639-1 language code -> Snowball algorithm. PostgreSQL names its configurations after the
# same algorithms (search.backends.postgres builds `portal_<algorithm>` from each).
SNOWBALL_LANGUAGES = {
    "ar": "arabic",
    "ca": "catalan",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "ne": "nepali",
    "nl": "dutch",
    "no": "norwegian",
    "nb": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}

MAX_QUERY_LENGTH = 200  # characters of the visitor's query that are read at all
MAX_TERMS = 12  # words of a query that are searched for

# A word: letters and digits. The underscore is \w to Python but never part of a word here.
_WORD = re.compile(r"[^\W_]+")
# Quoted phrases: straight, curly and French quotes.
_PHRASE = re.compile(r"[\"“”«»]([^\"“”«»]*)[\"“”«»]?")
# Arabic letters that searchers type interchangeably (hamza carriers, alef maqsura, taa
# marbuta) and the tatweel used for stretching words.
_ARABIC_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": None}
)


def base_language(code):
    """`pt-br` -> `pt`: the stemmers and configurations are per language, not per region."""
    return (code or "").split("-")[0].split("_")[0].lower()


def snowball_algorithm(code):
    """The Snowball algorithm for a language code, or None when there is no stemmer."""
    return SNOWBALL_LANGUAGES.get(base_language(code))


def _drop_marks(text):
    """Remove combining marks left after NFC: Arabic harakat, stray Latin diacritics."""
    return "".join(char for char in text if unicodedata.category(char) != "Mn")


def words(text):
    """The words of `text`, as typed (accents kept): letters and digits only."""
    text = _drop_marks(unicodedata.normalize("NFC", text or ""))
    return _WORD.findall(text)


@lru_cache(maxsize=50_000)
def fold(word):
    """Lower case without accents: `Migración` -> `migracion`, `الأطفال` -> `الاطفال`."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return _drop_marks(decomposed).translate(_ARABIC_FOLD)


@lru_cache(maxsize=64)
def _stemmer(algorithm):
    return snowballstemmer.stemmer(algorithm)


@lru_cache(maxsize=100_000)
def stem(word, language):
    """The Snowball stem of a word in a language; the lower-cased word when there is none."""
    word = word.casefold()
    algorithm = snowball_algorithm(language)
    return _stemmer(algorithm).stemWord(word) if algorithm else word


@lru_cache(maxsize=100_000)
def match_keys(word, language):
    """Forms under which `word` counts as the same word as another in `language`.

    Both the stem of the word as written and the stem of its accent-free spelling, folded:
    the stemmers treat `educación` and `educacion` differently, and visitors type both.
    """
    return frozenset({fold(stem(word, language)), fold(stem(fold(word), language)), fold(word)})


def parse_query(raw):
    """Split a visitor's query into loose words and quoted phrases, dropping everything else.

    Returns (terms, phrases): `terms` a list of words, `phrases` a list of word lists. At most
    MAX_TERMS words are kept in all, read from at most MAX_QUERY_LENGTH characters.
    """
    raw = (raw or "")[:MAX_QUERY_LENGTH]
    phrases = []
    budget = MAX_TERMS

    def keep_phrase(match):
        nonlocal budget
        phrase = words(match.group(1))
        if len(phrase) > 1 and budget > 1:
            phrase = phrase[:budget]
            budget -= len(phrase)
            phrases.append(phrase)
            return " "
        return " " + " ".join(phrase) + " "  # a quoted single word is just a word

    loose = _PHRASE.sub(keep_phrase, raw)
    terms = words(loose)[: max(budget, 0)]
    return terms, phrases
