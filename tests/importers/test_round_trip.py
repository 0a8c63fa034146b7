"""Done-when checks: a 500-row GBK Qianniu CSV imports and is found by code; exports re-import."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from quickreply.cli import main
from quickreply.core.exporters.qianniu import write_qianniu
from quickreply.core.exporters.rows import export_rows
from quickreply.core.exporters.xlsx import write_xlsx
from quickreply.core.importers import read_source
from quickreply.core.importers.plan import plan_import
from quickreply.core.model import Library, PackSource
from quickreply.core.packs import PackDir, load_library
from quickreply.core.render import Renderer
from quickreply.core.search import SearchIndex
from quickreply.core.shop import load_shop
from tests.conftest import SHIPPED
from tests.importers.generate import qianniu_rows, write_qianniu_csv

NOW = datetime(2026, 11, 23, 14, 5)


def test_500_row_gbk_csv_imports_is_found_by_code_and_re_imports_identically(
    tmp_path: Path, qr_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = qianniu_rows(500)
    source = write_qianniu_csv(tmp_path / "千牛快捷短语.csv", rows)
    assert main(["import", str(source)]) == 0
    assert "500 new, 0 updated, 0 skipped" in capsys.readouterr().out
    pack_file = qr_home / "personal" / "imported.yaml"

    library = load_library([PackDir(pack_file, PackSource.PERSONAL)])
    assert [(s.code, s.text, s.group) for s in library.snippets()] == rows
    index = SearchIndex.build(library)
    for code, text, _group in rows:
        hits = index.search(code, limit=3)
        assert hits and hits[0].snippet.code == code, code
        assert hits[0].snippet.text == text
    for code in ("q000", "q250", "q499"):  # and through the command line, as an agent would
        assert main(["search", code, "--json"]) == 0
        assert f'"code": "{code}"' in capsys.readouterr().out.split("}")[0]

    exported = tmp_path / "export.csv"
    assert main(["export", "--format", "qianniu", "--pack", str(pack_file), str(exported)]) == 0
    assert "500 rows written" in capsys.readouterr().out
    assert main(["import", str(exported), "--dry-run"]) == 0
    assert "0 new, 0 updated, 0 skipped, 500 unchanged" in capsys.readouterr().out
    again = read_source(exported)
    assert [(e.code, e.variants[0], e.group) for e in again.entries] == rows


def shipped_library() -> tuple[Library, Renderer]:
    library = load_library([PackDir(SHIPPED, PackSource.SHIPPED)])
    shop, _ = load_shop(SHIPPED / "shop.yaml")
    return library, Renderer(shop, lambda: NOW)


@pytest.mark.parametrize("fmt", ["qianniu", "xlsx"])
def test_shipped_packs_round_trip_keeps_codes_groups_and_rendered_texts(
    tmp_path: Path, fmt: str
) -> None:
    library, renderer = shipped_library()
    rows, _problems = export_rows(library.packs, renderer)
    assert len(rows) > 50
    out = tmp_path / f"shipped.{'csv' if fmt == 'qianniu' else 'xlsx'}"
    if fmt == "qianniu":
        gbk = write_qianniu(rows, out)
        assert not [p for p in gbk if "GBK" in p.message]
    else:
        write_xlsx(rows, out)
    source = read_source(out)
    assert source.skipped == []
    result = plan_import(source, Library(), tmp_path / "personal", into="rt")
    imported = Counter(
        (s.code, s.group, renderer.render_variant(s, 0)) for s in result.pack.snippets
    )
    assert imported == Counter((r.code, r.group, r.text) for r in rows)
