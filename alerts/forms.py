from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale


class LocalizedChoiceField(forms.ModelMultipleChoiceField):
    """Checkboxes labelled in the visitor's language (taxonomy terms, area titles)."""

    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return str(obj.localized)


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    language = forms.ChoiceField(label=_("Language of the alerts"), choices=settings.LANGUAGES)
    topics = LocalizedChoiceField(queryset=None, required=False, label=_("Topics"))
    content_areas = LocalizedChoiceField(queryset=None, required=False, label=_("Content areas"))

    def __init__(self, *args, **kwargs):
        from content_areas.models import ContentAreaPage
        from taxonomy.models import Topic

        super().__init__(*args, **kwargs)
        self.fields["language"].initial = get_language()
        # Pages point at default-language terms (the relation is synchronised), so the
        # subscription does too; the visitor reads each term in their own language.
        self.fields["topics"].queryset = Topic.objects.filter(locale=Locale.get_default())
        self.fields["content_areas"].queryset = (
            ContentAreaPage.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .order_by("path")
        )
        self.fields["topics"].help_text = _(
            "Tick none of the topics and none of the areas to hear about everything new."
        )
