"""Sign-up, sign-in and the account pages, on the public site in the visitor's language.

Every page here is personal: none is cached (`never_cache`) or indexed (the templates say
`noindex`). Forms are plain POSTs that keep what was typed when something is wrong.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy, translate_url
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import services
from .forms import DeleteAccountForm, PasswordResetForm, ProfileForm, SignInForm, SignUpForm
from .models import profile_for
from .signals import account_activated, account_created

SIGN_IN = "accounts:sign_in"


def _base_url(request):
    return request.build_absolute_uri("/").rstrip("/")


def signed_in_url(user):
    """Where a signed-in account owner lands, in their preferred language."""
    language = profile_for(user).language
    with translation.override(language):
        return reverse(getattr(settings, "ACCOUNTS_SIGNED_IN_URL", "accounts:account"))


def _with_language(response, language):
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=settings.LANGUAGE_COOKIE_SECURE,
    )
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def sign_up(request):
    if request.user.is_authenticated:
        return redirect(signed_in_url(request.user))
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        existing = services.find_account(data["email"])
        if existing is None:
            user = services.create_account(
                data["email"], data["name"], data["language"], data["country"], data["organisation"]
            )
            account_created.send(sender=sign_up, user=user, request=request)
            services.send_confirmation(user, _base_url(request), force=True)
        elif existing.is_active:
            services.send_already_registered(existing, _base_url(request))
        else:  # signed up before and never confirmed: the same link again, nothing changed
            services.send_confirmation(existing, _base_url(request))
        # The same answer in every case, so the form never reveals who has an account.
        request.session["accounts_sign_up_email"] = services.normalise_email(data["email"])
        return redirect("accounts:sign_up_sent")
    return render(request, "accounts/sign_up.html", {"form": form})


@never_cache
def sign_up_sent(request):
    email = request.session.get("accounts_sign_up_email", "")
    return render(request, "accounts/sign_up_sent.html", {"email": email})


@method_decorator(never_cache, name="dispatch")
class SetPasswordView(auth_views.PasswordResetConfirmView):
    """The link in the sign-up (or reset) e-mail: choose a password, which confirms the address."""

    template_name = "accounts/set_password.html"
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    success_url = reverse_lazy("accounts:account")  # replaced by the owner's language below

    def form_valid(self, form):
        user = form.user
        newly_confirmed = not user.is_active
        services.activate(user)
        response = super().form_valid(form)
        if newly_confirmed:
            account_activated.send(sender=type(self), user=user, request=self.request)
            messages.success(self.request, _("Your address is confirmed and you are signed in."))
        else:
            messages.success(self.request, _("Your new password is saved and you are signed in."))
        language = profile_for(user).language
        del response  # Django's redirect goes to success_url; the owner's own page instead
        return _with_language(redirect(signed_in_url(user)), language)


@method_decorator(never_cache, name="dispatch")
class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = False

    def get_default_redirect_url(self):
        return signed_in_url(self.request.user)

    def get_success_url(self):
        url = self.get_redirect_url()
        language = profile_for(self.request.user).language
        return translate_url(url, language) if url else self.get_default_redirect_url()

    def form_valid(self, form):
        response = super().form_valid(form)
        return _with_language(response, profile_for(form.get_user()).language)


class SignOutView(auth_views.LogoutView):
    http_method_names = ["post", "options"]

    def get_default_redirect_url(self):
        messages.info(self.request, _("You are signed out."))
        return reverse("accounts:sign_in")


@method_decorator(never_cache, name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    form_class = PasswordResetForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_sent")


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_sent.html"


@method_decorator(login_required(login_url=SIGN_IN), name="dispatch")
class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"

    def get_success_url(self):
        messages.success(self.request, _("Your new password is saved."))
        return reverse("accounts:account")


@never_cache
@login_required(login_url=SIGN_IN)
@require_http_methods(["GET", "POST"])
def account(request):
    profile = profile_for(request.user)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your details are saved."))
        with translation.override(profile.language):
            url = reverse("accounts:account")
        return _with_language(redirect(url), profile.language)
    return render(request, "accounts/account.html", {"form": form, "profile": profile})


@never_cache
@login_required(login_url=SIGN_IN)
def download_data(request):
    response = HttpResponse(
        services.export_personal_data(request.user), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response


@never_cache
@login_required(login_url=SIGN_IN)
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.delete_account(user)
        return render(request, "accounts/deleted.html")
    return render(request, "accounts/delete.html", {"form": form})
