"""``quickreply bench paste``: hotkey or palette Enter to text in a target window, on Xvfb.

Starts its own Xvfb (a free display via ``-displayfd``), a stand-in chat client (a QTextEdit in
its own process, :mod:`quickreply.benchmarks.target_app`) and the phase-1 harness
(:mod:`quickreply.benchmarks.harness`: the real X11 backend, bridge and paste service). Each run
presses the key with XTest from this process and waits for the target to report the text; the
target stamps arrival with the system-wide monotonic clock, so the figure is key press to text
in the other process.

The third figure is the real thing: the whole app (``python -m quickreply``) on the same
display, its palette opened with the palette hotkey, a code typed, and Enter timed to the text
in the target. The processes are started by :mod:`quickreply.benchmarks.xsession`, which the
end-to-end tests share.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from quickreply.benchmarks.xsession import (
    Proc,
    Xvfb,
    app_reply,
    harness_command,
    missing_tools,
    start_app,
    target_command,
    xdotool,
)


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

# The reply needs a shop profile; an installed package ships no example one (snippets/ stays in
# the source tree), so the benchmark brings the two facts it uses as the team's profile.
APP_SHOP = """\
version: 1
name: 小满生活馆
cutoff: "16:00"
"""


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
        (home / "team").mkdir()
        (home / "team" / "shop.yaml").write_text(APP_SHOP, encoding="utf-8")
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
    """Empty the stand-in chat window and wait until it is."""
    target.send("clear")
    target.expect("cleared")


def run(args: argparse.Namespace) -> int:
    missing = missing_tools()
    if missing:
        print(f"quickreply bench paste: needs {', '.join(missing)}", file=sys.stderr)
        return 2
    runs = max(1, int(args.runs))
    xvfb = Xvfb()
    env = xvfb.env()
    target = harness = None
    presser = None
    try:
        target = Proc(target_command(), env)
        window = target.expect("ready")["window"]
        harness = Proc(harness_command(200), env)
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
