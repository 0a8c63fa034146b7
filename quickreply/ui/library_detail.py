"""The library window's detail pane: one reply's text, note, buyer questions and source.

The reply is shown as the buyer would get it (the shop's facts filled in); the 模板 toggle
shows the text as written, with its ``{{ }}`` names. It only shows what
:class:`~quickreply.ui.library.LibraryWindow` hands it (the reply, its pack, whether it may be
edited); the window owns the actions behind its buttons. Its strings keep the
``LibraryWindow`` translation context they had before the pane was split out.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from quickreply.core.model import Pack, PackSource, Snippet
from quickreply.ui.models import lock_icon, source_label
from quickreply.ui.themes import is_dark

#: ``render(snippet, variant)``: the variant as a buyer would get it now, or None.
RenderVariant = Callable[[Snippet, int], str | None]


class DetailPane(QWidget):
    """Title, meta line, source with a lock, the reply as HTML, a message line and the buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta_label = QLabel()
        self.meta_label.setWordWrap(True)
        self.meta_label.setStyleSheet("color: #555;")
        self.lock_label = QLabel()
        self.lock_label.setPixmap(lock_icon(16).pixmap(16, 16))
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.template_toggle = QToolButton()
        self.template_toggle.setText(QCoreApplication.translate("LibraryWindow", "模板"))
        self.template_toggle.setCheckable(True)
        self.template_toggle.setToolTip(
            QCoreApplication.translate("LibraryWindow", "显示原文：变量 {{ }} 未替换")
        )
        self.template_toggle.toggled.connect(lambda _on: self._redraw())
        source_row = QHBoxLayout()
        source_row.addWidget(self.lock_label)
        source_row.addWidget(self.source_label, 1)
        source_row.addWidget(self.template_toggle, 0, Qt.AlignmentFlag.AlignTop)
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        # Two different copies, named apart: the reply's text to the clipboard, or the reply
        # itself into the personal pack to edit.
        self.copy_button = QPushButton(QCoreApplication.translate("LibraryWindow", "复制文字"))
        self.copy_button.setToolTip(
            QCoreApplication.translate("LibraryWindow", "复制回复到剪贴板（列表中按回车也可）")
        )
        self.edit_button = QPushButton(QCoreApplication.translate("LibraryWindow", "编辑"))
        self.fork_button = QPushButton(
            QCoreApplication.translate("LibraryWindow", "存一份到个人包改")
        )
        self.delete_button = QPushButton(QCoreApplication.translate("LibraryWindow", "删除"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.fork_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self._shown: tuple[Snippet, RenderVariant] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.meta_label)
        layout.addLayout(source_row)
        layout.addWidget(self.detail, 1)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)

    def display(
        self,
        snippet: Snippet | None,
        pack: Pack | None = None,
        *,
        editable: bool = False,
        can_fork: bool = False,
        render: RenderVariant | None = None,
    ) -> None:
        """Show ``snippet`` (None: nothing matches) with its buttons enabled as allowed."""
        self.message_label.clear()
        self._shown = None
        buttons = (self.copy_button, self.edit_button, self.fork_button, self.delete_button)
        if snippet is None:
            self.title_label.setText(
                QCoreApplication.translate("LibraryWindow", "没有符合条件的话术")
            )
            for label in (self.meta_label, self.source_label):
                label.clear()
            self.source_label.setToolTip("")
            self.lock_label.hide()
            self.template_toggle.hide()
            self.detail.clear()
            for button in buttons:
                button.setEnabled(False)
            return
        self.title_label.setText(snippet.title)
        self.meta_label.setText(meta_text(snippet))
        self.source_label.setText(source_text(pack, editable))
        self.source_label.setToolTip(source_tip(pack))
        self.lock_label.setVisible(not editable)
        self._shown = (snippet, render or (lambda _s, _v: None))
        self._redraw()
        self.copy_button.setEnabled(True)
        self.edit_button.setEnabled(editable)
        self.delete_button.setEnabled(editable)
        self.fork_button.setEnabled(not editable and can_fork)
        self.fork_button.setVisible(not editable)

    def _redraw(self) -> None:
        if self._shown is None:
            return
        snippet, render = self._shown
        colours = DARK if is_dark(self) else LIGHT
        self.meta_label.setStyleSheet(f"color: {colours.muted};")
        # The toggle only where the template differs from what the buyer gets.
        self.template_toggle.setVisible(has_template(snippet, render))
        template = self.template_toggle.isChecked() and self.template_toggle.isVisible()
        self.detail.setHtml(detail_html(snippet, render, template=template, colours=colours))


@dataclasses.dataclass(frozen=True, slots=True)
class DetailColours:
    """The HTML's own colours, which do not follow the style sheet."""

    muted: str
    heading: str
    preview: str
    template: str


