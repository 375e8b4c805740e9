"""Production settings refuse to start half-configured; background failures are loud."""

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from django_tasks import TaskResultStatus, task

PROJECT = Path(__file__).resolve().parent.parent


def run_check(**env):
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE"}
    }
    base.update(DJANGO_SETTINGS_MODULE="portal.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "CRITICAL"],
        cwd=PROJECT,
        env=base,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing):
    env = {"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "portal.example.org"}
    del env[missing]
    result = run_check(**env)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        f"portal: the environment variable {missing} must be set in production "
        f"(see the configuration table in README.md)."
    ]


def test_production_starts_when_configured():
    result = run_check(SECRET_KEY="x" * 60, ALLOWED_HOSTS="portal.example.org")
    assert result.returncode == 0, result.stderr


def test_production_with_media_in_object_storage():
    """MEDIA_STORAGE=s3 needs a bucket, says so in one line, and starts once it has one."""
    env = {"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "portal.example.org", "MEDIA_STORAGE": "s3"}
    result = run_check(**env)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "portal: the environment variable MEDIA_BUCKET must be set with MEDIA_STORAGE=s3 "
        "(see the configuration table in README.md)."
    ]
    result = run_check(**env, MEDIA_BUCKET="portal-media", MEDIA_REGION="eu-west-1")
    assert result.returncode == 0, result.stderr


@task()
def broken_index_update():
    raise RuntimeError("search engine unreachable")


@override_settings(
    TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
)
def test_failed_background_task_is_logged_with_its_traceback(caplog):
    with caplog.at_level(logging.ERROR, logger="portal.tasks"):
        result = broken_index_update.enqueue()
    assert result.status == TaskResultStatus.FAILED
    messages = [r.getMessage() for r in caplog.records if r.name == "portal.tasks"]
    assert any(
        "broken_index_update failed" in m and "search engine unreachable" in m for m in messages
    )
