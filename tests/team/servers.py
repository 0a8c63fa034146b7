"""A small faulty web server for team-sync tests (cut transfers, slow answers, 500s, loops)."""

from __future__ import annotations

import hashlib
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


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
            path = urllib.parse.unquote(self.path.lstrip("/"))
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
