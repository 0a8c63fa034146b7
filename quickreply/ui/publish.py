"""The lead's 发布 dialog: what the next team version adds, changes and removes, then publish.

Shown from the library window when the team key is on this machine. The diff (``Preview``) lists
each reply with its text (before and after for a change); lint errors block the 发布 button.
Publishing runs on a worker thread (the published folder may be a network share) and reports
through ``finished``.
"""

from __future__ import annotations

import html
import threading
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from quickreply.core.model import Snippet
from quickreply.core.team.preview import Preview

Publish = Callable[[str], str]  # message -> one line saying what was published (or raises)


class PublishDialog(QDialog):
    finished_publish = Signal(bool, str)  # ok, the line to show

    def __init__(self, diff: Preview, publish: Publish, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publishDialog")
        self.setWindowTitle(self.tr("发布团队话术"))
        self._publish = publish
        layout = QVBoxLayout(self)
        self.summary = QLabel(self._summary(diff))
        layout.addWidget(self.summary)
        self.details = QTextBrowser()
        self.details.setHtml(self._details(diff))
        layout.addWidget(self.details, 1)
        self.message = QLineEdit()
        self.message.setPlaceholderText(self.tr("这次改了什么（客服会在托盘消息里看到）"))
        layout.addWidget(self.message)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.publish_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.publish_button.setText(self.tr("发布"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("关闭"))
        self.buttons.accepted.connect(self.start_publish)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if diff.errors:
            self.publish_button.setEnabled(False)
            self.status.setText(
                self.tr("有 %1 个错误，修正后才能发布。").replace("%1", str(len(diff.errors)))
            )
        self.finished_publish.connect(self._done)
        self.resize(720, 560)

    def _summary(self, diff: Preview) -> str:
        base = self.tr("当前版本 v%1").replace("%1", str(diff.current)) if diff.current else ""
        counts = (
            self.tr("新增 %1 条，修改 %2 条，删除 %3 条")
            .replace("%1", str(len(diff.added)))
            .replace("%2", str(len(diff.changed)))
            .replace("%3", str(len(diff.removed)))
        )
        return f"{base}　{counts}".strip()

    def _details(self, diff: Preview) -> str:
        def item(snippet: Snippet, text: str) -> str:
            return f"<li><b>{html.escape(snippet.title)}</b><br>{html.escape(text)}</li>"

        added, changed, removed = self.tr("新增"), self.tr("修改"), self.tr("删除")
        same = self.tr("和已发布的版本相同。")
        new_picture = self.tr("图片已更换")
        parts: list[str] = []
        for problem in diff.errors:
            parts.append(f"<p style='color:#c62828'>{html.escape(str(problem))}</p>")
        if diff.added:
            parts.append(f"<h3>{added}</h3><ul>")
            parts += [item(s, s.text) for s in diff.added]
            parts.append("</ul>")
        if diff.changed:
            parts.append(f"<h3>{changed}</h3><ul>")
            for old, new in diff.changed:
                before = self.tr("原来：%1").replace("%1", html.escape(old.text))
                after = self.tr("现在：%1").replace("%1", html.escape(new.text))
                # The text may be the same: the lead must see that the picture is what changed.
                picture = f"<br>{new_picture}" if new.id in diff.new_pictures else ""
                parts.append(
                    f"<li><b>{html.escape(new.title)}</b><br>"
                    f"<span style='color:#888'>{before}</span><br>{after}{picture}</li>"
                )
            parts.append("</ul>")
        if diff.removed:
            parts.append(f"<h3>{removed}</h3><ul>")
            parts += [item(s, s.text) for s in diff.removed]
            parts.append("</ul>")
        if not parts:
            parts.append(f"<p>{same}</p>")
        return "".join(parts)

    def start_publish(self) -> None:
        """发布: run on a worker thread; the dialog stays responsive."""
        self.publish_button.setEnabled(False)
        self.status.setText(self.tr("正在发布…"))
        message = self.message.text().strip()

        def work() -> None:
            try:
                line = self._publish(message)
            except Exception as err:  # one line for the lead; nothing was switched
                self.finished_publish.emit(False, str(err))
                return
            self.finished_publish.emit(True, line)

        threading.Thread(target=work, name="team-publish", daemon=True).start()

    def _done(self, ok: bool, line: str) -> None:
        self.status.setText(line)
        if not ok:
            self.publish_button.setEnabled(True)
