"""Knowledge checks: finding a lesson's questions, marking answers, what to show afterwards.

Everything that knows which answer is right is here, on the server. A question's identity is
its block id (the same in every language); each option's is its list-item id ("true"/"false"
for true-or-false questions). An attempt stores the question as asked (`snapshot`), and the
feedback shown for an attempt is read from that snapshot, so editing a question never rewrites
what a learner was told.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .blocks import PRACTICE, TEST

QUESTION_TYPES = ("single_choice", "multiple_choice", "true_false")


@dataclass
class QuestionRef:
    id: str
    kind: str
    value: object
    mode: str
    attempts_allowed: int | None  # None: unlimited (practice)
    lesson_key: str = ""

    @property
    def text(self):
        return self.value["statement"] if self.kind == "true_false" else self.value["question"]

    @property
    def multiple(self):
        return self.kind == "multiple_choice"

    def options(self):
        """[(id, text, correct, feedback)] in the order the editor gave them."""
        if self.kind == "true_false":
            truth = bool(self.value["answer"])
            return [
                ("true", _("True"), truth, self.value["feedback_true"]),
                ("false", _("False"), not truth, self.value["feedback_false"]),
            ]
        return [
            (item.id, item.value["text"], bool(item.value["correct"]), item.value["feedback"])
            for item in self.value["options"].bound_blocks
        ]

    def option_choices(self):
        """What the form shows: ids and texts, never which is right."""
        return [(option_id, text) for option_id, text, _correct, _feedback in self.options()]

    def snapshot(self, language):
        explanation = self.value["explanation"]
        return {
            "type": self.kind,
            "mode": self.mode,
            "text": self.text,
            "language": language,
            "options": [
                {"id": str(oid), "text": str(text), "correct": correct, "feedback": feedback or ""}
                for oid, text, correct, feedback in self.options()
            ],
            # Rendered HTML (internal links expanded), written by editors, shown as it was.
            "explanation": str(explanation) if explanation else "",
        }


def lesson_questions(lesson):
    """The knowledge-check questions of a lesson, in order: [QuestionRef]."""
    questions = []
    for step in lesson.steps or []:
        if step.block_type != "quiz":
            continue
        mode = step.value["mode"]
        allowed = step.value["attempts"] if mode == TEST else None
        for child in step.value["questions"]:
            if child.block_type in QUESTION_TYPES:
                questions.append(
                    QuestionRef(
                        str(child.id),
                        child.block_type,
                        child.value,
                        mode,
                        allowed,
                        str(lesson.translation_key),
                    )
                )
    return questions


class InvalidAnswer(ValueError):
    """The form did not say a valid answer (nothing chosen, unknown option, several for one)."""


def clean_choice(question, chosen):
    valid = {str(option_id) for option_id, *_rest in question.options()}
    chosen = sorted({str(c) for c in chosen})
    if not chosen:
        raise InvalidAnswer(_("Choose an answer first."))
    if not set(chosen) <= valid:
        raise InvalidAnswer(
            _(
                "That answer is not one of the options; the question may have changed. Please answer again."
            )
        )
    if len(chosen) > 1 and not question.multiple:
        raise InvalidAnswer(_("Choose one answer."))
    return chosen


def is_correct(question, chosen):
    right = {str(option_id) for option_id, _text, correct, _f in question.options() if correct}
    return set(chosen) == right


@dataclass
class AttemptSummary:
    """What a page needs of a learner's answers to one question: how many, whether any was
    right, and the last one in full (chosen, correct, asked). Never the whole history, which
    for a practice question is unlimited."""

    used: int = 0
    any_correct: bool = False
    last: dict | None = None

    def add(self, attempt):
        self.used += 1
        self.any_correct = self.any_correct or attempt["correct"]
        self.last = attempt


@dataclass
class QuestionState:
    """What the learner sees of one question: their last answer, its feedback, what is left."""

    question: QuestionRef
    summary: AttemptSummary = field(default_factory=AttemptSummary)

    @property
    def last(self):
        return self.summary.last

    @property
    def used(self):
        return self.summary.used

    @property
    def answered_correctly(self):
        return self.summary.any_correct

    @property
    def attempts_left(self):
        if self.question.attempts_allowed is None:
            return None
        return max(0, self.question.attempts_allowed - self.used)

    @property
    def settled(self):
        """No more answers are taken: right, or a test question out of attempts."""
        if self.question.mode == PRACTICE:
            return False
        return self.answered_correctly or self.attempts_left == 0

    @property
    def can_answer(self):
        return not self.settled

    @property
    def show_explanation(self):
        last = self.last
        return bool(last) and (last["correct"] or self.settled)

    @property
    def reveal_answer(self):
        """The right answer is shown only once a test question is out of attempts."""
        return self.question.mode == TEST and self.settled and not self.answered_correctly

    def feedback(self):
        """[(option text, feedback, was it right)] for the options chosen in the last attempt."""
        last = self.last
        if not last:
            return []
        options = {o["id"]: o for o in last["asked"].get("options", [])}
        return [
            (options[c]["text"], options[c]["feedback"], options[c]["correct"])
            for c in last["chosen"]
            if c in options
        ]

    def right_answers(self):
        last = self.last
        if not last:
            return []
        return [o["text"] for o in last["asked"].get("options", []) if o["correct"]]

    def explanation(self):
        last = self.last
        return last["asked"].get("explanation", "") if last else ""
