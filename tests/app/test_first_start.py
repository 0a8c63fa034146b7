"""A first start without a cache: the palette opens on the packs that fit the budget, search
works on them while the rest loads in the background, and the whole library then replaces them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from quickreply.app import loading
from quickreply.app.resident import QuickReplyApp
from quickreply.app.services import build_services
from quickreply.app.views import make_qapp
from quickreply.core.paths import AppPaths

MINE = """\
pack:
  id: me.late
  name: 我的
snippets:
  - id: me.late
    title: 最后载入的回复
    code: zzlate
    text: 亲，这条在个人包里~
"""


@pytest.fixture
def home(qr_home: Path) -> Path:
    (qr_home / "personal").mkdir()
    (qr_home / "personal" / "mine.yaml").write_text(MINE, encoding="utf-8")
    return qr_home


def shown_ids(app: QuickReplyApp) -> list[str]:
    return [h.id for h in app.palette.results.hits]


@pytest.mark.gui
def test_the_palette_searches_the_part_loaded_and_then_the_whole_library(
    home: Path, qtbot: QtBot
) -> None:
    services = build_services(AppPaths.from_env(), budget=0)  # the first pack file only
    assert services.loading is not None
    loaded, total = services.loading
    assert 0 < loaded < total
    app = QuickReplyApp(make_qapp(), services, lang="zh_CN")
    app.show_palette()
    qtbot.addWidget(app.palette)
    assert f"正在载入… {loaded}/{total}" in app.palette.footer.text()
    app.palette.search_box.setText("亲")
    assert app.palette.results.topLevelItemCount() > 0  # usable at once, on what is in
    app.palette.search_box.setText("zzlate")
    assert "me.late" not in shown_ids(app)

    qtbot.waitUntil(lambda: services.loading is None, timeout=60_000)
    assert "正在载入" not in app.palette.footer.text()
    assert shown_ids(app)[:1] == ["me.late"]  # the query typed meanwhile now finds it
    names = {p.name.split("-")[0] for p in (home / "cache").iterdir()}
    assert {"library", "search"} <= names  # the next start is a cached one
    again = build_services(AppPaths.from_env(), budget=0)
    assert again.loading is None and again.timings["packs"] >= 0
    assert len(again.library) == len(services.library)
    app.shut_down()


@pytest.mark.gui
def test_a_helper_that_fails_still_ends_with_the_whole_library(
    home: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        loading, "helper_command", lambda _: [sys.executable, "-c", "raise SystemExit(3)"]
    )
    services = build_services(AppPaths.from_env(), budget=0)
    app = QuickReplyApp(make_qapp(), services, lang="zh_CN")
    qtbot.addWidget(app.palette)
    qtbot.waitUntil(lambda: services.loading is None, timeout=60_000)
    app.palette.search_box.setText("zzlate")
    assert shown_ids(app)[:1] == ["me.late"]
    app.shut_down()


def test_a_reload_meanwhile_makes_the_background_result_stale(home: Path) -> None:
    services = build_services(AppPaths.from_env(), budget=0)
    prepared = services.load_rest()
    services.reload()  # e.g. a pack changed on disk: this one is newer
    assert services.loading is None
    assert services.finish_loading(prepared) is None
    assert services.index.search("zzlate")[0].snippet.id == "me.late"


def test_the_helper_fills_both_caches(home: Path) -> None:
    from quickreply.app.services import build_caches

    paths = AppPaths.from_env()
    assert build_caches(paths) == 0
    assert not paths.stats_file.exists()  # the app's usage store is the app's alone
    services = build_services(paths, budget=0)
    assert services.loading is None  # everything came from the caches


def test_a_reply_used_while_loading_ranks_by_its_use_once_loaded(home: Path) -> None:
    services = build_services(AppPaths.from_env(), budget=0)
    prepared = services.load_rest(usage=services.stats.usage())
    assert services.index.search("")[0].snippet.id != "me.late"
    services.stats.record_use("me.late")  # pasted from the palette meanwhile
    assert services.finish_loading(prepared) is not None
    assert services.index.search("")[0].snippet.id == "me.late"
