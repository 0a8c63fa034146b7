"""Web servers for team-sync tests: a real nginx (ETag on) and a small faulty Python server."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

NGINX_CONF = """\
worker_processes 1;
daemon off;
{user}
pid {run}/nginx.pid;
error_log {run}/error.log;
events {{ worker_connections 256; }}
http {{
    access_log {run}/access.log;
    client_body_temp_path {run}/body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    types {{ application/json json; text/yaml yaml yml; }}
    server {{
        listen 127.0.0.1:{port};
        root {root};
        etag on;
        location / {{ }}
    }}
}}
"""


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(p, os.X_OK)), None
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.02)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


@contextmanager
def nginx(binary: str, root: Path, run: Path) -> Iterator[str]:
    """Serve ``root`` on a loopback port with its own prefix in ``run``; yields the base URL."""
    run.mkdir(parents=True, exist_ok=True)
    port = free_port()
    # As root nginx drops its workers to "nobody", who cannot enter pytest's owner-only tmp.
    user = "user root;" if os.geteuid() == 0 else ""
    conf = run / "nginx.conf"
    conf.write_text(NGINX_CONF.format(user=user, run=run, port=port, root=root))
    proc = subprocess.Popen(
        [binary, "-p", str(run), "-c", str(conf), "-e", str(run / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


class Faults:
    """What the faulty server does per path: ``serve`` from ``root`` unless told otherwise."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.rules: dict[str, str] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []


def _handler(faults: Faults) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            path = self.path.lstrip("/")
            faults.requests.append((path, dict(self.headers)))
            rule = faults.rules.get(path, faults.rules.get("*", "serve"))
            if rule in ("404", "500"):
                self.send_error(int(rule))
                return
            if rule == "loop":
                self.send_response(302)
                self.send_header("Location", "/" + path)
                self.end_headers()
                return
            file = faults.root / path
            if not file.is_file():
                self.send_error(404)
                return
            data = file.read_bytes()
            etag = f'"{hashlib.sha256(data).hexdigest()[:16]}"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            if rule == "slow":
                time.sleep(1.5)
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("ETag", etag)
            self.end_headers()
            try:
                if rule == "cut":
                    self.wfile.write(data[: len(data) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test): nothing to report

    return Handler


@contextmanager
def faulty_server(root: Path) -> Iterator[tuple[str, Faults]]:
    faults = Faults(root)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(faults))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", faults
    finally:
        server.shutdown()
        server.server_close()
