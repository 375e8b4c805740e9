"""Admin template tags of the editorial workflow."""

from django import template
from django.urls import reverse
from wagtail.models import Page

from .. import translations

register = template.Library()


@register.inclusion_tag("editorial/submit_translation_bar.html", takes_context=True)
def submit_translation_bar(context, instance):
    """In wagtail-localize's editor: submit this translation for review, where the work is done.

    Shown to whoever may submit it (the conditions of Wagtail's own "Submit for review").
    """
    request = context["request"]
    page = instance if isinstance(instance, Page) else None
    if page is None or not translations.can_submit(page, request.user):
        return {"show": False}
    return {
        "show": True,
        "action": reverse("editorial:submit_translation", args=(page.pk,)),
        "next": request.get_full_path(),
        "workflow": page.get_workflow(),
        "csrf_token": context.get("csrf_token"),
    }
