"""What a search returns to the search page's template: hits, facet options, the outcome."""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from wagtail.models import Page

from .query import SearchQuery


@dataclass
class Hit:
    page: Page
    url: str
    language: str
    snippet_html: str
    matched_language: str | None = None  # set when the snippet comes from another translation
    translations: list = field(default_factory=list)  # [{"code", "name", "url"}]
    missing_in_visitor_language: bool = False

    @property
    def language_name(self):
        return language_names().get(self.language, self.language)

    @property
    def matched_language_name(self):
        return language_names().get(self.matched_language, self.matched_language)

    @property
    def direction(self):
        return _direction(self.language)

    @property
    def snippet_direction(self):
        return _direction(self.matched_language or self.language)


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FacetGroup:
    name: str
    label: str
    options: list


@dataclass
class SearchOutcome:
    query: SearchQuery
    count: int = 0
    hits: list = field(default_factory=list)
    page_obj: object = None
    facets: list = field(default_factory=list)
    promoted: list = field(default_factory=list)
    matched_all_words: bool = True
    no_searchable_words: bool = False
    count_in_all_languages: int | None = None
    corrected: str = ""  # the misspelt query as searched instead (search.spelling)
    suggestion: str = ""  # a far commoner spelling of the query


class Counted:
    """A sequence that only knows its length: Paginator arithmetic for a count from the DB."""

    def __init__(self, count):
        self._count = count

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, key):
        return []


def language_names():
    return dict(settings.LANGUAGES)


def _direction(code):
    try:
        return "rtl" if translation.get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"
