"""The course team's figures: per module and per language, from the learner records.

Learners are counted in the language they last used in the module. Nothing here names a
learner: the team sees counts, rates, scores, questions, lessons, ratings and comments.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Avg, Count, Q
from wagtail.models import Locale

from .models import ELearningModulePage
from .progress import percent
from .quiz import lesson_questions
from .records import ModuleProgress, ModuleRating, QuestionAttempt


def source_modules():
    """Each module once, in the default language where it exists."""
    modules = {}
    default = Locale.get_default().pk
    for page in ELearningModulePage.objects.all().order_by("title"):
        key = str(page.translation_key)
        if key not in modules or page.locale_id == default:
            modules[key] = page
    return sorted(modules.values(), key=lambda page: page.title.lower())


def module_lessons(module):
    from .models import LessonPage

    return list(LessonPage.objects.child_of(module).order_by("path"))


@dataclass
class ModuleFigures:
    module: object
    language: str
    started: int = 0
    completed: int = 0
    average_score: object = None
    rating_average: object = None
    rating_count: int = 0
    questions: list = field(default_factory=list)
    lessons: list = field(default_factory=list)
    comments: list = field(default_factory=list)

    @property
    def completion_rate(self):
        return percent(self.completed, self.started) if self.started else None


def _learners(module, language):
    progress = ModuleProgress.objects.filter(module_key=module.translation_key)
    if language:
        progress = progress.filter(language=language)
    return progress


def summary(module, language=""):
    progress = _learners(module, language)
    counts = progress.aggregate(
        started=Count("pk"),
        completed=Count("pk", filter=Q(completed_at__isnull=False)),
        score=Avg("score", filter=Q(completed_at__isnull=False)),
    )
    ratings = ModuleRating.objects.filter(module_key=module.translation_key)
    if language:
        ratings = ratings.filter(language=language)
    rating = ratings.aggregate(average=Avg("rating"), count=Count("pk"))
    return ModuleFigures(
        module=module,
        language=language,
        started=counts["started"],
        completed=counts["completed"],
        average_score=round(counts["score"], 1) if counts["score"] is not None else None,
        rating_average=round(rating["average"], 1) if rating["average"] is not None else None,
        rating_count=rating["count"],
    )


def overview():
    """One row per module and language with learners (plus the module's total)."""
    rows = []
    for module in source_modules():
        languages = sorted(
            set(
                ModuleProgress.objects.filter(module_key=module.translation_key).values_list(
                    "language", flat=True
                )
            )
        )
        rows.append(summary(module))
        rows += [summary(module, language) for language in languages]
    return rows


def details(module, language=""):
    figures = summary(module, language)
    users = _learners(module, language).values("user_id")
    lessons = module_lessons(module)
    texts = {q.id: q.text for lesson in lessons for q in lesson_questions(lesson)}
    attempts = QuestionAttempt.objects.filter(module_key=module.translation_key, user_id__in=users)
    stats = attempts.values("question_id", "mode").annotate(
        answers=Count("pk"), wrong=Count("pk", filter=Q(correct=False))
    )
    figures.questions = sorted(
        (
            {
                "question": texts.get(row["question_id"]) or _asked_text(row["question_id"]),
                "mode": row["mode"],
                "answers": row["answers"],
                "wrong": row["wrong"],
                "wrong_rate": percent(row["wrong"], row["answers"]),
            }
            for row in stats
        ),
        key=lambda row: (-row["wrong_rate"], -row["answers"]),
    )
    done = Counter(
        key
        for lessons_done in _learners(module, language).values_list("lessons_done", flat=True)
        for key in lessons_done
    )
    stopped = Counter(
        str(key)
        for key in _learners(module, language)
        .filter(completed_at__isnull=True)
        .values_list("last_lesson_key", flat=True)
    )
    figures.lessons = [
        {
            "lesson": lesson.title,
            "completed": done[str(lesson.translation_key)],
            "stopped_here": stopped[str(lesson.translation_key)],
        }
        for lesson in lessons
    ]
    ratings = ModuleRating.objects.filter(module_key=module.translation_key)
    if language:
        ratings = ratings.filter(language=language)
    figures.comments = list(
        ratings.exclude(what_worked="", what_was_missing="")
        .order_by("-updated_at")
        .values("rating", "what_worked", "what_was_missing", "language", "updated_at")
    )
    return figures


def _asked_text(question_id):
    """A question no longer in the lesson: its text as last asked."""
    attempt = QuestionAttempt.objects.filter(question_id=question_id).order_by("-pk").first()
    return attempt.asked.get("text", question_id) if attempt else question_id


def language_name(code):
    return dict(settings.LANGUAGES).get(code, code) if code else ""
