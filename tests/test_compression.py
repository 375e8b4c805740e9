"""Production gzips the portal's text responses, never a streamed download (portal/compression.py)."""

import gzip

from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory

from portal.compression import TextGZipMiddleware

PAGE = "<!doctype html><p>" + "Child protection knowledge. " * 100 + "</p>"


def respond(response, accept="gzip, deflate, br"):
    request = RequestFactory().get("/en/", HTTP_ACCEPT_ENCODING=accept)
    return TextGZipMiddleware(lambda request: response)(request)


def test_pages_are_gzipped_when_the_browser_accepts_it():
    response = respond(HttpResponse(PAGE, content_type="text/html; charset=utf-8"))
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert gzip.decompress(response.content).decode() == PAGE
    assert len(response.content) < len(PAGE) / 4


def test_pages_stay_plain_for_a_browser_that_does_not_accept_gzip():
    response = respond(HttpResponse(PAGE, content_type="text/html"), accept="identity")
    assert not response.has_header("Content-Encoding")
    assert response.content.decode() == PAGE


def test_downloads_and_binary_responses_are_left_alone():
    download = StreamingHttpResponse([b"%PDF-1.7 ..."], content_type="application/pdf")
    download["Content-Length"] = "12"
    download = respond(download)
    assert not download.has_header("Content-Encoding") and download["Content-Length"] == "12"
    image = respond(HttpResponse(b"\x89PNG" + b"0" * 500, content_type="image/png"))
    assert not image.has_header("Content-Encoding")
