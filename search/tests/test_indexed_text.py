"""Only what a reader would call the text is indexed (and so shown in snippets)."""

from django.test import SimpleTestCase
from modelsearch.index import SearchField

from core.blocks import HeadingBlock
from resources.models import ResourcePage


class IndexedTextTests(SimpleTestCase):
    def test_a_heading_is_indexed_without_its_level_label(self):
        block = HeadingBlock()
        value = block.to_python({"text": "What you will find", "level": "h2"})
        assert block.get_searchable_content(value) == ["What you will find"]

    def test_a_resource_citation_is_not_indexed_again(self):
        names = {
            f.field_name for f in ResourcePage.get_search_fields() if isinstance(f, SearchField)
        }
        assert "citation" not in names and "body" in names
