"""Plain forms for signing up; they work without JavaScript and keep what was typed on error."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class MeetingSignUpForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)


class ApplicationForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_(
            "We make you an account with it, if you have none, to follow your application."
        ),
    )
    organisation = forms.CharField(label=_("Organisation"), max_length=200)
    role = forms.CharField(label=_("Your role"), max_length=200)
    country = forms.CharField(label=_("Country"), max_length=100)
    language = forms.ChoiceField(label=_("Language you will take part in"), choices=())
    motivation = forms.CharField(
        label=_("Why do you want to take part?"), max_length=3000, widget=forms.Textarea
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.LANGUAGES
        if user is not None and user.is_authenticated:
            # The account's address is the applicant's: it is not asked again.
            del self.fields["name"]
            del self.fields["email"]
