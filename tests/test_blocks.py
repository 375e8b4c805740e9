"""Every block an editor can pick shows a preview in the block picker, drawn as visitors see it."""

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import get_page_models

from core import blocks as core_blocks
from resources.blocks import KitSectionBlock

from .factories import DocumentFactory, ImageFactory

# The blocks with a template of their own, whose preview editors see in the picker.
PREVIEWED = (
    core_blocks.HeadingBlock,
    core_blocks.ParagraphBlock,
    core_blocks.ImageBlock,
    core_blocks.QuoteBlock,
    core_blocks.KeyFigureBlock,
    core_blocks.KeyFiguresBlock,
    core_blocks.DocumentBlock,
    core_blocks.VideoBlock,
    core_blocks.GoodPracticeBlock,
    core_blocks.ReflectionQuestionBlock,
    KitSectionBlock,
)


def pickable_blocks():
    """Every child block of the page types' StreamFields, with the block's name."""
    found = []

    def walk(block):
        for name, child in getattr(block, "child_blocks", {}).items():
            found.append((name, child))
            walk(child)
        if hasattr(block, "child_block"):  # ListBlock
            walk(block.child_block)

    for model in get_page_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                walk(field.stream_block)
    return found


class TestBlockPreviews(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.image = ImageFactory(title="Listening session", credit="Helpline")
        cls.document = DocumentFactory(title="Care guidelines")
        cls.admin = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")

    def test_every_block_with_a_template_has_a_preview(self):
        blocks = [block for _name, block in pickable_blocks() if isinstance(block, PREVIEWED)]
        assert {type(block) for block in blocks} == set(PREVIEWED)
        for block in blocks:
            assert block.is_previewable, type(block).__name__

    def test_previews_render_in_the_admin_with_the_site_stylesheet(self):
        self.client.force_login(self.admin)
        seen = set()
        for _name, block in pickable_blocks():
            if not isinstance(block, PREVIEWED) or type(block) in seen:
                continue
            seen.add(type(block))
            response = self.client.get(
                reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
            )
            assert response.status_code == 200, type(block).__name__
            html = response.content.decode()
            assert "css/portal.css" in html
            if isinstance(block, core_blocks.ImageBlock):
                assert "A listening session with young people" in html and "<img" in html
            if isinstance(block, core_blocks.DocumentBlock):
                assert "Guidelines for alternative care (PDF)" in html
            if isinstance(block, core_blocks.KeyFiguresBlock):
                assert "countries where participants enrolled" in html and "62%" in html
        assert seen == set(PREVIEWED)
