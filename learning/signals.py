"""Carrying a visitor's progress over into their account, and their data out of it."""

from django.contrib.auth.signals import user_logged_in

from accounts.signals import account_activated, account_created

from .progress import SESSION_KEY, merge_session
from .records import LessonCompletion, ModuleProgress, ModuleRating, QuestionAttempt


def carry_over(sender, user, request, **kwargs):
    """Sign-up or sign-in: move what the visitor did in this browser into the account, then
    issue any certificate it completes (only for an active account: it needs its owner)."""
    if request is None or not hasattr(request, "session") or SESSION_KEY not in request.session:
        return
    merge_session(user, request.session)
    if user.is_active:
        from .completion import complete_merged_modules

        complete_merged_modules(user, request)


def complete_on_activation(sender, user, request, **kwargs):
    """The address is confirmed: progress carried over at sign-up may complete modules."""
    from .completion import complete_merged_modules

    complete_merged_modules(user, request)


def connect():
    account_created.connect(carry_over, dispatch_uid="learning.carry_over.created")
    account_activated.connect(complete_on_activation, dispatch_uid="learning.complete.activated")
    user_logged_in.connect(carry_over, dispatch_uid="learning.carry_over.logged_in")


def export_learning(user):
    return {
        "modules": [
            {
                "module": str(p.module_key),
                "language": p.language,
                "started": p.started_at,
                "last_seen": p.last_seen_at,
                "completed": p.completed_at,
                "score": str(p.score) if p.score is not None else None,
            }
            for p in ModuleProgress.objects.filter(user=user)
        ],
        "lessons_completed": list(
            LessonCompletion.objects.filter(user=user).values(
                "module_key", "lesson_key", "language", "completed_at"
            )
        ),
        "answers": list(
            QuestionAttempt.objects.filter(user=user).values(
                "question_id", "number", "chosen", "correct", "language", "asked", "created_at"
            )
        ),
        "ratings": list(
            ModuleRating.objects.filter(user=user).values(
                "module_key", "rating", "what_worked", "what_was_missing", "updated_at"
            )
        ),
    }
