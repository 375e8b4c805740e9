"""StreamField blocks shared by every page type.

Each block names its template and a preview value, so editors see a real preview in the
block picker (templates/wagtailcore/shared/block_preview.html draws it with the site's
stylesheet) and every page renders the same block the same way. Blocks that choose an image
or a document preview the newest one uploaded, since a fixed value cannot name one.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        label=_("level"),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        preview_value = {"text": "Why children move alone", "level": "h2"}
        description = _("A section heading; keep levels in order for screen-reader users.")

    def get_searchable_content(self, value):
        # The heading's words only: Wagtail would add the level's label ("Level 2"), which
        # is not text a reader sees and turned up in search snippets.
        return self.child_blocks["text"].get_searchable_content(value.get("text", ""))


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "blocks/paragraph_block.html"
        preview_value = (
            "<p>Front-line workers decide every day where an unaccompanied child will sleep "
            "tonight. This page gathers what helped others decide well.</p>"
        )


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(required=False, label=_("caption"))
    decorative = blocks.BooleanBlock(
        required=False,
        label=_("decorative"),
        help_text=_("Tick only if the image adds no information (screen readers will skip it)."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"
        preview_value = {"caption": "A listening session with young people", "decorative": False}

    def get_preview_value(self):
        value = super().get_preview_value()
        value["image"] = get_image_model().objects.order_by("-created_at").first()
        return value


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(required=False, label=_("attribution"))
    role = blocks.CharBlock(required=False, label=_("role or organisation"))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"
        preview_value = {
            "quote": "The course changed how our team talks with children before placing them.",
            "attribution": "A social worker",
            "role": "Participant, 2019 cohort",
        }


class KeyFigureBlock(blocks.StructBlock):
    """A fact with its source, so a figure is never quoted without where it came from."""

    value = blocks.CharBlock(label=_("value"), help_text=_("For example: 3,200 or 62%"))
    label = blocks.CharBlock(label=_("what it counts"))
    source = blocks.CharBlock(required=False, label=_("source"))
    year = blocks.IntegerBlock(required=False, min_value=1900, max_value=2100, label=_("year"))

    class Meta:
        icon = "order"
        label = _("Key figure")
        template = "blocks/key_figure_block.html"
        preview_value = {
            "value": "160",
            "label": "countries where participants enrolled",
            "source": "IFRC case study",
            "year": 2020,
        }


class KeyFiguresBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(KeyFigureBlock(), **kwargs)

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "blocks/key_figures_block.html"
        preview_value = [
            {"value": "160", "label": "countries where participants enrolled", "year": 2020},
            {"value": "62%", "label": "of calls answered within a minute", "source": "Helpline"},
        ]


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        required=False,
        label=_("link text"),
        help_text=_("Leave blank to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Downloadable material")
        template = "blocks/document_block.html"
        preview_value = {"title": "Guidelines for alternative care (PDF)"}

    def get_preview_value(self):
        value = super().get_preview_value()
        value["document"] = get_document_model().objects.order_by("-created_at").first()
        return value


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("video URL"))
    transcript = blocks.RichTextBlock(
        required=False, features=RICH_TEXT_FEATURES, label=_("transcript or summary")
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"
        # No video address: the block picker must not call a video site to draw a preview.
        preview_value = {
            "transcript": "<p>A counsellor explains how the helpline takes a child's first call.</p>"
        }


class GoodPracticeBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("practice"))
    description = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, label=_("what it is and why it works")
    )
    where = blocks.CharBlock(required=False, label=_("where it was practised"))
    link = blocks.URLBlock(required=False, label=_("more information"))

    class Meta:
        icon = "success"
        label = _("Good practice")
        template = "blocks/good_practice_block.html"
        preview_value = {
            "title": "Small group homes near the child's community",
            "description": "<p>Children keep their school and friends while a family is traced.</p>",
            "where": "Central America",
        }


class ReflectionQuestionBlock(blocks.StructBlock):
    question = blocks.TextBlock(label=_("question"))
    guidance = blocks.RichTextBlock(
        required=False, features=RICH_TEXT_FEATURES, label=_("guidance for the learner")
    )

    class Meta:
        icon = "help"
        label = _("Reflection question")
        template = "blocks/reflection_question_block.html"
        preview_value = {
            "question": "Think of the last child you placed. Who did you ask about their wishes?",
        }


class BodyBlock(blocks.StreamBlock):
    """The general body used by most page types."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    key_figures = KeyFiguresBlock()
    video = VideoBlock()
    document = DocumentBlock()

    class Meta:
        template = "blocks/stream_block.html"
