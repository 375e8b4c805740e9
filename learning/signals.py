"""Carrying a visitor's progress over into their account, and their data out of it."""

from django.contrib.auth.signals import user_logged_in

from accounts.signals import account_activated, account_created

from .progress import SESSION_KEY, merge_session
from .records import ModuleProgress, ModuleRating, QuestionAttempt


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


def forget_rule(sender, instance, **kwargs):
    from django.core.cache import cache

    from .progress import rule_cache_key

    cache.delete(rule_cache_key(instance.module.translation_key))


def forget_ratings(sender, instance, **kwargs):
    from django.core.cache import cache

    from .learner import rating_cache_key

    cache.delete(rating_cache_key(instance.module_key))


def connect():
    from django.db.models.signals import post_delete, post_save

    from .records import CompletionRule

    for signal in (post_save, post_delete):
        signal.connect(forget_rule, sender=CompletionRule, dispatch_uid=f"learning.rule.{signal}")
        signal.connect(
            forget_ratings, sender=ModuleRating, dispatch_uid=f"learning.rating.{signal}"
        )
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
                "lessons_completed": p.lessons_done,
            }
            for p in ModuleProgress.objects.filter(user=user)
        ],
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
