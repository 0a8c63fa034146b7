"""Loading the rest of the library in the background after a first start opened on part of it.

A start with no cache parses only the first stage of pack files (the agent's own first, within
``services.START_BUDGET``) before the palette opens (core/libcache.py). :class:`RestLoader` then
has a helper process (``quickreply --build-caches``, :func:`quickreply.app.services.build_caches`)
parse every file, stage by stage, and index each stage, writing them to the caches; a thread
reads its progress and, as each stage is ready, loads that library and index from the caches
(:meth:`Services.load_stage`, and :meth:`Services.load_rest` for the whole once the helper has
ended) and hands them to the GUI thread through a signal, where only references change hands.
Parsing in a thread of the app's own process held the GIL away from the palette (keystrokes
took 50–400 ms while it ran); a process does not, and uses a second core where there is one.
Should the helper fail, ``load_rest`` parses what is left itself. The palette stays usable
meanwhile: search covers the part already loaded, and the footer counts the files in
(``progressed``).
"""

from __future__ import annotations

import contextlib
import gc
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping

from PySide6.QtCore import QObject, Signal

from quickreply.app.services import Services
from quickreply.core.model import Usage


def helper_command(services: Services) -> list[str]:
    """The command line of the helper process: this program with ``--build-caches BUDGET``
    (the budget the first stage had: the helper plans the same stages)."""
    if getattr(sys, "frozen", False):  # the packaged app: its executable is the program
        command = [sys.executable]
    else:
        command = [sys.executable, "-m", "quickreply"]
    command += ["--build-caches", str(services.start_budget)]
    for path in services.extra:
        command += ["--pack", str(path)]
    if services.shop_path is not None:
        command += ["--shop", str(services.shop_path)]
    return command


class RestLoader(QObject):
    """Loads the whole library once, off the GUI thread; ``finished(Prepared | None)`` after
    (None when it failed: the caller reloads the usual way), ``staged(Prepared)`` for each
    stage before it, ``progressed(int)`` per file."""

    finished = Signal(object)
    staged = Signal(object)
    progressed = Signal(int)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._thread: threading.Thread | None = None
        self._helper: subprocess.Popen[str] | None = None
        self._stopped = False

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start loading unless a load is running."""
        if self.running or self._stopped:
            return
        usage = self.services.stats.usage()  # the store is the GUI thread's
        self._thread = threading.Thread(
            target=self._work, args=(usage,), name="load-rest", daemon=True
        )
        self._thread.start()

    def _work(self, usage: Mapping[str, Usage]) -> None:
        try:
            self.services.keep_first_stage()
            self._run_helper(usage)
            if self._stopped:
                prepared = None
            else:
                with _collector_paused():
                    prepared = self.services.load_rest(usage=usage)
        except Exception as err:  # a bug must not leave the palette half-loaded for good
            print(f"quickreply: loading the library failed: {err!r}", file=sys.stderr)
            prepared = None
        if not self._stopped:
            self.finished.emit(prepared)

    def _run_helper(self, usage: Mapping[str, Usage]) -> None:
        """Run the helper to its end, passing its progress and its stages on; a helper that
        cannot start or fails only means ``load_rest`` has more to parse."""
        flags = 0
        if sys.platform == "win32":  # no console window; below the app the agent types into
            flags = subprocess.CREATE_NO_WINDOW | subprocess.BELOW_NORMAL_PRIORITY_CLASS
        try:
            helper = subprocess.Popen(
                helper_command(self.services),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,  # its problems are the app's own, shown by the app
                text=True,
                creationflags=flags,
            )
        except OSError:
            return
        self._helper = helper
        assert helper.stdout is not None
        with helper.stdout:
            for line in helper.stdout:
                word, _, number = line.strip().rpartition(" ")
                if not number.isdigit() or self._stopped:
                    continue
                if word != "stage":
                    self.progressed.emit(int(number))
                    continue
                with _collector_paused():
                    stage = self.services.load_stage(int(number), usage)
                if stage is not None and not self._stopped:
                    self.staged.emit(stage)
        helper.wait()

    def stop(self, wait_seconds: float = 2.0) -> None:
        """The app is ending: end the helper (caches are written atomically, so one cut short
        leaves none) and give the thread a moment."""
        self._stopped = True
        helper = self._helper
        if helper is not None and helper.poll() is None:
            with contextlib.suppress(OSError):
                helper.kill()
        self.wait(wait_seconds)

    def wait(self, seconds: float) -> None:
        """Give a running load ``seconds`` to end (tests, the benchmark, quitting)."""
        if self._thread is not None:
            self._thread.join(seconds)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic collection while a stage is read: the objects it builds would trigger full
    collections over the whole heap (hundreds of ms at 100,000 replies, the GIL held, the
    palette stopped). They hold no cycles: frozen out of the collector's sight before it is
    back on, as the swap would, or the first allocation after would start that collection
    (≈ 0.2 s at 30,000 replies, measured)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
