"""The composition root: `quickreply --screenshot FILE --view NAME` renders a view to PNG."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from quickreply.cli import main


@pytest.mark.gui
def test_screenshot_of_the_library_view_writes_a_png(tmp_path: Path) -> None:
    out = tmp_path / "shots" / "library.png"
    assert main(["--screenshot", str(out), "--view", "library"]) == 0
    image = QImage(str(out))
    assert not image.isNull()
    assert image.width() >= 400 and image.height() >= 300