LIGHT = DetailColours("#555", "#444", "#eef7ee", "#f1f1f1")
DARK = DetailColours("#9da7b3", "#b7c0ca", "#1c3326", "#2d333b")


def has_template(snippet: Snippet, render: RenderVariant) -> bool:
    """Whether some variant reads differently as written than as the buyer gets it."""
    return any(
        (rendered := render(snippet, number)) is not None and rendered != variant
        for number, variant in enumerate(snippet.variants)
    )


def meta_text(snippet: Snippet) -> str:
    """Code, group, tags and hotkey on one line."""
    meta = [
        QCoreApplication.translate("LibraryWindow", "编码：")
        + (snippet.code or QCoreApplication.translate("LibraryWindow", "无"))
    ]
    meta.append(
        QCoreApplication.translate("LibraryWindow", "分组：")
        + (snippet.group or QCoreApplication.translate("LibraryWindow", "未分组"))
    )
    if snippet.tags:
        meta.append(QCoreApplication.translate("LibraryWindow", "标签：") + "、".join(snippet.tags))
    if snippet.hotkey:
        meta.append(QCoreApplication.translate("LibraryWindow", "热键：") + snippet.hotkey)
    return "　".join(meta)


def source_text(pack: Pack | None, editable: bool) -> str:
    """Where a reply comes from in the agent's words: 内置 or 个人 and the file's name, 团队 and
    the pack's name and version (what the lead publishes); whether it is read-only. The full
    path is the label's tooltip (:func:`source_tip`): a developer's folder means nothing here."""
    if pack is None:
        return ""
    if pack.source is PackSource.TEAM:
        what = f"{pack.meta.name} v{pack.meta.version}"
    else:
        what = pack.path.name
    text = QCoreApplication.translate("LibraryWindow", "来源：%1 · %2")
    text = text.replace("%1", source_label(pack.source)).replace("%2", what)
    if not editable:
        text += QCoreApplication.translate("LibraryWindow", " · 只读")
    elif pack.source is PackSource.TEAM:
        text += QCoreApplication.translate("LibraryWindow", " · 发布源：点“发布…”后同事才会收到")
    return text


def source_tip(pack: Pack | None) -> str:
    """The pack file's full path, for the source line's tooltip."""
    return "" if pack is None else str(pack.path)


def detail_html(
    snippet: Snippet,
    render: RenderVariant,
    *,
    template: bool = False,
    colours: DetailColours = LIGHT,
) -> str:
    """Macro steps, every variant as the buyer gets it (``template``: as written), fields,
    when to use it, buyer questions."""

    def section(title: str, body: str) -> str:
        return f"<h4 style='margin-bottom:2px;color:{colours.heading}'>{escape(title)}</h4>{body}"

    def para(text: str, background: str = "") -> str:
        shade = f";background:{background}" if background else ""
        return f"<p style='white-space:pre-wrap;margin-top:2px{shade}'>" + escape(text) + "</p>"

    unset = QCoreApplication.translate("LibraryWindow", "（未填写）")
    parts: list[str] = []
    if snippet.steps:
        steps = []
        for step in snippet.steps:
            if step.kind == "paste":
                steps.append(QCoreApplication.translate("LibraryWindow", "粘贴：") + step.text)
            elif step.kind == "wait":
                wait = QCoreApplication.translate("LibraryWindow", "等待 %1 毫秒")
                steps.append(wait.replace("%1", str(step.ms)))
            else:
                steps.append(QCoreApplication.translate("LibraryWindow", "回车发送"))
        parts.append(
            section(QCoreApplication.translate("LibraryWindow", "宏步骤"), para("\n".join(steps)))
        )
    for number, variant in enumerate(snippet.variants, start=1):
        title = QCoreApplication.translate("LibraryWindow", "回复")
        if len(snippet.variants) > 1:
            title = QCoreApplication.translate("LibraryWindow", "回复（变体 %1）")
            title = title.replace("%1", str(number))
        rendered = None if template else render(snippet, number - 1)
        if rendered is None or rendered == variant:
            shade = colours.template if template else ""
            parts.append(section(title, para(variant, shade)))
        else:
            parts.append(section(title, para(rendered, colours.preview)))
    if snippet.fields:
        rows = "、".join(f"{f.label}（{f.name}）" for f in snippet.fields)
        parts.append(section(QCoreApplication.translate("LibraryWindow", "需要填写"), para(rows)))
    note = snippet.note or unset
    parts.append(section(QCoreApplication.translate("LibraryWindow", "何时使用"), para(note)))
    asked = QCoreApplication.translate("LibraryWindow", "买家常问")
    if snippet.examples:
        items = "".join(f"<li>{escape(e)}</li>" for e in snippet.examples)
        parts.append(section(asked, f"<ul>{items}</ul>"))
    else:
        parts.append(section(asked, para(unset)))
    return "".join(parts)
