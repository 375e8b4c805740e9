"""Issue 19's roles in a real browser, with the demo accounts (demo/users.py).

* A reviewer opens the dashboard while a case study waits in peer review and reads which step
  holds it, which group and who in it, since when; the demo peer reviewer then approves it
  from their own dashboard, and the reviewer after them.
* A translator translates the case study in wagtail-localize's editor, sees the French slug
  made from the French title, and submits the translation for review from the editor itself.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.operations import translate_object

from demo import users as demo_users
from editorial import roles
from tests.tree import build_site

from .conftest import PASSWORD, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("db")]  # db: see conftest.py

TITLE = "Kinship carers supported by phone"
FRENCH_TITLE = "Des familles d'accueil soutenues par téléphone"


def build_portal():
    t = build_site()
    roles.setup()
    demo_users.ensure_groups()
    users, _created = demo_users.ensure_users()
    for user in users.values():
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])
    t.fr = Locale.objects.create(language_code="fr")
    admin = users["admin"]
    for page in (t.home, t.case_index):
        translate_object(page, [t.fr], user=admin)
        page.get_translation(t.fr).save_revision(user=admin).publish(user=admin)
    draft = t.case_index.add_child(
        instance=type(t.case_study)(
            title=TITLE,
            slug="kinship-carers-phone",
            summary="Carers called a helpline.",
            live=False,
            owner=users["specialist"],
        )
    )
    draft.save_revision(user=users["specialist"])
    t.draft = draft
    return t


def fresh(chromium, portal):
    context = chromium.new_context(base_url=portal.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20_000)
    return context, context.new_page()


def approve_from_dashboard(page, title):
    page.goto("/admin/")
    row = page.get_by_role("row").filter(has_text=title)
    row.get_by_role("button", name="Actions").click()
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile(r"^Approve")).first.click()


def current_task(page_id):
    state = Page.objects.get(pk=page_id).current_workflow_task_state
    return state.task.name if state else None


def test_reviewer_sees_who_holds_a_case_study_up_and_the_chain_completes(chromium, portal):
    context, page = fresh(chromium, portal)
    sign_in(page, "specialist")
    page.goto(f"/admin/pages/{portal.draft.pk}/edit/")
    page.get_by_role("button", name="More actions").last.click()
    page.get_by_role("button", name=re.compile(r"^Submit to")).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    assert current_task(portal.draft.pk) == roles.PEER_REVIEW_TASK
    context.close()

    context, page = fresh(chromium, portal)
    sign_in(page, "reviewer")
    panel = page.get_by_role("region", name="In review: waiting for others")
    row = panel.get_by_role("row").filter(has_text=TITLE)
    assert roles.PEER_REVIEW_TASK in row.inner_text()
    assert "Peer reviewers" in row.inner_text() and "Wanjiru Kamau" in row.inner_text()
    assert row.locator("time").get_attribute("datetime")
    screenshot(page, "admin-dashboard-waiting-on-others")
    context.close()

    for username, after in (("peer", roles.REVIEW_TASK), ("reviewer", None)):
        context, page = fresh(chromium, portal)
        sign_in(page, username)
        approve_from_dashboard(page, TITLE)
        assert current_task(portal.draft.pk) == after
        context.close()
    assert Page.objects.get(pk=portal.draft.pk).live


def test_translator_submits_from_the_translation_editor_with_a_french_slug(chromium, portal):
    source = portal.case_study
    context, page = fresh(chromium, portal)
    sign_in(page, "translator")
    page.goto(reverse("wagtail_localize:submit_page_translation", args=(source.pk,)))
    page.get_by_label("French").check()
    page.get_by_role("button", name=re.compile("Submit", re.I)).last.click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    french = source.get_translation(portal.fr)

    # The title, translated through the editor's own endpoint (what its React form calls when a
    # string is saved), with the translator's session.
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale=portal.fr
    )
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    token = next(c["value"] for c in context.cookies() if c["name"] == "csrftoken")
    response = page.request.put(
        reverse("wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk)),
        multipart={"value": FRENCH_TITLE},
        headers={"X-CSRFToken": token, "Referer": portal.url + "/admin/"},
    )
    assert response.status in (200, 201), response.text()
    page.reload()
    assert "des-familles-daccueil-soutenues-par-telephone" in page.content()  # the slug field

    bar = page.locator("form[action$='/submit-translation/']")
    assert "Submit translation for review" in bar.inner_text()
    screenshot(page, "admin-translation-editor-submit")
    with page.expect_navigation():
        bar.get_by_role("button", name="Submit translation for review").click()
    assert "has been submitted for review" in page.content()
    french = Page.objects.get(pk=french.pk)
    assert current_task(french.pk) == roles.PEER_REVIEW_TASK
    latest = french.get_latest_revision_as_object()
    assert latest.title == FRENCH_TITLE
    assert latest.slug == "des-familles-daccueil-soutenues-par-telephone"
    assert not bar.count()  # in review: nothing more to submit
    context.close()

    assert get_user_model().objects.filter(username="peer", groups__name=roles.PEER_REVIEWERS)
