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
