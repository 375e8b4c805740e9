"""The steps a lesson is made of, including knowledge checks.

A knowledge check (`QuizBlock`) is either a **practice quiz** (unscored, unlimited retries,
immediate feedback) or a **test** (scored, a limited number of attempts per question; its
score counts toward the module's completion rule). Its questions are single-choice,
multiple-choice or true/false, each with feedback per option and an explanation.

Questions and options are identified by their block ids, which wagtail-localize keeps when it
translates a lesson: a French and an English learner answering the same question are counted
as the same question, and their answers are marked against the same options. The template
never renders which option is right: learning.quiz marks answers on the server and only then
shows feedback.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import (
    RICH_TEXT_FEATURES,
    DocumentBlock,
    HeadingBlock,
    ImageBlock,
    ParagraphBlock,
    QuoteBlock,
    ReflectionQuestionBlock,
    VideoBlock,
)

PRACTICE = "practice"
TEST = "test"


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"))
    correct = blocks.BooleanBlock(required=False, label=_("correct"))
    feedback = blocks.TextBlock(
        required=False,
        label=_("feedback"),
        help_text=_("Shown to a learner who chose this answer, after they answer."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class ChoiceQuestionBlock(blocks.StructBlock):
    question = blocks.TextBlock(label=_("question"))
    options = blocks.ListBlock(OptionBlock(), min_num=2, max_num=8, label=_("answers"))
    explanation = blocks.RichTextBlock(
        required=False,
        features=RICH_TEXT_FEATURES,
        label=_("explanation"),
        help_text=_("Why the right answer is right; shown once the question is settled."),
    )

    multiple = False

    class Meta:
        icon = "radio-full"
        template = "learning/blocks/question_preview.html"

    # The answer key stays on the server: the API and the search index get the question and
    # its answers' texts, never which is right, the feedback or the explanation.
    def get_api_representation(self, value, context=None):
        return {
            "question": value["question"],
            "options": [
                {"id": item.id, "text": item.value["text"]}
                for item in value["options"].bound_blocks
            ],
        }

    def get_searchable_content(self, value):
        return [value["question"], *(option["text"] for option in value["options"])]

    def clean(self, value):
        value = super().clean(value)
        right = sum(1 for option in value["options"] if option["correct"])
        if right == 0:
            raise ValidationError(_("Mark at least one answer as correct."))
        if right > 1 and not self.multiple:
            raise ValidationError(
                _("A single-choice question has one correct answer; use multiple choice.")
            )
        return value


class SingleChoiceQuestionBlock(ChoiceQuestionBlock):
    class Meta:
        label = _("Single choice")
        preview_value = {
            "question": "Who should be asked first about where a child will live?",
            "options": [
                {
                    "text": "The child",
                    "correct": True,
                    "feedback": "Yes: the child's views come first.",
                },
                {
                    "text": "The police",
                    "correct": False,
                    "feedback": "They may help, but not first.",
                },
            ],
        }


class MultipleChoiceQuestionBlock(ChoiceQuestionBlock):
    multiple = True

    class Meta:
        icon = "tick-inverse"
        label = _("Multiple choice")


class TrueFalseQuestionBlock(blocks.StructBlock):
    statement = blocks.TextBlock(label=_("statement"))
    answer = blocks.BooleanBlock(
        required=False, label=_("the statement is true"), help_text=_("Leave unticked if false.")
    )
    feedback_true = blocks.TextBlock(
        required=False, label=_("feedback for learners who answer “true”")
    )
    feedback_false = blocks.TextBlock(
        required=False, label=_("feedback for learners who answer “false”")
    )
    explanation = blocks.RichTextBlock(
        required=False, features=RICH_TEXT_FEATURES, label=_("explanation")
    )

    class Meta:
        icon = "tick"
        label = _("True or false")
        template = "learning/blocks/question_preview.html"

    def get_api_representation(self, value, context=None):
        return {"statement": value["statement"], "options": [{"id": "true"}, {"id": "false"}]}

    def get_searchable_content(self, value):
        return [value["statement"]]


class QuestionsBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()

    class Meta:
        min_num = 1


class QuizBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, label=_("title"))
    mode = blocks.ChoiceBlock(
        choices=[(PRACTICE, _("Practice quiz (not scored)")), (TEST, _("Test (scored)"))],
        default=PRACTICE,
        label=_("kind"),
    )
    attempts = blocks.IntegerBlock(
        default=2,
        min_value=1,
        max_value=10,
        label=_("attempts per question"),
        help_text=_("Tests only: how many times a learner may answer each question."),
    )
    questions = QuestionsBlock(label=_("questions"))

    class Meta:
        icon = "help"
        label = _("Knowledge check")
        template = "learning/blocks/quiz.html"
        description = _("Questions marked on the server: a practice quiz or a scored test.")


class LessonStepsBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = ParagraphBlock()
    video = VideoBlock()
    image = ImageBlock()
    download = DocumentBlock()
    reflection = ReflectionQuestionBlock()
    quote = QuoteBlock()
    quiz = QuizBlock()

    class Meta:
        template = "blocks/stream_block.html"
