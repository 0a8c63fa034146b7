"""Programs on a private X display, for ``quickreply bench paste`` and the end-to-end tests.

:class:`Xvfb` starts an X server on a free display number (``-displayfd``); :class:`Proc` runs a
child on it that speaks JSON lines on stdout and reads commands on stdin. The children are the
stand-in chat window (:mod:`quickreply.benchmarks.target_app`), the phase-1 harness
(:mod:`quickreply.benchmarks.harness`) and the whole app (:func:`start_app`), each run with
``python -m`` from the installed package, so nothing here needs a source checkout.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def target_command(title: str | None = None) -> list[str]:
    """The stand-in chat window (a QTextEdit titled ``title``); it prints ``ready`` with its id."""
    return [sys.executable, "-m", "quickreply.benchmarks.target_app", *([title] if title else [])]


def harness_command(restore_ms: int = 200) -> list[str]:
    """The phase-1 harness restoring the clipboard ``restore_ms`` after each paste."""
    return [sys.executable, "-m", "quickreply.benchmarks.harness", str(restore_ms)]


class Xvfb:
    """An Xvfb on a free display number, stopped by :meth:`stop`."""

    def __init__(self) -> None:
        read_fd, write_fd = os.pipe()
        self.proc = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_fd),
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
                # No server reset when the last client leaves: a connection opened meanwhile
                # would be dropped ("connection reset by peer").
                "-noreset",
            ],
            pass_fds=[write_fd],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_fd)
        number = b""
        with os.fdopen(read_fd, "rb") as pipe:
            while not number.endswith(b"\n"):
                chunk = pipe.read(1)
                if not chunk:
                    raise RuntimeError("Xvfb exited before reporting its display number")
                number += chunk
        self.display = f":{number.decode().strip()}"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(DISPLAY=self.display, QT_QPA_PLATFORM="xcb")
        env.pop("WAYLAND_DISPLAY", None)
        env.pop("XDG_SESSION_TYPE", None)
        return env

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


class Proc:
    """A child process speaking JSON lines on stdout, read by a thread into a queue."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            args,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.lines: queue.Queue[dict[str, Any]] = queue.Queue()
        self.stderr: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        self._err_reader = threading.Thread(target=self._read_err, daemon=True)
        self._err_reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            try:
                self.lines.put(json.loads(line))
            except json.JSONDecodeError:
                self.lines.put({"event": "noise", "text": line})

    def _read_err(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.stderr.append(line)

    def stderr_tail(self) -> str:
        """The last of what the child wrote to stderr (all of it once the child has exited)."""
        if self.proc.poll() is not None:
            self._err_reader.join(5)
        return "".join(self.stderr)[-2000:]

    def _lines_within(self, timeout: float) -> Iterator[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            with contextlib.suppress(queue.Empty):
                yield self.lines.get(timeout=left)

    def expect(self, event: str, timeout: float = 10.0) -> dict[str, Any]:
        """The next line with ``event`` (others are dropped); raises on timeout."""
        for line in self._lines_within(timeout):
            if line.get("event") == event:
                return line
        raise TimeoutError(f"no '{event}' line; stderr: {self.stderr_tail()}")

    def text_until(self, wanted: str, timeout: float = 10.0) -> dict[str, Any]:
        """The target's change line whose text equals ``wanted``; raises with the last seen."""
        last: dict[str, Any] = {}
        for line in self._lines_within(timeout):
            if "text" in line and line.get("event") is None:
                last = line
                if line["text"] == wanted:
                    return line
        raise TimeoutError(f"target never showed the text; last: {last.get('text')!r}")

    def drain(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        while True:
            try:
                out.append(self.lines.get_nowait())
            except queue.Empty:
                return out

    def send(self, command: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()

    def stop(self) -> None:
        """Ask the child to quit (``quit`` on stdin); kill it if it has not within 5 s."""
        if self.proc.poll() is None:
            try:
                self.send("quit")
                self.proc.wait(5)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait(5)

    def terminate(self) -> None:
        """Stop a child that reads no commands (the app): SIGTERM, SIGKILL after 10 s."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


def xdotool(env: dict[str, str], *args: str) -> str:
    return subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, check=True, timeout=10
    ).stdout


def missing_tools() -> list[str]:
    return [tool for tool in ("Xvfb", "xdotool", "xclip") if shutil.which(tool) is None]


def start_app(env: dict[str, str], home: Path) -> Proc:
    """The whole app (``python -m quickreply``, X11 backend, ``home`` as QUICKREPLY_HOME) on
    ``env``'s display, returned once it shows a window, so its hotkeys are registered.

    Raises RuntimeError with the app's stderr if it exits first, or after 30 s without a window.
    """
    app_env = env | {"QUICKREPLY_HOME": str(home), "QUICKREPLY_BACKEND": "x11"}
    app = Proc([sys.executable, "-m", "quickreply"], app_env)
    deadline = time.monotonic() + 30
    while app.proc.poll() is None:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--pid", str(app.proc.pid)],
            env=env,
            capture_output=True,
            text=True,
        )
        if found.stdout.strip():
            return app
        if time.monotonic() > deadline:
            app.terminate()
            raise RuntimeError("the app did not show a window within 30 s")
        time.sleep(0.1)
    raise RuntimeError(f"the app exited: {app.stderr_tail()}")


def app_reply(home: Path, code: str) -> str:
    """What ``quickreply render CODE`` prints with ``home`` as QUICKREPLY_HOME: the reply the
    app's palette pastes for ``code``."""
    done = subprocess.run(
        [sys.executable, "-m", "quickreply", "render", code],
        env=dict(os.environ) | {"QUICKREPLY_HOME": str(home)},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.rstrip("\n")
