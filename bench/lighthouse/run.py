"""Serve the demo portal as production would, then measure it: page weight and Lighthouse.

Usage (from the repository root, after `make install`):

    .venv/bin/python bench/lighthouse/run.py [--runs 1] [--keep]

What it does, all inside one temporary folder that is removed afterwards (unless --keep):

1. builds a scratch SQLite database with the demo content (`load_demo_content`), measures of
   each page type the page the demo has translated into the most languages (the demo's real
   Arabic pages), gives a measured page a version in a language only where the demo has none
   (a fallback copy with its English text, so that right-to-left layout is still measured on
   every page type; the copies made are printed), and indexes it for search;
2. collects the static files (compressed and fingerprinted by whitenoise) and renders every page
   once so that image renditions exist, as on a server that has been running a while;
3. starts gunicorn with the production settings (DEBUG off, whitenoise; uploaded media served
   by whitenoise too, standing in for the web server that serves them in production);
4. measures every public page type in every language with Debian's chromium (bench/page_weight.py)
   and runs Lighthouse (npm, pinned in package-lock.json; `npm ci` here first) on the pages the
   budget names, mobile profile, in English and Arabic, and prints both tables.

Lighthouse sometimes fails a run with NO_NAVSTART; such a run is retried.
"""

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PYTHON = sys.executable
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROMIUM_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
# The pages the budget names, by a key that bench_pages.py resolves in the demo content.
LIGHTHOUSE_PAGES = ["home", "area", "resource", "kit", "case_study", "lesson", "search"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
BUDGET = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args, capture=False):
    command = [PYTHON, str(ROOT / "manage.py"), *args]
    if capture:
        return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)


def prepare(work, port):
    """The scratch portal: database, media, static files. Returns the production environment."""
    base = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static"),
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
    }
    build = {**base, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}  # tasks run inline
    print("Building the demo portal (about a minute)...", flush=True)
    manage(build, "migrate", "--noinput")
    manage(build, "load_demo_content")
    lines = (
        manage(
            build,
            "shell",
            "-c",
            (HERE / "bench_pages.py").read_text().replace("PORT_PLACEHOLDER", str(port)),
            capture=True,
        )
        .strip()
        .splitlines()
    )
    print(lines[-2], flush=True)  # the copies made where the demo has no translation
    pages = json.loads(lines[-1])
    manage(build, "update_index")
    production = {
        **base,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "bench-only-secret-key-not-for-production",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_COOKIES": "false",
        "SECURE_SSL_REDIRECT": "false",  # served over plain HTTP on the loopback
        "HSTS_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
    }
    manage(production, "collectstatic", "--noinput")
    return production, pages


def serve(env, port, work):
    """gunicorn with the production settings; returns the process once it answers."""
    log = open(work / "gunicorn.log", "w")
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "--pythonpath",
            f"{ROOT},{HERE}",
            "media_wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2)
            return process
        except OSError:
            time.sleep(0.2)
    stop(process)
    raise SystemExit(f"gunicorn did not start; see {work / 'gunicorn.log'}")


def stop(process):
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=20)


def warm(env, port, pages):
    """Render every page once before the server starts, so that its image renditions exist."""
    urls = sorted({url for by_language in pages.values() for url in by_language.values()})
    script = (
        "from django.test import Client\n"
        f"client = Client(HTTP_HOST='127.0.0.1:{port}')\n"
        f"bad = [u for u in {urls!r} if client.get(u).status_code != 200]\n"
        "assert not bad, bad\n"
    )
    manage(env, "shell", "-c", script)


def failing_audits(report, category):
    """The audits that count towards `category`'s score (weight above 0) and did not pass."""
    failing = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if (
            ref["weight"]
            and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
            and (audit.get("score") or 0) < 1
        ):
            failing.append(ref["id"])
    return failing


def lighthouse(url, work, attempts=3):
    """Scores (0-100) of one mobile Lighthouse run of `url`, and the audits that cost points."""
    out = work / "lighthouse.json"
    for _ in range(attempts):
        out.unlink(missing_ok=True)  # never read the previous page's report
        result = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={out}",
                f"--chrome-flags={CHROMIUM_FLAGS}",
                "--only-categories=" + ",".join(CATEGORIES),
            ],
            env={**os.environ, "CHROME_PATH": shutil.which("chromium") or ""},
            capture_output=True,
            text=True,
        )
        report = json.loads(out.read_text()) if out.exists() else {}
        error = (report.get("runtimeError") or {}).get("code", "")
        if result.returncode == 0 and report and not error:
            scores = {key: round(report["categories"][key]["score"] * 100) for key in CATEGORIES}
            return scores, {key: failing_audits(report, key) for key in CATEGORIES}
        if "NO_NAVSTART" not in (error + result.stderr + result.stdout):
            break
    raise SystemExit(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--runs", type=int, default=1, help="Lighthouse runs per page (median kept)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    parser.add_argument("--skip-lighthouse", action="store_true")
    args = parser.parse_args()
    if not shutil.which("chromium"):
        raise SystemExit("Debian's chromium is needed: apt-get install chromium")
    if not args.skip_lighthouse and not LIGHTHOUSE.exists():
        if not shutil.which("npm"):
            raise SystemExit(
                "npm is needed to install Lighthouse from package-lock.json "
                "(or pass --skip-lighthouse for the page weights alone)"
            )
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)

    work = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    process = None
    try:
        env, pages = prepare(work, port)
        warm(env, port, pages)
        process = serve(env, port, work)

        sys.path.insert(0, str(ROOT / "bench"))
        from page_weight import measure_all, print_weights

        weights = measure_all(base_url, pages)
        print_weights(weights)

        failed = [row for row in weights if not row["ok"]]
        if not args.skip_lighthouse:
            print(f"\nLighthouse 12.8.2, mobile profile (median of {args.runs} run(s))")
            # The load average beside each row: on a shared machine a low performance score
            # under heavy load is worth a re-run before it is taken for the page's fault.
            print(
                f"{'page':<12} {'lang':<5} "
                + " ".join(f"{c[:13]:>14}" for c in CATEGORIES)
                + f" {'load':>6}"
            )
            for key in LIGHTHOUSE_PAGES:
                for language in ("en", "ar"):
                    url = pages[key][language]
                    runs = [lighthouse(base_url + url, work) for _ in range(args.runs)]
                    scores = {
                        c: sorted(run[0][c] for run in runs)[len(runs) // 2] for c in CATEGORIES
                    }
                    low = [c for c in CATEGORIES if scores[c] < BUDGET[c]]
                    marks = " ".join(f"{scores[c]:>14}" for c in CATEGORIES)
                    load = f" {os.getloadavg()[0]:>6.1f}"
                    below = "; ".join(f"{c}: {', '.join(runs[0][1][c])}" for c in low)
                    below = f"   below budget; failing audits: {below}" if low else ""
                    print(f"{key:<12} {language:<5} {marks}{load}{below}", flush=True)
                    if low:
                        failed.append((key, language, low))
        if failed:
            raise SystemExit(1)
    finally:
        if process is not None:
            stop(process)
        if args.keep:
            print(f"Scratch folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
