"""Snippets that show why a result matched: the best passage, its matching words marked.

Engines each have a highlighter (ts_headline, FTS5's snippet(), Elasticsearch's highlight),
but with different rules, costs and markup, and modelsearch exposes none of them. Marking in
Python with the same Snowball stemmers the engines use gives every backend the same snippets:
`children` marks `child` where a synonym matched it, `réfugiés` marks `refugees`, and only
the ten results on screen are read.
"""

import re
import unicodedata
from bisect import bisect_left

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .text import match_keys, words

SNIPPET_WORDS = 36
WORDS_BEFORE = 8
MAX_SCAN_CHARS = 200_000
_TOKEN = re.compile(r"[^\W_]+")


def term_keys(terms, language):
    keys = set()
    for term in terms:
        for word in words(term):
            keys |= match_keys(word, language)
    return frozenset(keys)


def _tokens(text):
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _render(text, tokens, matched, start, stop):
    """HTML for tokens[start:stop] of `text`, marking matched token indexes."""
    parts, cursor = [], tokens[start][0]
    for position in range(start, stop):
        begin, end, _word = tokens[position]
        parts.append(escape(text[cursor:begin]))
        if position in matched:
            parts.append(f"<mark>{escape(text[begin:end])}</mark>")
        else:
            parts.append(escape(text[begin:end]))
        cursor = end
    return "".join(parts)


def _prepare(text):
    return unicodedata.normalize("NFC", " ".join((text or "")[:MAX_SCAN_CHARS].split()))


def snippet(text, terms, language, size=SNIPPET_WORDS):
    """The passage of `text` with the most distinct matching words, marked, as safe HTML.

    Without a match (the title matched, or a synonym the text does not contain) it is the
    start of the text, which for pages is their summary.
    """
    text = _prepare(text)
    tokens = _tokens(text)
    if not tokens:
        return ""
    keys = term_keys(terms, language)
    hits = []  # (token index, the keys it matched)
    for i, (_b, _e, word) in enumerate(tokens):
        found = match_keys(word, language) & keys
        if found:
            hits.append((i, found))
    positions = [i for i, _found in hits]
    best_start, best_score = 0, 0
    for i in positions[:200]:
        start = max(0, i - WORDS_BEFORE)
        window = hits[bisect_left(positions, start) : bisect_left(positions, start + size)]
        score = len(frozenset().union(*(found for _j, found in window)))
        if score > best_score:
            best_start, best_score = start, score
    stop = min(len(tokens), best_start + size)
    matched = {i for i, _found in hits if best_start <= i < stop}
    html = _render(text, tokens, matched, best_start, stop)
    html = ("… " + html) if best_start > 0 else escape(text[: tokens[0][0]]) + html
    html = (html + " …") if stop < len(tokens) else html + escape(text[tokens[-1][1] :])
    return mark_safe(html)
