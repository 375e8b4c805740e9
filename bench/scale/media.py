"""Media from the local disk and from object storage, side by side: requests per second.

Usage (from the repository root, after `make install`):

    .venv/bin/python bench/scale/media.py [--seconds 10] [--clients 8]

In a temporary folder (removed afterwards): a scratch SQLite database (`migrate`), moto's S3
server (`moto_server`, the stand-in for S3/MinIO that the tests use, in memory) with one bucket,
and gunicorn with the production settings (2 sync workers, as issue 18 measured). Then, for the
local disk (`MEDIA_STORAGE` unset) and for the bucket (`MEDIA_STORAGE=s3`), it uploads one image
(with its renditions) and one public document and measures, with `--clients` threads for
`--seconds` each:

* an image rendition: from the disk through gunicorn (portal/media.py), or from the store;
* a document through Wagtail's view: streamed by gunicorn, or a 302 to a signed address;
* with the bucket, the whole download too: the 302, then the file from the store.

Each row shows requests/s, p50 and p99 latency and the machine's load average (`uptime`), as the
clients, gunicorn and moto share this machine's cores: compare rows from one run, and re-run
when the load is high. moto is a Python stand-in, not a production store; its rows show that
the bytes leave gunicorn, not how fast S3 or MinIO serve them.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
BIN = Path(PYTHON).parent
sys.path.insert(0, str(ROOT))

from bench.common import free_port, run_load  # noqa: E402

UPLOAD = """
import json
from django.core.files.base import ContentFile
from core.images import create_renditions
from tests import factories as f
image = f.ImageFactory(file=ContentFile(f.png_bytes(), name="bench.png"))
create_renditions.call(image.pk)  # what the worker does after an upload
rendition = image.get_rendition("fill-400x225|format-webp")
document = f.DocumentFactory(title="Bench guide")
print(json.dumps({"rendition": rendition.url, "document": document.url}))
"""


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer within {seconds} s")


def load():
    return os.getloadavg()


def measure(fetch, seconds, clients):
    """Run fetch(session) from `clients` threads for `seconds`: (req/s, p50, p99, errors)."""
    return run_load(
        lambda session, _number: fetch(session),
        seconds,
        clients,
        requests.Session,
        (requests.RequestException,),
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()

    processes = []
    with tempfile.TemporaryDirectory(prefix="portal-bench-media-") as scratch:
        work = Path(scratch)
        (work / "static").mkdir()  # whitenoise looks for it; no page is measured here
        s3_port, web_port = free_port(), free_port()
        endpoint = f"http://127.0.0.1:{s3_port}"
        base_env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "bench-" + "x" * 60,
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
            "MEDIA_ROOT": str(work / "media"),
            "STATIC_ROOT": str(work / "static"),
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "HSTS_SECONDS": "0",
            "LOG_LEVEL": "WARNING",
        }
        s3_env = {
            **base_env,
            "MEDIA_STORAGE": "s3",
            "MEDIA_BUCKET": "portal-bench",
            "MEDIA_ENDPOINT_URL": endpoint,
            "MEDIA_REGION": "us-east-1",
            "MEDIA_ACCESS_KEY_ID": "bench",
            "MEDIA_SECRET_ACCESS_KEY": "bench",
            "MEDIA_ADDRESSING_STYLE": "path",
        }
        try:
            moto = subprocess.Popen(
                [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(s3_port)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            processes.append(moto)
            print("migrating a scratch database…", flush=True)
            subprocess.run(
                [PYTHON, "manage.py", "migrate", "--noinput"],
                cwd=ROOT,
                env=base_env,
                check=True,
                stdout=subprocess.DEVNULL,
            )
            wait_for(endpoint)
            requests.put(f"{endpoint}/portal-bench", timeout=10).raise_for_status()

            rows = []
            for label, env in (("local disk", base_env), ("object storage", s3_env)):
                # Uploaded in the production settings, as the admin and the worker would.
                out = subprocess.run(
                    [PYTHON, "manage.py", "shell", "-c", UPLOAD],
                    cwd=ROOT,
                    env=env,
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
                urls = json.loads(out.strip().splitlines()[-1])
                web = subprocess.Popen(
                    [
                        str(BIN / "gunicorn"),
                        "portal.wsgi",
                        "--workers",
                        "2",
                        "--bind",
                        f"127.0.0.1:{web_port}",
                        "--log-level",
                        "warning",
                    ],
                    cwd=ROOT,
                    env=env,
                )
                processes.append(web)
                site = f"http://127.0.0.1:{web_port}"
                wait_for(site + "/robots.txt")
                rendition = urls["rendition"]
                if rendition.startswith("/"):
                    rendition = site + rendition
                document = site + urls["document"]

                def image(session, url=rendition):
                    response = session.get(url, timeout=30)
                    return response.status_code == 200 and len(response.content) > 0

                def doc_view(session, url=document):
                    response = session.get(url, timeout=30, allow_redirects=False)
                    if response.status_code == 302:
                        return "Signature=" in response.headers["Location"]
                    return response.status_code == 200 and response.content.startswith(b"%PDF")

                def doc_download(session, url=document):
                    response = session.get(url, timeout=30)
                    return response.status_code == 200 and response.content.startswith(b"%PDF")

                checks = [
                    (
                        "image rendition",
                        "store" if label == "object storage" else "gunicorn",
                        image,
                    ),
                    (
                        "document view",
                        "302 signed" if label == "object storage" else "streamed",
                        doc_view,
                    ),
                ]
                if label == "object storage":
                    checks.append(("document download", "302 + store", doc_download))
                for what, how, fetch in checks:
                    assert fetch(requests.Session()), (label, what)
                    result = measure(fetch, args.seconds, args.clients)
                    rows.append((label, what, how, *result, load()))
                web.send_signal(signal.SIGTERM)
                web.wait(timeout=30)
                processes.remove(web)
        finally:
            for process in processes:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=30)

    print(
        f"\n{args.clients} clients, {args.seconds:g} s each, gunicorn 2 sync workers, "
        f"{os.cpu_count()} cores\n"
    )
    header = ("media on", "what", "served by", "req/s", "p50 ms", "p99 ms", "errors", "load 1/5/15")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for label, what, how, rate, p50, p99, errors, (l1, l5, l15) in rows:
        print(
            f"| {label} | {what} | {how} | {rate:.0f} | {p50:.1f} | {p99:.1f} | {errors} "
            f"| {l1:.2f} {l5:.2f} {l15:.2f} |"
        )


if __name__ == "__main__":
    main()
