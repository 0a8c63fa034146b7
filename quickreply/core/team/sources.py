"""Where an agent reads a published team folder from: a folder (a mounted share) or http(s).

Both answer two questions: "what is the pointer now, if it changed since I last saw it?" and
"stream this file into this place, at most N bytes". The HTTP source uses requests: a
conditional GET (If-None-Match / If-Modified-Since) for the pointer, so an unchanged check is
one small 304; connect and read timeouts; at most :data:`MAX_REDIRECTS` redirects; the
system proxy (requests reads the environment and, on Windows, the registry). The folder source
never follows a symbolic link inside the share. Every failure is one :class:`TeamError` line
naming the file or address.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol

from quickreply import package_version
from quickreply.core.team.errors import TeamError
from quickreply.core.team.manifest import POINTER

if TYPE_CHECKING:
    # Imported when an http source is used: it costs ~0.1 s, which a folder source and the
    # app's start-up never pay.
    import requests

CONNECT_TIMEOUT = 5.0  # seconds to reach the server
READ_TIMEOUT = 20.0  # seconds of silence in the middle of an answer
MAX_REDIRECTS = 5
CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Fetched:
    """The pointer's bytes (None: unchanged since ``etag``) and its validators for next time."""

    data: bytes | None
    etag: str = ""
    last_modified: str = ""


class Sink(Protocol):
    def write(self, data: bytes, /) -> int: ...


class Source(Protocol):
    label: str

    def pointer(self, etag: str, last_modified: str, limit: int) -> Fetched: ...

    def fetch(self, rel: str, limit: int, out: Sink) -> int: ...


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def open_source(location: str) -> Source:
    """A folder path or an http(s) URL."""
    if is_url(location):
        return HttpSource(location)
    return FolderSource(Path(location).expanduser())


def _too_big(where: str, limit: int) -> TeamError:
    return TeamError(where, f"larger than {limit} bytes", "the lead's files are never this big")


def walk_without_links(root: Path, rel: str) -> tuple[Path, Path | None, int]:
    """``rel`` (``/``-separated) under ``root``, the first symbolic link on the way there (None
    when there is none: a link anywhere would let a share or a pack point outside itself), and
    the mode of the last part reached. OSError (with its filename) when a part cannot be read."""
    path = root
    mode = 0
    for part in rel.split("/"):
        if part in ("", "."):
            continue
        path = path / part
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode):
            return path, path, mode
    return path, None, mode


class FolderSource:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.label = str(root)

    def _open(self, rel: str) -> BinaryIO:
        try:
            path, link, mode = walk_without_links(self.root, rel)
        except FileNotFoundError as err:
            raise TeamError(
                str(err.filename), "not found", "is the share mounted and published?"
            ) from None
        except OSError as err:
            raise TeamError(
                str(err.filename), f"cannot read: {err.strerror}", "check the share"
            ) from None
        if link is not None:
            raise TeamError(str(link), "refused: a symbolic link", "publish real files only")
        if not stat.S_ISREG(mode):
            raise TeamError(str(path), "not a regular file", "publish real files only")
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        try:
            return os.fdopen(os.open(path, flags), "rb")
        except OSError as err:
            raise TeamError(str(path), f"cannot read: {err.strerror}", "check the share") from None

    def pointer(self, etag: str, last_modified: str, limit: int) -> Fetched:
        with self._open(POINTER) as src:
            data = src.read(limit + 1)
        if len(data) > limit:
            raise _too_big(str(self.root / POINTER), limit)
        tag = hashlib.sha256(data).hexdigest()
        return Fetched(None if tag == etag else data, tag)

    def fetch(self, rel: str, limit: int, out: Sink) -> int:
        written = 0
        with self._open(rel) as src:
            while block := src.read(CHUNK):
                written += len(block)
                if written > limit:
                    raise _too_big(str(self.root / rel), limit)
                out.write(block)
        return written


class HttpSource:
    def __init__(
        self,
        base: str,
        session: requests.Session | None = None,
        *,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT),
    ) -> None:
        import requests

        self.base = base if base.endswith("/") else base + "/"
        self.timeout = timeout
        self.label = self.base
        self.session = session or requests.Session()
        self.session.max_redirects = MAX_REDIRECTS
        # Looked up here, not at import: importlib.metadata is ~20 ms of every app start.
        self.session.headers["User-Agent"] = f"QuickReply/{package_version()} team-sync"

    def _get(self, url: str, headers: dict[str, str], sent: str = "") -> requests.Response:
        """GET ``sent`` (default ``url``); problems name ``url``, as a person reads it."""
        import requests

        try:
            response = self.session.get(
                sent or url, headers=headers, stream=True, timeout=self.timeout
            )
        except requests.TooManyRedirects:
            raise TeamError(
                url, "too many redirects (a redirect loop?)", "fix the server"
            ) from None
        except requests.Timeout:
            raise TeamError(url, "timed out", "the server or network is slow; will retry") from None
        except requests.RequestException as err:
            raise TeamError(url, f"cannot connect ({type(err).__name__})", "will retry") from None
        if response.status_code not in (200, 304):
            response.close()
            hint = "is it published?" if response.status_code == 404 else "will retry"
            raise TeamError(url, f"HTTP {response.status_code} {response.reason}", hint)
        return response

    def _stream(self, response: requests.Response, url: str, limit: int, out: Sink) -> int:
        import requests

        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > limit:
            response.close()
            raise _too_big(url, limit)
        written = 0
        try:
            for block in response.iter_content(CHUNK):
                written += len(block)
                if written > limit:
                    raise _too_big(url, limit)
                out.write(block)
        except requests.RequestException:
            raise TeamError(url, "the transfer was cut off", "will retry") from None
        finally:
            response.close()
        if length.isdigit() and written != int(length):
            raise TeamError(url, "the transfer was cut off", "will retry")
        return written

    def pointer(self, etag: str, last_modified: str, limit: int) -> Fetched:
        url = self.base + POINTER
        # no-cache: a proxy must ask the server, not answer from an old copy.
        headers = {"Cache-Control": "no-cache"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        response = self._get(url, headers)
        tag = response.headers.get("ETag", "")
        modified = response.headers.get("Last-Modified", "")
        if response.status_code == 304:
            response.close()
            return Fetched(None, tag or etag, modified or last_modified)
        buffer = io.BytesIO()
        self._stream(response, url, limit, buffer)
        return Fetched(buffer.getvalue(), tag, modified)

    def fetch(self, rel: str, limit: int, out: Sink) -> int:
        url = self.base + rel
        # Quoted: a picture's name (尺码表.png, a#b.png) must reach the server as one path.
        sent = self.base + urllib.parse.quote(rel)
        return self._stream(self._get(url, {}, sent), url, limit, out)
