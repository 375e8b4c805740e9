"""Signing in for partners, on the public site rather than in the admin.

Wagtail sends a visitor who opens a restricted page or document here (WAGTAIL_FRONTEND_LOGIN_URL)
and back to it afterwards. Partners set their own password through the link in their
invitation, so nobody has to send a password by e-mail.
"""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse_lazy
from wagtail.documents import get_document_model
from wagtail.models import (
    BaseViewRestriction,
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
)

from core.visibility import restricted_collection_ids


class LoginView(auth_views.LoginView):
    template_name = "partners/login.html"
    next_page = reverse_lazy("partners:home")


class LogoutView(auth_views.LogoutView):
    next_page = "/"


class SetPasswordView(auth_views.PasswordResetConfirmView):
    template_name = "partners/set_password.html"
    post_reset_login = True
    # Two backends are configured (django-axes in front): name the one that signs people in.
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    success_url = reverse_lazy("partners:password_set")


class PasswordSetView(auth_views.PasswordResetCompleteView):
    template_name = "partners/password_set.html"


def _accepted(restrictions, request):
    """The restrictions this visitor passes by who they are (passwords are not accounts)."""
    return [
        r
        for r in restrictions.exclude(restriction_type=BaseViewRestriction.PASSWORD)
        if r.accept_request(request)
    ]


def shared_pages(request):
    """Restricted pages of the visitor's language that this account may read.

    Site listings show public pages only (they are the same for everyone and may be cached),
    so this page is where a partner finds what is shared with them.
    """
    accepted = _accepted(PageViewRestriction.objects.select_related("page"), request)
    pages = (
        Page.objects.live()
        .filter(pk__in=[r.page_id for r in accepted], locale=Locale.get_active())
        .order_by("title")
        .specific()
    )
    return [
        page
        for page in pages
        if all(r.accept_request(request) for r in page.get_view_restrictions())
    ]


def shared_documents(request):
    accepted = _accepted(CollectionViewRestriction.objects.select_related("collection"), request)
    collection_ids = set()
    for restriction in accepted:
        collection_ids.update(
            restriction.collection.get_descendants(inclusive=True).values_list("pk", flat=True)
        )
    collection_ids -= restricted_collection_ids(request)
    return get_document_model().objects.filter(collection_id__in=collection_ids).order_by("title")


@login_required(login_url="partners:login")
def home(request):
    return render(
        request,
        "partners/home.html",
        {
            "shared_pages": shared_pages(request),
            "shared_documents": shared_documents(request),
        },
    )
