from django import forms
from django.utils.translation import gettext_lazy as _

from .records import BODY_MAX_LENGTH, Report


class BodyField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Message"),
            max_length=BODY_MAX_LENGTH,
            strip=True,
            widget=forms.Textarea(attrs={"rows": 6}),
            help_text=_("Plain text. Do not share anything that identifies a child."),
            **kwargs,
        )


class ThreadForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, strip=True)
    theme = forms.TypedChoiceField(label=_("Theme"), required=False, coerce=int, empty_value=None)
    body = BodyField()

    def __init__(self, *args, themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("No particular theme"))] + [
            (theme.pk, theme.title) for theme in themes
        ]
        self.themes = {theme.pk: theme for theme in themes}
        if not themes:  # a run's discussion has no themes
            del self.fields["theme"]

    def clean_theme(self):
        pk = self.cleaned_data.get("theme")
        return self.themes.get(pk) if pk else None


class ReplyForm(forms.Form):
    body = BodyField()


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why should a facilitator look at this post?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Anything to add"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PreferencesForm(forms.Form):
    reply_notices = forms.BooleanField(
        label=_("E-mail me replies to threads I take part in"), required=False
    )
    digest = forms.BooleanField(label=_("Send me a daily digest of new posts"), required=False)


class FollowUpForm(forms.Form):
    message = forms.CharField(
        label=_("What would you like to talk about?"),
        max_length=3000,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only the facilitators read this; they answer by e-mail."),
    )
