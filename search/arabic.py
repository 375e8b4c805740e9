"""Arabic words as searchers type them: letter variants folded, clitics and the article removed.

No engine the portal runs does this fully. PostgreSQL's Snowball stemmer removes the article
(الكفالة -> كفال) but not a conjunction or preposition written before it (والكفالة stays
والكفال, فالزواج stays فالزواج), and SQLite's FTS5 neither folds Arabic letters nor removes
anything. The same normalisation is therefore applied on both sides, in Python:

* in the index, each Arabic word whose normal form differs is added once more, in that form,
  to the words the engine indexes (never to the text that snippets show: see
  search.backends), so the original spelling still matches too;
* in the query, an Arabic word is searched as itself OR its normal form (search.synonyms).

Normal form: search.text.fold's letters (أ إ آ ٱ -> ا, ى -> ي, ة -> ه, no harakat or tatweel),
then one proclitic removed when the article follows it (و ف ب ك + ال, and لل for ل + ال),
then the article ال itself, as long as at least two letters remain. A bare و or ف is left
alone: too many roots begin with those letters (وصي, ولد, فتاة).
"""

import re

from .text import fold, words

_ARABIC = re.compile(r"[\u0600-\u06ff]")
# Longest first. After fold(): every alef variant is ا.
_PROCLITICS = ("وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
MIN_LETTERS = 2


def has_arabic(text):
    return bool(text) and _ARABIC.search(text) is not None


def normalise(word):
    """The searchable form of one Arabic word: `والكفالة` -> `كفاله`, `الأطفال` -> `اطفال`."""
    folded = fold(word)
    for prefix in _PROCLITICS:
        if folded.startswith(prefix) and len(folded) - len(prefix) >= MIN_LETTERS:
            return folded[len(prefix) :]
    return folded


def index_forms(text):
    """The normal forms of `text`'s Arabic words that differ from the words as written, each
    once, space-separated: what is indexed besides the text ("" when there is none)."""
    if not has_arabic(text):
        return ""
    forms = {}
    for word in words(text):
        if not has_arabic(word):
            continue
        form = normalise(word)
        if form and form != word and form not in forms:
            forms[form] = None
    return " ".join(forms)
