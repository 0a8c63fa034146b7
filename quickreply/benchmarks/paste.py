"""``quickreply bench paste``: hotkey or palette Enter to text in a target window, on Xvfb.

Starts its own Xvfb (a free display via ``-displayfd``), a stand-in chat client (a QTextEdit in
its own process, tests/e2e/target_app.py) and the phase-1 harness (tests/e2e/harness.py: the
real X11 backend, bridge and paste service). Each run presses the key with XTest from this
process and waits for the target to report the text; the target stamps arrival with the
system-wide monotonic clock, so the figure is key press to text in the other process.

The third figure is the real thing: the whole app (``python -m quickreply``) on the same
display, its palette opened with the palette hotkey, a code typed, and Enter timed to the text
in the target.

The helpers here (:class:`Xvfb`, :class:`Proc`, :func:`start_app`, :func:`app_reply`) are
shared with tests/e2e.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import queue
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
E2E = ROOT / "tests" / "e2e"


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
            cwd=ROOT,
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


class KeyPresser:
    """Presses combinations with XTest from this process (an agent's keyboard, ~0 ms)."""

    def __init__(self, display_name: str) -> None:
        from Xlib import XK, display

        self._d = display.Display(display_name)
        self._XK = XK

    def press(self, *keysyms: str) -> None:
        from Xlib import X
        from Xlib.ext import xtest

        codes = [self._d.keysym_to_keycode(self._XK.string_to_keysym(k)) for k in keysyms]
        for code in codes:
            xtest.fake_input(self._d, X.KeyPress, code)
        for code in reversed(codes):
            xtest.fake_input(self._d, X.KeyRelease, code)
        self._d.flush()

    def close(self) -> None:
        self._d.close()


APP_PACK = """\
pack: {id: bench.paste, name: 粘贴基准, version: 1}
snippets:
  - id: bench.welcome
    title: 基准欢迎语
    code: zzq
    text: 亲，欢迎光临{{ shop_name }}！今天{{ cutoff }}前付款当天发货哦~
"""


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
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.rstrip("\n")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--runs", type=int, default=20, help="runs per measurement (20)")


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def _time_app_palette(
    env: dict[str, str], presser: KeyPresser, target: Proc, window: str, runs: int
) -> list[float]:
    """Palette hotkey, type ``zzq``, then time Enter to the reply in the target, in the app."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="qr-bench-") as tmp:
        home = Path(tmp)
        (home / "personal").mkdir(parents=True)
        (home / "personal" / "bench.yaml").write_text(APP_PACK, encoding="utf-8")
        app = start_app(env, home)
        try:
            wanted = app_reply(home, "zzq")
            timings: list[float] = []
            for _ in range(runs):
                _clear(target)
                xdotool(env, "windowfocus", "--sync", str(window))
                time.sleep(0.3)  # the previous clipboard restore is done; each run starts cold
                presser.press("Control_L", "Alt_L", "space")
                deadline = time.monotonic() + 5
                while xdotool(env, "getwindowfocus").strip() == str(window):
                    if time.monotonic() > deadline:
                        raise RuntimeError("the palette never took the focus")
                    time.sleep(0.02)
                for key in ("z", "z", "q"):
                    presser.press(key)
                time.sleep(0.3)  # the agent reads the list before pressing Enter
                started = time.monotonic()
                presser.press("Return")
                arrived = target.text_until(wanted)["t"]
                timings.append((arrived - started) * 1000)
            return timings
        finally:
            app.terminate()


def _clear(target: Proc) -> None:
    """Empty the stand-in chat window (tests/e2e/target_app.py) and wait until it is."""
    target.send("clear")
    target.expect("cleared")


def run(args: argparse.Namespace) -> int:
    missing = missing_tools()
    if missing or not (E2E / "harness.py").exists():
        what = ", ".join(missing) or "tests/e2e (run from a source checkout)"
        print(f"quickreply bench paste: needs {what}", file=sys.stderr)
        return 2
    runs = max(1, int(args.runs))
    xvfb = Xvfb()
    env = xvfb.env()
    target = harness = None
    presser = None
    try:
        target = Proc([sys.executable, str(E2E / "target_app.py")], env)
        window = target.expect("ready")["window"]
        harness = Proc([sys.executable, str(E2E / "harness.py"), "200"], env)
        greeting = harness.expect("ready")["greeting"]
        presser = KeyPresser(xvfb.display)
        xdotool(env, "windowfocus", "--sync", str(window))
        direct: list[float] = []
        palette: list[float] = []
        for _ in range(runs):
            _clear(target)
            time.sleep(0.25)  # let the previous restore finish: each run starts cold
            started = time.monotonic()
            presser.press("Control_L", "Alt_L", "1")
            arrived = target.text_until(greeting)["t"]
            direct.append((arrived - started) * 1000)
        for _ in range(runs):
            _clear(target)
            time.sleep(0.25)
            presser.press("Control_L", "Alt_L", "p")
            harness.expect("palette")
            time.sleep(0.15)  # the agent reads the list before pressing Enter
            started = time.monotonic()
            presser.press("Return")
            arrived = target.text_until(greeting)["t"]
            palette.append((arrived - started) * 1000)
        harness.stop()
        harness = None
        app_enter = _time_app_palette(env, presser, target, window, runs)
    finally:
        if presser is not None:
            presser.close()
        for proc in (harness, target):
            if proc is not None:
                proc.stop()
        xvfb.stop()
    result = {
        "target": "paste",
        "runs": runs,
        "direct_median_ms": round(statistics.median(direct), 1),
        "direct_p95_ms": round(_percentile(direct, 95), 1),
        "direct_max_ms": round(max(direct), 1),
        "palette_enter_median_ms": round(statistics.median(palette), 1),
        "palette_enter_p95_ms": round(_percentile(palette, 95), 1),
        "app_palette_enter_median_ms": round(statistics.median(app_enter), 1),
        "app_palette_enter_p95_ms": round(_percentile(app_enter, 95), 1),
    }
    print(
        f"direct hotkey -> text: median {result['direct_median_ms']} ms, "
        f"p95 {result['direct_p95_ms']} ms over {runs} runs"
    )
    print(f"palette Enter -> text (harness): median {result['palette_enter_median_ms']} ms")
    print(
        f"palette Enter -> text (the whole app): median {result['app_palette_enter_median_ms']}"
        f" ms, p95 {result['app_palette_enter_p95_ms']} ms"
    )
    print(json.dumps(result))
    return 0
