from django import template
from django.urls import reverse

from accounts.registry import account_links as registered_links

register = template.Library()


@register.simple_tag
def account_links():
    return [{"label": link.label, "url": reverse(link.url_name)} for link in registered_links()]
