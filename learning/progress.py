"""Where a learner is in a module: lessons done, answers given, score, completion.

Two trackers keep the same information: `DbTracker` in the learner records for signed-in
learners, `SessionTracker` in the session for visitors. The session's is moved into the
records when the visitor signs up or signs in (`merge_session`), so nothing done before is
lost. All keys are strings of translation keys and block ids, the same in every language.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, Subquery
from django.utils import timezone

from .blocks import TEST
from .quiz import AttemptSummary, QuestionState, lesson_questions
from .records import CompletionRule, ModuleProgress, QuestionAttempt

SESSION_KEY = "learning"


class DbTracker:
    def __init__(self, user):
        self.user = user
        self._progress = {}

    def progress(self, module_key):
        """The learner's ModuleProgress row for a module (None before they start), read once
        per request together with their certificate's number and their rating, so a module
        page needs a single query for all of them."""
        from certificates.models import Certificate

        from .records import ModuleRating

        module_key = str(module_key)
        if module_key not in self._progress:
            rating = ModuleRating.objects.filter(
                user=OuterRef("user"), module_key=OuterRef("module_key")
            )
            self._progress[module_key] = (
                ModuleProgress.objects.filter(user=self.user, module_key=module_key)
                .annotate(
                    certificate_uuid=Subquery(
                        Certificate.objects.filter(
                            holder=OuterRef("user"),
                            kind="learning.module",
                            achievement_key=module_key,
                            revoked_at__isnull=True,
                        ).values("uuid")[:1]
                    ),
                    my_rating=Subquery(rating.values("rating")[:1]),
                    my_what_worked=Subquery(rating.values("what_worked")[:1]),
                    my_what_was_missing=Subquery(rating.values("what_was_missing")[:1]),
                )
                .first()
            )
        return self._progress[module_key]

    def completed(self, module_key):
        progress = self.progress(module_key)
        return set(progress.lessons_done) if progress else set()

    @transaction.atomic
    def complete(self, module_key, lesson_key, language):
        self.touch(module_key, lesson_key, language)
        progress = ModuleProgress.objects.select_for_update().get(
            user=self.user, module_key=module_key
        )
        if str(lesson_key) not in progress.lessons_done:
            progress.lessons_done = [*progress.lessons_done, str(lesson_key)]
            progress.save(update_fields=["lessons_done"])
        self._progress.pop(str(module_key), None)

    def attempts(self, question_ids):
        """{question id: AttemptSummary}, in one query whatever the number of attempts: each
        question's last attempt, annotated with how many there were and whether any was right."""
        same = QuestionAttempt.objects.filter(
            user=OuterRef("user"), question_id=OuterRef("question_id")
        )
        rows = (
            QuestionAttempt.objects.filter(user=self.user, question_id__in=list(question_ids))
            .annotate(
                last_number=Subquery(same.order_by("-number").values("number")[:1]),
                any_correct=Exists(same.filter(correct=True)),
            )
            .filter(number=F("last_number"))
            .only("question_id", "number", "chosen", "correct", "asked")
        )
        found = {qid: AttemptSummary() for qid in question_ids}
        for row in rows:
            found[row.question_id] = AttemptSummary(
                used=row.number,
                any_correct=row.any_correct,
                last={
                    "chosen": row.chosen,
                    "correct": row.correct,
                    "number": row.number,
                    "asked": row.asked,
                },
            )
        return found

    def add_attempt(self, module_key, question, chosen, correct, language, asked, number):
        try:
            with transaction.atomic():
                QuestionAttempt.objects.create(
                    user=self.user,
                    module_key=module_key,
                    lesson_key=question.lesson_key,
                    question_id=question.id,
                    mode=question.mode,
                    number=number,
                    chosen=chosen,
                    correct=correct,
                    language=language,
                    asked=asked,
                )
        except IntegrityError:  # the same attempt posted twice at once: the first one counts
            return False
        return True

    def touch(self, module_key, lesson_key, language):
        self._progress.pop(str(module_key), None)
        now = timezone.now()
        updated = ModuleProgress.objects.filter(user=self.user, module_key=module_key).update(
            last_seen_at=now, last_lesson_key=lesson_key, language=language
        )
        if not updated:
            try:
                with transaction.atomic():
                    ModuleProgress.objects.create(
                        user=self.user,
                        module_key=module_key,
                        last_seen_at=now,
                        last_lesson_key=lesson_key,
                        language=language,
                    )
            except IntegrityError:
                pass

    def module_keys(self):
        """The modules the learner started, last seen first (their rows are kept for
        `completed`, so listing N modules reads them once, not N times)."""
        rows = list(ModuleProgress.objects.filter(user=self.user).order_by("-last_seen_at"))
        for row in rows:
            self._progress.setdefault(str(row.module_key), row)
        return [str(row.module_key) for row in rows]


