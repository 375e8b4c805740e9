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

from .access import is_member, is_moderator
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


# A programme run's discussion -------------------------------------------------------------------


def is_standing_run(run):
    """A community's standing run: its members talk in the community, not in a run space."""
    from .models import CommunityPage

    return (
        Community.objects.filter(run=run, kind=Community.Kind.COMMUNITY).exists()
        or CommunityPage.objects.filter(translation_key=run.programme_key).exists()
    )


def ensure_run_discussion(run):
    """The discussion space of a programme run (None for a community's standing run)."""
    space = Community.objects.filter(run=run, kind=Community.Kind.RUN).first()
    if space is None:
        if is_standing_run(run):
            return None
        space, _created = Community.objects.get_or_create(
            run=run, kind=Community.Kind.RUN, defaults={"name": run.title[:255]}
        )
    elif space.name != run.title[:255]:
        space.name = run.title[:255]
        space.save(update_fields=["name"])
    return space


def ensure_session_thread(session):
    """The thread in which a run's participants answer the session's question for the forum,
    opened by the question itself (shown from the session, so an edit shows at once)."""
    if not session.run_id or not session.forum_question.strip():
        return None
    space = ensure_run_discussion(session.run)
    if space is None:
        return None
    thread = (
        Thread.objects.filter(community=space, session=session, author=None).order_by("pk").first()
    )
    title = session.title[:200]
    if thread is None:
        thread = Thread.objects.create(
            community=space,
            session=session,
            title=title,
            author=None,
            approved=True,
            last_post_at=timezone.now(),
        )
    elif thread.title != title:
        thread.title = title
        thread.save(update_fields=["title"])
    return thread


# Posting --------------------------------------------------------------------------------------


def needs_approval(user, community):
    if is_moderator(user, community):
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
    facilitator = is_moderator(user, community)
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


def _check_facilitator(user, community):
    if not is_moderator(user, community):
        raise DiscussionError(_("Only facilitators can moderate."))


def approve_post(post, user):
    _check_facilitator(user, post.thread.community)
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
    _check_facilitator(user, post.thread.community)
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
    _check_facilitator(user, thread.community)
    if action not in THREAD_ACTIONS:
        raise DiscussionError(_("Unknown action."))
    field, value = THREAD_ACTIONS[action]
    setattr(thread, field, value)
    thread.save(update_fields=[field])
    return thread


def dismiss_reports(post, user):
    _check_facilitator(user, post.thread.community)
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


# Following programmes' records ------------------------------------------------------------------


def run_saved(sender, instance, raw=False, **kwargs):
    """Every programme run gets its discussion space (`apps.py` connects this)."""
    if not raw:
        ensure_run_discussion(instance)


def session_saved(sender, instance, raw=False, **kwargs):
    """A run's session with a question for the forum gets its thread (`apps.py`)."""
    if not raw:
        ensure_session_thread(instance)
