"""What the PDF tests need from the machine: WeasyPrint's Pango and fonts for every script.

Without them the tests skip with the reason, except in CI (`CI=true`), where `.ci/run` installs
them and their absence fails the run.
"""

import os
import subprocess

import pytest


def _fonts_for(language):
    try:
        out = subprocess.run(
            ["fc-list", f":lang={language}", "family"], capture_output=True, text=True, timeout=10
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return bool(out.strip())


def require_pdf_tools(*languages):
    missing = []
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as error:
        missing.append(f"WeasyPrint cannot load Pango ({error})")
    for language in languages:
        if not _fonts_for(language):
            missing.append(f"no font for language {language!r} (see .ci/run for the packages)")
    if missing:
        reason = "; ".join(missing)
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"PDF tests cannot run in CI: {reason}", pytrace=False)
        pytest.skip(reason)
