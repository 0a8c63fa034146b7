"""The paste sequence: one service used by the palette, direct snippet hotkeys and macros.

A job runs as a chain of short steps on an injected :class:`~quickreply.platforms.base.Scheduler`
(a QTimer in the app, virtual time in tests), so nothing ever sleeps on the GUI thread and the
X11 clipboard owner keeps serving while we wait:

1. wait until the hotkey's own key and every modifier are released (else the target sees
   Ctrl+Alt+V, or the hotkey's key leaks into the chat);
2. give focus back to the window that had it when the hotkey fired (the palette may have taken
   it); if that window is gone, type nothing anywhere and report it;
3. save the clipboard once per burst, set our text (or image), send the paste shortcut;
   optionally Enter; macro steps (paste / image / wait / enter) run in order through the same
   path, and a reply with an image pastes the image first, then its text;
4. after ``restore_delay_ms`` put the saved clipboard back, but only if it still holds what
   we put there last: the agent may have copied something new meanwhile.

Jobs queue: a hotkey pressed again while a job runs is pasted after it, never interleaved, and a
job started before the previous restore fired reuses the first snapshot (so the agent's own
clipboard, not our previous reply, comes back at the end).
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from quickreply.core.images import sniff
from quickreply.core.model import Step
from quickreply.core.problems import Problem
from quickreply.platforms.base import (
    Backend,
    ClipboardSnapshot,
    Combo,
    PasteShortcut,
    Scheduler,
    WindowRef,
    platform_problem,
)


@dataclass(frozen=True, slots=True)
class PasteSettings:
    """Timings and keys of the paste sequence (all user-configurable in settings)."""

    shortcut: PasteShortcut = "ctrl+v"
    pre_paste_delay_ms: int = 0  # extra pause after the keys are released (slow clients)
    # The target must have read the clipboard before we restore or change it: 5 ms was enough
    # for a Qt target on Xvfb, real chat clients (Electron, IE-based) need far more.
    restore_delay_ms: int = 200
    enter_delay_ms: int = 50  # Electron reads the clipboard asynchronously: Enter must wait
    release_poll_ms: int = 5
    release_timeout_ms: int = 5000
    focus_timeout_ms: int = 500
    restore_clipboard: bool = True


@dataclass(frozen=True, slots=True)
class PasteResult:
    """How a job ended: ``problem`` is set when something was not typed."""

    pasted: int
    problem: Problem | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


@dataclass(slots=True)
class _Job:
    steps: tuple[Step, ...]
    combo: Combo | None
    target: WindowRef | None
    on_done: Callable[[PasteResult], None] | None
    started: float = 0.0
    index: int = 0
    pasted: int = 0
    expected_focus: WindowRef | None = None
    after_wait: bool = False
    last_was_paste: bool = False
    done: bool = False


class PasteService:
    """Runs paste jobs one after another; see the module docstring for the sequence."""

    def __init__(
        self,
        backend: Backend,
        scheduler: Scheduler,
        clock: Callable[[], float],
        settings: PasteSettings | None = None,
        on_problem: Callable[[Problem], None] | None = None,
    ) -> None:
        self._backend = backend
        self._scheduler = scheduler
        self._clock = clock  # monotonic seconds
        self.settings = settings or PasteSettings()
        self._on_problem = on_problem
        self._queue: deque[_Job] = deque()
        self._job: _Job | None = None
        self._snapshot: ClipboardSnapshot | None = None
        self._ours: str | bytes | None = None  # the text or image we put on the clipboard last
        self._last_paste_at: float | None = None
        self._restore_token = 0

    @property
    def restore_pending(self) -> bool:
        return self._snapshot is not None

    def paste(
        self,
        text: str,
        *,
        send: bool = False,
        image: bytes = b"",
        combo: Combo | None = None,
        target: WindowRef | None = None,
        on_done: Callable[[PasteResult], None] | None = None,
    ) -> None:
        """Paste ``text`` (and press Enter when ``send``) into ``target`` or the focused window.

        ``image`` (a PNG or JPEG file's bytes) is pasted first, then the text. ``combo`` is the
        hotkey that triggered it (None from the palette: only the modifiers are waited for).
        ``target`` is the window that had focus when the hotkey fired.
        """
        steps = [Step("image", data=image)] if image else []
        steps.append(Step("paste", text=text))
        if send:
            steps.append(Step("enter"))
        self.run_steps(steps, combo=combo, target=target, on_done=on_done)

    def run_steps(
        self,
        steps: Sequence[Step],
        *,
        combo: Combo | None = None,
        target: WindowRef | None = None,
        on_done: Callable[[PasteResult], None] | None = None,
    ) -> None:
        """Queue a macro: paste / image / wait / enter steps, run in order as one job.

        An image step carries its bytes in ``Step.data`` (the renderer fills them in)."""
        self._queue.append(_Job(tuple(steps), combo, target, on_done))
        if self._job is None:
            self._start_next()

    # -- the job's steps, each scheduled after the previous -------------------------------

    def _start_next(self) -> None:
        if self._job is not None or not self._queue:
            return
        job = self._queue.popleft()
        self._job = job
        job.started = self._clock()
        self._guarded_step(job, self._wait_for_release)

    def _elapsed_ms(self, since: float) -> float:
        return (self._clock() - since) * 1000.0

    def _wait_for_release(self, job: _Job) -> None:
        if self._backend.keys.keys_released(job.combo):
            self._after_release(job)
        elif self._elapsed_ms(job.started) >= self.settings.release_timeout_ms:
            held = f"{job.combo} or a modifier" if job.combo else "a modifier key"
            self._fail(
                job,
                f"{held} is still held down, so nothing was pasted",
                "release all keys and press the hotkey again",
                code="paste.keys_held" if job.combo else "paste.modifier_held",
                args={"combo": str(job.combo)} if job.combo else None,
            )
        else:
            self._later(job, max(1, self.settings.release_poll_ms), self._wait_for_release)

    def _after_release(self, job: _Job) -> None:
        if self.settings.pre_paste_delay_ms > 0:
            self._later(job, self.settings.pre_paste_delay_ms, self._focus_target)
        else:
            self._focus_target(job)

    def _focus_target(self, job: _Job) -> None:
        windows = self._backend.windows
        if job.target is None:
            job.expected_focus = windows.current()
            self._run_step(job)
            return
        if not windows.exists(job.target):
            self._fail(
                job,
                "the chat window was closed before the paste, so nothing was typed",
                "click into the chat input and paste again",
                code="paste.window_closed",
            )
            return
        job.expected_focus = job.target
        if windows.current() == job.target:
            self._run_step(job)
            return
        windows.activate(job.target)
        self._wait_for_focus(job, self._clock())

    def _wait_for_focus(self, job: _Job, since: float) -> None:
        if self._backend.windows.current() == job.expected_focus:
            self._run_step(job)
        elif self._elapsed_ms(since) >= self.settings.focus_timeout_ms:
            self._fail(
                job,
                "the chat window did not take the focus back, so nothing was typed",
                "click into the chat input and paste again",
                code="paste.focus_lost",
            )
        else:
            self._later(
                job, max(1, self.settings.release_poll_ms), lambda j: self._wait_for_focus(j, since)
            )

    def _run_step(self, job: _Job) -> None:
        if job.index >= len(job.steps):
            self._finish(job, None)
            return
        step = job.steps[job.index]
        if step.kind == "wait":
            job.index += 1
            job.after_wait = True
            job.last_was_paste = False
            self._later(job, max(0, step.ms), self._run_step)
            return
        if job.after_wait and not self._focus_unchanged(job):
            return
        job.after_wait = False
        if step.kind == "paste":
            self._paste_step(job, step.text)
        elif step.kind == "image":
            self._paste_step(job, step.data)
        elif step.kind == "enter":
            if job.last_was_paste and self.settings.enter_delay_ms > 0:
                job.last_was_paste = False
                self._later(job, self.settings.enter_delay_ms, self._run_step)
                return
            if not self._keys_up(job, self._run_step):
                return
            self._backend.keys.send_enter()
            job.index += 1
            job.last_was_paste = False
            self._run_step(job)

    def _focus_unchanged(self, job: _Job) -> bool:
        windows = self._backend.windows
        if job.target is not None and not windows.exists(job.target):
            self._fail(
                job,
                "the chat window was closed during the macro; the remaining steps were not sent",
                "click into the chat input and send the rest by hand",
                code="paste.macro_window_closed",
            )
            return False
        if job.expected_focus is not None and windows.current() != job.expected_focus:
            self._fail(
                job,
                "the focus moved to another window during the macro; "
                "the remaining steps were not sent",
                "click into the chat input and send the rest by hand",
                code="paste.macro_focus_moved",
            )
            return False
        return True

    def _paste_step(self, job: _Job, content: str | bytes) -> None:
        # Changing the clipboard before the target has read the previous paste would paste
        # the wrong text: keep consecutive pastes at least the restore delay apart.
        if self._last_paste_at is not None:
            wait = self.settings.restore_delay_ms - self._elapsed_ms(self._last_paste_at)
            if wait > 0.01:  # float noise must not become a 0 ms busy loop
                self._later(job, max(1, math.ceil(wait)), lambda j: self._paste_step(j, content))
                return
        if not self._keys_up(job, lambda j: self._paste_step(j, content)):
            return
        clipboard = self._backend.clipboard
        if self._snapshot is not None and not self._holds(self._ours):
            self._snapshot = None  # the agent copied something since: that is what to keep
        mime = ""
        if isinstance(content, bytes):
            info = sniff(content)
            if isinstance(info, str):  # the renderer checked it: only a caller's bug gets here
                self._fail(
                    job,
                    f"the image {info}, so nothing more was pasted",
                    "check the reply with quickreply lint",
                    code="paste.bad_image",
                )
                return
            mime = info.mime
        if self._snapshot is None and self.settings.restore_clipboard:
            self._snapshot = clipboard.save()
        self._restore_token += 1  # cancels a restore scheduled by the previous job
        if isinstance(content, bytes):
            clipboard.set_image(content, mime)
        else:
            clipboard.set_text(content)
        self._ours = content
        self._backend.keys.send_paste(self.settings.shortcut)
        self._last_paste_at = self._clock()
        job.pasted += 1
        job.index += 1
        job.last_was_paste = True
        self._run_step(job)

    def _holds(self, ours: str | bytes | None) -> bool:
        """The clipboard still holds ``ours``, what we put there last (text or image)."""
        clipboard = self._backend.clipboard
        if isinstance(ours, bytes):
            return clipboard.holds_our_image(ours)
        return ours is not None and clipboard.holds_our_text(ours)

    def _keys_up(self, job: _Job, retry: Callable[[_Job], None]) -> bool:
        """Check again right before sending keys: the agent may be pressing the next hotkey
        already, and Ctrl+Alt held during our Ctrl+V makes it Ctrl+Alt+V."""
        if self._backend.keys.keys_released(job.combo):
            return True
        if self._elapsed_ms(job.started) >= self.settings.release_timeout_ms:
            self._fail(
                job,
                "a key is still held down, so the rest was not pasted",
                "release all keys and press the hotkey again",
                code="paste.keys_held_rest",
            )
        else:
            self._later(job, max(1, self.settings.release_poll_ms), retry)
        return False

    def _finish(self, job: _Job, problem: Problem | None) -> None:
        if job.done:
            return
        job.done = True
        self._job = None
        if self._snapshot is not None:
            self._restore_token += 1
            token = self._restore_token
            self._scheduler.call_later(
                max(0, self.settings.restore_delay_ms), lambda: self._restore(token)
            )
        if problem is not None and self._on_problem is not None:
            self._on_problem(problem)
        if job.on_done is not None:
            job.on_done(PasteResult(job.pasted, problem))
        self._start_next()

    def _restore(self, token: int) -> None:
        if token != self._restore_token or self._job is not None:
            return
        self._give_back()

    def shut_down(self) -> None:
        """The app is quitting: drop what has not been typed yet and give the clipboard back
        now, if it still holds our text (a restore scheduled for later would never run)."""
        self._queue.clear()
        if self._job is not None:
            self._job.done = True  # its pending steps see this and do nothing
            self._job = None
        self._restore_token += 1
        self._give_back()

    def _give_back(self) -> None:
        if self._snapshot is None:
            return
        snapshot, self._snapshot = self._snapshot, None
        ours, self._ours = self._ours, None
        try:
            if self._holds(ours):
                self._backend.clipboard.restore(snapshot)
        except Exception as err:  # an OS error must become a message, never a traceback
            self._report(
                f"could not restore the clipboard: {err}",
                "copy it again if needed",
                code="paste.restore_failed",
                args={"error": str(err)},
            )

    # -- plumbing --------------------------------------------------------------------------

    def _fail(
        self,
        job: _Job,
        message: str,
        hint: str,
        *,
        code: str,
        args: Mapping[str, str] | None = None,
    ) -> None:
        self._finish(job, platform_problem("paste", message, hint, code=code, args=args))

    def _report(
        self, message: str, hint: str, *, code: str, args: Mapping[str, str] | None = None
    ) -> None:
        if self._on_problem is not None:
            self._on_problem(platform_problem("paste", message, hint, code=code, args=args))

    def _later(self, job: _Job, ms: int, fn: Callable[[_Job], None]) -> None:
        self._scheduler.call_later(ms, lambda: self._guarded_step(job, fn))

    def _guarded_step(self, job: _Job, fn: Callable[[_Job], None]) -> None:
        if job.done:
            return
        try:
            fn(job)
        except Exception as err:  # an OS error must become a message, never a traceback
            self._fail(
                job,
                f"paste failed: {err}",
                "try again; if it persists, restart QuickReply",
                code="paste.failed",
                args={"error": str(err)},
            )
