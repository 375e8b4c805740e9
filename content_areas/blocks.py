from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import GoodPracticeBlock, HeadingBlock, ImageBlock, ParagraphBlock, QuoteBlock


class ApproachesBlock(blocks.StreamBlock):
    """Approaches and good practices: prose, named practices, and voices from the field."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    good_practice = GoodPracticeBlock()
    quote = QuoteBlock()
    image = ImageBlock()

    class Meta:
        template = "blocks/stream_block.html"
        label = _("Approaches and good practices")
