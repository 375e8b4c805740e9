"""An editor's journey in a real browser: write a case study, have it reviewed, see it live.

A technical specialist creates a case study in the Wagtail admin and submits it; case studies
go through "Peer review and approval" (editorial/roles.py), so a peer reviewer and then a
reviewer sign in and approve it; an anonymous visitor then reads it and finds it in search.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import TaskState

from case_studies.models import CaseStudyPage
from editorial import roles
from tests.tree import build_site

from .conftest import PASSWORD, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("db")]  # db: see conftest.py

TITLE = "Peer support by text message"
ROLE_USERS = {
    "specialist": roles.SPECIALISTS,
    "peer": roles.PEER_REVIEWERS,
    "reviewer": roles.REVIEWERS,
}


def build_portal():
    t = build_site()
    roles.setup()
    for username, group in ROLE_USERS.items():
        user = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD)
        user.groups.add(Group.objects.get(name=group))
    return t


def approve(page):
    """Approve the case study from the dashboard's "Awaiting your review" panel.

    Not from the editor: peer review locks the page for peer reviewers, and Wagtail hides the
    workflow actions of a locked page's editor.
    """
    page.goto("/admin/")
    row = page.get_by_role("row").filter(has_text=TITLE)
    row.get_by_role("button", name="Actions").click()
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile(r"^Approve")).first.click()


def test_specialist_writes_reviewers_approve_visitor_finds_it(chromium, portal):
    def fresh_page():
        context = chromium.new_context(base_url=portal.url, viewport={"width": 1280, "height": 900})
        context.set_default_timeout(20_000)
        return context, context.new_page()

    context, page = fresh_page()
    sign_in(page, "specialist")
    page.goto(f"/admin/pages/{portal.case_index.pk}/")
    page.get_by_role("link", name="Add child page").first.click()
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", "Young people in rural areas reached a counsellor by SMS.")
    page.get_by_role("button", name="More actions").last.click()
    page.get_by_role("button", name=re.compile(r"^Submit to")).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    case_study = CaseStudyPage.objects.get(title=TITLE)
    assert not case_study.live
    assert case_study.current_workflow_state.workflow.name == roles.PEER_REVIEW_WORKFLOW
    context.close()

    for reviewer in ("peer", "reviewer"):
        context, page = fresh_page()
        sign_in(page, reviewer)
        approve(page)
        context.close()

    case_study.refresh_from_db()
    assert case_study.live and case_study.current_workflow_state is None
    # Each step was approved by its own reviewer, none skipped.
    states = TaskState.objects.filter(workflow_state__object_id=str(case_study.pk))
    approvals = {
        state.task.name: (state.status, state.finished_by.username)
        for state in states.select_related("task", "finished_by")
    }
    assert approvals == {
        roles.PEER_REVIEW_TASK: (TaskState.STATUS_APPROVED, "peer"),
        roles.REVIEW_TASK: (TaskState.STATUS_APPROVED, "reviewer"),
    }

    context, page = fresh_page()
    page.goto(case_study.url)
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    page.goto("/en/search/?q=text+message")
    page.locator(".search-results").get_by_role("link", name=TITLE).click()
    page.wait_for_url(f"**{case_study.url}")
    context.close()
