"""The learner's own pages outside the page tree: My learning, rating a module, Resume links
from reminder e-mails and the one-click unsubscribe from reminders."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from core.request_cache import active_locale_id

from .models import ELearningModulePage
from .progress import module_status, tracker_for
from .records import ModuleRating, ReminderOptOut
from .reminders import read_unsubscribe_token


def modules_by_key(keys):
    """Live modules for these translation keys, in the visitor's language where translated."""
    pages = ELearningModulePage.objects.live().public().filter(translation_key__in=keys)
    active = active_locale_id()  # known to the request already: no query
    chosen = {}
    for page in pages.select_related("locale"):
        key = str(page.translation_key)
        if key not in chosen or page.locale_id == active:
            chosen[key] = page
    return chosen


@never_cache
def my_learning(request):
    tracker = tracker_for(request)
    keys = tracker.module_keys()
    found = modules_by_key(keys)
    in_progress, completed = [], []
    for key in keys:
        module = found.get(key)
        if module is None:
            continue
        status = module_status(module, module.lessons(request), tracker)
        (completed if status.complete else in_progress).append((module, status))
    certificates = []
    if request.user.is_authenticated:
        certificates = list(request.user.certificates.filter(revoked_at__isnull=True))
    return render(
        request,
        "learning/my_learning.html",
        {"in_progress": in_progress, "completed": completed, "certificates": certificates},
    )


@require_POST
def rate(request, module_id):
    module = get_object_or_404(ELearningModulePage.objects.live().public(), pk=module_id)
    if not request.user.is_authenticated:
        return redirect(f"{module.url}#feedback")
    data = {
        "what_worked": request.POST.get("what_worked", "").strip()[:2000],
        "what_was_missing": request.POST.get("what_was_missing", "").strip()[:2000],
    }
    try:
        rating = int(request.POST.get("rating", ""))
    except ValueError:
        rating = 0
    if not 1 <= rating <= 5:
        request.session["learning_rating_draft"] = data
        messages.error(request, _("Choose a rating from 1 to 5; your comments are kept below."))
        return redirect(f"{module.url}#feedback")
    ModuleRating.objects.update_or_create(
        user=request.user,
        module_key=module.translation_key,
        defaults={**data, "rating": rating, "language": get_language()},
    )
    messages.success(request, _("Thank you: the course team will read your rating."))
    return redirect(f"{module.url}#feedback")


@never_cache
def resume(request, module_key):
    module = modules_by_key([str(module_key)]).get(str(module_key))
    if module is None:
        raise Http404
    status = module_status(module, module.lessons(request), tracker_for(request))
    lesson = status.resume_lesson
    return redirect(lesson.url if lesson is not None else module.url)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """One click (RFC 8058 POST from the mail program, or the button here) stops reminders."""
    user = read_unsubscribe_token(token)
    if user is None:
        return render(request, "learning/unsubscribe_invalid.html", status=400)
    if request.method == "GET":
        return render(request, "learning/unsubscribe.html", {"email": user.email})
    ReminderOptOut.objects.get_or_create(user=user)
    return render(request, "learning/unsubscribed.html", {"email": user.email})
