"""What module and lesson pages show of the learner: progress, answers, rating, certificate.

Kept out of the page models so that learning.models stays about content; the pages call
`module_context` and `lesson_context` from get_context.
"""

from django.conf import settings
from django.db.models import Avg, Count

from .progress import module_status, question_states, tracker_for
from .records import ModuleRating


def rating_summary(module):
    """The average rating and count, or None until there are enough ratings to mean something."""
    summary = ModuleRating.objects.filter(module_key=module.translation_key).aggregate(
        average=Avg("rating"), count=Count("pk")
    )
    if summary["count"] < getattr(settings, "LEARNING_RATINGS_SHOWN_FROM", 5):
        return None
    return {"average": round(summary["average"], 1), "count": summary["count"]}


def module_context(module, lessons, request):
    tracker = tracker_for(request)
    status = module_status(module, lessons, tracker)
    context = {"status": status, "rating_summary": rating_summary(module)}
    if "learning_rating_draft" in request.session:  # what was typed before a form error
        context["rating_draft"] = request.session.pop("learning_rating_draft")
    user = request.user
    if user.is_authenticated:
        context["certificate"] = user.certificates.filter(
            kind="learning.module",
            achievement_key=str(module.translation_key),
            revoked_at__isnull=True,
        ).first()
        context["my_rating"] = ModuleRating.objects.filter(
            user=user, module_key=module.translation_key
        ).first()
    return context


def lesson_context(lesson, module, request):
    tracker = tracker_for(request)
    done = tracker.completed(str(module.translation_key))
    return {
        "done_lessons": done,
        "lesson_done": str(lesson.translation_key) in done,
        "quiz_states": question_states(lesson, tracker),
    }
