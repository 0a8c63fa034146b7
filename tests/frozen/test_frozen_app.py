"""The frozen build (scripts/build -> dist/QuickReply/) runs like the venv: the CLI commands,
and a screenshot of every view with the Chinese drawn.

Marked ``frozen``: not in the default run (the build takes about a minute here); README's test
command and the Windows workflow run it with ``-m frozen``. ``QUICKREPLY_FROZEN_APP=PATH`` tests
an existing build (the workflow's) instead of building one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from quickreply import package_version
from quickreply.cli import VIEWS
from tests.conftest import ROOT

pytestmark = pytest.mark.frozen

WINDOWS = sys.platform == "win32"
# On Windows the app is windowed (no stdout); its console twin runs the commands.
EXE_NAME = "quickreply-cli.exe" if WINDOWS else "QuickReply"


@pytest.fixture(scope="session")
def frozen_app() -> Path:
    """The frozen executable, built once per session unless QUICKREPLY_FROZEN_APP names one."""
    given = os.environ.get("QUICKREPLY_FROZEN_APP")
    if given:
        app = Path(given)
    else:
        build = subprocess.run(
            ["bash", str(ROOT / "scripts" / "build")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=1800,
            check=False,
        )
        assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
        app = ROOT / "dist" / "QuickReply" / EXE_NAME
    assert app.is_file(), f"{app}: no frozen executable (run scripts/build)"
    return app


@pytest.fixture
def home(tmp_path: Path) -> Iterator[dict[str, str]]:
    """The frozen app's environment: its own empty QuickReply home, no display needed."""
    env = dict(os.environ, QUICKREPLY_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONPATH", None)  # nothing from this checkout may leak into the bundle
    # The bundle turns on UTF-8 mode itself (the spec's options): an English Windows (cp1252)
    # fails the Chinese output below without it. CI sets these for the venv; not for this.
    env.pop("PYTHONUTF8", None)
    env.pop("PYTHONIOENCODING", None)
    yield env


def run(app: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(app), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_version_comes_from_the_bundled_metadata(frozen_app: Path, home: dict[str, str]) -> None:
    result = run(frozen_app, home, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"quickreply {package_version()}\n"


def test_lint_of_the_shipped_packs_is_clean(frozen_app: Path, home: dict[str, str]) -> None:
    result = run(frozen_app, home, "lint", "snippets/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].endswith(", no problems")


def test_render_uses_the_bundled_packs_and_shop(frozen_app: Path, home: dict[str, str]) -> None:
    result = run(frozen_app, home, "render", "fh", "--now", "2026-03-02 10:00")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("亲，每天16:00前付款的订单当天发出")


def test_search_json_finds_by_pinyin_initials(frozen_app: Path, home: dict[str, str]) -> None:
    # "fhsj" only matches through pypinyin's tables: they must be in the bundle.
    result = run(frozen_app, home, "search", "fhsj", "--json", "--limit", "3")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert hits and hits[0]["title"] == "发货时间"


def test_search_folds_traditional_chinese_with_opencc(
    frozen_app: Path, home: dict[str, str]
) -> None:
    # 發貨 (traditional) finds 发货: OpenCC's dictionaries must be in the bundle.
    result = run(frozen_app, home, "search", "發貨", "--json", "--limit", "3")
    assert result.returncode == 0, result.stderr
    assert any("发货" in hit["title"] for hit in json.loads(result.stdout))


def test_team_publish_and_sync_in_the_bundle(
    frozen_app: Path, home: dict[str, str], tmp_path: Path
) -> None:
    # Signing (cryptography), the sync lock (filelock) and the HTTP client's import in the
    # bundle: a lead publishes the shipped packs, an agent home syncs them from the folder.
    init = run(frozen_app, home, "team", "init", "--name", "frozen")
    assert init.returncode == 0, init.stderr
    code = init.stdout.strip().splitlines()[-1]
    share = tmp_path / "share"
    # The bundle's own copy of the shipped packs, as they are: the size chart reply's picture
    # must be in the bundle (the spec's datas) and travel in the signed version (issue 17).
    packs = frozen_app.parent / "_internal" / "snippets"
    chart = (ROOT / "snippets" / "images" / "尺码表.png").read_bytes()
    assert (packs / "images" / "尺码表.png").read_bytes() == chart
    published = run(frozen_app, home, "team", "publish", str(packs), "--to", str(share))
    assert published.returncode == 0, published.stdout + published.stderr
    agent = dict(home, QUICKREPLY_HOME=str(tmp_path / "agent"))
    assert run(frozen_app, agent, "team", "join", str(share), "--key", code).returncode == 0
    synced = run(frozen_app, agent, "team", "sync")
    assert synced.returncode == 0 and "updated to v1" in synced.stdout, synced.stderr
    [copy] = [p for p in (tmp_path / "agent").rglob("尺码表.png") if "versions" in p.parts]
    assert copy.read_bytes() == chart


def ink(path: Path) -> tuple[int, int]:
    """(pixels that differ from the background, distinct colours) of a screenshot."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull(), path
    background = image.pixel(1, image.height() - 2)
    colours: set[int] = set()
    drawn = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixel(x, y)
            colours.add(pixel)
            drawn += pixel != background
    return drawn, len(colours)


def differing(a: Path, b: Path) -> float:
    """The share of pixels that differ between two screenshots of the same size."""
    from PySide6.QtGui import QImage

    first, second = QImage(str(a)), QImage(str(b))
    assert first.size() == second.size(), (a, first.size(), second.size())
    total = first.width() * first.height()
    diff = sum(
        first.pixel(x, y) != second.pixel(x, y)
        for y in range(first.height())
        for x in range(first.width())
    )
    return diff / total


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_renders_its_chinese_like_the_venv(
    frozen_app: Path, home: dict[str, str], tmp_path: Path, view: str, qapp: object
) -> None:
    """The frozen screenshot is drawn (not blank) and matches the venv's screenshot of the same
    view: if the bundle lacked the fonts' configuration, the Qt plugins or the translations,
    the Chinese would come out as boxes or in another layout, and the pixels would differ."""
    from PySide6.QtGui import QFontDatabase

    # The comparison proves the Chinese is drawn only if the venv draws it: a CJK font is there.
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    assert chinese, "no Chinese font on this machine (Debian: fonts-wqy-microhei)"
    frozen_png = tmp_path / f"frozen-{view}.png"
    result = run(frozen_app, home, "--screenshot", str(frozen_png), "--view", view)
    assert result.returncode == 0, result.stderr
    venv_png = tmp_path / f"venv-{view}.png"
    # A home of its own: the library window keeps its size in the home's windows.ini.
    venv_home = dict(home, QUICKREPLY_HOME=str(tmp_path / "venv-home"))
    venv = subprocess.run(
        [sys.executable, "-m", "quickreply", "--screenshot", str(venv_png), "--view", view],
        cwd=ROOT,
        env=venv_home,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert venv.returncode == 0, venv.stderr
    drawn, colours = ink(frozen_png)
    assert drawn > 2000 and colours > 20, (view, drawn, colours)
    assert differing(frozen_png, venv_png) < 0.01, view


def test_english_comes_from_the_bundled_translations(
    frozen_app: Path, home: dict[str, str], tmp_path: Path, qapp: object
) -> None:
    chinese, english = tmp_path / "zh.png", tmp_path / "en.png"
    for out, lang in ((chinese, "zh_CN"), (english, "en")):
        result = run(
            frozen_app, home, "--screenshot", str(out), "--view", "settings", "--lang", lang
        )
        assert result.returncode == 0, result.stderr
    assert differing(chinese, english) > 0.01  # the labels changed language
