"""The Windows clipboard: save every memory format, put our text, and restore what was there.

Rules it follows (docs/windows.md has the sources):

* the clipboard is opened with our own hidden window as owner (like pyperclip): opened with a
  NULL owner, ``EmptyClipboard`` leaves no owner and ``SetClipboardData`` then fails;
* ``OpenClipboard`` fails while another program (Win+V history, a clipboard manager) has it
  open: retry for about half a second, as pyperclip does; if it stays busy, refuse the paste
  before touching anything, so nothing the agent copied is lost;
* every result is checked; memory ``SetClipboardData`` did not take is freed by us;
* our text carries ``ExcludeClipboardContentFromMonitorProcessing`` so replies do not flood
  Win+V history or the cloud clipboard, and so does the restored content (already in history);
* ``GetClipboardSequenceNumber`` tells whether the clipboard is still the one we set: a text
  compare would call the agent's own copy of the same reply "ours" and overwrite it;
* an image goes on as the registered ``PNG`` format (a JPEG as ``JFIF``), which browsers, Qt and
  Office read, and as ``CF_DIB`` (what WeChat, QQ and most Win32 programs read) when the app
  gave a converter: decoding a PNG or JPEG into pixels needs an image library, and this layer
  has none (the app passes Qt's, ``ui/imageclip.py``).
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from quickreply.platforms.base import ClipboardSnapshot
from quickreply.platforms.windows.win32 import GMEM_MOVEABLE, Win32

CF_UNICODETEXT = 13
CF_DIB = 8
#: The registered clipboard format each image type goes on as, by MIME type.
IMAGE_FORMATS: Mapping[str, str] = {"image/png": "PNG", "image/jpeg": "JFIF"}
# Formats whose handle is a GDI object, not global memory: Windows synthesises CF_BITMAP from
# CF_DIB, the others are rare in chat work. They are listed in ``skipped``, not restored.
GDI_FORMATS = frozenset({2, 3, 9, 14, 0x80, 0x82, 0x83, 0x8E})
SYNTHESISED = frozenset({1, 7, 16})  # CF_TEXT, CF_OEMTEXT, CF_LOCALE from CF_UNICODETEXT
EXCLUDE_FROM_HISTORY = "ExcludeClipboardContentFromMonitorProcessing"
# Waits between OpenClipboard attempts, about 0.5 s in all (pyperclip tries for 0.5 s).
OPEN_RETRY_MS = (0, 5, 10, 20, 40, 60, 80, 100, 100, 100)


class ClipboardBusy(OSError):
    """Another program kept the clipboard open; str() is one readable line."""


class WinClipboard:
    """:class:`~quickreply.platforms.base.Clipboard` over Win32, owned by a hidden window."""

    def __init__(
        self,
        api: Win32,
        sleep: Callable[[float], None],
        dib: Callable[[bytes], bytes | None] | None = None,
    ) -> None:
        self._api = api
        self._sleep = sleep
        self._dib = dib  # a PNG or JPEG file -> a packed DIB (header and pixels), or None
        user32 = api.user32
        self._owner = user32.CreateWindowExW(
            0, "STATIC", None, 0, 0, 0, 0, 0, None, None, None, None
        )
        if not self._owner:
            raise api.error("CreateWindowExW (clipboard owner)")
        self._exclude = int(user32.RegisterClipboardFormatW(EXCLUDE_FROM_HISTORY))
        self._our_seq: int | None = None
        self._our_text: str | None = None
        self._our_image: bytes | None = None

    @contextmanager
    def _opened(self) -> Iterator[None]:
        user32 = self._api.user32
        for wait_ms in OPEN_RETRY_MS:
            if wait_ms:
                self._sleep(wait_ms / 1000)
            if user32.OpenClipboard(self._owner):
                break
        else:
            raise ClipboardBusy(
                self._api.last_error(), "another program is using the clipboard right now"
            )
        try:
            yield
        finally:
            user32.CloseClipboard()

    def _put(self, fmt: int, data: bytes) -> None:
        """Hand ``data`` to the clipboard as ``fmt`` (open and emptied by us)."""
        api = self._api
        handle = api.kernel32.GlobalAlloc(GMEM_MOVEABLE, max(1, len(data)))
        if not handle:
            raise api.error("GlobalAlloc")
        try:
            pointer = api.kernel32.GlobalLock(handle)
            if not pointer:
                raise api.error("GlobalLock")
            ctypes.memmove(pointer, data, len(data))
            api.kernel32.GlobalUnlock(handle)
            if not api.user32.SetClipboardData(fmt, handle):
                raise api.error("SetClipboardData")
        except BaseException:
            api.kernel32.GlobalFree(handle)  # the clipboard did not take it: still ours
            raise
        # From here the system owns the memory: never free it.

    def _empty(self) -> None:
        if not self._api.user32.EmptyClipboard():
            raise self._api.error("EmptyClipboard")

    def _read(self, fmt: int) -> bytes | None:
        api = self._api
        handle = api.user32.GetClipboardData(fmt)
        if not handle:
            return None
        pointer = api.kernel32.GlobalLock(handle)
        if not pointer:
            return None  # not global memory (a GDI or private handle)
        try:
            return ctypes.string_at(pointer, int(api.kernel32.GlobalSize(handle)))
        finally:
            api.kernel32.GlobalUnlock(handle)

    # -- Clipboard protocol ---------------------------------------------------------------

    def save(self) -> ClipboardSnapshot:
        formats: dict[str, bytes] = {}
        skipped: list[str] = []
        user32 = self._api.user32
        with self._opened():
            fmt = int(user32.EnumClipboardFormats(0))
            while fmt:
                if fmt in GDI_FORMATS:
                    skipped.append(str(fmt))
                elif fmt not in SYNTHESISED and fmt != self._exclude:
                    data = self._read(fmt)
                    if data is None:
                        skipped.append(str(fmt))
                    else:
                        formats[str(fmt)] = data
                fmt = int(user32.EnumClipboardFormats(fmt))
        return ClipboardSnapshot(formats, tuple(skipped))

    def set_text(self, text: str) -> None:
        with self._opened():
            self._empty()
            self._put(CF_UNICODETEXT, (text + "\0").encode("utf-16-le"))
            self._put(self._exclude, b"")
        self._our_seq = int(self._api.user32.GetClipboardSequenceNumber())
        self._our_text, self._our_image = text, None

    def holds_our_text(self, text: str) -> bool:
        return self._our_text == text and self._unchanged()

    def set_image(self, data: bytes, mime: str) -> None:
        name = IMAGE_FORMATS.get(mime)
        if name is None:
            raise ValueError(f"cannot put {mime} on the Windows clipboard")
        fmt = int(self._api.user32.RegisterClipboardFormatW(name))
        if not fmt:
            raise self._api.error(f"RegisterClipboardFormatW ({name})")
        dib = self._dib(data) if self._dib is not None else None
        with self._opened():
            self._empty()
            self._put(fmt, data)
            if dib:
                self._put(CF_DIB, dib)
            self._put(self._exclude, b"")
        self._our_seq = int(self._api.user32.GetClipboardSequenceNumber())
        self._our_text, self._our_image = None, data

    def holds_our_image(self, data: bytes) -> bool:
        return self._our_image == data and self._unchanged()

    def _unchanged(self) -> bool:
        return (
            self._our_seq is not None
            and int(self._api.user32.GetClipboardSequenceNumber()) == self._our_seq
        )

    def restore(self, snapshot: ClipboardSnapshot) -> None:
        with self._opened():
            self._empty()
            for name, data in snapshot.formats.items():
                self._put(int(name), data)
            self._put(self._exclude, b"")  # the agent's content is in Win+V already
        self._our_seq = self._our_text = self._our_image = None

    def close(self) -> None:
        if self._owner:
            self._api.user32.DestroyWindow(self._owner)
            self._owner = None
