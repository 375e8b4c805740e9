from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import RICH_TEXT_FEATURES


class KitItemBlock(blocks.StructBlock):
    resource = blocks.PageChooserBlock(page_type="resources.ResourcePage", label=_("resource"))
    note = blocks.TextBlock(
        required=False,
        label=_("editor's note"),
        help_text=_("Why this resource, and how to use it with the others."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Resource")


class KitSectionBlock(blocks.StructBlock):
    """One step of a kit: a heading, the editor's note for the section, its resources in order."""

    title = blocks.CharBlock(label=_("section title"))
    note = blocks.RichTextBlock(
        required=False, features=RICH_TEXT_FEATURES, label=_("editor's note")
    )
    items = blocks.ListBlock(KitItemBlock(), label=_("resources"))

    class Meta:
        icon = "list-ol"
        label = _("Section")
        template = "blocks/kit_section_block.html"
        preview_value = {
            "title": "Before the first visit",
            "note": "<p>Read these two guides before meeting the family.</p>",
        }
