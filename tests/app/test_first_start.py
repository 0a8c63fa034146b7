"""A first start without a cache: the palette opens on the agent's own packs (what fits the
budget), search works on them while the rest loads in the background stage by stage, and the
whole library then replaces them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from quickreply.app import loading
from quickreply.app.resident import QuickReplyApp
from quickreply.app.services import Services, build_services
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
    services = build_services(AppPaths.from_env(), budget=0)  # the smallest pack file only
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
    assert shown_ids(app)[:1] == ["me.late"]  # the agent's own pack came first
    app.palette.search_box.setText("zdhf")  # a shipped reply, in the largest shipped pack
    assert "greet.auto" not in shown_ids(app)

    qtbot.waitUntil(lambda: services.loading is None, timeout=60_000)
    assert "正在载入" not in app.palette.footer.text()
    assert shown_ids(app)[:1] == ["greet.auto"]  # the query typed meanwhile now finds it
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


def test_the_helper_fills_both_caches(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from quickreply.app.services import build_caches

    # The helper lowers its own priority: here that would be the whole test run's, for good.
    monkeypatch.setattr(os, "nice", lambda _: 0, raising=False)
    paths = AppPaths.from_env()
    assert build_caches(paths) == 0
    assert not paths.stats_file.exists()  # the app's usage store is the app's alone
    services = build_services(paths, budget=0)
    assert services.loading is None  # everything came from the caches


def test_a_reply_used_while_loading_ranks_by_its_use_once_loaded(home: Path) -> None:
    services = build_services(AppPaths.from_env(), budget=0)
    prepared = services.load_rest(usage=services.stats.usage())
    assert services.index.search("")[0].snippet.id != "greet.auto"
    services.stats.record_use("greet.auto")  # pasted from the palette meanwhile
    assert services.finish_loading(prepared) is not None
    assert services.index.search("")[0].snippet.id == "greet.auto"


def big_pack(count: int) -> str:
    """A personal pack larger than any shipped one: it comes after the smallest file."""
    lines = ["pack:", "  id: me.big", "  name: 我的大包", "snippets:"]
    for n in range(count):
        lines += [
            f"  - id: me.big{n}",
            f"    title: 我自己的回复{n}",
            f"    text: 亲，这是我自己写的第{n}条回复，请您放心，我们会尽快处理的~",
        ]
    if count:
        lines += ["  - id: me.mine", "    title: 我常用的开场白", "    code: wdkc"]
        lines += ["    text: 亲在的~", "  - id: me.mine2", "    title: 我常用的结束语"]
        lines += ["    text: 亲，祝您生活愉快~"]
    return "\n".join(lines) + "\n"


def helper_and_app(home: Path) -> tuple[Services, Services]:
    """The helper process's services and the app's, planned alike (budget 0: the smallest
    file first)."""
    (home / "personal" / "big.yaml").write_text(big_pack(300), encoding="utf-8")
    app = build_services(AppPaths.from_env(), budget=0)
    helper = build_services(AppPaths.from_env(), budget=0, usage_store=False)
    assert app.stages == helper.stages >= 3  # the smallest file, the agent's own, the rest
    return helper, app


def test_a_personal_reply_is_searchable_before_the_shipped_packs_are_in(home: Path) -> None:
    helper, services = helper_and_app(home)
    helper.build_stage(1)
    stage = services.load_stage(1)
    assert stage is not None
    assert services.finish_loading(stage) is not None
    assert services.loading is not None  # the shipped packs are still to come
    assert services.index.search("wdkc")[0].snippet.id == "me.mine"
    assert not any(h.snippet.id == "greet.auto" for h in services.index.search("zdhf"))
    assert services.finish_loading(services.load_rest()) is not None
    assert services.loading is None
    assert services.index.search("zdhf")[0].snippet.id == "greet.auto"
    assert services.index.search("wdkc")[0].snippet.id == "me.mine"


def test_a_stage_not_ready_is_skipped_and_an_earlier_one_never_replaces_a_later(
    home: Path,
) -> None:
    helper, services = helper_and_app(home)
    assert services.load_stage(1) is None  # the helper has not made it yet
    helper.build_stage(1)
    first, whole = services.load_stage(1), services.load_rest()
    assert first is not None
    assert services.finish_loading(whole) is not None
    assert services.finish_loading(first) is None
    assert len(services.library) == len(whole.library) > len(first.library)


def test_a_broken_pack_in_a_later_stage_gives_its_one_line_and_the_rest_loads(
    home: Path,
) -> None:
    broken = home / "personal" / "broken.yaml"
    broken.write_text(MINE.replace("me.late", "me.broken") + "  - id: [\n" + "#\n" * 200)
    helper, services = helper_and_app(home)
    for stage in range(1, services.stages - 1):
        helper.build_stage(stage)
        prepared = services.load_stage(stage)
        assert prepared is not None
        services.finish_loading(prepared)
    problems = services.finish_loading(services.load_rest())
    assert problems is not None
    lines = [str(p) for p in problems if "broken.yaml" in str(p)]
    assert len(lines) == 1 and "broken.yaml:" in lines[0]
    assert services.index.search("wdkc")[0].snippet.id == "me.mine"
    assert services.index.search("zdhf")[0].snippet.id == "greet.auto"
    assert services.index.search("zzlate")[0].snippet.id == "me.late"


@pytest.mark.gui
def test_the_query_and_the_selection_survive_a_stage_swap(home: Path, qtbot: QtBot) -> None:
    helper, services = helper_and_app(home)
    app = QuickReplyApp(make_qapp(), services, lang="zh_CN")
    app.rest.stop()  # this test hands the stages in itself
    app.show_palette()
    qtbot.addWidget(app.palette)
    palette = app.palette
    helper.build_stage(1)
    stage = services.load_stage(1)
    assert stage is not None
    app._swap_in(stage)  # the agent's own packs are in
    assert services.loading is not None
    palette.search_box.setText("我常用")
    palette.move_selection(1)
    chosen = palette.current_snippet()
    assert chosen is not None and shown_ids(app).index(chosen.id) == 1
    app._swap_in(services.load_rest(usage=services.stats.usage()))  # the whole library
    assert services.loading is None and "正在载入" not in palette.footer.text()
    assert palette.search_box.text() == "我常用"
    assert palette.current_snippet() == chosen  # Enter still pastes what the agent picked
    app.shut_down()
