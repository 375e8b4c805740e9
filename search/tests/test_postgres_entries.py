"""The portal's bulk writer of PostgreSQL index entries writes what modelsearch wrote.

search.backends.postgres_entries replaces modelsearch's PostgresIndex.add_items (and the
UPDATE that added the Arabic normal forms after it) for speed only: every vector, plain
text, language and facet copy must stay as it was, or ranking would move. (modelsearch's
own add_items also rewrites title_norm, which the portal leaves alone: not compared.)
"""

import copy

import pytest
from django.db import connection, transaction
from modelsearch.backends.database.postgres.postgres import PostgresIndex
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from resources.models import ResourcePage
from search.arabic import index_forms
from search.backends import plain_text
from search.backends.postgres import index_config
from tests import factories as f

from .fixtures import multilingual_site, resource

COLUMNS = (
    "e.title::text, e.body::text, e.autocomplete::text, e.portal_language, "
    "e.portal_codes, "
    "t.title, t.body"
)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's index entries")
class TestEntryWriter:
    @pytest.fixture
    def pages(self, db):
        t = multilingual_site()
        topic, region = (
            f.TopicFactory(name="Kinship care"),
            f.RegionFactory(name="Writer test country"),
        )
        pages = []
        for language, title, body in (
            ("en", "Protecting children online", "Helplines and <b>case</b> management."),
            ("ar", "حماية الأطفال", "والكفالة للأطفال في الأسر الحاضنة"),
        ):
            page = resource(t.libraries[language], title, body=body, summary=f"{title} summary")
            page.topics.set([topic])
            page.regions.set([region])
            page.save()  # modelcluster's relations are written with the page
            pages.append(ResourcePage.objects.get(pk=page.pk))
        return pages

    def rows(self, pages):
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT e.object_id, {COLUMNS} FROM wagtailsearch_indexentry e "
                f"JOIN portal_search_entrytext t USING (content_type_id, object_id) "
                f"WHERE e.object_id = ANY(%s) ORDER BY e.object_id",
                [[str(page.pk) for page in pages]],
            )
            return cursor.fetchall()

    def modelsearch_rows(self, pages):
        """Each page written by modelsearch's own PostgresIndex in its language's
        configuration, with the Arabic normal forms added as the portal used to add them."""
        backend = get_search_backend()
        IndexEntry.objects.filter(object_id__in=[str(page.pk) for page in pages]).delete()
        for page in pages:
            language = page.locale.language_code
            ours = copy.copy(backend)
            ours.config = index_config(language)
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT set_config('portal.index_language', %s, true)", [language]
                    )
                PostgresIndex(ours).add_items(ResourcePage, [page])
                title, body = (index_forms(text) for text in plain_text(page))
                if title or body:
                    with connection.cursor() as cursor:
                        cursor.execute(
                            "UPDATE wagtailsearch_indexentry SET "
                            "title = title || setweight(to_tsvector(%s::regconfig, %s), 'B'), "
                            "body = body || setweight(to_tsvector(%s::regconfig, %s), 'D') "
                            "WHERE object_id = %s",
                            [ours.config, title, ours.config, body, str(page.pk)],
                        )
        return self.rows(pages)

    def test_rows_are_modelsearchs(self, pages):
        get_search_backend().add_bulk(ResourcePage, pages)
        written = self.rows(pages)
        assert len(written) == 2
        assert "'kinship'" in written[0][2]  # related objects' fields are read
        assert "'اطفال'" in written[1][1]  # the Arabic normal form is there
        assert written == self.modelsearch_rows(pages)
