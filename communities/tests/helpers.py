"""A community of practice on top of the shared test tree (tests.tree.build_site)."""

from accounts.services import activate, create_account
from communities.models import CommunityPage
from communities.setup import setup_communities

SECRET_POST = "Our helpline saw 40 calls from one school in Lima"
SECRET_TITLE = "Referral pathways in Lima"


def build_community(t, title="Mental health community", slug="mental-health-community"):
    page = t.home.add_child(
        instance=CommunityPage(
            title=title,
            slug=slug,
            summary="Partners in five countries meet once a month.",
            description="<p>A community of practice on children's mental health.</p>",
            how_to_join="<p>Ask to join with the form; staff answer by e-mail.</p>",
        )
    )
    return page, page.community()


def person(email, name, community=None, facilitator=False, language="en"):
    user = create_account(email, name, language)
    activate(user)
    if community is not None:
        user.groups.add(community.members_group)
    if facilitator:
        user.is_staff = True
        user.save()
        user.groups.add(setup_communities())
    return user
