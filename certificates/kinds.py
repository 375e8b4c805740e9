"""What a certificate can be awarded for; apps register their kinds, so this app imports none.

    from certificates.kinds import register_kind
    register_kind("learning.module", _("eLearning module"))          # learning/apps.py
    register_kind("programmes.run", _("Programme"), _("Certificate of participation"))

The key is stored on each certificate; the labels are shown on its verification page and in the
admin. A certificate whose kind is no longer registered still verifies (its label is the key).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class CertificateKind:
    key: str
    label: str  # what the achievement is, e.g. "eLearning module"
    heading: str  # the certificate's default heading, e.g. "Certificate of completion"


_KINDS = {}


def register_kind(key, label, heading=None):
    _KINDS[key] = CertificateKind(key, label, heading or _("Certificate of completion"))


def get_kind(key):
    return _KINDS.get(key) or CertificateKind(key, key, _("Certificate"))


def kind_choices():
    return [(kind.key, kind.label) for kind in _KINDS.values()]
