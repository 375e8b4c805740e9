from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import Profile, profile_for


class ProfileFieldsMixin:
    """Labels, help and input hints shared by the sign-up and profile forms."""

    def _polish(self):
        self.fields["name"].widget.attrs.update(autocomplete="name", maxlength=200)
        self.fields["country"].widget.attrs.update(autocomplete="country-name")
        self.fields["organisation"].widget.attrs.update(autocomplete="organization")


class SignUpForm(ProfileFieldsMixin, forms.ModelForm):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=150,
        help_text=_("We send a link to this address to confirm it and choose your password."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    class Meta:
        model = Profile
        fields = ["name", "email", "language", "country", "organisation"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(["name", "email", "language", "country", "organisation"])
        self.fields["language"].initial = get_language()
        self._polish()


class ProfileForm(ProfileFieldsMixin, forms.ModelForm):
    class Meta:
        model = Profile
        fields = ["name", "language", "country", "organisation"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._polish()


class SignInForm(auth_forms.AuthenticationForm):
    """Django's form (so `authenticate()` and any lock-out apply), asking for an e-mail address.

    The address is the username, lower-cased at sign-up; it is lower-cased here too.
    """

    username = auth_forms.UsernameField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    error_messages = {
        "invalid_login": _(
            "That e-mail address and password do not match an account. Check both and try "
            "again; passwords are case-sensitive."
        ),
        "inactive": _("This account is not active."),
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's form, with the e-mail written in the account owner's language."""

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        language = profile_for(context["user"]).language
        with translation.override(language):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password
