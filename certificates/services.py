"""Issuing certificates: the one function every achievement calls.

    from certificates.services import issue_certificate
    certificate = issue_certificate(
        user,
        kind="learning.module",                 # registered in certificates.kinds
        achievement_key=str(module.translation_key),
        title=module.title,                     # in the holder's language
        language="fr",
        score=Decimal("85.00"),                 # or None when there is nothing to score
        transcript={"summary": "...", "objectives": [...], "items": [...]},
        achievement_url=module.full_url,
    )

It is idempotent: a holder has at most one valid certificate per kind and achievement, and a
second call returns it unchanged.
"""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from .models import Certificate, CertificateDesign


def default_design(language=None):
    """The default design in `language` (or its source when not translated), or None."""
    designs = CertificateDesign.objects.filter(is_default=True)
    source = designs.filter(locale=Locale.get_default()).first() or designs.first()
    if source is None:
        return None
    locale = Locale.objects.filter(language_code=language).first() if language else None
    if locale is not None:
        return source.get_translation_or_none(locale) or source
    return source


def design_in(design, language):
    """A chosen design in the holder's language when it is translated."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or design.locale_id == locale.pk:
        return design
    return design.get_translation_or_none(locale) or design


def pinned_revision(design):
    """The design's latest revision, making the first one if it was never saved through one."""
    if design is None:
        return None
    if design.latest_revision_id is None:
        return design.save_revision(log_action=False)
    return design.latest_revision


def valid_certificate(holder, kind, achievement_key):
    return Certificate.objects.filter(
        holder=holder, kind=kind, achievement_key=achievement_key, revoked_at__isnull=True
    ).first()


def issue_certificate(
    holder,
    *,
    kind,
    achievement_key,
    title,
    language,
    name=None,
    score=None,
    transcript=None,
    achievement_url="",
    design=None,
):
    """The holder's valid certificate for this achievement, issued now if there is none."""
    from accounts.models import profile_for

    achievement_key = str(achievement_key)
    existing = valid_certificate(holder, kind, achievement_key)
    if existing is not None:
        return existing
    design = design_in(design, language) if design is not None else default_design(language)
    try:
        with transaction.atomic():
            return Certificate.objects.create(
                holder=holder,
                holder_name=name or profile_for(holder).name,
                kind=kind,
                achievement_key=achievement_key,
                title=title[:255],
                language=language,
                score=score,
                transcript=transcript or {},
                achievement_url=achievement_url[:500],
                design_revision=pinned_revision(design),
            )
    except IntegrityError:  # issued meanwhile by a concurrent request
        return valid_certificate(holder, kind, achievement_key)


def verification_url(certificate, base_url=None):
    from accounts.services import site_url

    with translation.override(certificate.language):
        path = reverse("certificates:verify", args=[certificate.uuid])
    return (base_url or site_url()) + path


def export_certificates(user):
    return [
        {
            "number": str(c.uuid),
            "awarded_for": c.title,
            "name": c.holder_name,
            "issued": c.issued_at.isoformat(),
            "score": str(c.score) if c.score is not None else None,
            "language": c.language,
            "revoked": c.revoked_at.isoformat() if c.revoked_at else None,
            "verification_url": verification_url(c),
        }
        for c in user.certificates.all()
    ]
