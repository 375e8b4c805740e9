"""Signal handlers: new pages inherit the editorial set-up; approval e-mails carry the comment.

Notifications are Wagtail's own: reviewers (and peer reviewers) are e-mailed when a task they
can act on starts (`task_submitted`), the submitter when the workflow is rejected, with the
comment (`workflow_rejected`), and when it is approved (`workflow_approved`). Wagtail's approval
e-mail leaves out the approver's comment and says nothing about the next review, so its notifier
is replaced by a subclass that adds both, under Wagtail's own dispatch_uid.
"""

from django.db.models.signals import post_save
from wagtail.admin.mail import WorkflowStateApprovalEmailNotifier
from wagtail.models import Page, WorkflowState
from wagtail.signals import workflow_approved

from . import roles


class ApprovalEmailNotifier(WorkflowStateApprovalEmailNotifier):
    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        task_state = workflow_state.current_task_state
        context["comment"] = task_state.specific.get_comment() if task_state else ""
        return context

    def get_template_set(self, instance, **kwargs):
        return {
            "subject": "wagtailadmin/notifications/workflow_state_approved_subject.txt",
            "text": "editorial/notifications/workflow_state_approved.txt",
            "html": "editorial/notifications/workflow_state_approved.html",
        }


approval_email_notifier = ApprovalEmailNotifier()  # signals hold receivers weakly


def set_up_new_page(sender, instance, created, raw=False, **kwargs):
    """A new section or translation gets the permissions and workflow its role needs."""
    if not created or raw or not isinstance(instance, Page):
        return
    roles.apply_role_rules(instance)
    roles.inherit_from_translations(instance)


def connect():
    post_save.connect(set_up_new_page, dispatch_uid="editorial_set_up_new_page")
    # Same dispatch_uid as Wagtail's: whichever app is ready first, only this notifier remains.
    uid = "workflow_state_approved_email_notification"
    workflow_approved.disconnect(sender=WorkflowState, dispatch_uid=uid)
    workflow_approved.connect(approval_email_notifier, sender=WorkflowState, dispatch_uid=uid)