class SessionTracker:
    """The same in the visitor's session: {"done": {module: [lessons]}, "tries": {question:
    [attempts]}, "seen": {module: {"lesson", "lang", "at"}}}."""

    def __init__(self, session):
        self.session = session

    @property
    def data(self):
        return self.session.get(SESSION_KEY) or {"done": {}, "tries": {}, "seen": {}}

    def _save(self, data):
        self.session[SESSION_KEY] = data
        self.session.modified = True

    def completed(self, module_key):
        return set(self.data["done"].get(str(module_key), []))

    def complete(self, module_key, lesson_key, language):
        data = self.data
        done = data["done"].setdefault(str(module_key), [])
        if str(lesson_key) not in done:
            done.append(str(lesson_key))
        self._save(data)

    def attempts(self, question_ids):
        tries = self.data["tries"]
        found = {}
        for qid in question_ids:
            summary = AttemptSummary()
            for attempt in tries.get(qid, []):
                summary.add(attempt)
            found[qid] = summary
        return found

    def add_attempt(self, module_key, question, chosen, correct, language, asked, number):
        data = self.data
        data["tries"].setdefault(question.id, []).append(
            {
                "chosen": chosen,
                "correct": correct,
                "number": number,
                "asked": asked,
                "module": str(module_key),
                "lesson": question.lesson_key,
                "mode": question.mode,
                "lang": language,
            }
        )
        self._save(data)
        return True

    def touch(self, module_key, lesson_key, language):
        data = self.data
        data["seen"][str(module_key)] = {
            "lesson": str(lesson_key),
            "lang": language,
            "at": timezone.now().isoformat(),
        }
        self._save(data)

    def module_keys(self):
        seen = self.data["seen"]
        return sorted(seen, key=lambda key: seen[key]["at"], reverse=True)


def tracker_for(request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return DbTracker(user)
    return SessionTracker(request.session)


@transaction.atomic
def merge_session(user, session):
    """Move a visitor's progress from the session into their account's records."""
    data = session.get(SESSION_KEY)
    if not data:
        return []
    tracker = DbTracker(user)
    for module_key, lessons in data.get("done", {}).items():
        language = data.get("seen", {}).get(module_key, {}).get("lang", "en")
        for lesson_key in lessons:
            tracker.complete(module_key, lesson_key, language)
    for question_id, tries in data.get("tries", {}).items():
        existing = QuestionAttempt.objects.filter(user=user, question_id=question_id).count()
        for offset, attempt in enumerate(tries, start=1):
            QuestionAttempt.objects.get_or_create(
                user=user,
                question_id=question_id,
                number=existing + offset,
                defaults={
                    "module_key": attempt["module"],
                    "lesson_key": attempt["lesson"],
                    "mode": attempt["mode"],
                    "chosen": attempt["chosen"],
                    "correct": attempt["correct"],
                    "language": attempt["lang"],
                    "asked": attempt["asked"],
                },
            )
    for module_key, seen in data.get("seen", {}).items():
        tracker.touch(module_key, seen["lesson"], seen["lang"])
    del session[SESSION_KEY]
    return list(data.get("seen", {}))


# Module status ---------------------------------------------------------------------------


DEFAULT_RULE = CompletionRule(lessons_percent=90, test_score_percent=70, require_all_tests=False)


def rule_cache_key(module_key):
    return f"learning:rule:{module_key}"


def rule_for(module):
    """The module's completion rule (kept on its source page), or the defaults.

    Cached, as every page of the module reads it; saving or deleting a rule clears it
    (learning.signals). With a per-process cache, other processes see a change within
    the minute.
    """

    def build():
        return (
            CompletionRule.objects.filter(module__translation_key=module.translation_key)
            .select_related("certificate_design")
            .first()
        ) or False

    rule = cache.get_or_set(rule_cache_key(module.translation_key), build, 60)
    return rule or DEFAULT_RULE


def percent(part, whole):
    if not whole:
        return Decimal("100")
    value = Decimal(part) * 100 / Decimal(whole)
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass
class ModuleStatus:
    lessons: list
    done: set
    test_questions: list
    correct: set
    answered: set
    rule: CompletionRule

    @property
    def lesson_count(self):
        return len(self.lessons)

    @property
    def done_count(self):
        return sum(1 for lesson in self.lessons if str(lesson.translation_key) in self.done)

    @property
    def lessons_percent(self):
        return percent(self.done_count, self.lesson_count)

    @property
    def has_tests(self):
        return bool(self.test_questions)

    @property
    def score(self):
        """Average test score over every test question (unanswered count as 0), or None."""
        if not self.test_questions:
            return None
        return percent(len(self.correct & set(self.test_questions)), len(self.test_questions))

    @property
    def all_tests_answered(self):
        return set(self.test_questions) <= self.answered

    @property
    def started(self):
        return bool(self.done or self.answered)

    @property
    def complete(self):
        if not self.lessons:
            return False
        if self.lessons_percent < self.rule.lessons_percent:
            return False
        if self.has_tests and self.score < self.rule.test_score_percent:
            return False
        return not (self.rule.require_all_tests and not self.all_tests_answered)

    @property
    def resume_lesson(self):
        """The first lesson not done (None when every lesson is done)."""
        return next(
            (lesson for lesson in self.lessons if str(lesson.translation_key) not in self.done),
            None,
        )

    def is_done(self, lesson):
        return str(lesson.translation_key) in self.done


def module_status(module, lessons, tracker, rule=None):
    """The learner's status in `module`, whose visible lessons (with steps) are `lessons`."""
    module_key = str(module.translation_key)
    test_ids = [q.id for lesson in lessons for q in lesson_questions(lesson) if q.mode == TEST]
    attempts = tracker.attempts(test_ids) if test_ids else {}
    return ModuleStatus(
        lessons=list(lessons),
        done=tracker.completed(module_key),
        test_questions=test_ids,
        correct={qid for qid, summary in attempts.items() if summary.any_correct},
        answered={qid for qid, summary in attempts.items() if summary.used},
        rule=rule or rule_for(module),
    )


def question_states(lesson, tracker):
    questions = lesson_questions(lesson)
    if not questions:
        return {}
    attempts = tracker.attempts([q.id for q in questions])
    return {q.id: QuestionState(q, attempts.get(q.id) or AttemptSummary()) for q in questions}
