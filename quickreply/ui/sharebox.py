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
    def __init__(self, settings: Settings, shop_agent_id: str = "", parent: QWidget | None = None):
        super().__init__(self.tr("团队日报"), parent)
        self.setObjectName("shareBox")
        form = QFormLayout(self)
        self.enabled = QCheckBox(self.tr("每天把使用和响应汇总发给组长"))
        self.enabled.setChecked(settings.share_daily)
        form.addRow(self.enabled)
        self.drop = QLineEdit(settings.share_drop)
        self.drop.setPlaceholderText(self.tr("共享文件夹，或 WebDAV 地址 https://…"))
        form.addRow(self.tr("投递位置"), self.drop)
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
        return {
            "share_daily": self.enabled.isChecked(),
            "share_drop": self.drop.text().strip(),
            "agent_id": self.agent_id.text().strip(),
        }
