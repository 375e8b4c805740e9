"""Times in the visitor's zone, rendered on the server.

A session's start is stored in UTC. Pages show it in UTC with the zone named, in the organisers'
zone, and in the visitor's zone when the visitor has chosen one: `?tz=America/Bogota` (the
little form under each list of sessions; its script only pre-selects the browser's zone), kept
in a cookie so the next page shows the same. Nothing needs JavaScript, and the conversion is
zoneinfo's, so daylight-saving changes are those of the IANA database.
"""

import functools
import zoneinfo
from dataclasses import dataclass
from datetime import UTC

from django.utils import formats

COOKIE = "portal_tz"
# The zones offered in the form: one per UTC offset people commonly live in, named by a city
# in it; any IANA name typed in the address works too.
COMMON_ZONES = [
    "UTC",
    "America/Los_Angeles",
    "America/Mexico_City",
    "America/Bogota",
    "America/New_York",
    "America/Santiago",
    "America/Sao_Paulo",
    "Atlantic/Azores",
    "Europe/London",
    "Africa/Lagos",
    "Europe/Paris",
    "Africa/Cairo",
    "Africa/Johannesburg",
    "Africa/Nairobi",
    "Asia/Amman",
    "Europe/Istanbul",
    "Asia/Dubai",
    "Asia/Karachi",
    "Asia/Kolkata",
    "Asia/Dhaka",
    "Asia/Bangkok",
    "Asia/Manila",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
]


@functools.cache
def known_zones():
    """The IANA zone names, read once per process.

    `zoneinfo.available_timezones()` walks the time zone database's folders at every call
    (6 ms here), and a programme page showed each of its sessions through it: 50 sessions cost
    a third of a second. The database changes only with a new tzdata, installed by a restart.
    """
    return frozenset(zoneinfo.available_timezones())


def parse_zone(name):
    """The ZoneInfo for a name a visitor sent, or None when it is not an IANA zone."""
    if not name or len(name) > 64 or name not in known_zones():
        return None
    return zoneinfo.ZoneInfo(name)


def visitor_zone(request):
    """The zone the visitor chose (query string, then cookie), or None."""
    return parse_zone(request.GET.get("tz")) or parse_zone(request.COOKIES.get(COOKIE))


def remember_zone(request, response):
    zone = parse_zone(request.GET.get("tz"))
    if zone is not None:
        response.set_cookie(COOKIE, zone.key, max_age=365 * 86400, samesite="Lax")
    return response


@dataclass(frozen=True)
class ShownTime:
    when: object  # an aware datetime in `zone`
    zone: str

    @property
    def offset(self):
        """ "UTC+3", "UTC-5", "UTC+5:30", "UTC"."""
        seconds = int(self.when.utcoffset().total_seconds())
        if not seconds:
            return "UTC"
        sign = "+" if seconds > 0 else "-"
        hours, rest = divmod(abs(seconds), 3600)
        return f"UTC{sign}{hours}" + (f":{rest // 60:02d}" if rest else "")

    def __str__(self):
        """ "15 Jan 2027, 16:00 (Africa/Nairobi, UTC+3)": a 24-hour clock reads alike everywhere."""
        day = formats.date_format(self.when, "DATE_FORMAT")
        zone = self.zone if self.zone == self.offset else f"{self.zone}, {self.offset}"
        return f"{day}, {self.time()} ({zone})"

    def time(self):
        return self.when.strftime("%H:%M")


def in_zone(moment, zone):
    """`moment` (aware) shown in `zone` (a ZoneInfo or a name; None: UTC)."""
    if isinstance(zone, str):
        zone = parse_zone(zone)
    if zone is None:
        return ShownTime(moment.astimezone(UTC), "UTC")
    return ShownTime(moment.astimezone(zone), zone.key)


def zone_context(request):
    """What the "Show times in" form needs."""
    zone = visitor_zone(request)
    return {"zone": zone, "zones": COMMON_ZONES, "zone_name": zone.key if zone else ""}
