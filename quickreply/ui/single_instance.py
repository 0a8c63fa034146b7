"""One instance per user session: a second launch asks the first to come forward, then exits.

The first instance listens on a QLocalServer whose name is derived from the user and the
config folder (so a portable install or a test's QUICKREPLY_HOME gets its own instance). A
second launch connects, writes ``show``, and its ``claim()`` returns False.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 500


def server_name(config_dir: Path) -> str:
    digest = hashlib.sha1(str(config_dir.resolve()).encode("utf-8")).hexdigest()[:10]
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "user"
    return f"quickreply-{user}-{digest}"


class SingleInstance(QObject):
    """Call :meth:`claim` at start-up; ``activated`` fires when a later launch knocks."""

    activated = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        """True if this process is now the instance; False if another one was told to show."""
        socket = QLocalSocket(self)
        socket.connectToServer(self.name)
        try:
            if socket.waitForConnected(CONNECT_TIMEOUT_MS):
                socket.write(b"show\n")
                socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
                socket.disconnectFromServer()
                return False
        finally:
            socket.abort()
            socket.setParent(None)
            socket.deleteLater()
        # Nobody answered: a socket file left by a crashed instance would block listen().
        QLocalServer.removeServer(self.name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            return True  # cannot listen (odd filesystem); run anyway rather than refuse to start
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def _on_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(self._on_ready)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _on_ready(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).strip() == b"show":
            self.activated.emit()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
