"""What other apps keep about an account owner, so "download my data" is complete.

`accounts` knows no feature app. An app that stores personal data about a user registers an
exporter here (in its AppConfig.ready); the download then includes one section per app.
Deleting an account deletes the user row, and every model that points at it must cascade (or
register an `erase` callable for what does not).
"""

from dataclasses import dataclass

_SECTIONS = {}


@dataclass(frozen=True)
class PersonalDataSection:
    key: str
    label: str
    export: object  # callable(user) -> JSON-serialisable data
    erase: object = None  # callable(user), run before the user row is deleted


def register_personal_data(key, label, export, erase=None):
    _SECTIONS[key] = PersonalDataSection(key, label, export, erase)


def sections():
    return list(_SECTIONS.values())


_LINKS = {}


@dataclass(frozen=True)
class AccountLink:
    label: str
    url_name: str


def register_account_link(key, label, url_name):
    """A link on the account page to an app's own pages for the owner (e.g. "My learning")."""
    _LINKS[key] = AccountLink(label, url_name)


def account_links():
    return list(_LINKS.values())


def export_account(user):
    from .models import profile_for

    profile = profile_for(user)
    return {
        "email": user.email,
        "name": profile.name,
        "language": profile.language,
        "country": profile.country,
        "organisation": profile.organisation,
        "signed_up": profile.created_at.isoformat(),
        "confirmed": profile.confirmed_at.isoformat() if profile.confirmed_at else None,
        "last_sign_in": user.last_login.isoformat() if user.last_login else None,
    }
