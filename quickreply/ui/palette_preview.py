"""The palette's preview: exactly what Enter pastes for the selected reply, as the buyer gets it.

The reply is rendered with the shop profile and the fill-in fields' values. A reply with
several wordings shows one, picked once per selection and chat (Alt+→/← shows another), and
that one is pasted; a macro shows its pasted texts. Over the text a note says what kind of reply
it is (宏 · Enter 会依次发出 2 条消息, 说法 1/3) and a thumbnail shows a picture it pastes; under
it the length is counted against the platform's limit. A wrong field value keeps the last good
preview, and the problem is handed back in the agent's words for the footer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from quickreply.core.model import Snippet
from quickreply.core.render import RenderError
from quickreply.ui.imageclip import ImageThumb, image_note, picture
from quickreply.ui.messages import for_agent, reason
from quickreply.ui.palette_counter import CharCounter, longest_message
from quickreply.ui.palette_marks import preview_mark
from quickreply.ui.palette_services import RendererLike


@dataclass(frozen=True, slots=True)
class Rendered:
    """A reply rendered for pasting: its text (None when it cannot be), the picture it pastes
    first, and what went wrong in the agent's words (``problem``) and for the lead (``detail``,
    the file and line; shown as the footer's tooltip)."""

    text: str | None
    image: bytes | None = None
    problem: str = ""
    detail: str = ""


class PreviewPane(QWidget):
    """The note, thumbnail, text and character count under the palette's list.

    ``values`` returns the fill-in fields' values as typed now.
    """

    def __init__(
        self,
        renderer: RendererLike | None,
        values: Callable[[], Mapping[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._renderer = renderer
        self._values = values
        self.conversation: str | None = None  # the chat a wording is picked for
        self._variant: tuple[str, int] | None = None  # (snippet id, index) shown
        self._shown_for: str | None = None  # the snippet whose rendering the text shows
        self._longest = 0  # characters of the last rendered macro's longest message

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel()
        self.note.setObjectName("previewNote")
        self.note.setVisible(False)
        layout.addWidget(self.note)
        self.image = ImageThumb(into=layout)
        self.text = QPlainTextEdit()
        self.text.setObjectName("palettePreview")
        self.text.setReadOnly(True)
        self.text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.text, 1)
        self.counter = CharCounter()
        layout.addWidget(self.counter)

    @property
    def renderer(self) -> RendererLike | None:
        return self._renderer

    def set_renderer(self, renderer: RendererLike | None) -> None:
        self._renderer = renderer

    def forget_variant(self) -> None:
        """The next reply shown gets its wording picked afresh (the palette opened again)."""
        self._variant = None

    def clear(self) -> None:
        """Nothing selected: no text, no note."""
        self._shown_for = None
        self.text.clear()
        self.note.setVisible(False)

    def rendering(self, snippet: Snippet) -> Rendered:
        """``snippet`` as it would be pasted now. A macro gives its pasted texts."""
        renderer = self._renderer
        try:
            image = picture(renderer, snippet)  # read before the text, checked like it
            if snippet.steps:
                steps = snippet.steps
                if renderer is not None:
                    steps = tuple(renderer.render_steps(snippet, self._values()))
                self._longest = longest_message(steps)
                text = "\n".join(step.text for step in steps if step.kind == "paste")
                return Rendered(text, image)
            if renderer is None:
                return Rendered(snippet.text, image)
            index = self.variant_index(snippet)
            return Rendered(renderer.render_variant(snippet, index, self._values()), image)
        except Exception as err:  # RenderError; anything else from a template is reported too
            return self._agent_words(err)

    def _agent_words(self, err: Exception) -> Rendered:
        """A wrong field value in the agent's words (没有这个省份：xj); a broken reply says to
        tell the lead, with the file and line (for the lead) only in the detail."""
        problem = err.problem if isinstance(err, RenderError) else None
        if problem is not None and problem.code.startswith("field."):
            return Rendered(None, problem=reason(problem))
        if problem is not None and for_agent(problem):  # 找不到图片 …：请把图片放回…
            return Rendered(None, problem=for_agent(problem), detail=str(problem))
        return Rendered(
            None,
            problem=self.tr(
                "这条话术暂时无法生成，请告诉组长（话术库和 quickreply lint 会指出原因）"
            ),
            detail=str(problem) if problem is not None else str(err),
        )

    def variant_index(self, snippet: Snippet) -> int:
        """The wording shown for ``snippet``: picked once, kept until the selection or the chat
        changes, so the preview is exactly what gets pasted (0 without a renderer)."""
        if self._renderer is None:
            return 0
        if self._variant is None or self._variant[0] != snippet.id:
            self._variant = (snippet.id, self._renderer.pick_variant(snippet, self.conversation))
        return self._variant[1]

    def next_variant(self, snippet: Snippet, step: int) -> bool:
        """Show ``snippet``'s next (or previous) wording; False when it has only one."""
        if snippet.steps or len(snippet.variants) < 2 or self._renderer is None:
            return False
        index = self.variant_index(snippet)
        self._variant = (snippet.id, (index + step) % len(snippet.variants))
        return True

    def mark_used(self, snippet: Snippet) -> None:
        """``snippet`` was pasted in the wording shown: the next paste gets another one."""
        if self._renderer is not None and not snippet.steps:
            self._renderer.mark_used(snippet, self.variant_index(snippet), self.conversation)
            self._variant = None

    def show_reply(self, snippet: Snippet) -> Rendered:
        """Render ``snippet`` into the pane; returns the rendering (its problem for the
        footer). While the agent types a value (xinj… on the way to xinjiang) the last good
        text stays, so the reply does not blink away on every keystroke."""
        rendered = self.rendering(snippet)
        note = preview_mark(snippet, self._variant[1] if self._variant else None)
        note = note or image_note(snippet)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.image.show_image(rendered.image if rendered.text is not None else None, snippet.images)
        if rendered.text is None:
            if self._shown_for != snippet.id:
                self.text.setPlainText("")
            return rendered
        self.text.setPlainText(rendered.text)
        # Some chat platforms cut long messages: the agent sees the length before pasting.
        self.counter.show_count(self._longest if snippet.steps else len(rendered.text))
        self._shown_for = snippet.id
        return rendered
