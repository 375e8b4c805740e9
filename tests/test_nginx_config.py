"""The example proxy configuration (docs/deployment/nginx.conf) works (issue 13, item 9).

Debian's nginx checks the file (`nginx -t`) and then serves through it on this machine's
loopback, in front of a stand-in upstream that echoes what it receives: plain HTTP is
redirected to HTTPS, and the upstream sees the Host, an X-Forwarded-Proto the client cannot
set and an X-Forwarded-For ending with the client's real address, which is what the portal
believes when TRUSTED_PROXY is on (tests/test_security_headers.py, test_security_signin.py).
Skipped where nginx or openssl is not installed (`apt-get install nginx-light openssl`).
"""

import http.client
import json
import shutil
import ssl
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CONFIG = Path(__file__).resolve().parent.parent / "docs" / "deployment" / "nginx.conf"
UPSTREAM, HTTP, HTTPS = 8220, 8222, 8223

pytestmark = pytest.mark.skipif(
    not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()) or not shutil.which("openssl"),
    reason="nginx or openssl is not installed (apt-get install nginx-light openssl)",
)


class Echo(BaseHTTPRequestHandler):
    def do_GET(self):
        body = json.dumps({name.lower(): value for name, value in self.headers.items()}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy(tmp_path):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=portal.example.org",
            "-keyout",
            key,
            "-out",
            cert,
        ],
        check=True,
        capture_output=True,
    )
    site = (
        CONFIG.read_text()
        .replace("127.0.0.1:8000", f"127.0.0.1:{UPSTREAM}")
        .replace("listen 80;", f"listen 127.0.0.1:{HTTP};")
        .replace("listen 443 ssl;", f"listen 127.0.0.1:{HTTPS} ssl;")
        .replace("/etc/ssl/certs/portal.example.org.pem", str(cert))
        .replace("/etc/ssl/private/portal.example.org.key", str(key))
    )
    (tmp_path / "logs").mkdir()
    main = tmp_path / "nginx.conf"
    main.write_text(
        f"daemon off; pid {tmp_path}/nginx.pid; error_log {tmp_path}/logs/error.log;\n"
        "events { worker_connections 64; }\n"
        f"http {{ access_log off; client_body_temp_path {tmp_path}/body; "
        f"proxy_temp_path {tmp_path}/proxy;\n{site}\n}}\n"
    )
    check = subprocess.run(
        [nginx, "-t", "-c", str(main), "-p", str(tmp_path)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr

    upstream = ThreadingHTTPServer(("127.0.0.1", UPSTREAM), Echo)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    server = subprocess.Popen([nginx, "-c", str(main), "-p", str(tmp_path)], stderr=subprocess.PIPE)
    try:
        for _ in range(50):
            try:
                http.client.HTTPConnection("127.0.0.1", HTTP, timeout=1).request("HEAD", "/")
                break
            except OSError:
                time.sleep(0.1)
        yield
    finally:
        server.terminate()
        server.wait(timeout=10)
        upstream.shutdown()
        upstream.server_close()


def test_http_is_redirected_to_https(proxy):
    connection = http.client.HTTPConnection("127.0.0.1", HTTP, timeout=5)
    connection.request("GET", "/en/?q=1", headers={"Host": "portal.example.org"})
    response = connection.getresponse()
    assert response.status == 301
    assert response.getheader("Location") == "https://portal.example.org/en/?q=1"


def test_the_upstream_gets_trustworthy_forwarded_headers(proxy):
    context = ssl._create_unverified_context()  # the test's own self-signed certificate
    connection = http.client.HTTPSConnection("127.0.0.1", HTTPS, timeout=5, context=context)
    connection.request(
        "GET",
        "/en/",
        headers={
            "Host": "portal.example.org",
            "X-Forwarded-Proto": "http",
            "X-Forwarded-For": "10.6.6.6",
        },
    )
    response = connection.getresponse()
    assert response.status == 200
    seen = json.loads(response.read())
    assert seen["host"] == "portal.example.org"
    assert seen["x-forwarded-proto"] == "https"  # overwritten, not the client's
    hops = [hop.strip() for hop in seen["x-forwarded-for"].split(",")]
    assert hops == ["10.6.6.6", "127.0.0.1"]  # the last one is the address nginx saw
