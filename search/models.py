"""What search keeps besides the engine's index: facet values, editors' synonyms, query stats."""

import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale

from .fields import IntegerListField
from .text import fold, words
from .vocabulary import SpellingWord  # noqa: F401  (the typo fallback's vocabulary)

SCOPE_LOCALE = "locale"
SCOPE_ALL = "all"
SCOPE_CHOICES = [(SCOPE_LOCALE, _("Visitor's language")), (SCOPE_ALL, _("All languages"))]


class FacetValue(models.Model):
    """One value of one facet (a type, language, year, topic, region or audience), numbered.

    Pages hold the numbers of their values (PageFacets), so the facet counts of a result set
    read one short row per matching page rather than one row per page and value.
    """

    id = models.AutoField(primary_key=True)  # pages hold these in 32-bit integer arrays
    facet = models.CharField(max_length=16)
    value = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["facet", "value"], name="search_facet_value_unique")
        ]

    def __str__(self):
        return f"{self.facet}={self.value}"


class PageFacets(models.Model):
    """The facet values of one page, as FacetValue ids.

    Written by the search backends whenever they index a page (search.facets.store), so the
    counts of any result set are one GROUP BY over the matching pages' values, on every
    backend. Visibility is never read from here: counts are always taken over pages the
    search already limited to live, public ones.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    codes = IntegerListField(default=list)

    def __str__(self):
        return f"{self.page_id}: {self.codes}"


class EntryText(models.Model):
    """The plain title and body of one search index entry, for result snippets (PostgreSQL).

    modelsearch 1.3 keeps them in its index rows, for trigram fuzzy search (which the portal
    does not use), and so doubled the rows every search reads: 182 MB rather than 79 MB on
    100,000 pages, and 90 ms rather than 46 ms to read the matches of a word in a third of
    them. A trigger on the index table (migration 0006) moves them here as modelsearch
    writes them and deletes them with their entry. It can go when modelsearch stores the
    text only where trigram search is enabled.
    """

    pk = models.CompositePrimaryKey("content_type_id", "object_id")
    content_type_id = models.IntegerField()
    object_id = models.CharField(max_length=50)
    title = models.TextField()
    body = models.TextField()

    def __str__(self):
        return f"{self.content_type_id}/{self.object_id}: {self.title}"


class SynonymGroup(models.Model):
    """Words that mean the same in one language, for what stemming cannot know.

    Stemmers cut suffixes; they cannot know that `children` is the plural of `child`, that
    أطفال is the plural of طفل, or that `UASC` means `unaccompanied children`. A visitor's
    word found in a group is searched together with every other term of the group.
    """

    MAX_TERMS = 20

    locale = models.ForeignKey(
        Locale, on_delete=models.CASCADE, related_name="+", verbose_name=_("language")
    )
    terms = models.TextField(
        _("terms"),
        help_text=_(
            "Words or short phrases that mean the same, separated by commas, for "
            "example: child, children, kids. Accents and capitals do not matter."
        ),
    )
    note = models.CharField(
        _("note"),
        max_length=255,
        blank=True,
        help_text=_("Why these belong together, for other editors."),
    )

    panels = [FieldPanel("locale"), FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonyms")
        ordering = ["locale", "terms"]

    def __str__(self):
        return ", ".join(self.term_list())

    def term_list(self):
        """The group's terms, each reduced to its words, without duplicates."""
        seen, terms = set(), []
        for raw in re.split(r"[,;\n]", self.terms or ""):
            term = " ".join(words(raw))
            key = fold(term)
            if term and key not in seen:
                seen.add(key)
                terms.append(term)
        return terms

    def clean(self):
        super().clean()
        terms = self.term_list()
        if len(terms) < 2:
            raise ValidationError({"terms": _("Give at least two different terms.")})
        if len(terms) > self.MAX_TERMS:
            raise ValidationError(
                {"terms": _("Give at most %(max)d terms.") % {"max": self.MAX_TERMS}}
            )
        if any(len(term.split()) > 4 for term in terms):
            raise ValidationError({"terms": _("A term may have at most four words.")})


class SearchQueryStat(models.Model):
    """How often a query was searched on one day, per language and scope, and what it found.

    No visitor is recorded: no address, session, user or time of day, only the day's count,
    and e-mail addresses and long numbers are masked before a query is stored (see record()).
    """

    date = models.DateField(_("date"))
    language = models.CharField(_("language"), max_length=12)
    scope = models.CharField(_("scope"), max_length=8, choices=SCOPE_CHOICES)
    query = models.CharField(_("query"), max_length=255)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    results = models.PositiveIntegerField(
        _("results"), default=0, help_text=_("Result count of the latest search.")
    )
    searches_without_results = models.PositiveIntegerField(
        _("searches that found nothing"), default=0
    )

    class Meta:
        verbose_name = _("search query statistic")
        verbose_name_plural = _("search query statistics")
        constraints = [
            models.UniqueConstraint(
                fields=["date", "language", "scope", "query"], name="search_query_stat_unique"
            ),
        ]
        indexes = [models.Index(fields=["language", "date"], name="search_stat_language_date")]

    def __str__(self):
        return f"{self.date} {self.language} {self.query!r}: {self.searches}"

    _EMAIL = re.compile(r"\S+@\S+")
    _NUMBER = re.compile(r"\+?\d[\d\s().-]{5,}\d")

    @classmethod
    def normalise(cls, query):
        """Lower case, single spaces, e-mail addresses and phone-like numbers masked."""
        query = " ".join(query.split()).casefold()
        query = cls._EMAIL.sub("[email]", query)
        query = cls._NUMBER.sub("[number]", query)
        return query[:255]

    @classmethod
    def record(cls, query, language, scope, result_count, searches=1, empty=None, date=None):
        """Count `searches` searches of `query`, `empty` of which found nothing (by default
        all of them when `result_count` is 0); search.query_log gathers them first."""
        if empty is None:
            empty = searches if result_count == 0 else 0
        query = cls.normalise(query)
        if not query:
            return
        key = {
            "date": date or timezone.now().date(),
            "language": language[:12],
            "scope": scope,
            "query": query,
        }
        # Most searches repeat one already counted today: one UPDATE, and an INSERT only for
        # the day's first, which a concurrent first search may win (then count on it).
        # Each search adds to the day's counts in the database (F expressions), so concurrent
        # searches never overwrite each other's: the "found nothing" count is its own counter,
        # not read back from the latest search's result count.
        counted = {
            "searches": F("searches") + searches,
            "searches_without_results": F("searches_without_results") + empty,
            "results": result_count,
        }
        if cls.objects.filter(**key).update(**counted):
            return
        try:
            with transaction.atomic():
                cls.objects.create(
                    **key, searches=searches, searches_without_results=empty, results=result_count
                )
        except IntegrityError:
            cls.objects.filter(**key).update(**counted)


class PageEmbedding(models.Model):
    """A page's meaning as a vector, for search by meaning across languages (search.semantic).

    Computed in the background when a page is published; read only through the pages a
    visitor may see, so a draft, restricted or unpublished page's vector is never used.
    Two vectors of 512 dimensions (the title; the title and the start of the text) in
    float16: 2 KB per page.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    vector = models.BinaryField()
    text_hash = models.CharField(max_length=40)  # what was embedded, to skip unchanged pages
    # Each process reads only the rows updated since its last read (search.semantic.Matrix).
    updated = models.DateTimeField(auto_now=True, db_index=True)

    def __str__(self):
        return f"embedding of page {self.page_id}"
