"""The lead's read cache: a second report reads only new or changed files, trusts no other."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from quickreply.core.cacheseal import Seal
from quickreply.core.kpi import QueueTotals
from quickreply.core.share import report as report_module
from quickreply.core.share.aggregate import DailyAggregate
from quickreply.core.share.readcache import ReadCache
from quickreply.core.share.report import read_drop

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC).timestamp()


def _write(drop: Path, agent: str, day: int, uses: dict[str, int], hours_ago: float = 24) -> Path:
    agg = DailyAggregate(
        agent,
        date(2026, 11, day),
        "1.0",
        "3",
        datetime(2026, 11, day, 18, tzinfo=UTC),
        uses,
        {"售前": QueueTotals(2, 1, 10.0, 50.0, 2, 1, 0)},
    )
    path = drop / agg.file_name
    path.write_bytes(agg.to_json())
    stamp = NOW - hours_ago * 3600
    os.utime(path, (stamp, stamp))
    return path


@pytest.fixture
def seal(tmp_path: Path) -> Seal:
    made = Seal.load_or_create(tmp_path / "config" / "cache.key")
    assert made is not None
    return made


def _uses(aggregates: list[DailyAggregate]) -> dict[tuple[str, int], dict[str, int]]:
    return {(a.agent, a.day.day): dict(a.uses) for a in aggregates}


def test_a_second_read_parses_only_new_or_changed_files(
    tmp_path: Path, seal: Seal, monkeypatch: pytest.MonkeyPatch
) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    for day in (1, 2, 3):
        _write(drop, "A001", day, {"hello": day})
    (drop / "2026-11-04_A009.json").write_bytes(b'{"format": "quickreply-daily"')
    os.utime(drop / "2026-11-04_A009.json", (NOW - 7200, NOW - 7200))
    cache = ReadCache.for_drop(tmp_path / "cache", seal, str(drop))
    first, skipped = read_drop(drop, cache, now=lambda: NOW)
    cache.save()
    assert len(first) == 3 and len(skipped) == 1

    _write(drop, "A001", 3, {"hello": 30, "ship": 1}, hours_ago=1)  # rewritten at quit
    _write(drop, "A002", 3, {"ship": 2}, hours_ago=1)  # a new agent
    (drop / "2026-11-01_A001.json").unlink()  # removed by the lead
    parsed: list[str] = []
    real = report_module._read_file

    def counting(path: str, size: int) -> object:
        parsed.append(Path(path).name)
        return real(path, size)

    monkeypatch.setattr(report_module, "_read_file", counting)
    cache = ReadCache.for_drop(tmp_path / "cache", seal, str(drop))
    second, skipped = read_drop(drop, cache, now=lambda: NOW)
    assert sorted(parsed) == ["2026-11-03_A001.json", "2026-11-03_A002.json"]
    assert cache.hits == 2  # day 2, and the bad file: still reported, not read again
    assert _uses(second) == {
        ("A001", 2): {"hello": 2},
        ("A001", 3): {"hello": 30, "ship": 1},
        ("A002", 3): {"ship": 2},
    }
    assert len(skipped) == 1 and "A009.json: not JSON" in skipped[0]
    cache.save()
    assert len(ReadCache.for_drop(tmp_path / "cache", seal, str(drop))) == 4


def test_a_file_written_seconds_ago_is_read_again_next_time(tmp_path: Path, seal: Seal) -> None:
    # Same size, same coarse timestamp: only reading it again can see the second write.
    drop = tmp_path / "drop"
    drop.mkdir()
    _write(drop, "A001", 1, {"hello": 1}, hours_ago=1 / 3600)
    cache = ReadCache.for_drop(tmp_path / "cache", seal, str(drop))
    read_drop(drop, cache, now=lambda: NOW)
    assert len(cache) == 0


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut off
        lambda data: data[:60] + bytes([data[60] ^ 1]) + data[61:],  # one bit changed
        lambda data: b"garbage",
    ],
)
def test_a_corrupt_or_foreign_cache_is_ignored_and_rebuilt(
    tmp_path: Path, seal: Seal, damage: object
) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    _write(drop, "A001", 1, {"hello": 1})
    cache = ReadCache.for_drop(tmp_path / "cache", seal, str(drop))
    read_drop(drop, cache, now=lambda: NOW)
    cache.save()
    assert cache.file is not None
    cache.file.write_bytes(damage(cache.file.read_bytes()))  # type: ignore[operator]
    reopened = ReadCache.for_drop(tmp_path / "cache", seal, str(drop))
    assert len(reopened) == 0
    aggregates, _ = read_drop(drop, reopened, now=lambda: NOW)
    assert _uses(aggregates) == {("A001", 1): {"hello": 1}}
    reopened.save()
    assert len(ReadCache.for_drop(tmp_path / "cache", seal, str(drop))) == 1


def test_a_cache_sealed_by_another_install_is_not_trusted(tmp_path: Path, seal: Seal) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    _write(drop, "A001", 1, {"hello": 1})
    other = Seal.load_or_create(tmp_path / "other" / "cache.key")
    assert other is not None
    planted = ReadCache.for_drop(tmp_path / "cache", other, str(drop))
    read_drop(drop, planted, now=lambda: NOW)
    planted.save()
    assert len(ReadCache.for_drop(tmp_path / "cache", seal, str(drop))) == 0


def test_a_record_put_without_its_bytes_comes_back_exactly(tmp_path: Path, seal: Seal) -> None:
    agg = DailyAggregate(
        "A001",
        date(2026, 11, 2),
        "1.0",
        "3",
        datetime(2026, 11, 2, 18, 0, 0, 123456, tzinfo=UTC),
        {"hello": 3},
        {"售前": QueueTotals(2, 1, 10.123456789, 50.000001, 2, 1, 0)},
    )
    cache = ReadCache.for_drop(tmp_path / "cache", seal, "somewhere")
    cache.put("2026-11-02_A001.json", (10, 20), agg)
    cache.save()
    reopened = ReadCache.for_drop(tmp_path / "cache", seal, "somewhere")
    assert reopened.get("2026-11-02_A001.json", (10, 20)) == agg
