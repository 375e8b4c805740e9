"""Everything that changes a community: its set-up, posting, moderation, reports, preferences.

Every rule is here, once; views only translate a request into a call and a `DiscussionError`
into a message on the same form. Pre-moderation: a member's posts wait for a facilitator until
one of them has been approved in that community; facilitators' posts never wait.
"""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, CollectionViewRestriction

from .access import is_facilitator, is_member
from .records import Community, Post, Report, Subscription, Thread


class DiscussionError(Exception):
    """A refusal the person can act on; its message is shown as it is."""


# Set-up ---------------------------------------------------------------------------------------


def ensure_community(page):
    """The community record of `page`'s translation key, with its group, shelf and run."""
    community = Community.objects.filter(page_key=page.translation_key).first()
    if community is not None:
        return community
    from .setup import setup_communities

    facilitators = setup_communities()
    with transaction.atomic():
        suffix = str(page.translation_key)[:8]
        group, _created = Group.objects.get_or_create(
            name=f"Community members: {page.title[:100]} ({suffix})"
        )
        root = Collection.get_first_root_node()
        shelf = root.add_child(instance=Collection(name=f"Community shelf: {page.title[:200]}"))
        restriction = CollectionViewRestriction.objects.create(
            collection=shelf, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.add(group, facilitators)
        community = Community.objects.create(
            page_key=page.translation_key,
            name=page.title,
            members_group=group,
            shelf=shelf,
            run=_standing_run(page),
        )
    return community


def _standing_run(page):
    """An open, long run whose accepted applicants are members: joining goes through the
    programmes' application form and staff review (capacity, organisation limit, e-mails)."""
    from programmes.records import Run

    today = timezone.now().date()
    return Run.objects.create(
        programme_key=page.translation_key,
        title=f"{page.title}: members"[:200],
        language=page.locale.language_code,
        starts_on=today,
        ends_on=today + timedelta(days=365 * 10),
        application_deadline=timezone.now() + timedelta(days=365 * 10),
        capacity=500,
        per_organisation_limit=3,
        status=Run.Status.OPEN,
    )


# Posting --------------------------------------------------------------------------------------


def needs_approval(user, community):
    if is_facilitator(user):
        return False
    return not Post.objects.filter(author=user, thread__community=community, approved=True).exists()


def start_thread(community, user, title, body, theme=None, session=None):
    if not is_member(user, community):
        raise DiscussionError(_("Only members of this community can start a thread."))
    if theme is not None and theme.community_id != community.pk:
        raise DiscussionError(_("This theme belongs to another community."))
    if session is None and theme is not None:
        session = theme.session  # a thread on a theme asks before the theme's session
    approve = not needs_approval(user, community)
    now = timezone.now()
    with transaction.atomic():
        thread = Thread.objects.create(
            community=community,
            theme=theme,
            session=session,
            title=title.strip(),
            author=user,
            approved=approve,
            last_post_at=now,
        )
        post = Post.objects.create(
            thread=thread,
            author=user,
            body=body.strip(),
            approved=approve,
            approved_at=now if approve else None,
        )
    _subscribe(user, community)
    return thread, post


def reply(thread, user, body):
    community = thread.community
    if not is_member(user, community):
        raise DiscussionError(_("Only members of this community can reply."))
    facilitator = is_facilitator(user)
    if thread.hidden and not facilitator:
        raise DiscussionError(_("This thread was hidden by a facilitator."))
    if thread.locked and not facilitator:
        raise DiscussionError(_("This thread is locked: no new replies."))
    if not thread.approved and not facilitator and thread.author_id != user.pk:
        raise DiscussionError(_("This thread is waiting for a facilitator's approval."))
    approve = not needs_approval(user, community)
    now = timezone.now()
    post = Post.objects.create(
        thread=thread,
        author=user,
        body=body.strip(),
        approved=approve,
        approved_at=now if approve else None,
    )
    _subscribe(user, community)
    if approve:
        Thread.objects.filter(pk=thread.pk).update(last_post_at=now)
        from .mail import send_reply_notices

        send_reply_notices(post)
    return post


def _subscribe(user, community):
    Subscription.objects.get_or_create(user=user, community=community)


# Moderation -----------------------------------------------------------------------------------


def _check_facilitator(user):
    if not is_facilitator(user):
        raise DiscussionError(_("Only facilitators can moderate."))


def approve_post(post, user):
    _check_facilitator(user)
    if post.approved:
        return post
    now = timezone.now()
    post.approved, post.approved_at = True, now
    post.save(update_fields=["approved", "approved_at"])
    thread = post.thread
    first = not thread.posts.filter(created__lt=post.created).exists()
    thread.last_post_at = now
    fields = ["last_post_at"]
    if first and not thread.approved:
        thread.approved = True
        fields.append("approved")
    thread.save(update_fields=fields)
    if not first:
        from .mail import send_reply_notices

        send_reply_notices(post)
    return post


def set_post_hidden(post, user, hidden=True):
    _check_facilitator(user)
    post.hidden = hidden
    post.save(update_fields=["hidden"])
    if hidden:
        post.reports.filter(resolved_at=None).update(resolved_at=timezone.now())
    return post


THREAD_ACTIONS = {
    "pin": ("pinned", True),
    "unpin": ("pinned", False),
    "lock": ("locked", True),
    "unlock": ("locked", False),
    "hide": ("hidden", True),
    "unhide": ("hidden", False),
}


def moderate_thread(thread, user, action):
    _check_facilitator(user)
    if action not in THREAD_ACTIONS:
        raise DiscussionError(_("Unknown action."))
    field, value = THREAD_ACTIONS[action]
    setattr(thread, field, value)
    thread.save(update_fields=[field])
    return thread


def dismiss_reports(post, user):
    _check_facilitator(user)
    return post.reports.filter(resolved_at=None).update(resolved_at=timezone.now())


def report_post(post, user, reason, note=""):
    if not is_member(user, post.thread.community):
        raise DiscussionError(_("Only members of this community can report a post."))
    if post.author_id == user.pk:
        raise DiscussionError(_("You cannot report your own post."))
    try:
        with transaction.atomic():
            return Report.objects.create(post=post, reporter=user, reason=reason, note=note.strip())
    except IntegrityError as error:
        raise DiscussionError(
            _("You have already reported this post; a facilitator will look at it.")
        ) from error


def set_preferences(user, community, reply_notices, digest):
    if not is_member(user, community):
        raise DiscussionError(_("Only members of this community have e-mail preferences."))
    subscription, _created = Subscription.objects.get_or_create(user=user, community=community)
    subscription.reply_notices = reply_notices
    if digest and not subscription.digest:
        subscription.last_digest_at = timezone.now()  # starts from now, not from the beginning
    subscription.digest = digest
    subscription.save()
    return subscription
