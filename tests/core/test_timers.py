"""The wait-clock model, driven by a fake monotonic clock and a fake wall clock."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from quickreply.core.timers import (
    LABEL_MAX,
    Level,
    QueueRule,
    State,
    TimerConfig,
    TimerModel,
    buyer_from_title,
    format_wait,
    name_conversation,
)
from tests.clocks import FakeClocks


@pytest.fixture
def clocks() -> FakeClocks:
    return FakeClocks()


@pytest.fixture
def model(clocks: FakeClocks) -> TimerModel:
    return TimerModel(clocks.monotonic, clocks.now)


def test_wait_runs_from_the_oldest_unanswered_message(
    model: TimerModel, clocks: FakeClocks
) -> None:
    model.buyer_message("小红")
    clocks.advance(10)
    model.buyer_message("小红")  # second message
    clocks.advance(5)
    model.buyer_message("小红")  # third message
    clocks.advance(5)
    reply = model.reply("小红")
    assert reply is not None
    assert reply.waited == pytest.approx(20.0)
    assert reply.first is True
    assert model.waiting() == []


def test_first_reply_is_first_response_and_later_ones_are_not(
    model: TimerModel, clocks: FakeClocks
) -> None:
    model.buyer_message("小红", queue="售后")
    clocks.advance(4)
    first = model.reply("小红")
    model.buyer_message("小红")
    clocks.advance(7)
    second = model.reply("小红")
    assert first is not None and second is not None
    assert (first.first, first.queue, first.waited) == (True, "售后", 4.0)
    assert (second.first, second.queue, second.waited) == (False, "售后", 7.0)


def test_same_buyer_twice_is_merged_even_with_full_width_or_case(model: TimerModel) -> None:
    model.buyer_message("Tom小店")
    model.buyer_message("ｔｏｍ小店 ")
    assert [c.label for c in model.waiting()] == ["Tom小店"]


def test_levels_follow_queue_targets_and_red_line(model: TimerModel, clocks: FakeClocks) -> None:
    model.buyer_message("售前买家", queue="售前")
    model.buyer_message("售后买家", queue="售后")
    clocks.advance(3)
    model.tick()
    assert model.get("售前买家").level is Level.AMBER  # type: ignore[union-attr]
    assert model.get("售后买家").level is Level.OK  # type: ignore[union-attr]
    clocks.advance(27)
    model.tick()
    assert model.get("售后买家").level is Level.AMBER  # type: ignore[union-attr]
    clocks.advance(150)
    result = model.tick()
    assert {c.label for c in result.turned_red} == {"售前买家", "售后买家"}
    clocks.advance(1)
    assert model.tick().turned_red == []  # alert once per wait, not every tick


def test_configurable_queues() -> None:
    config, problems = TimerConfig.from_mapping(
        {"queues": [{"name": "VIP", "target": 1, "red_after": 10}, {"name": "", "target": 1}]}
    )
    assert config.queue_names == ["VIP"]
    assert [str(p) for p in problems] == [
        "settings.json:1: timers.queues[1]: needs a name (e.g. {name: 售前, target: 3})"
    ]
    clocks = FakeClocks()
    model = TimerModel(clocks.monotonic, clocks.now, config)
    model.buyer_message("a")
    clocks.advance(10)
    assert model.tick().turned_red[0].queue == "VIP"


def test_bad_queue_config_is_reported() -> None:
    _, problems = TimerConfig.from_mapping(
        {"queues": [{"name": "x", "target": 30, "red_after": 5}], "title_patterns": ["(", "a"]}
    )
    assert [str(p) for p in problems] == [
        "settings.json:1: timers.queues[0]: red_after (5) must be ≥ target (30) ≥ 0 "
        "(e.g. target: 3, red_after: 180)",
        "settings.json:1: timers.title_patterns[0]: not a valid regular expression: "
        "missing ), unterminated subpattern at position 0 (fix the pattern)",
        "settings.json:1: timers.title_patterns[1]: has no (?P<buyer>…) group "
        "(name the buyer part (?P<buyer>.+?))",
    ]


def test_reply_racing_the_tick(model: TimerModel, clocks: FakeClocks) -> None:
    model.buyer_message("小红")
    clocks.advance(180)  # the tick that would turn it red has not run yet
    reply = model.reply("小红")
    assert reply is not None and reply.waited == 180.0
    result = model.tick()
    assert result.turned_red == [] and result.level_changed == []
    assert model.reply("小红") is None  # a double reply (hotkey + paste) records once


def test_reply_with_nothing_waiting_is_ignored(model: TimerModel) -> None:
    assert model.reply() is None
    assert model.reply("不存在") is None


def test_reply_without_label_takes_the_longest_waiting(
    model: TimerModel, clocks: FakeClocks
) -> None:
    model.buyer_message("先来")
    clocks.advance(5)
    model.buyer_message("后到")
    reply = model.reply()
    assert reply is not None and reply.label == "先来"
    assert [c.label for c in model.waiting()] == ["后到"]


def test_clock_moving_backwards_never_gives_negative_waits(
    model: TimerModel, clocks: FakeClocks
) -> None:
    model.buyer_message("小红")
    clocks.advance(10)
    model.tick()  # the panel ticks every second, so the model has seen t+10
    clocks.mono -= 3600  # a broken monotonic source, and the wall clock set back an hour
    clocks.wall -= timedelta(hours=1)
    conv = model.get("小红")
    assert conv is not None
    assert model.waited(conv) == 10.0
    clocks.advance(2)
    reply = model.reply("小红")
    assert reply is not None and reply.waited == 12.0


def test_wall_clock_jump_does_not_change_waits(model: TimerModel, clocks: FakeClocks) -> None:
    model.buyer_message("小红")
    clocks.wall += timedelta(hours=5)  # NTP or the user changes the time
    clocks.mono += 2
    reply = model.reply("小红")
    assert reply is not None and reply.waited == 2.0


def test_midnight(clocks: FakeClocks) -> None:
    clocks.wall = datetime(2024, 11, 11, 23, 59, 50)
    model = TimerModel(clocks.monotonic, clocks.now)
    model.buyer_message("夜猫子")
    clocks.advance(5)
    assert model.reply("夜猫子").first is True  # type: ignore[union-attr]
    model.buyer_message("夜猫子")
    clocks.advance(20)  # now 00:00:15 the next day
    result = model.tick()
    assert result.new_day is True
    reply = model.reply("夜猫子")
    assert reply is not None
    # A wait that spans midnight is counted whole, on the day it was answered, and the first
    # reply of the new day is that day's first response.
    assert (reply.waited, reply.at.date().day, reply.first) == (20.0, 12, True)
    assert model.names_today() == ["夜猫子"]


def test_names_today_forget_yesterday(model: TimerModel, clocks: FakeClocks) -> None:
    model.buyer_message("昨天的")
    model.reply("昨天的")
    clocks.advance(24 * 3600)
    model.buyer_message("今天的")
    assert model.names_today() == ["今天的"]


def test_park_and_come_back_as_reminder(model: TimerModel, clocks: FakeClocks) -> None:
    model.buyer_message("未付款")
    clocks.advance(2)
    model.park("未付款", clocks.wall + timedelta(minutes=30))
    assert model.waiting() == [] and [c.label for c in model.parked()] == ["未付款"]
    assert model.next_deadline() == 1800.0
    clocks.advance(1799)
    assert model.tick().unparked == []
    clocks.advance(1)
    result = model.tick()
    assert [c.label for c in result.unparked] == ["未付款"]
    conv = model.waiting()[0]
    assert conv.reminder is True and model.waited(conv) == 0.0
    # Answering a reminder is not a response time: nobody was waiting for an answer.
    assert model.reply("未付款") is None
    assert model.get("未付款").state is State.ANSWERED  # type: ignore[union-attr]


def test_park_survives_suspend_via_wall_clock(model: TimerModel, clocks: FakeClocks) -> None:
    model.buyer_message("x")
    model.park("x", timedelta(minutes=10))
    clocks.wall += timedelta(minutes=11)  # suspended laptop: monotonic did not move
    assert [c.label for c in model.tick().unparked] == ["x"]


def test_buyer_message_while_parked_starts_a_real_wait(
    model: TimerModel, clocks: FakeClocks
) -> None:
    model.buyer_message("x")
    model.reply("x")
    model.park("x", timedelta(hours=1))
    clocks.advance(60)
    model.buyer_message("x")
    clocks.advance(4)
    reply = model.reply("x")
    assert reply is not None and reply.waited == 4.0 and reply.first is False


def test_empty_labels_are_auto_named(model: TimerModel) -> None:
    assert model.buyer_message("").label == "买家 1"
    assert model.buyer_message("   \n ").label == "买家 2"
    assert model.buyer_message(None).label == "买家 3"


def test_long_label_is_capped_and_still_merges(model: TimerModel) -> None:
    long = "买" * 500
    conv = model.buyer_message(long)
    assert len(conv.label) == LABEL_MAX
    model.buyer_message(long)
    assert len(model.waiting()) == 1


def test_multiline_selection_becomes_one_line(model: TimerModel) -> None:
    conv = model.buyer_message("小红\u200b\n  的店")
    assert conv.label == "小红 的店"


def test_remove_and_rename(model: TimerModel, clocks: FakeClocks) -> None:
    model.buyer_message("")  # 买家 1
    clocks.advance(5)
    model.buyer_message("小红")
    merged = model.rename("买家 1", "小红")
    assert merged is not None and merged.label == "小红"
    assert [c.label for c in model.waiting()] == ["小红"]
    assert model.waited(merged) == 5.0  # the older wait wins
    assert model.remove("小红") is True
    assert model.remove("小红") is False
    assert model.waiting() == []


def test_unknown_queue_falls_back_to_default(model: TimerModel) -> None:
    assert model.buyer_message("a", queue="批发").queue == "售前"


def test_waiting_sorted_by_wait(model: TimerModel, clocks: FakeClocks) -> None:
    for name in ("a", "b", "c"):
        model.buyer_message(name)
        clocks.advance(1)
    model.reply("a")
    model.buyer_message("a")
    assert [c.label for c in model.waiting()] == ["b", "c", "a"]


@pytest.mark.parametrize(
    ("title", "buyer"),
    [
        ("tb_小红123 - 千牛工作台", "tb_小红123"),
        ("小红 — 接待中心", "小红"),
        ("jd_abc - 京东咚咚", "jd_abc"),
        ("pdd用户8 - 拼多多商家工作台", "pdd用户8"),
        ("抖音用户 - 飞鸽", "抖音用户"),
        ("与 小红 的对话", "小红"),
        ("千牛工作台", None),
        ("Untitled - Notepad", None),
        ("", None),
    ],
)
def test_buyer_from_title(title: str, buyer: str | None) -> None:
    assert buyer_from_title(title) == buyer


def test_name_conversation_prefers_title_then_selection() -> None:
    assert name_conversation("小红 - 千牛工作台", "别的") == "小红"
    assert name_conversation("记事本", "\n  小蓝 \n第二行") == "小蓝"
    assert name_conversation("记事本", None) is None
    assert name_conversation("x 的店 - mychat", None, patterns=[r"^(?P<buyer>.+) - mychat$"]) == (
        "x 的店"
    )


def test_format_wait() -> None:
    assert format_wait(0) == "00:00"
    assert format_wait(-5) == "00:00"
    assert format_wait(61.9) == "01:01"
    assert format_wait(4500) == "75:00"


def test_queue_rule_defaults_from_training_documents() -> None:
    config = TimerConfig()
    assert config.queues == (QueueRule("售前", 3.0, 180.0), QueueRule("售后", 30.0, 180.0))


def test_a_title_naming_a_waiting_buyer_says_whose_clock_a_reply_stops(model: TimerModel) -> None:
    model.buyer_message("阿杰")
    model.buyer_message("Lily")
    assert model.replied_to("Lily - 千牛工作台", selected="阿杰") == "Lily"


def test_a_title_naming_a_buyer_who_is_not_waiting_stops_nobody(model: TimerModel) -> None:
    model.buyer_message("阿杰")
    model.buyer_message("Lily")
    model.reply("Lily")
    # The agent answered Lily again (or a stranger): the selected buyer must keep waiting.
    assert model.replied_to("Lily - 千牛工作台", selected="阿杰") is None
    assert model.replied_to("小雨同学 - 千牛工作台", selected="阿杰") is None


def test_without_a_buyer_in_the_title_the_selection_or_the_only_one_waiting(
    model: TimerModel,
) -> None:
    model.buyer_message("阿杰")
    assert model.replied_to("千牛工作台") == "阿杰"  # the only one waiting
    model.buyer_message("Lily")
    assert model.replied_to("千牛工作台") is None  # two waiting, none selected: no guess
    assert model.replied_to(None, selected="Lily") == "Lily"


def test_auto_start_setting_is_read_checked_and_written_back() -> None:
    config, problems = TimerConfig.from_mapping({})
    assert config.auto_start and problems == []
    config, problems = TimerConfig.from_mapping({"auto_start": False})
    assert not config.auto_start and problems == []
    config, problems = TimerConfig.from_mapping({"auto_start": "no"})
    assert config.auto_start
    assert [p.where for p in problems] == ["timers.auto_start"]
    edited = TimerConfig(queues=(QueueRule("售前", 5.0, 120.0),), auto_start=False)
    again, problems = TimerConfig.from_mapping(edited.to_mapping())
    assert again == edited and problems == []
