"""The public side of a certificate: its verification page, its PDF and its QR code.

Anyone holding the number (the UUID printed on the certificate and in its QR code) may check
it, so these pages show what the certificate itself shows and nothing more: no e-mail, no
account, no other certificate. They are never indexed.
"""

import logging

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .kinds import get_kind
from .models import Certificate
from .rendering import PdfUnavailable, certificate_context, qr_svg, render_pdf
from .services import verification_url

logger = logging.getLogger("portal.certificates")


def _find(number):
    certificate = Certificate.objects.select_related("design_revision").filter(uuid=number).first()
    if certificate is None:
        raise Http404("No certificate has this number.")
    return certificate


def _base_url(request):
    return request.build_absolute_uri("/").rstrip("/")


def _noindex(response):
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def verify(request, number):
    certificate = Certificate.objects.filter(uuid=number).first()
    if certificate is None:
        return _noindex(render(request, "certificates/not_found.html", status=404))
    context = certificate_context(certificate, _base_url(request))
    context["kind"] = get_kind(certificate.kind)
    context["is_holder"] = (
        request.user.is_authenticated and request.user.pk == certificate.holder_id
    )
    return _noindex(render(request, "certificates/verify.html", context))


@require_safe
def pdf(request, number):
    certificate = _find(number)
    if certificate.is_revoked:
        return _noindex(
            render(request, "certificates/revoked.html", {"certificate": certificate}, status=410)
        )
    try:
        data = render_pdf(certificate, _base_url(request))
    except PdfUnavailable:
        logger.exception("Certificate PDFs cannot be made on this server")
        return _noindex(render(request, "certificates/pdf_unavailable.html", status=503))
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.uuid}.pdf"'
    return _noindex(response)


@require_safe
def qr(request, number):
    certificate = _find(number)
    svg = qr_svg(verification_url(certificate, _base_url(request)))
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return _noindex(response)
