"""A real nginx on a loopback port, with its own config and prefix: for `bench team` and the tests.

ETag and Last-Modified are on (nginx's defaults for static files), so an unchanged team pointer
is answered 304. The process is started and stopped by :func:`nginx`; :func:`nginx_binary` is
None when the Debian package (nginx-light) is not installed.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
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


def cpu_seconds(run: Path) -> float:
    """CPU time used so far by the nginx started with prefix ``run`` (master and workers)."""
    master = int((run / "nginx.pid").read_text().strip())
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry.name), int(fields[1])
        if pid == master or ppid == master:
            total += (int(fields[11]) + int(fields[12])) / tick  # utime + stime
    return total
