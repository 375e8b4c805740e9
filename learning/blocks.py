"""The steps a lesson is made of.

Knowledge checks, progress tracking and certificates are planned: they will arrive as further
step blocks here and as learner records in this app, so lessons already written keep working.
"""

from wagtail import blocks

from core.blocks import (
    DocumentBlock,
    HeadingBlock,
    ImageBlock,
    ParagraphBlock,
    QuoteBlock,
    ReflectionQuestionBlock,
    VideoBlock,
)


class LessonStepsBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = ParagraphBlock()
    video = VideoBlock()
    image = ImageBlock()
    download = DocumentBlock()
    reflection = ReflectionQuestionBlock()
    quote = QuoteBlock()

    class Meta:
        template = "blocks/stream_block.html"
