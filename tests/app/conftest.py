"""The ``rig`` fixture: the running app over the fake platform backend."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from tests.app.rig import Rig, make_rig


@pytest.fixture
def rig(qtbot: QtBot) -> Iterator[Rig]:
    yield make_rig(qtbot)
