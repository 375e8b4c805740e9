"""One search request as the search page needs it (its suggestions: search.engine).

search.engine says which pages may be searched and asks the backend; search.query cleans what
the visitor asked; this module runs the search: the matches, a typo retry (search.spelling),
the any-word fallback, search by meaning fused in (search.semantic, search.fusion), the page of
hits with snippets and translations, the facets and the editors' promotions. Counts, facets and
the grouping of translations are computed from the backend's matches in the database
(search.summary), so they are the same on every backend.
"""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import FloatField, Value
from django.utils.functional import cached_property
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from core.request_cache import locale_codes

from . import engine, facets, fusion, highlight, semantic, spelling
from .engine import UNAVAILABLE_ERRORS, SearchUnavailable
from .models import SCOPE_ALL
from .query import SORT_RELEVANCE
from .results import (
    Counted,
    FacetGroup,
    FacetOption,
    Hit,
    SearchOutcome,
    language_names,
)
from .summary import Summary, summarise
from .synonyms import build_query
from .text import parse_query

logger = logging.getLogger("portal.search")


class Search:
    """One search request: run() returns a SearchOutcome or raises SearchUnavailable."""

    def __init__(self, query, locale, request=None, page_size=None, with_facets=True):
        self.query = query
        self.locale = locale
        self.language = locale.language_code
        self.request = request
        self.page_size = page_size or getattr(settings, "SEARCH_RESULTS_PER_PAGE", 10)
        self.with_facets = with_facets
        self.locale_codes = locale_codes()
        # (matches, Summary) of the first FUSE_DEPTH results, when _summarise read them for
        # search by meaning's fusion to use too (_fuse reads them from here).
        self._head = (None, None)

    @property
    def all_languages(self):
        return self.query.scope == SCOPE_ALL

    @cached_property
    def visible(self):
        return engine.visible_pages()  # reads the view restrictions once per search

    def base(self):
        pages = engine.searchable_pages()
        return pages if self.all_languages else pages.filter(locale=self.locale)

    def run(self):
        try:
            return self._run()
        except UNAVAILABLE_ERRORS as error:
            logger.exception("Search is unavailable")
            raise SearchUnavailable(str(error)) from error

    def _run(self):
        outcome = SearchOutcome(query=self.query)
        query_language = None if self.all_languages else self.language
        languages = [query_language] if query_language else None
        self.terms = []
        if self.query.is_browsing:
            matches = self.base().annotate(search_rank=Value(0.0, output_field=FloatField()))
        else:
            search_query, self.terms = build_query(self.query.text, languages)
            if search_query is None:
                outcome.no_searchable_words = True
                outcome.page_obj = Paginator(Counted(0), self.page_size).page(1)
                return outcome
            matches = engine.matching_pages(search_query, self.base(), query_language)

        summary = self._summarise(matches, self.query.page)
        if not summary.total:  # a misspelt word? (search.spelling)
            matches, summary = spelling.retry(self, outcome, languages, matches, summary)
        if (
            not summary.total
            and not self.query.is_browsing
            and not self.query.filters
            and len(parse_query(self.query.text)[0]) > 1
        ):
            # No page has every word: show pages with any of them, and say so.
            search_query, self.terms = build_query(self.query.text, languages, operator="or")
            matches = engine.matching_pages(search_query, self.base(), query_language)
            summary = self._summarise(matches, self.query.page)
            outcome.matched_all_words = False
        outcome.count = summary.total
        paginator = Paginator(Counted(outcome.count), self.page_size)
        outcome.page_obj = paginator.page(min(self.query.page, paginator.num_pages))
        if outcome.page_obj.number != self.query.page:  # asked past the end: the last page
            summary = self._summarise(matches, outcome.page_obj.number)
        near = self._semantic(summary.total)
        if near:
            summary = self._fuse(summary, matches, near, outcome)
        if self.all_languages:
            outcome.hits = self._grouped_hits(summary)
        else:
            outcome.hits = self._hits([(pk, pk) for pk in summary.rows])
        if self.with_facets:
            outcome.facets = self._facets(summary.counts)
        if not self.query.is_browsing:
            if outcome.page_obj.number == 1:
                outcome.promoted = self._promoted()
                outcome.suggestion = spelling.did_you_mean(self, outcome)
            if outcome.count == 0 and not self.all_languages:
                everywhere, _terms = build_query(self.query.text, None)
                outcome.count_in_all_languages = summarise(
                    engine.matching_pages(everywhere, engine.searchable_pages()),
                    self.query.filters,
                    grouped=True,
                    by_date=False,
                    offset=0,
                    limit=0,
                ).total
        return outcome

    def _may_fuse(self):
        """Whether results found by meaning may be fused in (in the visitor's language, only
        when nothing there has the query's words: _semantic)."""
        return (
            not self.query.is_browsing
            and not self.query.filters
            and self.query.sort == SORT_RELEVANCE
            and semantic.enabled()
        )

    def _semantic(self, lexical_total):
        """[(row, page id, similarity)] of visible pages near the query in meaning, best
        first: in the all-languages scope, and in the visitor's language when nothing there
        has the query's words. Only for a relevance-sorted, unfiltered query (facet counts
        and date order are the lexical results'); nothing when SEARCH_SEMANTIC is off."""
        if not (self.all_languages or lexical_total == 0) or not self._may_fuse():
            return []
        try:
            near = semantic.nearest(self.query.text)
        except UNAVAILABLE_ERRORS:
            raise
        except Exception:  # an optional ranking must never cost the visitor the lexical results
            logger.exception("Search by meaning failed; showing lexical results only")
            return []
        if not near:
            return []
        # The same filter as every lexical result: live, public, the scope's language.
        allowed = dict(
            self.base()
            .filter(pk__in=[pk for pk, _score in near])
            .values_list("pk", "translation_key")
        )
        rows, seen = [], set()
        for pk, score in near:
            if pk not in allowed:
                continue
            row = allowed[pk] if self.all_languages else pk
            if row not in seen:
                seen.add(row)
                rows.append((row, pk, score))
        return rows

    def _fuse(self, summary, matches, near, outcome):
        """This page of results with the semantic ones fused in (search.fusion)."""
        lexical_total = summary.total

        head = self._head

        def read(offset, limit):
            if not lexical_total:
                return Summary()
            if head[0] is matches and offset == 0 and limit == fusion.FUSE_DEPTH:
                return head[1]  # read with the page asked for (_summarise)
            return summarise(
                matches,
                self.query.filters,
                grouped=self.all_languages,
                by_date=False,
                offset=offset,
                limit=limit,
            )

        page = fusion.fused_page(
            read(0, fusion.FUSE_DEPTH),
            lexical_total,
            near,
            lead_semantic=not lexical_total or not outcome.matched_all_words,
            offset=(outcome.page_obj.number - 1) * self.page_size,
            limit=self.page_size,
            read_lexical=read,
        )
        outcome.count = page.total
        paginator = Paginator(Counted(outcome.count), self.page_size)
        outcome.page_obj = paginator.page(min(self.query.page, paginator.num_pages))
        page.counts = summary.counts
        return page

    @property
    def facet_names(self):
        return [name for name in facets.FACET_NAMES if name != "language" or self.all_languages]

    def _summarise(self, matches, page):
        """The page of `matches` asked for, their total and facet counts: one statement.

        When search by meaning may be fused in (search.fusion), the first FUSE_DEPTH results
        are read instead and kept for it, and this page taken from them: fusing read them
        again in a second statement, which matched every page again (the all-languages
        scope's most expensive part)."""
        offset = (page - 1) * self.page_size
        fusing = (
            self.all_languages and self._may_fuse() and offset + self.page_size <= fusion.FUSE_DEPTH
        )
        summary = summarise(
            matches,
            self.query.filters,
            grouped=self.all_languages,
            by_date=self.query.sort_by_date,
            offset=0 if fusing else offset,
            limit=fusion.FUSE_DEPTH if fusing else self.page_size,
            facet_names=self.facet_names if self.with_facets else (),
        )
        if not fusing:
            return summary
        self._head = (matches, summary)
        rows = summary.rows[offset : offset + self.page_size]
        return Summary(
            total=summary.total,
            rows=rows,
            members={row: summary.members[row] for row in rows if row in summary.members},
            counts=summary.counts,
        )

    # Filtering and facets

    def _facets(self, counts):
        """Facet groups for the template: each facet counted with every filter but its own,
        so choosing a topic narrows the regions offered while the other topics stay visible."""
        names = self.facet_names
        filters = self.query.filters
        groups = []
        values_by_facet = {}
        for name in names:
            values_by_facet[name] = dict(counts.get(name, {}))
            for selected in filters.get(name, ()):
                values_by_facet[name].setdefault(selected, 0)
        labels_by_facet = facets.all_labels(values_by_facet, self.language)
        for name, label, *_rest in facets.FACETS:
            if name not in names:
                continue
            values = values_by_facet[name]
            labels = labels_by_facet[name]
            options = [
                FacetOption(
                    value=value,
                    label=labels.get(value, value),
                    count=n,
                    selected=value in filters.get(name, ()),
                )
                for value, n in values.items()
                if value in labels or value in filters.get(name, ())
            ]
            if name == "year":
                options.sort(key=lambda option: option.value, reverse=True)
            else:
                options.sort(key=lambda option: (-option.count, str(option.label).casefold()))
            if options:
                groups.append(FacetGroup(name=name, label=label, options=options))
        return groups

    # Results

    def _grouped_hits(self, summary):
        """One hit per translation key: the visitor's language when it exists, else the best match."""
        keys = summary.rows
        best = {
            key: max(members, key=lambda member: member[1])[0]
            for key, members in summary.members.items()
        }
        language_filter = self.query.filters.get("language")
        visitor_ok = not language_filter or self.language in language_filter
        in_visitor_language = {}
        if visitor_ok:
            in_visitor_language = dict(
                self.visible.filter(translation_key__in=keys, locale=self.locale).values_list(
                    "translation_key", "pk"
                )
            )
        return self._hits(
            [(in_visitor_language.get(key, best[key]), best[key]) for key in keys if key in best]
        )

    def _hits(self, pairs):
        """Hits for (page shown, page that matched) id pairs, in order."""
        ids = {pk for pair in pairs for pk in pair}
        # Every translation of the hits (the hits among them) in one query, then each hit in its
        # specific type, one query per type: Wagtail's .specific() would first ask each page's
        # type in a query of its own. Translations are read with what their links need (a
        # page's URL is its url_path under a site root), at two thirds of the cost of whole pages.
        translations, by_type = {}, {}
        for page in self.visible.filter(
            translation_key__in=Page.objects.filter(pk__in=ids).values("translation_key")
        ).only("id", "translation_key", "locale_id", "url_path", "content_type_id"):
            translations.setdefault(page.translation_key, []).append(page)
            if page.pk in ids:
                by_type.setdefault(page.content_type_id, []).append(page.pk)
        pages = {}
        for content_type_id, type_ids in by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
            pages.update((page.pk, page) for page in model._default_manager.filter(pk__in=type_ids))
        texts = engine.page_texts([pages[pk] for pk in ids if pk in pages])
        names = language_names()
        order = {code: position for position, code in enumerate(names)}

        def link(page):
            code = self.locale_codes.get(page.locale_id, "")
            return {"code": code, "name": names.get(code, code), "url": page.get_url(self.request)}

        hits = []
        for shown_id, matched_id in pairs:
            shown, matched = pages.get(shown_id), pages.get(matched_id)
            if shown is None or matched is None:
                continue
            language = self.locale_codes.get(shown.locale_id, "")
            source = shown if shown_id == matched_id or not self.terms else matched
            source_language = self.locale_codes.get(source.locale_id, "")
            title, body = texts.get(source.pk, (source.title, ""))
            others = sorted(
                (
                    page
                    for page in translations.get(shown.translation_key, [])
                    if page.pk != shown.pk
                ),
                key=lambda page: order.get(self.locale_codes.get(page.locale_id), len(order)),
            )
            hits.append(
                Hit(
                    page=shown,
                    url=shown.get_url(self.request) or "",
                    language=language,
                    snippet_html=highlight.snippet(
                        body or getattr(source, "summary", "") or title, self.terms, source_language
                    ),
                    matched_language=source_language if source.pk != shown.pk else None,
                    translations=[link(page) for page in others],
                    missing_in_visitor_language=language != self.language
                    and not any(page.locale_id == self.locale.pk for page in others),
                )
            )
        return hits

    def _promoted(self):
        """Editors' promoted results for this query, in the visitor's language."""
        normalised = normalise_query_string(self.query.text)
        picks = (
            SearchPromotion.objects.filter(query__query_string=normalised)
            .select_related("page")
            .order_by("sort_order")
        )
        visible = self.visible
        promoted = []
        for pick in picks:
            if pick.page_id:
                page = pick.page.localized
                if not self.all_languages and page.locale_id != self.locale.pk:
                    continue
                if not visible.filter(pk=page.pk).exists():
                    continue
                promoted.append(
                    {
                        "title": page.title,
                        "url": page.get_url(self.request),
                        "description": pick.description or getattr(page.specific, "summary", ""),
                        "external": False,
                    }
                )
            elif pick.external_link_url:
                promoted.append(
                    {
                        "title": pick.external_link_text or pick.external_link_url,
                        "url": pick.external_link_url,
                        "description": pick.description,
                        "external": True,
                    }
                )
        return promoted
