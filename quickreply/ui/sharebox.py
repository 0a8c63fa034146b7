"""The 团队日报 box of the settings dialog: sharing on or off, the drop, the 工号, what is shared.

The box says in full what leaves the agent's machine, so that turning sharing on is an informed
choice; the same words are the notice the app shows when sharing starts (:func:`shared_text`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from quickreply.core.settings import Settings


def shared_text() -> str:
    """Exactly what the daily file holds, and what it never holds."""
    return QCoreApplication.translate(
        "ShareBox",
        "每天一次和退出时，把一个小文件放到组长指定的位置，内容只有：工号、日期、软件版本、"
        "团队话术版本、每条话术当天的使用次数、各接待组当天的回复数与响应时长合计"
        "（首次响应、平均响应、3分钟内、30秒内）。从不包含买家昵称、聊天窗口标题、"
        "聊天内容或剪贴板内容。",
    )


class ShareBox(QGroupBox):
    """``team_drop``: where the team sends its figures when the lead turned sharing on for it
    (the signed team manifest), else None and the agent's own setting applies."""

    def __init__(
        self,
        settings: Settings,
        shop_agent_id: str = "",
        parent: QWidget | None = None,
        team_drop: str | None = None,
    ):
        super().__init__(self.tr("团队日报"), parent)
        self.setObjectName("shareBox")
        self._settings = settings
        self._by_team = team_drop is not None
        form = QFormLayout(self)
        self.enabled = QCheckBox(self.tr("每天把使用和响应汇总发给组长"))
        self.enabled.setChecked(settings.share_daily or self._by_team)
        form.addRow(self.enabled)
        self.team_note = QLabel(self.tr("组长已为团队开启团队日报（团队设置，无需勾选）。"))
        self.team_note.setObjectName("hint")
        self.team_note.setWordWrap(True)
        self.team_note.setVisible(self._by_team)
        form.addRow(self.team_note)
        # Never a password from a WebDAV address on screen.
        shown_drop = settings.share_drop if team_drop is None else _shown(team_drop)
        self.drop = QLineEdit(shown_drop)
        self.drop.setPlaceholderText(self.tr("共享文件夹，或 WebDAV 地址 https://…"))
        form.addRow(self.tr("投递位置"), self.drop)
        # The team's switch is the lead's: the agent sees it, and cannot turn it off here.
        self.enabled.setEnabled(not self._by_team)
        self.drop.setReadOnly(self._by_team)
        self.agent_id = QLineEdit(settings.agent_id)
        self.agent_id.setMaxLength(64)
        if shop_agent_id:
            self.agent_id.setPlaceholderText(
                self.tr("留空则用店铺资料中的工号 %1").replace("%1", shop_agent_id)
            )
        form.addRow(self.tr("工号"), self.agent_id)
        self.what = QLabel(shared_text())
        self.what.setObjectName("hint")
        self.what.setWordWrap(True)
        form.addRow(self.what)

    def values(self) -> dict[str, Any]:
        if self._by_team:  # the agent's own setting is kept for when the team turns it off
            return {
                "share_daily": self._settings.share_daily,
                "share_drop": self._settings.share_drop,
                "agent_id": self.agent_id.text().strip(),
            }
        return {
            "share_daily": self.enabled.isChecked(),
            "share_drop": self.drop.text().strip(),
            "agent_id": self.agent_id.text().strip(),
        }


def _shown(drop: str) -> str:
    from quickreply.core.share.drop import is_url, public_address

    return public_address(drop) if is_url(drop) else drop
