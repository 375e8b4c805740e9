"""The index follows publishing, unpublishing, moves, deletion and privacy; failures retry."""

import logging
import time
from unittest import mock

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import TestCase, override_settings
from modelsearch import index
from modelsearch.backends import get_search_backends
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from search import indexing, services, tasks
from search.facets import page_values
from search.models import EntryText, FacetValue, PageFacets
from search.query import SearchQuery

from .fixtures import multilingual_site, publish, resource, restrict


def found(query, language="en", scope="locale"):
    outcome = services.Search(
        SearchQuery(text=query, scope=scope),
        Page.objects.get(depth=2, locale__language_code=language).locale,
    ).run()
    return [hit.page.title for hit in outcome.hits]


class IndexingTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = multilingual_site()


class TestIndexFollowsThePage(IndexingTestCase):
    def test_publish_unpublish_delete(self):
        page = resource(self.t.libraries["en"], "Orphanage transition guide", live=False)
        assert found("orphanage") == []
        page = publish(page)
        assert found("orphanage") == ["Orphanage transition guide"]
        page.unpublish()
        assert found("orphanage") == []
        page = publish(page)
        page.delete()
        assert found("orphanage") == []
        assert not IndexEntry.objects.filter(object_id=str(page.pk)).exists()
        assert not PageFacets.objects.filter(page_id=page.pk).exists()

    def test_edits_are_searchable_once_published(self):
        page = resource(self.t.libraries["en"], "Budget note")
        page.title = "Budget note on foster allowances"
        page.save_revision()
        assert found("allowances") == []  # a draft edit is not public
        page.save_revision().publish()
        assert found("allowances") == ["Budget note on foster allowances"]

    def test_taxonomy_set_in_the_same_publish_is_indexed(self):
        page = resource(self.t.libraries["en"], "Tagged guide", live=False)
        page.topics.add(self.t.topic)
        publish(page)
        assert {value for facet, value in page_values([page.pk])[page.pk] if facet == "topic"} == {
            self.t.topic.slug
        }
        assert found("children on the move tagged") == ["Tagged guide"]

    def test_moving_a_section_reindexes_its_descendants(self):
        with mock.patch.object(
            index, "insert_or_update_object", wraps=index.insert_or_update_object
        ) as spy:
            self.t.sub_area.move(self.t.areas_index, pos="last-child")
        reindexed = {call.args[0].pk for call in spy.call_args_list}
        assert self.t.sub_area.pk in reindexed

    def test_privacy_change_reindexes_the_subtree_and_hides_it(self):
        page = resource(self.t.libraries["en"], "Helpline rota for partners")
        assert found("rota") == ["Helpline rota for partners"]
        with mock.patch.object(
            index, "insert_or_update_object", wraps=index.insert_or_update_object
        ) as spy:
            restriction = restrict(self.t.libraries["en"])
        assert page.pk in {call.args[0].pk for call in spy.call_args_list}
        assert found("rota") == []
        restriction.delete()
        assert found("rota") == ["Helpline rota for partners"]


class TestFailuresAreLoggedAndRetried(IndexingTestCase):
    def test_a_failed_update_is_retried_until_it_succeeds(self):
        page = resource(self.t.libraries["en"], "Flaky indexing", live=False)
        real = index.insert_or_update_object
        failures = {"left": 2}

        def flaky(instance):
            if instance.pk == page.pk and failures["left"]:
                failures["left"] -= 1
                raise ConnectionError("index unreachable")
            return real(instance)

        with (
            mock.patch.object(index, "insert_or_update_object", side_effect=flaky),
            self.assertLogs("portal", logging.WARNING) as logs,
        ):
            tasks.retry_index_object.enqueue("resources", "resourcepage", str(page.pk))
        assert failures["left"] == 0
        assert any("failed again (retry 1)" in line for line in logs.output)
        assert IndexEntry.objects.filter(object_id=str(page.pk)).exists()

    def test_giving_up_is_an_error(self):
        page = resource(self.t.libraries["en"], "Always failing", live=False)
        with (
            mock.patch.object(
                index, "insert_or_update_object", side_effect=ConnectionError("down")
            ),
            self.assertLogs("portal.search", logging.ERROR) as logs,
        ):
            tasks.retry_index_object.enqueue("resources", "resourcepage", str(page.pk))
        assert any("Gave up" in line for line in logs.output)

    def test_retries_wait_in_the_database_queue(self):
        with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
            from django_tasks_db.models import DBTaskResult

            tasks.schedule_retry("resources", "resourcepage", "1", attempt=2)
            queued = DBTaskResult.objects.get(task_path="search.tasks.retry_index_object")
        assert queued.run_after is not None and queued.args_kwargs["args"][-1] == 2


