"""The review flows end to end, through the admin's own views."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Comment, PageLogEntry, Revision, TaskState, WorkflowState

from editorial import roles
from editorial.freshness import next_review_date

from .base import EditorialTestCase


class TestSubmitAndApprove(EditorialTestCase):
    def test_submit_then_approve_makes_the_page_live_with_its_review_recorded(self):
        self.login("specialist")
        response = self.submit(self.page, title="Family tracing (2026)")
        assert response.status_code == 302
        page = self.reload(self.page)
        assert page.title == "Family tracing"  # still the live version
        state = page.current_workflow_state
        assert state.workflow.name == roles.REVIEW_WORKFLOW
        assert state.current_task_state.task.name == roles.REVIEW_TASK
        # Each reviewer is told once (Wagtail's task notification); the submitter is not.
        [notice] = [m for m in mail.outbox if m.to == ["reviewer@example.org"]]
        assert "submitted" in notice.subject
        assert not [m for m in mail.outbox if m.to == ["specialist@example.org"]]
        mail.outbox.clear()

        reviewer = self.login("reviewer")
        response = self.act(page, "approve", comment="Clear and current.")
        assert response.status_code == 302
        page = self.reload(self.page)
        assert page.live and page.title == "Family tracing (2026)"
        assert page.current_workflow_state is None
        assert page.review_by == next_review_date()
        assert page.last_reviewed_by == reviewer
        assert timezone.now() - page.last_reviewed_at < datetime.timedelta(minutes=1)
        # The submitter hears of it, with the comment and the next review date.
        [message] = [m for m in mail.outbox if m.to == ["specialist@example.org"]]
        assert "approved" in message.subject
        assert "Clear and current." in message.body
        assert "next due for review" in message.body

    def test_history_shows_who_submitted_and_approved_and_when(self):
        self.login("specialist")
        self.submit(self.page, title="Checklist, revised")
        self.login("reviewer")
        self.act(self.page, "approve")
        entries = PageLogEntry.objects.filter(page=self.page).order_by("timestamp", "pk")
        actions = [
            (e.action, e.user.username) for e in entries if e.action.startswith("wagtail.workflow")
        ]
        assert actions == [
            ("wagtail.workflow.start", "specialist"),
            ("wagtail.workflow.approve", "reviewer"),
        ]
        assert all(e.timestamp for e in entries)

        self.login("admin")
        history = self.client.get(reverse("wagtailadmin_pages:history", args=(self.page.pk,)))
        html = history.content.decode()
        assert history.status_code == 200
        assert "Specialist" in html and "Reviewer" in html
        assert "Approved" in html or "approved" in html


class TestComments(EditorialTestCase):
    def test_reviewer_comments_on_a_field_of_a_page_in_review(self):
        self.login("specialist")
        self.submit(self.page, title="Family tracing, new")
        self.login("reviewer")
        response = self.edit(
            self.page,
            title="Family tracing, new",
            **{
                "comments-TOTAL_FORMS": 1,
                "comments-0-contentpath": "title",
                "comments-0-text": "Is 'tracing' the term the network uses?",
                "comments-0-position": "",
                "comments-0-replies-TOTAL_FORMS": 0,
                "comments-0-replies-INITIAL_FORMS": 0,
                "comments-0-replies-MIN_NUM_FORMS": 0,
                "comments-0-replies-MAX_NUM_FORMS": 1000,
            },
        )
        assert response.status_code == 302
        [comment] = Comment.objects.filter(page=self.page)
        assert comment.user == self.users["reviewer"] and comment.contentpath == "title"


class TestReject(EditorialTestCase):
    def test_rejection_keeps_the_draft_unpublished_and_tells_the_submitter_why(self):
        self.login("specialist")
        self.submit(self.page, title="Checklist with new figures")
        submitted = self.reload(self.page).latest_revision_id
        mail.outbox.clear()

        self.login("reviewer")
        response = self.act(self.page, "reject", comment="Please cite the 2023 survey.")
        assert response.status_code == 302
        page = self.reload(self.page)
        assert page.title == "Family tracing"  # live version untouched
        assert page.latest_revision_id == submitted  # the draft is kept
        assert page.get_latest_revision_as_object().title == "Checklist with new figures"
        state = WorkflowState.objects.get(object_id=str(page.pk))
        assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
        assert state.current_task_state.status == TaskState.STATUS_REJECTED
        [message] = [m for m in mail.outbox if m.to == ["specialist@example.org"]]
        assert "rejected" in message.subject
        assert "Please cite the 2023 survey." in message.body
        assert PageLogEntry.objects.filter(
            page=page, action="wagtail.workflow.reject", user=self.users["reviewer"]
        ).exists()

    def test_resubmitting_after_changes_resumes_the_same_workflow(self):
        self.login("specialist")
        self.submit(self.page, title="First try")
        self.login("reviewer")
        self.act(self.page, "reject", comment="Not yet.")
        self.login("specialist")
        self.submit(self.page, title="Second try")
        state = WorkflowState.objects.get(
            object_id=str(self.page.pk), status=WorkflowState.STATUS_IN_PROGRESS
        )
        assert state.current_task_state.revision.as_object().title == "Second try"


class TestPeerReview(EditorialTestCase):
    def test_case_study_goes_to_peer_reviewers_then_reviewers(self):
        case = self.t.case_study
        self.login("specialist")
        response = self.submit(case, title="A free course for carers (updated)")
        assert response.status_code == 302
        state = self.reload(case).current_workflow_state
        assert state.workflow.name == roles.PEER_REVIEW_WORKFLOW
        assert state.current_task_state.task.name == roles.PEER_REVIEW_TASK
        assert any(m.to == ["peer@example.org"] for m in mail.outbox)
        assert not any(m.to == ["reviewer@example.org"] for m in mail.outbox)
        mail.outbox.clear()

        # The peer reviewer sees the draft but cannot change it.
        self.login("peer")
        preview = self.client.get(
            reverse(
                "wagtailadmin_pages:workflow_preview",
                args=(case.pk, state.current_task_state.task_id),
            )
        )
        assert preview.status_code == 200
        assert b"A free course for carers (updated)" in preview.content
        edit = self.edit(case, title="Peer's own title")
        assert edit.status_code == 200  # "The page could not be saved as it is locked."
        assert self.reload(case).get_latest_revision_as_object().title != "Peer's own title"

        response = self.act(case, "approve", comment="Sound method.")
        assert response.status_code == 302
        state = self.reload(case).current_workflow_state
        assert state.current_task_state.task.name == roles.REVIEW_TASK
        assert not self.reload(case).live or self.reload(case).title == case.title
        assert any(m.to == ["reviewer@example.org"] for m in mail.outbox)

        self.login("reviewer")
        self.act(case, "approve")
        case = self.reload(case)
        assert case.live and case.title == "A free course for carers (updated)"
        statuses = list(
            self.task_states(case)
            .order_by("started_at", "pk")
            .values_list("task__name", "status", "finished_by__username")
        )
        assert statuses == [
            (roles.PEER_REVIEW_TASK, "approved", "peer"),
            (roles.REVIEW_TASK, "approved", "reviewer"),
        ]

    def test_ordinary_resource_in_the_library_skips_peer_review(self):
        self.login("specialist")
        self.submit(self.resource, title="Checklist, v2")
        state = self.reload(self.resource).current_workflow_state
        assert state.workflow.name == roles.PEER_REVIEW_WORKFLOW  # assigned to the library
        assert state.current_task_state.task.name == roles.REVIEW_TASK
        skipped = self.task_states(self.resource).get(task__name=roles.PEER_REVIEW_TASK)
        assert skipped.status == TaskState.STATUS_SKIPPED
        assert not any(m.to == ["peer@example.org"] for m in mail.outbox)
        self.login("reviewer")
        self.act(self.resource, "approve")
        assert self.reload(self.resource).title == "Checklist, v2"

    def test_peer_reviewer_can_reject_with_a_comment(self):
        case = self.t.case_study
        self.login("specialist")
        self.submit(case)
        mail.outbox.clear()
        self.login("peer")
        self.act(case, "reject", comment="The sample is too small.")
        assert self.reload(case).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
        [message] = [m for m in mail.outbox if m.to == ["specialist@example.org"]]
        assert "The sample is too small." in message.body


class TestBadWorkflowInput(EditorialTestCase):
    def test_approving_a_page_changed_after_submission_explains_and_changes_nothing(self):
        self.login("specialist")
        self.submit(self.page, title="Submitted title")
        submitted_state = self.task_state(self.page)
        # Someone allowed to edit during review changes it afterwards.
        self.login("admin")
        self.edit(self.page, title="Changed after submission")
        revisions = Revision.objects.filter(object_id=str(self.page.pk)).count()

        self.login("reviewer")
        response = self.act(self.page, "approve", task_state=submitted_state, follow=True)
        assert response.status_code == 200
        assert "changed after it was submitted" in response.content.decode()
        page = self.reload(self.page)
        assert page.title == "Family tracing" and page.has_unpublished_changes
        assert TaskState.objects.get(pk=submitted_state.pk).status == TaskState.STATUS_IN_PROGRESS
        assert Revision.objects.filter(object_id=str(page.pk)).count() == revisions

        # Approving in the editor, where the latest version is shown, still works.
        response = self.edit(
            self.page,
            title="Changed after submission",
            **{"action-workflow-action": "true", "workflow-action-name": "approve"},
        )
        assert response.status_code == 302
        assert self.reload(self.page).live
        assert self.reload(self.page).title == "Changed after submission"

    def test_acting_on_a_completed_task_gives_a_message_not_an_error(self):
        self.login("specialist")
        self.submit(self.page, title="Once")
        state = self.task_state(self.page)
        self.login("reviewer")
        self.act(self.page, "approve")
        live_revision = self.reload(self.page).live_revision_id

        for action in ("approve", "reject"):
            response = self.act(self.page, action, task_state=state, follow=True)
            assert response.status_code == 200
            content = response.content.decode()
            assert "already completed" in content or "not currently awaiting" in content
        assert self.reload(self.page).live_revision_id == live_revision

    def test_completed_peer_step_while_the_workflow_goes_on(self):
        case = self.t.case_study
        self.login("specialist")
        self.submit(case)
        self.login("peer")
        peer_state = self.task_state(case)
        self.act(case, "approve")
        response = self.act(case, "approve", task_state=peer_state, follow=True)
        assert response.status_code == 200
        assert "already completed" in response.content.decode()
        assert self.reload(case).current_workflow_task.name == roles.REVIEW_TASK

    def test_ajax_modal_gets_json_for_a_stale_action(self):
        self.login("specialist")
        self.submit(self.page, title="Once")
        state = self.task_state(self.page)
        self.login("reviewer")
        self.act(self.page, "approve")
        response = self.act(
            self.page, "approve", task_state=state, headers={"x-requested-with": "XMLHttpRequest"}
        )
        assert response.status_code == 200
        assert response.json()["step"] == "success"


class TestScheduledPublishing(EditorialTestCase):
    def test_approved_page_with_a_go_live_date_is_published_by_the_scheduler(self):
        go_live = timezone.now() + datetime.timedelta(days=2)
        self.login("specialist")
        self.submit(
            self.page, title="Published on Monday", go_live_at=go_live.strftime("%Y-%m-%d %H:%M")
        )
        self.login("reviewer")
        self.act(self.page, "approve")
        page = self.reload(self.page)
        assert page.title == "Family tracing"  # not yet
        scheduled = page.revisions.get(approved_go_live_at__isnull=False)
        assert scheduled.as_object().last_reviewed_by == self.users["reviewer"]

        # Time passes: the scheduled time is now in the past.
        past = timezone.now() - datetime.timedelta(minutes=1)
        scheduled.approved_go_live_at = past
        scheduled.content["go_live_at"] = past.isoformat()
        scheduled.save()
        call_command("publish_scheduled")
        page = self.reload(self.page)
        assert page.live and page.title == "Published on Monday"
        assert page.last_reviewed_by == self.users["reviewer"]
        assert page.review_by == next_review_date()
