"""Learner records: what each learner did in a module. Imported by learning.models.

They live in `learning` rather than an app of their own because they are the learning domain's
own state: the lesson page renders them (progress, feedback, "Resume"), the module's completion
rule reads them, and nothing outside learning needs them. A separate app would need hooks in
every lesson request for no gain in independence.

Records are keyed by the module's and lesson's `translation_key` and by the question's block
id, which are the same in every language, so a learner who switches from English to French
keeps their progress, and the course team counts one question once. Every row belongs to a user
(CASCADE: deleting an account deletes its records). Visitors without an account keep the same
information in their session (learning.progress) until they sign up.

They are never pages: nothing here reaches search, feeds, the API or the sitemap, and only the
course team (permission `learning.view_learner_records`) sees them in the admin.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

USER = settings.AUTH_USER_MODEL


class ModuleProgress(models.Model):
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="module_progress")
    module_key = models.UUIDField(_("module"), db_index=True)
    language = models.CharField(_("language"), max_length=12)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    last_seen_at = models.DateTimeField(_("last seen"))
    last_lesson_key = models.UUIDField(_("last lesson"), null=True, blank=True)
    # The translation keys of the lessons marked complete, in the order they were. Kept here
    # rather than a row per lesson so that a page reads a learner's whole module in one query.
    lessons_done = models.JSONField(_("lessons completed"), default=list, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    score = models.DecimalField(_("test score (%)"), max_digits=5, decimal_places=2, null=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("module progress")
        verbose_name_plural = _("module progress")
        constraints = [
            models.UniqueConstraint(fields=["user", "module_key"], name="one_progress_per_module")
        ]
        permissions = [("view_learner_records", "Can see learners' progress, answers and ratings")]

    def __str__(self):
        return f"{self.user_id}: {self.module_key}"


class QuestionAttempt(models.Model):
    """One answer to one question, with the question as it was asked.

    `asked` keeps the question's text, options and which were right at the time, so an editor
    changing the question later (or its translation) never changes what this attempt meant.
    """

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="question_attempts")
    module_key = models.UUIDField(_("module"), db_index=True)
    lesson_key = models.UUIDField(_("lesson"))
    question_id = models.CharField(_("question"), max_length=64, db_index=True)
    mode = models.CharField(_("kind"), max_length=10)
    number = models.PositiveSmallIntegerField(_("attempt"))
    chosen = models.JSONField(_("answer"))
    correct = models.BooleanField(_("correct"))
    language = models.CharField(_("language"), max_length=12)
    asked = models.JSONField(_("question as asked"))
    created_at = models.DateTimeField(_("answered"), auto_now_add=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "question_id", "number"], name="one_row_per_attempt"
            )
        ]

    def __str__(self):
        return f"{self.user_id}: {self.question_id} #{self.number}"


class ModuleRating(models.Model):
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="module_ratings")
    module_key = models.UUIDField(_("module"), db_index=True)
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    what_worked = models.TextField(_("what worked"), blank=True, max_length=2000)
    what_was_missing = models.TextField(_("what was missing"), blank=True, max_length=2000)
    language = models.CharField(_("language"), max_length=12)
    updated_at = models.DateTimeField(_("rated"), auto_now=True)

    class Meta:
        verbose_name = _("module rating")
        constraints = [
            models.UniqueConstraint(fields=["user", "module_key"], name="one_rating_per_module")
        ]

    def __str__(self):
        return f"{self.user_id}: {self.module_key} ({self.rating})"


class CompletionRule(models.Model):
    """When a module counts as completed. Edited by the course team, not through page review.

    Attached to the module in its source language; its translations follow the same rule.
    """

    module = models.OneToOneField(
        "learning.ELearningModulePage",
        on_delete=models.CASCADE,
        related_name="completion_rule",
        verbose_name=_("module"),
    )
    lessons_percent = models.PositiveSmallIntegerField(
        _("lessons completed (%)"),
        default=90,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    test_score_percent = models.PositiveSmallIntegerField(
        _("average test score (%)"),
        default=70,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Over every test question of the module; unanswered questions count as 0."),
    )
    require_all_tests = models.BooleanField(_("all test questions answered"), default=False)
    certificate_design = models.ForeignKey(
        "certificates.CertificateDesign",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("certificate design"),
        help_text=_("Empty: the default design."),
    )

    class Meta:
        verbose_name = _("completion rule")
        verbose_name_plural = _("completion rules")

    def __str__(self):
        return str(self.module)


class ReminderOptOut(models.Model):
    """A learner who asked, in one click, for no more reminder e-mails."""

    user = models.OneToOneField(USER, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return str(self.user_id)