class TestQueuedIndexing(IndexingTestCase):
    def test_an_approved_page_is_findable_within_two_seconds_with_the_worker(self):
        with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
            page = resource(self.t.libraries["en"], "Queued foster guidance", live=False)
            approved = time.monotonic()
            page.save_revision().publish()
            assert found("queued") == []  # waiting for the worker
            # The worker closes stale connections between tasks; on PostgreSQL that would also
            # close the connection holding this test's transaction.
            with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
                call_command(
                    "db_worker", batch=True, startup_delay=False, interval=0.1, verbosity=0
                )
            assert found("queued") == ["Queued foster guidance"]
            assert time.monotonic() - approved < 2


class TestRebuildCommands(IndexingTestCase):
    def test_update_index_rebuilds_pages_and_facets(self):
        PageFacets.objects.all().delete()
        IndexEntry.objects.all().delete()
        call_command("update_index", verbosity=0)
        assert found("interim") == ["Interim care guideline", "Starter kit for interim carers"]
        assert ("topic", self.t.topic.slug) in page_values([self.t.resource.pk])[self.t.resource.pk]

    def test_per_locale_rebuild(self):
        french = resource(self.t.libraries["fr"], "Guide de la famille d'accueil")
        IndexEntry.objects.all().delete()
        call_command("search_reindex", locales=["fr"], verbosity=0)
        assert found("accueil", "fr") == [french.title]
        assert found("interim") == []  # English pages were left alone

    def test_per_locale_rebuild_refuses_unknown_locales(self):
        with self.assertRaises(CommandError):
            call_command("search_reindex", locales=["xx"], verbosity=0)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="title norms are kept by the PostgreSQL backend"
)
class TestTitleNorms(IndexingTestCase):
    """A word in a short title outranks it in a long one (modelsearch's title norm), with the
    norm computed in the rank instead of rewritten into every row (search.backends.postgres)."""

    def test_short_title_outranks_long_title(self):
        short = publish(resource(self.t.libraries["en"], "Kinship care", live=False))
        long = publish(
            resource(
                self.t.libraries["en"],
                "Kinship care for grandparents raising their grandchildren after a family crisis",
                live=False,
            )
        )
        # On a tie the later page would come first: the norm puts the short title ahead.
        assert found("kinship")[:2] == [short.title, long.title]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the entries' language column is PostgreSQL's"
)
class TestEntryLanguage(IndexingTestCase):
    """Index entries carry their page's language, which a search in one language reads by
    index (search/migrations/0005); an entry without one is still found."""

    def language_of(self, page):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT portal_language FROM wagtailsearch_indexentry WHERE object_id = %s",
                [str(page.pk)],
            )
            return cursor.fetchone()[0]

    def test_entries_get_their_language_and_one_without_is_still_found(self):
        french = publish(resource(self.t.libraries["fr"], "Guide du parrainage", live=False))
        english = publish(resource(self.t.libraries["en"], "Sponsorship guide", live=False))
        assert (self.language_of(french), self.language_of(english)) == ("fr", "en")
        assert found("parrainage", "fr") == [french.title]
        assert found("parrainage", "en") == []
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE wagtailsearch_indexentry SET portal_language = NULL WHERE object_id = %s",
                [str(english.pk)],
            )
        assert found("sponsorship") == [english.title]
        publish(
            english
        )  # re-indexing keeps the row's language as it was (pages never change locale)
        assert found("sponsorship") == [english.title]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the entries' text is moved by a PostgreSQL trigger"
)
class TestEntryText(IndexingTestCase):
    """Index rows keep no plain text: it is moved beside them (search.models.EntryText), where
    snippets read it, rewritten with its entry and deleted with it (search/migrations/0006)."""

    def row_text(self, page):
        return (
            IndexEntry.objects.filter(object_id=str(page.pk))
            .values_list("title_text", "body_text")
            .get()
        )

    def test_text_moves_beside_the_entry_and_follows_it(self):
        page = publish(
            resource(
                self.t.libraries["en"],
                "Respite care handbook",
                live=False,
                summary="Short breaks for foster carers",
            )
        )
        assert self.row_text(page) == ("", "")
        text = EntryText.objects.get(object_id=str(page.pk))
        assert text.title == "Respite care handbook" and "Short breaks" in text.body
        assert (
            "<mark>"
            in services.Search(SearchQuery(text="breaks"), page.locale).run().hits[0].snippet_html
        )

        page.summary = "Weekend breaks for kinship carers"
        publish(page)  # indexed again: modelsearch's INSERT ... ON CONFLICT DO UPDATE
        assert self.row_text(page) == ("", "")
        assert "Weekend breaks" in EntryText.objects.get(object_id=str(page.pk)).body

        page.delete()
        assert not IndexEntry.objects.filter(object_id=str(page.pk)).exists()
        assert not EntryText.objects.filter(object_id=str(page.pk)).exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="entries copy facet numbers on PostgreSQL"
)
class TestEntryFacetCodes(IndexingTestCase):
    """Each page's entry holds a sorted copy of its facet numbers but its language's, which
    searches count (search/migrations/0007): re-indexing the page renews it."""

    def entry_codes(self, page):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT portal_codes FROM wagtailsearch_indexentry WHERE object_id = %s "
                "AND content_type_id = %s",
                [str(page.pk), page.content_type_id],
            )
            return cursor.fetchone()[0]

    def page_codes(self, page):
        """The page's PageFacets numbers but its language's, sorted, as entries keep them."""
        language = set(FacetValue.objects.filter(facet="language").values_list("pk", flat=True))
        return sorted(
            code for code in PageFacets.objects.get(page_id=page.pk).codes if code not in language
        )

    def topic_counts(self, text):
        outcome = services.Search(SearchQuery(text=text), self.t.locales["en"]).run()
        return {
            option.value: option.count
            for group in outcome.facets
            if group.name == "topic"
            for option in group.options
        }

    def test_copy_follows_the_pages_facets(self):
        page = publish(resource(self.t.libraries["en"], "Sibling placement note", live=False))
        assert self.entry_codes(page) == self.page_codes(page)
        assert self.t.topic.slug not in self.topic_counts("sibling placement")

        page.topics.add(self.t.topic)
        publish(page)
        assert self.entry_codes(page) == self.page_codes(page)
        assert self.topic_counts("sibling placement")[self.t.topic.slug] == 1


