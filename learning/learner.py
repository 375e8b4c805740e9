"""What module and lesson pages show of the learner: progress, answers, rating, certificate.

Kept out of the page models so that learning.models stays about content; the pages call
`module_context` and `lesson_context` from get_context.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Avg, Count

from .progress import module_status, question_states, tracker_for
from .records import ModuleRating


def rating_cache_key(module_key):
    return f"learning:ratings:{module_key}"


def rating_summary(module):
    """The average rating and count, or None until there are enough ratings to mean something.

    Cached (the same for every visitor; a new rating clears it, see learning.signals), so the
    module page spends no query on it.
    """

    def build():
        summary = ModuleRating.objects.filter(module_key=module.translation_key).aggregate(
            average=Avg("rating"), count=Count("pk")
        )
        if summary["count"] < getattr(settings, "LEARNING_RATINGS_SHOWN_FROM", 5):
            return {}
        return {"average": round(summary["average"], 1), "count": summary["count"]}

    return cache.get_or_set(rating_cache_key(module.translation_key), build, 3600) or None


def module_context(module, lessons, request):
    tracker = tracker_for(request)
    status = module_status(module, lessons, tracker)
    context = {"status": status, "rating_summary": rating_summary(module)}
    if "learning_rating_draft" in request.session:  # what was typed before a form error
        context["rating_draft"] = request.session.pop("learning_rating_draft")
    progress = tracker.progress(module.translation_key) if hasattr(tracker, "progress") else None
    if progress is not None:  # read with the progress, in the same query
        context["certificate_uuid"] = progress.certificate_uuid
        if progress.my_rating:
            context["my_rating"] = {
                "rating": progress.my_rating,
                "what_worked": progress.my_what_worked,
                "what_was_missing": progress.my_what_was_missing,
            }
    return context


def lesson_context(lesson, module, request):
    tracker = tracker_for(request)
    done = tracker.completed(str(module.translation_key))
    return {
        "done_lessons": done,
        "lesson_done": str(lesson.translation_key) in done,
        "quiz_states": question_states(lesson, tracker),
    }
