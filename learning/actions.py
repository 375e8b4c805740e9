"""What a lesson page does with a POST: mark the lesson complete, or mark an answer.

Plain form posts that work without JavaScript: the answer is marked, stored, and the visitor
is redirected back to the question (post/redirect/get), where the feedback is rendered from
the stored attempt. With JavaScript (static/js/quiz.js) the same POST asks for JSON and gets
the question's new HTML, so the page need not reload.
"""

from django.contrib import messages
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .completion import record_completion
from .progress import module_status, question_states, tracker_for
from .quiz import InvalidAnswer, clean_choice, is_correct


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def handle_post(lesson, request):
    action = request.POST.get("action")
    module = lesson.get_parent().specific
    tracker = tracker_for(request)
    language = get_language()
    module_key = str(module.translation_key)
    lesson_key = str(lesson.translation_key)
    if action == "complete":
        tracker.complete(module_key, lesson_key, language)
        tracker.touch(module_key, lesson_key, language)
        certificate = _check_completion(request, module, tracker, language)
        if certificate is None:
            messages.success(request, _("Lesson marked as complete."))
        following = _next_lesson(module, lesson, request)
        return redirect(following.url if following else module.url)
    if action == "answer":
        return _answer(request, lesson, module, tracker, language)
    return HttpResponseBadRequest(_("Unknown action."))


def _next_lesson(module, lesson, request):
    lessons = module.lessons(
        request, fields=("id", "url_path", "path", "depth", "locale", "translation_key", "title")
    )
    keys = [str(item.translation_key) for item in lessons]
    try:
        index = keys.index(str(lesson.translation_key))
    except ValueError:
        return None
    return lessons[index + 1] if index + 1 < len(lessons) else None


def _check_completion(request, module, tracker, language):
    status = module_status(module, module.lessons(request), tracker)
    if not status.complete:
        return None
    if not request.user.is_authenticated:
        if not request.session.get("learning_completed_notice", {}).get(
            str(module.translation_key)
        ):
            messages.success(
                request,
                _(
                    "You have completed this module. Create an account to keep your progress and receive your certificate."
                ),
            )
            notices = request.session.get("learning_completed_notice", {})
            notices[str(module.translation_key)] = True
            request.session["learning_completed_notice"] = notices
        return None
    had_certificate = request.user.certificates.filter(
        kind="learning.module", achievement_key=str(module.translation_key), revoked_at__isnull=True
    ).exists()
    certificate = record_completion(request.user, module, status, language)
    if certificate is not None and not had_certificate:
        messages.success(
            request,
            _(
                "You have completed this module. Your certificate is ready on the module page and in My learning."
            ),
        )
    return certificate


def _answer(request, lesson, module, tracker, language):
    states = question_states(lesson, tracker)
    question_id = request.POST.get("question", "")
    state = states.get(question_id)
    anchor = f"{lesson.url}#q-{question_id}"
    if state is None:
        return _reply(
            request, lesson, None, anchor, _("This question is no longer part of the lesson."), 400
        )
    if not state.can_answer:
        return _reply(request, lesson, state, anchor, _("This question is already settled."), 409)
    try:
        chosen = clean_choice(state.question, request.POST.getlist("choice"))
    except InvalidAnswer as error:
        return _reply(request, lesson, state, anchor, str(error), 400)
    correct = is_correct(state.question, chosen)
    asked = state.question.snapshot(language)
    module_key = str(module.translation_key)
    if tracker.add_attempt(
        module_key, state.question, chosen, correct, language, asked, state.used + 1
    ):
        state.summary.add(
            {"chosen": chosen, "correct": correct, "number": state.used + 1, "asked": asked}
        )
    tracker.touch(module_key, str(lesson.translation_key), language)
    if state.question.mode == "test":
        _check_completion(request, module, tracker, language)
    return _reply(request, lesson, state, anchor)


def _reply(request, lesson, state, anchor, error=None, status=200):
    if wants_json(request):
        html = ""
        if state is not None:
            html = render_to_string(
                "learning/includes/question.html",
                {"state": state, "page": lesson, "error": error, "fragment": True},
                request=request,
            )
        return JsonResponse({"html": html, "error": error}, status=status)
    if error:
        messages.error(request, error)
    return redirect(anchor)
