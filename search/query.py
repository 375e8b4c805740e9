"""A visitor's search as the search page receives it (`?q=&scope=&sort=&page=&exact=` and the
facet filters), cleaned once so that every later step may use each field as it is: control
characters dropped, the text and page number bounded, unknown scopes, sorts and malformed
filter values ignored rather than refused (a search box must never answer with an error)."""

import re
import unicodedata
from dataclasses import dataclass, field

from django.http import QueryDict

from . import facets
from .models import SCOPE_ALL, SCOPE_LOCALE
from .text import MAX_QUERY_LENGTH

SORT_RELEVANCE, SORT_DATE = "relevance", "date"
MAX_PAGE = 500
MAX_VALUES_PER_FACET = 20
_FACET_VALUE = re.compile(r"^[\w.-]{1,100}$")


@dataclass
class SearchQuery:
    """What the visitor asked for, cleaned: every field is safe to use as it is."""

    text: str = ""
    scope: str = SCOPE_LOCALE
    filters: dict = field(default_factory=dict)  # facet -> tuple of values
    sort: str = SORT_RELEVANCE
    page: int = 1
    exact: bool = False  # as typed: no spelling correction (search.spelling)

    @classmethod
    def from_querydict(cls, data):
        text = "".join(
            char
            for char in str(data.get("q", ""))[: MAX_QUERY_LENGTH * 2]
            if unicodedata.category(char) not in ("Cc", "Cf", "Cs") or char.isspace()
        )
        text = " ".join(text.split())[:MAX_QUERY_LENGTH]
        scope = (
            data.get("scope") if data.get("scope") in (SCOPE_LOCALE, SCOPE_ALL) else SCOPE_LOCALE
        )
        sort = (
            data.get("sort") if data.get("sort") in (SORT_RELEVANCE, SORT_DATE) else SORT_RELEVANCE
        )
        try:
            page = min(max(int(data.get("page", 1)), 1), MAX_PAGE)
        except (TypeError, ValueError, OverflowError):
            page = 1
        filters = {}
        for name in facets.FACET_NAMES:
            if name == "language" and scope == SCOPE_LOCALE:
                continue  # one language already
            values = [v for v in data.getlist(name)[:MAX_VALUES_PER_FACET] if _FACET_VALUE.match(v)]
            if values:
                filters[name] = tuple(sorted(set(values)))
        exact = data.get("exact") == "1"
        return cls(text=text, scope=scope, filters=filters, sort=sort, page=page, exact=exact)

    @property
    def is_browsing(self):
        return not self.text

    @property
    def sort_by_date(self):
        return self.sort == SORT_DATE or self.is_browsing

    def querydict(self, **changes):
        """The query string of this search with `changes` (None removes a parameter)."""
        values = {
            "q": self.text,
            "scope": self.scope if self.scope != SCOPE_LOCALE else None,
            "sort": self.sort if self.sort != SORT_RELEVANCE else None,
            "exact": "1" if self.exact else None,
            **self.filters,
        }
        values.update(changes)
        data = QueryDict(mutable=True)
        for key, value in values.items():
            if value in (None, "", ()):
                continue
            if isinstance(value, (list, tuple)):
                data.setlist(key, list(value))
            else:
                data[key] = str(value)
        return data

    def url(self, base, **changes):
        query = self.querydict(**changes).urlencode()
        return f"{base}?{query}" if query else base
