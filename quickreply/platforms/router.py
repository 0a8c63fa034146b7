"""Hotkey routing: registers the palette, timer and snippet hotkeys, and runs a snippet's paste.

The router keeps the backend's registrations in step with the settings and the library (only
what changed is touched, a combination another program holds keeps the old one), and turns a
pressed snippet hotkey into a job for the :class:`~quickreply.platforms.paste.PasteService`.
Hotkey names come from :mod:`quickreply.core.hotkeys`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence

from quickreply.core.hotkeys import PALETTE, snippet_hotkey, snippet_of
from quickreply.core.model import Library, Snippet, Step
from quickreply.core.problems import Problem
from quickreply.platforms.base import (
    Backend,
    Combo,
    HotkeyError,
    WindowRef,
    parse_combo,
    platform_problem,
)
from quickreply.platforms.paste import PasteResult, PasteService


class HotkeyRouter:
    """Registers the palette and direct snippet hotkeys and runs a snippet hotkey's paste.

    ``render(snippet, target)`` gives the text to paste and ``render_steps(snippet, target)`` a
    macro's steps with their texts rendered, for the chat window ``target`` the hotkey was
    pressed in (the app keys the variant no-repeat and remembered field values by it); both
    raise with a readable ``str()`` when they cannot. ``image(snippet)`` gives the bytes of a
    reply's ``image:`` (pasted before its text), raising the same way. ``on_palette(target)``
    opens the palette, given the window that had focus when the hotkey fired.
    """

    def __init__(
        self,
        backend: Backend,
        service: PasteService,
        render: Callable[[Snippet, WindowRef | None], str],
        render_steps: Callable[[Snippet, WindowRef | None], Sequence[Step]],
        on_palette: Callable[[WindowRef | None], None],
        on_problem: Callable[[Problem], None] | None = None,
        image: Callable[[Snippet], bytes] | None = None,
    ) -> None:
        self._backend = backend
        self._image = image
        self._service = service
        self._render = render
        self._render_steps = render_steps
        self._on_palette = on_palette
        self._on_problem = on_problem
        self._snippets: dict[str, Snippet] = {}
        self.paused = False

    def register_all(
        self,
        palette_hotkey: str,
        library: Library,
        overrides: Mapping[str, str] = {},
        extra: Mapping[str, str] = {},
    ) -> list[Problem]:
        """(Re)register every hotkey; problems name the combination, the rest stay active.

        ``extra`` maps more names (the app's own hotkeys, e.g. ``timer:waiting``) to
        combinations; an empty combination is off. Called again after the settings changed,
        only what changed is touched: a new combination that cannot be had (taken by another
        program) keeps the old one, and the problem says so.
        """
        hotkeys = self._backend.hotkeys
        self._snippets = {}
        wanted: list[tuple[str, str, Snippet | None]] = [(PALETTE, palette_hotkey, None)]
        wanted.extend((name, combo, None) for name, combo in extra.items())
        for snippet in library.snippets():
            combo = overrides.get(snippet.id, snippet.hotkey or "")
            if combo and snippet.id not in self._snippets:
                wanted.append((snippet_hotkey(snippet.id), combo, snippet))
                self._snippets[snippet.id] = snippet
        for snippet_id, combo in overrides.items():
            found = library.get(snippet_id)
            if found is None:
                continue
            if snippet_id not in self._snippets and combo:
                wanted.append((snippet_hotkey(snippet_id), combo, found))
                self._snippets[snippet_id] = found
        # Problems come out in the order of ``wanted`` (palette first), whatever their kind.
        issues: dict[str, Problem] = {}
        parsed: dict[str, Combo] = {}
        for name, text, owner in wanted:
            if not text:
                continue
            try:
                parsed[name] = parse_combo(text)
            except HotkeyError as err:
                issues[name] = _hotkey_problem(owner, name, f"{err}")
        before = dict(hotkeys.registered())
        # Everything that changes is released first, so two entries may swap combinations.
        for name, held in before.items():
            if parsed.get(name) != held:
                hotkeys.unregister(name)
        for name, new in parsed.items():
            if before.get(name) == new:
                continue
            problem = hotkeys.register(name, new)
            if problem is None:
                continue
            old = before.get(name)
            if old is not None and hotkeys.register(name, old) is None:
                problem = dataclasses.replace(
                    problem,
                    message=f"{problem.message}; it stays on {old}",
                    args=(*problem.args, ("kept", str(old))),
                )
            issues[name] = problem
        return [issues[name] for name, _, _ in wanted if name in issues]

    def on_hotkey(
        self, name: str, on_done: Callable[[Snippet, PasteResult], None] | None = None
    ) -> None:
        """What the bridge's ``hotkey_pressed`` signal is connected to.

        ``on_done(snippet, result)`` is called when a snippet hotkey's paste has finished
        (the app records the use and stops the conversation's wait clock).
        """
        if self.paused:
            return
        target = self._backend.windows.current()
        if name == PALETTE:
            self._on_palette(target)
            return
        snippet_id = snippet_of(name)
        snippet = None if snippet_id is None else self._snippets.get(snippet_id)
        if snippet is None:
            return
        combo = self._backend.hotkeys.registered().get(name)
        done = None if on_done is None else (lambda result: on_done(snippet, result))
        try:
            if snippet.steps:
                steps = self._render_steps(snippet, target)
                self._service.run_steps(steps, combo=combo, target=target, on_done=done)
            else:
                text = self._render(snippet, target)
                image = self._image(snippet) if snippet.image and self._image else b""
                self._service.paste(
                    text, send=snippet.send, image=image, combo=combo, target=target, on_done=done
                )
        except Exception as err:  # a render error is the pack's fault: say it, type nothing
            if self._on_problem is not None:
                self._on_problem(render_problem(snippet, err))


def render_problem(snippet: Snippet, err: Exception) -> Problem:
    """A snippet that could not be rendered for a paste: nothing was typed."""
    message = str(err) or type(err).__name__
    args = (("snippet", snippet.id), ("error", message))
    return Problem(
        snippet.path or "quickreply",
        snippet.line,
        snippet.id,
        message,
        code="paste.render",
        args=args,
    )


def _hotkey_problem(snippet: Snippet | None, name: str, message: str) -> Problem:
    args = (("name", name), ("error", message))
    if snippet is None:
        return dataclasses.replace(
            platform_problem("palette hotkey", message, "fix it in settings"),
            code="hotkey.invalid",
            args=args,
        )
    return Problem(
        snippet.path or "settings",
        snippet.line,
        f"{snippet.id}: hotkey",
        message,
        code="hotkey.invalid",
        args=args,
    )
