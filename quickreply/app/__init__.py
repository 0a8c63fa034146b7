"""The composition root: every service is built here, once, and passed to the widgets.

One module per concern: :mod:`~quickreply.app.services` (the shared services and their
reload), :mod:`~quickreply.app.views` (window factories and ``--screenshot``),
:mod:`~quickreply.app.wiring` (the platform backend, hotkeys and their routing),
:mod:`~quickreply.app.watch` (packs changing on disk), :mod:`~quickreply.app.apply` (saved
settings taking effect), :mod:`~quickreply.app.resident` (the running app),
:mod:`~quickreply.app.signals` (SIGTERM/SIGINT) and :mod:`~quickreply.app.main` (``run``, what
``quickreply`` with no subcommand calls).
"""

from __future__ import annotations

from quickreply.app.main import run

__all__ = ["run"]
