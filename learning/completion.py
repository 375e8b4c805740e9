"""A module's completion: recorded once, with its certificate issued automatically."""

from django.utils import timezone

from certificates.services import issue_certificate, valid_certificate

from .records import ModuleProgress

CERTIFICATE_KIND = "learning.module"


def transcript(module, status):
    return {
        "summary": module.summary,
        "objectives": [str(block.value) for block in module.learning_objectives],
        "items": [{"title": lesson.title} for lesson in status.lessons if status.is_done(lesson)],
        "score": str(status.score) if status.score is not None else None,
    }


def record_completion(user, module, status, language):
    """Mark the module completed for `user` and issue the certificate; returns it (or None).

    Safe to call on every answer: a learner who already completed keeps their first date, and
    `issue_certificate` returns the valid certificate they already hold.
    """
    if not status.complete:
        return None
    module_key = module.translation_key
    progress, _created = ModuleProgress.objects.get_or_create(
        user=user,
        module_key=module_key,
        defaults={"language": language, "last_seen_at": timezone.now()},
    )
    if progress.completed_at is None:
        progress.completed_at = timezone.now()
        progress.score = status.score
        progress.save(update_fields=["completed_at", "score"])
    existing = valid_certificate(user, CERTIFICATE_KIND, str(module_key))
    if existing is not None:
        return existing
    rule = status.rule
    return issue_certificate(
        user,
        kind=CERTIFICATE_KIND,
        achievement_key=str(module_key),
        title=module.title,
        language=language,
        score=status.score,
        transcript=transcript(module, status),
        achievement_url=module.full_url or "",
        design=rule.certificate_design if rule.pk else None,
    )


def complete_merged_modules(user, request):
    """After progress moved from the session: record completions it finishes."""
    from django.utils.translation import get_language

    from .progress import DbTracker, module_status
    from .records import ModuleProgress
    from .views import modules_by_key

    keys = [
        str(k)
        for k in ModuleProgress.objects.filter(user=user, completed_at__isnull=True).values_list(
            "module_key", flat=True
        )
    ]
    tracker = DbTracker(user)
    for module in modules_by_key(keys).values():
        status = module_status(module, module.lessons(request), tracker)
        record_completion(user, module, status, get_language())