class TestDeferredIndexing(IndexingTestCase):
    """search.indexing.deferred: what bulk loads (the demo, the suite's builders) rely on."""

    def test_each_object_is_indexed_once_at_the_end_with_its_last_content(self):
        with (
            mock.patch.object(
                PageFacets.objects, "bulk_create", wraps=PageFacets.objects.bulk_create
            ) as writes,
            indexing.deferred(),
        ):
            page = resource(self.t.libraries["en"], "Kafala handbook", live=False)
            page = publish(page)
            page.title = "Kafala handbook for social workers"
            page.save_revision().publish()
            assert found("kafala") == []  # nothing is written inside the block
            assert writes.call_count == 0
        assert found("kafala") == ["Kafala handbook for social workers"]
        assert writes.call_count == 1  # one bulk write for the model, not one per save

    def test_inside_the_block_an_index_write_only_notes_the_object(self):
        """Each save of a bulk load asks every backend to index the object; nothing of the
        writing (the objects' languages read, a transaction per language, Arabic normal
        forms) is done for it before the block ends. The one write at the end is the test
        above's."""
        page = resource(self.t.libraries["ar"], "دليل الكفالة للأسر البديلة")
        backends = list(get_search_backends(with_auto_update=True))
        assert backends  # the site's own backend at least: otherwise nothing was asked
        with indexing.deferred():
            with self.assertNumQueries(0):
                for backend in backends:
                    backend.add(page)

    def test_a_failed_load_indexes_nothing_and_a_deleted_page_is_skipped(self):
        with pytest.raises(RuntimeError), indexing.deferred():
            resource(self.t.libraries["en"], "Zakat and child welfare")
            raise RuntimeError("the load failed")
        assert found("zakat") == []
        with indexing.deferred():
            gone = resource(self.t.libraries["en"], "Withdrawn zakat note")
            gone.delete()
            kept = resource(self.t.libraries["en"], "Zakat for families")
        assert found("zakat") == [kept.title]
        call_command("update_index", verbosity=0)  # what the module says to run after a failure
        assert sorted(found("zakat")) == ["Zakat and child welfare", "Zakat for families"]
