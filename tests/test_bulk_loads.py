"""Bulk loads (core.bulk.references_once, search.indexing.deferred and every test class's set-up,
tests.bulk_setup) leave Wagtail's reference index and the search index as a rebuild would."""

import pytest
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page, ReferenceIndex
from wagtail.search.models import IndexEntry

from core.bulk import references_once
from resources.models import ResourcePage

from . import factories as f
from .tree import build_site


def references():
    """The index's rows, without their content paths: a rebuild gives stream blocks saved
    without ids new ones, so their paths differ from any earlier indexing."""
    return set(
        ReferenceIndex.objects.values_list(
            "content_type_id", "object_id", "to_content_type_id", "to_object_id"
        )
    )


class TestABuiltTree(TestCase):
    def test_is_indexed_as_a_rebuild_indexes_it(self):
        # Rows that migrations created (the starter synonym groups) are indexed by no save.
        call_command("rebuild_references_index", verbosity=0)
        t = build_site()  # inside references_once (tests/tree.py)
        built = references()
        assert (Page.objects.get(pk=t.case_study.pk).content_type_id, str(t.case_study.pk)) in {
            row[:2] for row in built
        }
        call_command("rebuild_references_index", verbosity=0)
        assert references() == built


class TestReferencesOnce(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()

    def test_deleted_objects_leave_no_references_and_a_failure_records_nothing(self):
        with references_once():
            image = f.ImageFactory()
            page = f.ResourcePageFactory(parent=self.t.library, slug="kept")
            gone = f.ResourcePageFactory(parent=self.t.library, slug="gone")
            gone_id = str(gone.pk)
            gone.delete()
            assert not ReferenceIndex.objects.filter(object_id=str(page.pk)).exists()
        assert not ReferenceIndex.objects.filter(object_id=gone_id).exists()
        call_command("rebuild_references_index", verbosity=0)
        rebuilt = references()
        with pytest.raises(RuntimeError), references_once():
            self.t.case_study.image = image
            self.t.case_study.save()
            raise RuntimeError("the load failed")
        assert references() == rebuilt
        assert Page.objects.filter(pk=page.pk).exists()


class TestASetUpIsABulkLoad(TestCase):
    """tests.bulk_setup: a class's own set-up indexes its pages and references once, at its end,
    and leaves both indexes as a rebuild would."""

    @classmethod
    def setUpTestData(cls):
        cls.t = build_site()
        cls.page = f.ResourcePageFactory(
            parent=cls.t.library,
            title="Kinship care registers",
            slug="registers",
            listing_image=cls.t.image,
        )
        cls.page.save_revision().publish()
        cls.indexed_during_set_up = list(
            IndexEntry.objects.filter(object_id=str(cls.page.pk)).values_list("pk", flat=True)
        )

    def test_runs_in_bulk(self):
        assert getattr(type(self).setUpTestData.__func__, "in_bulk", False)
        assert self.indexed_during_set_up == []  # nothing indexed before the set-up ended

    def test_ends_with_the_indexes_a_rebuild_gives(self):
        results = ResourcePage.objects.live().search("kinship registers")
        assert [page.pk for page in results] == [self.page.pk]
        pages = {
            (content_type, str(pk))
            for pk, content_type in Page.objects.values_list("pk", "content_type")
        }
        built = {row for row in references() if row[:2] in pages}
        assert (Page.objects.get(pk=self.page.pk).content_type_id, str(self.page.pk)) in {
            row[:2] for row in built
        }
        call_command("rebuild_references_index", verbosity=0)
        # The pages' rows (rows of what migrations created are indexed by no save, as above).
        assert {row for row in references() if row[:2] in pages} == built
