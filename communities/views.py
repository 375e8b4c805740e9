"""Members' views: the discussion on the community page or of a programme run, threads,
posting, reporting, moderating on the page, e-mail preferences, one-click unsubscribe and
"My communities".

Anonymous visitors are sent to sign in; signed-in people who are not members get a 403 that
names nothing of the discussion. Every view that shows personal data is `never_cache`.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from . import services
from .access import is_member, is_moderator
from .forms import FollowUpForm, PreferencesForm, ReplyForm, ReportForm, ThreadForm
from .mail import KINDS, read_unsubscribe_token
from .records import Community, Post, Subscription, Thread

THREADS_SHOWN = 100


def page_of(community):
    """The community's live public page, in the visitor's language where it is translated."""
    from programmes.visibility import pages_by_key

    return pages_by_key({community.page_key}).get(community.page_key)


def community_url(community):
    if community.is_run:
        return reverse("communities:run_discussion", args=[community.run_id])
    page = page_of(community)
    return page.url if page else reverse("communities:mine")


def visible_threads(community, user):
    threads = Thread.objects.filter(community=community)
    posts = Q(posts__approved=True, posts__hidden=False)
    if not is_moderator(user, community):
        threads = threads.filter(hidden=False).filter(Q(approved=True) | Q(author=user))
    else:
        threads = threads.annotate(
            waiting=Count("posts", filter=Q(posts__approved=False), distinct=True)
        )
    return threads.annotate(replies=Count("posts", filter=posts, distinct=True)).select_related(
        "theme"
    )


def community_context(request, page):
    """What the community page shows: to members, the discussion and the shelf too."""
    community = page.community()
    member = is_member(request.user, community)
    context = {"community": community, "is_member": member, "is_facilitator": False}
    if community is None:
        return context
    themes = list(community.themes.select_related("session"))
    context["themes"] = themes
    run = community.run
    context["join_run"] = run if run and run.accepts_applications() else None
    if not member:
        return context
    from wagtail.documents import get_document_model

    context.update(
        is_facilitator=is_moderator(request.user, community),
        threads=list(visible_threads(community, request.user)[:THREADS_SHOWN]),
        thread_form=ThreadForm(themes=themes),
        follow_up_form=FollowUpForm(),
        shelf=list(
            get_document_model().objects.filter(collection=community.shelf_id).order_by("title")
        )
        if community.shelf_id
        else [],
    )
    return context


def members_only(request, community):
    """None if the request may read `community`'s discussion, else the response to give."""
    if not request.user.is_authenticated:
        return redirect_to_sign_in(request)
    if not is_member(request.user, community):
        context = {"run_space": community.is_run}
        return render(request, "communities/members_only.html", context, status=403)
    return None


def redirect_to_sign_in(request):
    from django.contrib.auth.views import redirect_to_login

    return redirect_to_login(request.get_full_path())


def community_redirect(request, pk):
    """A stable address for e-mails: the community page in the reader's language (or the
    run's discussion)."""
    community = get_object_or_404(Community, pk=pk)
    if community.is_run:
        return HttpResponseRedirect(community_url(community))
    page = page_of(community)
    if page is None:
        raise Http404
    return HttpResponseRedirect(page.url)


@never_cache
@require_http_methods(["GET", "HEAD"])
def thread(request, pk):
    thread = get_object_or_404(
        Thread.objects.select_related("community", "theme", "session", "author"), pk=pk
    )
    refused = members_only(request, thread.community)
    if refused:
        return refused
    return render_thread(request, thread, ReplyForm())


