"""Renditions read from the cache are not written back to it (core.models.PortalImage).

Wagtail wrote every rendition it had just read from the cache back to it: two round trips
and a pickling per image on every uncached page. These tests hold the lookup to one read,
and check that the cache never serves a rendition that is gone or belongs to an old file.
"""

from unittest import mock

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from core.models import PortalRendition

from .factories import ImageFactory

SPEC = "fill-400x225|format-webp"


class TestRenditionCache(TestCase):
    def setUp(self):
        caches["renditions"].clear()
        self.image = ImageFactory()
        self.image.get_renditions(SPEC)  # made once, as the upload task does

    def fresh(self):
        """The image as a page's query reads it: nothing prefetched."""
        return type(self.image).objects.get(pk=self.image.pk)

    def test_the_renditions_cache_keeps_entries_without_expiry(self):
        assert settings.CACHES["renditions"]["TIMEOUT"] is None

    def test_a_cached_rendition_costs_one_read_and_no_write(self):
        self.fresh().get_renditions(SPEC)  # in the cache from here on
        image = self.fresh()
        backend = PortalRendition.cache_backend
        with (
            CaptureQueriesContext(connection) as queries,
            mock.patch.object(backend, "set_many", wraps=backend.set_many) as set_many,
            mock.patch.object(backend, "get_many", wraps=backend.get_many) as get_many,
        ):
            rendition = image.get_renditions(SPEC)[SPEC]
        assert rendition.filter_spec == SPEC
        assert rendition.image is image
        assert len(queries) == 0
        assert get_many.call_count == 1
        assert set_many.call_count == 0

    def test_a_rendition_found_in_the_database_is_cached(self):
        caches["renditions"].clear()
        rendition = self.fresh().get_renditions(SPEC)[SPEC]
        assert caches["renditions"].get(rendition.get_cache_key()) is not None

    def test_a_deleted_rendition_is_not_served_from_the_cache(self):
        key = self.fresh().get_renditions(SPEC)[SPEC].get_cache_key()
        assert caches["renditions"].get(key) is not None
        old = PortalRendition.objects.get(image=self.image, filter_spec=SPEC)
        old.delete()  # Wagtail purges the entry with the row
        assert caches["renditions"].get(key) is None
        new = self.fresh().get_renditions(SPEC)[SPEC]  # made again, as Wagtail does
        assert new.pk != old.pk

    def test_a_new_file_never_reads_the_old_files_rendition(self):
        old = self.fresh().get_renditions(SPEC)[SPEC]
        image = self.fresh()
        image.file_hash = "another-file"
        image.save(update_fields=["file_hash"])
        rendition = self.fresh().get_renditions(SPEC)[SPEC]
        assert rendition.get_cache_key() != old.get_cache_key()
