"""The services: settings problems and the folders settings choose."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from quickreply.app.services import build_services
from quickreply.core.paths import AppPaths

pytestmark = pytest.mark.gui


def test_corrupt_settings_start_with_defaults_and_say_so(qr_home: Path) -> None:
    settings_file = AppPaths.from_env().settings_file
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text("{not json", encoding="utf-8")
    services = build_services(AppPaths.from_env())
    assert services.settings.palette_hotkey == "ctrl+alt+space"
    assert any("the file is corrupt" in str(p) for p in services.problems)
    assert settings_file.with_name("settings.json.corrupt").exists()


def test_folders_from_settings_replace_the_defaults(qr_home: Path, tmp_path: Path) -> None:
    settings_file = AppPaths.from_env().settings_file
    settings_file.parent.mkdir(parents=True)
    mine = tmp_path / "我的话术"
    settings_file.write_text(json.dumps({"personal_dir": str(mine)}), encoding="utf-8")
    assert build_services(AppPaths.from_env()).paths.personal == mine


VARIANT_PACK = """\
pack: {id: personal.variants, name: 变体}
snippets:
  - id: thanks.variants
    title: 感谢
    text:
      - 亲，感谢您的支持~
      - 谢谢亲的信任，有事随时找我哦~
"""


def test_a_buyer_never_gets_the_same_variant_twice_in_a_row_across_reloads(
    qr_home: Path,
) -> None:
    """A reload builds a new renderer; the no-repeat memory must outlive it (issue 10.4)."""
    personal = qr_home / "personal"
    personal.mkdir(parents=True, exist_ok=True)
    (personal / "variants.yaml").write_text(VARIANT_PACK, encoding="utf-8")
    services = build_services(AppPaths.from_env())
    got: list[str] = []
    for _ in range(20):
        snippet = services.library.get("thanks.variants")
        assert snippet is not None
        got.append(services.renderer.render(snippet, conversation="小雨同学"))
        services.reload()  # e.g. a lead published a pack: the renderer is rebuilt
    repeats = [i for i in range(1, len(got)) if got[i] == got[i - 1]]
    assert repeats == [], got


def _unreadable_shop(team: Path, kind: str) -> Path:
    team.mkdir(parents=True, exist_ok=True)
    shop = team / "shop.yaml"
    if kind == "fifo":
        os.mkfifo(shop)
    else:
        shop.symlink_to(shop)  # a link to itself: opening it fails with ELOOP
    return shop


@pytest.mark.parametrize(
    ("kind", "what"),
    [
        ("loop", "is a symbolic link that loops back on itself"),
        ("fifo", "is a named pipe (FIFO), not a regular file"),
    ],
)
def test_an_unreadable_team_shop_profile_is_one_line_and_the_shipped_one_is_used(
    qr_home: Path, kind: str, what: str
) -> None:
    """Before, a looping team shop.yaml fell back to the shipped profile without a word, and
    a FIFO left the app with no profile at all."""
    shop = _unreadable_shop(qr_home / "team", kind)
    services = build_services(AppPaths.from_env())
    assert services.shop is not None and services.shop.name == "小满生活馆"
    lines = [str(p) for p in services.problems if "shop.yaml" in p.path]
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{shop}:1: {what}")
    assert "the shipped shop profile is used" in lines[0]


START_SCRIPT = """
import sys
import quickreply.app.resident
from quickreply.app.services import START_BUDGET, build_services
from quickreply.core.paths import AppPaths
services = build_services(AppPaths.from_env(), budget=START_BUDGET)
assert services.index.search("kd")
print(*sorted(m for m in sys.argv[1:] if m in sys.modules))
"""


def test_a_start_imports_no_team_sync_signing_or_package_metadata(qr_home: Path) -> None:
    """What the app needs only when it syncs, signs or reports its version is imported then:
    together ≈ 80 ms of every start before the palette could open."""
    import subprocess
    import sys

    unwanted = ["quickreply.core.team.sync", "cryptography", "importlib.metadata", "filelock"]
    command = [sys.executable, "-c", START_SCRIPT, *unwanted]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for start in ("first", "from the caches"):
        out = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
        assert out.stdout.split() == [], start