def render_thread(request, thread, form, status=200):
    user = request.user
    facilitator = is_moderator(user, thread.community)
    if not facilitator and (thread.hidden or not (thread.approved or thread.author_id == user.pk)):
        raise Http404
    posts = thread.posts.select_related("author__profile")
    if facilitator:
        posts = posts.annotate(open_reports=Count("reports", filter=Q(reports__resolved_at=None)))
    else:
        posts = posts.filter(Q(approved=True, hidden=False) | Q(author=user, hidden=False))
    context = {
        "thread": thread,
        "community": thread.community,
        "community_url": community_url(thread.community),
        "posts": list(posts),
        "form": form,
        "is_facilitator": facilitator,
        "may_reply": facilitator or not thread.locked,
    }
    return render(request, "communities/thread.html", context, status=status)


@never_cache
@require_POST
def new_thread(request, pk):
    community = get_object_or_404(Community, pk=pk)
    refused = members_only(request, community)
    if refused:
        return refused
    themes = list(community.themes.all())
    form = ThreadForm(request.POST, themes=themes)
    if form.is_valid():
        try:
            thread, post = services.start_thread(
                community,
                request.user,
                form.cleaned_data["title"],
                form.cleaned_data["body"],
                theme=form.cleaned_data.get("theme"),
            )
        except services.DiscussionError as error:
            form.add_error(None, str(error))
        else:
            tell_if_waiting(request, post)
            return redirect("communities:thread", thread.pk)
    return form_page(
        request, community, form, _("Start a thread"), "communities:new_thread", _("Post")
    )


def tell_if_waiting(request, post):
    if post.approved:
        messages.success(request, _("Your post is published."))
    else:
        messages.info(
            request,
            _(
                "Thank you. New members' first posts are read by a facilitator before the other "
                "members see them; you will see yours here meanwhile."
            ),
        )


@never_cache
@require_POST
def reply(request, pk):
    thread = get_object_or_404(Thread.objects.select_related("community"), pk=pk)
    refused = members_only(request, thread.community)
    if refused:
        return refused
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            post = services.reply(thread, request.user, form.cleaned_data["body"])
        except services.DiscussionError as error:
            form.add_error(None, str(error))
        else:
            tell_if_waiting(request, post)
            return redirect(reverse("communities:thread", args=[thread.pk]) + f"#post-{post.pk}")
    return render_thread(request, thread, form, status=400)


@never_cache
@require_http_methods(["GET", "POST"])
def report(request, pk):
    post = get_object_or_404(Post.objects.select_related("thread__community"), pk=pk)
    refused = members_only(request, post.thread.community)
    if refused:
        return refused
    if not post.visible and not is_moderator(request.user, post.thread.community):
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_post(
                post, request.user, form.cleaned_data["reason"], form.cleaned_data["note"]
            )
        except services.DiscussionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Thank you: a facilitator will look at this post."))
            return redirect(
                reverse("communities:thread", args=[post.thread_id]) + f"#post-{post.pk}"
            )
    status = 400 if request.method == "POST" else 200
    return render(request, "communities/report.html", {"form": form, "post": post}, status=status)


POST_ACTIONS = {"approve", "hide", "unhide", "dismiss"}


@never_cache
@require_POST
def moderate_post(request, pk):
    post = get_object_or_404(Post.objects.select_related("thread__community"), pk=pk)
    refused = members_only(request, post.thread.community)
    if refused:
        return refused
    action = request.POST.get("action")
    if not is_moderator(request.user, post.thread.community):
        return render(request, "communities/members_only.html", {"facilitators": True}, status=403)
    if action not in POST_ACTIONS:
        return render(request, "communities/bad_request.html", status=400)
    if action == "approve":
        services.approve_post(post, request.user)
    elif action == "dismiss":
        services.dismiss_reports(post, request.user)
    else:
        services.set_post_hidden(post, request.user, hidden=action == "hide")
    messages.success(request, _("Done."))
    return redirect(next_url(request, reverse("communities:thread", args=[post.thread_id])))


