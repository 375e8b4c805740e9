from django import template

from ..timezones import in_zone

register = template.Library()


@register.filter
def shown_in(moment, zone):
    """`{{ session.starts_at|shown_in:zone }}`: the time in `zone` (None: UTC), zone named."""
    return in_zone(moment, zone)
