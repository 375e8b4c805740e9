"""A module with knowledge checks on top of the shared test tree (tests.tree.build_site)."""

from tests import factories as f


def option(oid, text, correct=False, feedback=""):
    return {
        "type": "item",
        "id": oid,
        "value": {"text": text, "correct": correct, "feedback": feedback},
    }


def choice(qid, question, options, kind="single_choice", explanation="<p>Because.</p>"):
    return {
        "type": kind,
        "id": qid,
        "value": {"question": question, "options": options, "explanation": explanation},
    }


def true_false(qid, statement, answer, feedback_true="", feedback_false=""):
    return {
        "type": "true_false",
        "id": qid,
        "value": {
            "statement": statement,
            "answer": answer,
            "feedback_true": feedback_true,
            "feedback_false": feedback_false,
            "explanation": "<p>Explained.</p>",
        },
    }


def quiz(qid, mode, questions, attempts=2, title=""):
    return {
        "type": "quiz",
        "id": qid,
        "value": {"title": title, "mode": mode, "attempts": attempts, "questions": questions},
    }


PRACTICE = quiz(
    "00000000-0000-4000-8000-0000000000a1",
    "practice",
    [
        choice(
            "11111111-1111-4111-8111-111111111111",
            "Who should be asked first where a child will live?",
            [
                option("a1", "The child", True, "Yes: the child's own views come first."),
                option("a2", "The police", False, "They may help, but they are not asked first."),
            ],
        )
    ],
    title="Check your understanding",
)

TEST = quiz(
    "00000000-0000-4000-8000-0000000000b1",
    "test",
    [
        choice(
            "22222222-2222-4222-8222-222222222222",
            "Which of these are forms of alternative care?",
            [
                option("b1", "Kinship care", True, "Right: relatives caring for the child."),
                option("b2", "Foster care", True, "Right."),
                option("b3", "Detention", False, "Detention is never care."),
            ],
            kind="multiple_choice",
        ),
        true_false(
            "33333333-3333-4333-8333-333333333333",
            "Unaccompanied children may be detained for their protection.",
            False,
            feedback_true="No: detention harms children.",
            feedback_false="Right: detention is never in a child's best interests.",
        ),
    ],
    attempts=2,
    title="Module test",
)


def build_module(t, title="Caring for children moving alone", slug="moving-alone"):
    """A module of three lessons: text, a practice quiz, a test."""
    module = f.ELearningModulePageFactory(
        parent=t.learning_index,
        title=title,
        slug=slug,
        summary="Three short lessons.",
        learning_objectives=[{"type": "objective", "value": "Ask the child first"}],
    )
    lessons = [
        f.LessonPageFactory(
            parent=module,
            title="Why children move",
            slug="why",
            steps=[{"type": "text", "value": "<p>Many reasons.</p>"}],
        ),
        f.LessonPageFactory(parent=module, title="Practice", slug="practice", steps=[PRACTICE]),
        f.LessonPageFactory(parent=module, title="Test", slug="test", steps=[TEST]),
    ]
    return module, lessons