@never_cache
@require_POST
def moderate_thread(request, pk):
    thread = get_object_or_404(Thread.objects.select_related("community"), pk=pk)
    refused = members_only(request, thread.community)
    if refused:
        return refused
    if not is_moderator(request.user, thread.community):
        return render(request, "communities/members_only.html", {"facilitators": True}, status=403)
    try:
        services.moderate_thread(thread, request.user, request.POST.get("action"))
    except services.DiscussionError:
        return render(request, "communities/bad_request.html", status=400)
    messages.success(request, _("Done."))
    return redirect(next_url(request, reverse("communities:thread", args=[thread.pk])))


def next_url(request, default):
    from django.utils.http import url_has_allowed_host_and_scheme

    url = request.POST.get("next", "")
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return default


@never_cache
@require_POST
def preferences(request, pk):
    community = get_object_or_404(Community, pk=pk)
    refused = members_only(request, community)
    if refused:
        return refused
    form = PreferencesForm(request.POST, prefix=f"c{community.pk}")
    form.is_valid()  # two tick boxes: always valid
    services.set_preferences(
        request.user,
        community,
        form.cleaned_data.get("reply_notices", False),
        form.cleaned_data.get("digest", False),
    )
    messages.success(request, _("Your e-mail preferences are saved."))
    return redirect(reverse("communities:mine") + f"#community-{community.pk}")


@never_cache
@require_POST
def follow_up(request, pk):
    """ "Request a 1:1 follow-up": the message reaches the facilitators by e-mail."""
    from .mail import send_follow_up_request

    community = get_object_or_404(Community, pk=pk)
    refused = members_only(request, community)
    if refused:
        return refused
    form = FollowUpForm(request.POST)
    if form.is_valid():
        send_follow_up_request(community, request.user, form.cleaned_data["message"])
        messages.success(request, _("Thank you: a facilitator will write to you."))
        return redirect(community_url(community))
    return form_page(
        request,
        community,
        form,
        _("Request a one-to-one follow-up"),
        "communities:follow_up",
        _("Send my request"),
    )


def form_page(request, community, form, heading, action, submit):
    """A members' form shown again with its errors (400), on the one form page template."""
    context = {
        "form": form,
        "community": community,
        "community_url": community_url(community),
        "heading": heading,
        "action": reverse(action, args=[community.pk]),
        "submit": submit,
    }
    return render(request, "communities/form_page.html", context, status=400)


@csrf_exempt  # mail programs' one-click unsubscribe POSTs here; the signed token is the credential
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    found = read_unsubscribe_token(token)
    if found is None:
        return render(request, "communities/link_invalid.html", status=400)
    subscription, kind = found
    field = KINDS[kind]
    if request.method == "POST":
        setattr(subscription, field, False)
        subscription.save(update_fields=[field])
    context = {
        "subscription": subscription,
        "kind": kind,
        "done": request.method == "POST" or not getattr(subscription, field),
    }
    return render(request, "communities/unsubscribe.html", context)


@never_cache
@login_required
def mine(request):
    """The communities the signed-in person belongs to (or facilitates)."""
    from .access import is_facilitator, is_run_staff

    user = request.user
    groups = Q(members_group__in=user.groups.all())
    runs = Q(run__applications__user=user, run__applications__status="accepted")
    if is_facilitator(user):
        groups |= Q(kind=Community.Kind.COMMUNITY)
    if is_run_staff(user):
        runs |= Q(kind=Community.Kind.RUN)
    communities = list(Community.objects.filter(groups | runs).distinct())
    from programmes.visibility import pages_by_key

    pages = pages_by_key({c.page_key for c in communities})
    subscriptions = {s.community_id: s for s in Subscription.objects.filter(user=user)}
    items = []
    for community in communities:
        subscription = subscriptions.get(community.pk)
        form = PreferencesForm(
            prefix=f"c{community.pk}",
            initial={
                "reply_notices": subscription.reply_notices if subscription else True,
                "digest": subscription.digest if subscription else False,
            },
        )
        items.append((community, pages.get(community.page_key), form))
    return render(request, "communities/mine.html", {"items": items})
