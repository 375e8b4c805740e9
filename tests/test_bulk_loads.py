"""core.bulk.references_once leaves Wagtail's reference index as a full rebuild would."""

import pytest
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page, ReferenceIndex

from core.bulk import references_once

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
