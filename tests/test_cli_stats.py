"""`quickreply stats`: daily figures as a table or as a CSV Excel opens."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from quickreply.cli import main
from quickreply.core.kpi import KpiRecord, KpiStore
from quickreply.core.paths import AppPaths


@pytest.fixture
def kpi_file(qr_home: Path) -> Path:
    path = AppPaths.from_env().kpi_file
    store = KpiStore(path, datetime.now)
    store.add_many(
        [
            KpiRecord(datetime(2024, 11, 10, 9, 0), "售前", 2.0, True),
            KpiRecord(datetime(2024, 11, 10, 9, 5), "售前", 200.0, False),
            KpiRecord(datetime(2024, 11, 11, 9, 0), "售后", 20.0, True),
            KpiRecord(datetime(2024, 12, 1, 9, 0), "售后", 20.0, True),
        ]
    )
    store.close()
    return path


def test_table(kpi_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--from", "2024-11-01", "--to", "2024-11-30"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "日期        回复数  首响次数  首响平均(秒)  平均响应(秒)  3分钟响应率(%)  30秒应答率(%)  慢响应",  # noqa: E501
        "2024-11-10       2         1           2.0         101.0            50.0           50.0       1",  # noqa: E501
        "2024-11-11       1         1          20.0          20.0           100.0          100.0       0",  # noqa: E501
        "合计             3         2          11.0          74.0            66.7           66.7       1",  # noqa: E501
    ]


def test_csv_has_bom_and_chinese_headers(kpi_file: Path, qr_home: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "quickreply",
            "stats",
            "--from",
            "2024-11-11",
            "--to",
            "2024-11-11",
            "--csv",
        ],
        capture_output=True,
        env={**os.environ, "QUICKREPLY_HOME": str(qr_home)},
        check=True,
    )
    assert done.stdout.startswith(b"\xef\xbb\xbf")
    assert done.stdout.decode("utf-8-sig").splitlines() == [
        "日期,回复数,首响次数,首响平均(秒),平均响应(秒),3分钟响应率(%),30秒应答率(%),慢响应",
        "2024-11-11,1,1,20.0,20.0,100.0,100.0,0",
    ]


def test_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--from", "2024-13-01"]) == 2
    assert capsys.readouterr().err == (
        "quickreply stats:0: --from: '2024-13-01' is not a date "
        "(write it as YYYY-MM-DD, e.g. 2024-11-11)\n"
    )


def test_from_after_to(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--from", "2024-11-12", "--to", "2024-11-11"]) == 2
    assert capsys.readouterr().err == (
        "quickreply stats:0: --from: 2024-11-12 is after --to 2024-11-11 (swap the dates)\n"
    )


def test_no_store_yet(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--from", "2024-11-01", "--to", "2024-11-07"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "no replies recorded from 2024-11-01 to 2024-11-07\n"
    assert not AppPaths.from_env().kpi_file.exists()  # a report never creates the store


def test_corrupt_store_is_reported_not_moved(capsys: pytest.CaptureFixture[str]) -> None:
    path = AppPaths.from_env().kpi_file
    path.parent.mkdir(parents=True)
    path.write_bytes(b"garbage" * 200)
    assert main(["stats"]) == 1
    assert capsys.readouterr().err == (
        f"{path}:0: KPI store: the file is not a readable database "
        "(the app moves it aside on its next reply; or delete it)\n"
    )
    assert path.read_bytes() == b"garbage" * 200


USAGE_PACK = """pack: {id: my.replies, name: 我的话术, version: 1}
snippets:
  - {id: hello, title: 问候, text: 亲，在的~, group: 开场}
  - {id: ship, title: 发货时间, text: 今天发货, group: 物流/发货}
  - {id: never, title: 没用过, text: 没人用, group: 物流}
"""


@pytest.fixture
def usage_home(qr_home: Path) -> Path:
    from quickreply.core.stats import StatsStore

    paths = AppPaths.from_env()
    pack = qr_home / "my.yaml"
    pack.write_text(USAGE_PACK, encoding="utf-8")
    store = StatsStore(paths.stats_file)
    for when, sid in [
        (datetime(2024, 11, 10, 9, 0), "ship"),
        (datetime(2024, 11, 10, 9, 5), "ship"),
        (datetime(2024, 11, 11, 15, 30), "ship"),
        (datetime(2024, 11, 11, 9, 0), "hello"),
        (datetime(2024, 10, 1, 9, 0), "hello"),  # before the range
        (datetime(2024, 11, 12, 9, 0), "gone"),  # a reply since removed from the library
    ]:
        store.record_use(sid, when)
    store.close()
    return pack


def test_usage_csv_has_a_bom_the_headers_and_a_row_per_reply(usage_home: Path) -> None:
    out = usage_home.parent / "usage.csv"
    args = ["stats", "--usage", "--pack", str(usage_home), "--from", "2024-11-01"]
    assert main([*args, "--to", "2024-11-30", "--csv", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel opens the Chinese right
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "话术,标题,分组,使用次数,使用天数,最后使用"
    assert lines[1] == "ship,发货时间,物流/发货,3,2,2024-11-11 15:30"
    assert lines[2:4] == [
        "gone,,（不在话术库中）,1,1,2024-11-12 09:00",
        "hello,问候,开场,1,1,2024-11-11 09:00",
    ]
    # Then every reply of the library never used in the range (shipped examples included).
    assert "never,没用过,物流,0,0," in lines[4:]
    assert all(line.split(",")[3] == "0" for line in lines[4:])


def test_usage_csv_to_stdout_with_a_dash(usage_home: Path, qr_home: Path) -> None:
    done = subprocess.run(
        [
            *(sys.executable, "-m", "quickreply", "stats", "--usage", "--pack", str(usage_home)),
            *("--from", "2024-11-11", "--to", "2024-11-11", "--csv", "-"),
        ],
        capture_output=True,
        env={**os.environ, "QUICKREPLY_HOME": str(qr_home)},
        check=True,
    )
    assert done.stdout.startswith(b"\xef\xbb\xbf")
    assert done.stdout.decode("utf-8-sig").splitlines()[1] == (
        "hello,问候,开场,1,1,2024-11-11 09:00"
    )


def test_usage_to_a_bad_path_is_one_line_and_exit_1(
    usage_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = usage_home.parent  # a folder, not a file
    assert main(["stats", "--usage", "--pack", str(usage_home), "--csv", str(folder)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{folder}:0: --csv: cannot write (Is a directory) "
        "(give a file in a folder you can write to)"
    ]


def test_usage_of_a_broken_store_is_one_line_and_the_file_is_left_alone(
    qr_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = AppPaths.from_env().stats_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"garbage" * 200)
    assert main(["stats", "--usage"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1].startswith(f"{path}:0: usage store: cannot be read (")
    assert err[-1].endswith("(start QuickReply once: it repairs or replaces the file)")
    assert path.read_bytes() == b"garbage" * 200
