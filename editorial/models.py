"""Editorial data: peer review as a workflow task, and the reminders already sent.

The review fields every public page carries (content owner, review date, last review) are
`core.reviewable.ReviewableMixin`, mixed into `core.pages.BasePage`; this app decides what is
done with them (`freshness`, `reminders`, the reports and the dashboard).
"""

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Page, TaskState


def page_content_types():
    """Limit a task's page-type choices to page models (evaluated when a form is built)."""
    from wagtail.models import get_page_content_types

    return {"pk__in": get_page_content_types(include_base_page_type=False).values("pk")}


class PeerReviewTask(AbstractGroupApprovalTask):
    """Outside experts approve or reject, but only for the page types chosen on the task.

    Wagtail assigns a workflow to a page and its subtree, not to page types, while peer review
    is wanted for case studies and resource kits only. Kits share the resource library with
    ordinary resources, so assigning a separate workflow to a subtree cannot single them out.
    Instead, the "Peer review and approval" workflow is assigned to the case-study index and the
    resource library (in every locale), and this task records itself as skipped for any other
    page type, so the workflow moves straight on to the Reviewers. Administrators can change the
    types on the task's edit form without a deployment.

    Peer reviewers have no page permissions: during their step Wagtail lets them open the editor
    (to see the draft), but the page stays locked to them, so they comment through "Approve with
    comment" and "Request changes" rather than by editing.
    """

    page_types = models.ManyToManyField(
        ContentType,
        blank=True,
        related_name="+",
        limit_choices_to=page_content_types,
        verbose_name=_("page types"),
        help_text=_("Pages of other types skip this step."),
    )

    admin_form_fields = AbstractGroupApprovalTask.admin_form_fields + ["page_types"]
    admin_form_widgets = {
        **AbstractGroupApprovalTask.admin_form_widgets,
        "page_types": forms.CheckboxSelectMultiple,
    }

    class Meta:
        verbose_name = _("peer review task")
        verbose_name_plural = _("peer review tasks")

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve pages of the chosen types; other pages "
            "skip this step"
        )

    def applies_to(self, obj):
        # A page's content_type is its specific type; other workflow objects use their model's.
        type_id = getattr(obj, "content_type_id", None) or ContentType.objects.get_for_model(obj).pk
        return self.page_types.filter(pk=type_id).exists()

    def start(self, workflow_state, user=None):
        obj = workflow_state.content_object
        if self.applies_to(obj):
            return super().start(workflow_state, user=user)
        # A skipped state counts as done (WorkflowState.successful_task_states), so the workflow
        # moves on at once; no task_submitted signal, so peer reviewers are not notified.
        return TaskState.objects.create(
            workflow_state=workflow_state,
            task=self,
            revision=obj.get_latest_revision(),
            status=TaskState.STATUS_SKIPPED,
            finished_at=timezone.now(),
            comment=_("Not needed for this page type."),
        )

    def locked_for_user(self, obj, user):
        return not user.is_superuser


class ReviewReminder(models.Model):
    """One page listed in one reminder e-mail: what stops a second run from sending it again."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    review_by = models.DateField(help_text=_("The due date the reminder was about."))
    sent_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("review reminder")
        verbose_name_plural = _("review reminders")
        indexes = [models.Index(fields=["page", "recipient", "review_by"])]

    def __str__(self):
        return f"{self.page_id} → {self.recipient_id} ({self.sent_at:%Y-%m-%d})"
