"""Files in a user's folders that are not what they claim: a symlink loop, a FIFO, a file nested
100,000 levels deep. ``lint``, ``render`` and the app start each say one line naming the file and
carry on with the rest; none hangs or shows a traceback (issue 11, items 1-3).

Anything that could hang runs in a subprocess with a timeout, so a regression fails the test
instead of stopping the suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quickreply.cli import main

GOOD = """\
pack:
  id: good
  name: 售前
  version: 1
snippets:
  - id: hello
    title: 问候
    code: nh
    text: 亲，在的~
    note: 买家进店时用
    examples: [在吗]
"""

# Linted beside a bad file, it shows the rest was read: this one warning comes from it.
NO_NOTE = GOOD.replace("    note: 买家进店时用\n", "")
NO_NOTE_WARNING = (
    "packs/good.yaml:6: warning: snippet 'hello': no 'note' saying when to use it"
    " (add one, e.g. note: 买家问发什么快递时用)"
)

DEEP = 100_000
# Deep enough to overflow a recursive builder, shallow enough for libyaml's own limit (1000).
FAIRLY_DEEP = 600


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def good_pack(folder: Path, text: str = GOOD) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.yaml").write_text(text, encoding="utf-8")


def nested_yaml(levels: int) -> str:
    return "x: " + "[" * levels + "]" * levels + "\n"


def quickreply(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a child process; a hang fails the test after 60 s instead of hanging it."""
    return subprocess.run(
        [sys.executable, "-m", "quickreply", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def lines_about(text: str, name: str) -> list[str]:
    return [line for line in text.splitlines() if name in line]


# --- 11.1: a symlink loop -----------------------------------------------------------------------


def test_lint_names_a_symlink_loop_in_one_line_and_lints_the_rest(
    capsys: pytest.CaptureFixture[str],
) -> None:
    good_pack(Path("packs"), NO_NOTE)
    Path("packs/self.yaml").symlink_to("self.yaml")
    code = main(["lint", "packs"])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out == [
        NO_NOTE_WARNING,
        "packs/self.yaml:1: is a symbolic link that loops back on itself"
        " (delete the link, or point it at a real file)",
        "1 error, 1 warning in 2 files",
    ]


def test_render_ignores_a_symlink_loop_beside_the_pack(capsys: pytest.CaptureFixture[str]) -> None:
    good_pack(Path("packs"))
    Path("packs/self.yaml").symlink_to("self.yaml")
    assert main(["render", "nh", "--pack", "packs"]) == 0
    assert capsys.readouterr().out == "亲，在的~\n"


# --- 11.2: a FIFO named *.yaml ------------------------------------------------------------------


def test_lint_skips_a_fifo_with_one_line_instead_of_hanging() -> None:
    good_pack(Path("packs"), NO_NOTE)
    os.mkfifo("packs/pipe.yaml")
    done = quickreply("lint", "packs")
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout.splitlines() == [
        NO_NOTE_WARNING,
        "packs/pipe.yaml:1: is a named pipe (FIFO), not a regular file"
        " (only regular files are read: remove it)",
        "1 error, 1 warning in 2 files",
    ]


def test_render_does_not_hang_on_a_fifo_beside_the_pack() -> None:
    good_pack(Path("packs"))
    os.mkfifo("packs/pipe.yaml")
    done = quickreply("render", "nh", "--pack", "packs")
    assert (done.returncode, done.stdout, done.stderr) == (0, "亲，在的~\n", "")


# --- deep nesting: packs and shop profiles ------------------------------------------------------


@pytest.mark.parametrize("levels", [FAIRLY_DEEP, DEEP])
def test_a_deeply_nested_pack_is_one_line_and_the_rest_loads(
    capsys: pytest.CaptureFixture[str], levels: int
) -> None:
    good_pack(Path("packs"), NO_NOTE)
    Path("packs/deep.yaml").write_text(nested_yaml(levels), encoding="utf-8")
    code = main(["lint", "packs"])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out == [
        "packs/deep.yaml:1: file is nested too deeply"
        " (packs and shop profiles nest a few levels: is this the right file?)",
        NO_NOTE_WARNING,
        "1 error, 1 warning in 2 files",
    ]


@pytest.mark.parametrize("levels", [FAIRLY_DEEP, DEEP])
def test_a_deeply_nested_shop_profile_is_one_line(
    capsys: pytest.CaptureFixture[str], levels: int
) -> None:
    good_pack(Path("packs"))
    Path("packs/shop.yaml").write_text("name: 店\n" + nested_yaml(levels), encoding="utf-8")
    code = main(["lint", "packs"])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out[0] == (
        "packs/shop.yaml:2: file is nested too deeply"
        " (packs and shop profiles nest a few levels: is this the right file?)"
    )
    assert out[-1].startswith("1 error,")


# --- the app start: loop, FIFO and deep settings together ---------------------------------------


@pytest.mark.gui
def test_the_app_starts_past_a_loop_a_fifo_and_deep_settings_with_one_line_each(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    good_pack(home / "team")
    (home / "team" / "self.yaml").symlink_to("self.yaml")
    os.mkfifo(home / "team" / "pipe.yaml")
    (home / "config").mkdir(parents=True)
    settings = home / "config" / "settings.json"
    settings.write_text("[" * DEEP + "]" * DEEP, encoding="utf-8")
    env = {**os.environ, "QUICKREPLY_HOME": str(home)}
    done = quickreply("--screenshot", str(tmp_path / "shot.png"), "--view", "palette", env=env)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert len(lines_about(done.stderr, "self.yaml")) == 1
    assert len(lines_about(done.stderr, "pipe.yaml")) == 1
    assert lines_about(done.stderr, "settings.json") == [
        f"{settings}:1: settings: the file is corrupt (file is nested too deeply);"
        f" started with defaults (a copy is kept at {settings}.corrupt)"
    ]
    assert settings.with_name("settings.json.corrupt").exists()


@pytest.mark.gui
def test_the_app_starts_when_settings_json_is_a_fifo(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    settings = home / "config" / "settings.json"
    os.mkfifo(settings)
    env = {**os.environ, "QUICKREPLY_HOME": str(home)}
    done = quickreply("--screenshot", str(tmp_path / "shot.png"), "--view", "palette", env=env)
    assert done.returncode == 0, done.stderr
    assert lines_about(done.stderr, "settings.json") == [
        f"{settings}:1: settings: is a named pipe (FIFO), not a regular file"
        " (started with defaults)"
    ]


def test_json_written_by_the_app_is_not_mistaken_for_deep_nesting(tmp_path: Path) -> None:
    """The depth limit must leave room for every real settings file (timers nest four deep)."""
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    timers = {"queues": [{"name": "售前", "target": 3, "red_after": 180}]}
    (home / "config" / "settings.json").write_text(
        json.dumps({"timers": timers, "theme": "dark"}), encoding="utf-8"
    )
    from quickreply.core.settings import load_settings

    settings, problems = load_settings(home / "config" / "settings.json")
    assert problems == []
    assert settings.theme == "dark" and settings.timers == timers


@pytest.mark.parametrize("kind", ["fifo", "loop"])
def test_lint_names_a_shop_yaml_that_is_not_a_regular_file(kind: str) -> None:
    good_pack(Path("packs"), NO_NOTE)
    if kind == "fifo":
        os.mkfifo("packs/shop.yaml")
    else:
        Path("packs/shop.yaml").symlink_to("shop.yaml")
    done = quickreply("lint", "packs")
    assert (done.returncode, done.stderr) == (1, "")
    out = done.stdout.splitlines()
    assert (out[0], out[2:]) == (NO_NOTE_WARNING, ["1 error, 1 warning in 2 files"])
    assert out[1].startswith(
        "packs/shop.yaml:1: is a named pipe (FIFO), not a regular file"
        if kind == "fifo"
        else "packs/shop.yaml:1: is a symbolic link that loops back on itself"
    )


@pytest.mark.parametrize("kind", ["fifo", "loop"])
def test_lint_of_the_library_names_a_team_shop_yaml_that_is_not_a_regular_file(
    kind: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, the shop profile in force skipped such a file without a word (issue 10)."""
    monkeypatch.setenv("QUICKREPLY_HOME", "home")
    Path("home/team").mkdir(parents=True)
    if kind == "fifo":
        os.mkfifo("home/team/shop.yaml")
    else:
        Path("home/team/shop.yaml").symlink_to("shop.yaml")
    assert main(["lint"]) == 1
    assert lines_about(capsys.readouterr().out, "shop.yaml") == [
        "home/team/shop.yaml:1: is a named pipe (FIFO), not a regular file"
        " (only regular files are read: remove it)"
        if kind == "fifo"
        else "home/team/shop.yaml:1: is a symbolic link that loops back on itself"
        " (delete the link, or point it at a real file)"
    ]
