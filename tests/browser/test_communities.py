"""A member of a community of practice posts from a phone; a facilitator approves and hides.

A new member signs in on a phone-sized screen, starts a thread on the community page with
plain forms, is told that a facilitator reads first posts, and sees the post marked as waiting;
another member does not see it until the facilitator approves it on the thread page; a
facilitator hides a reply. Every page passes axe (WCAG 2.2 AA).
"""

import pytest
from django.core import mail

from accounts.services import activate, create_account
from communities import services
from communities.records import Post, Thread
from communities.tests.helpers import build_community
from tests.tree import build_site

from .conftest import PASSWORD, run_axe, screenshot
from .site import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("db")]  # db: see conftest.py

PHONE = {"width": 390, "height": 844}


def account(email, name, group=None):
    user = create_account(email, name, "en")
    activate(user)
    user.set_password(PASSWORD)
    user.save()
    if group is not None:
        user.groups.add(group)
    return user


def build_portal():
    from communities.setup import setup_communities

    t = build_site()
    t.page, t.community = build_community(t)
    t.newcomer = account("new@example.org", "Pedro Ruiz", t.community.members_group)
    t.member = account("member@example.org", "Lucía Gómez", t.community.members_group)
    t.facilitator = account("fac@example.org", "Amina Facilitator", setup_communities())
    thread, first = services.start_thread(
        t.community, t.facilitator, "Welcome: introduce yourself", "Tell us about your service."
    )
    t.welcome = thread
    hello = services.reply(thread, t.member, "Hello from Lima.")  # her first post waits...
    services.approve_post(hello, t.facilitator)  # ...so she is trusted from now on
    return t


@pytest.fixture
def phone(chromium, portal):
    context = chromium.new_context(base_url=portal.url, viewport=PHONE, is_mobile=True)
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


def test_a_new_member_posts_from_a_phone_and_a_facilitator_approves(phone, portal):
    sign_in(phone, "new@example.org")
    phone.goto(portal.page.url)
    assert run_axe(phone) == []
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    form = phone.locator("#new-thread")
    form.get_by_label("Title").fill("Night shifts")
    form.get_by_label("Message").fill("How do you staff the helpline at night?\nThanks!")
    form.get_by_role("button", name="Post").click()
    phone.get_by_text("New members' first posts are read by a facilitator").wait_for()
    assert "Waiting for a facilitator's approval" in phone.content()
    assert run_axe(phone) == []
    screenshot(phone, "community-post-phone")
    thread = Thread.objects.get(title="Night shifts")
    assert not thread.approved

    sign_in(phone, "member@example.org")
    phone.goto(portal.page.url)
    assert "Night shifts" not in phone.content()

    sign_in(phone, "fac@example.org")
    phone.goto(f"/en/communities/threads/{thread.pk}/")
    mail.outbox.clear()
    phone.get_by_role("button", name="Approve").click()
    phone.wait_for_load_state()
    assert Thread.objects.get(pk=thread.pk).approved
    assert run_axe(phone) == []

    sign_in(phone, "member@example.org")
    phone.goto(portal.page.url)
    phone.get_by_role("link", name="Night shifts").click()
    phone.get_by_label("Message").fill("We share them between two partner helplines.")
    phone.get_by_role("button", name="Send my reply").click()
    phone.get_by_text("Your post is published.").wait_for()
    reply = Post.objects.get(body__startswith="We share them")
    assert reply.approved  # her earlier post was approved: no more waiting
    assert [m.to for m in mail.outbox] == [["new@example.org"]]

    sign_in(phone, "fac@example.org")
    phone.goto(f"/en/communities/threads/{thread.pk}/")
    phone.locator(f"#post-{reply.pk}").get_by_role("button", name="Hide").click()
    phone.wait_for_load_state()
    assert Post.objects.get(pk=reply.pk).hidden
