"""The team's drop location: a folder (a shared drive) or a WebDAV URL the agents PUT into.

An agent only ever writes whole files: into a folder through a temporary file renamed into
place (a lead reading at the same moment sees the old file or the new one), to WebDAV with one
HTTP PUT (the server swaps the file when the upload is complete). Every failure is one
:class:`DropError` line naming the place and what to do; none is raised past the caller.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Protocol
from urllib.parse import quote, urlsplit

CONNECT_TIMEOUT = 5.0  # seconds to reach the server
READ_TIMEOUT = 20.0  # seconds waiting for its answer

_HINTS = {
    401: "the user name or password in the drop address is wrong",
    403: "the server refuses uploads here; ask the lead to allow PUT for agents",
    404: "the folder does not exist on the server; ask the lead to create it",
    405: "the server does not accept uploads (WebDAV off?); ask the lead",
    409: "the folder does not exist on the server; ask the lead to create it",
    413: "the server refuses a file this size; ask the lead to raise its limit",
    507: "the server is full; ask the lead to free space",
}


class DropError(Exception):
    """One line: where, what went wrong, what to do."""

    def __init__(self, where: str, message: str, hint: str) -> None:
        super().__init__(f"{where}: {message} ({hint})")
        self.where = where
        self.message = message
        self.hint = hint


class Drop(Protocol):
    label: str

    def put(self, name: str, data: bytes) -> None: ...


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def public_address(url: str) -> str:
    """``url`` without its user name, password, query or fragment: what a message may show."""
    parts = urlsplit(url)
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:  # a port that is not a number: show none rather than fail
        port = ""
    return f"{parts.scheme}://{parts.hostname or ''}{port}{parts.path}"


def open_drop(location: str) -> Drop:
    """A folder path or an http(s) WebDAV URL."""
    if is_url(location):
        return WebDavDrop(location)
    return FolderDrop(Path(location).expanduser())


class FolderDrop:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.label = str(root)

    def put(self, name: str, data: bytes) -> None:
        target = self.root / name
        if not self.root.is_dir():
            raise DropError(
                str(self.root), "not reachable", "is the shared drive connected? sent later"
            )
        tmp = ""
        try:
            # No .bak in a shared folder: each file is a whole day, rewritten whole.
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=self.root)
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
        except OSError as err:
            if tmp:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            raise DropError(
                str(target), f"cannot write: {err.strerror or err}", "check the share; sent later"
            ) from None


class WebDavDrop:
    def __init__(self, url: str) -> None:
        self.url = url if url.endswith("/") else url + "/"
        self.label = public_address(self.url)

    def put(self, name: str, data: bytes) -> None:
        # Imported here: ~0.1 s the app's start-up and a folder drop never pay.
        import requests

        where = self.label + name
        try:
            answer = requests.put(
                self.url + quote(name),
                data=data,
                headers={"Content-Type": "application/json"},
                timeout=(CONNECT_TIMEOUT, READ_TIMEOUT),
                allow_redirects=False,
            )
        except requests.Timeout:
            raise DropError(where, "the server did not answer in time", "sent later") from None
        except requests.RequestException as err:
            reason = type(err).__name__
            raise DropError(where, f"cannot reach the server ({reason})", "sent later") from None
        if answer.status_code in (200, 201, 204):
            return
        hint = _HINTS.get(answer.status_code, "ask the lead to check the server; sent later")
        raise DropError(where, f"the server answered {answer.status_code}", hint)
