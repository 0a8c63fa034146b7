"""The frozen build's entry script: what ``quickreply`` (the console script) runs, frozen."""

from __future__ import annotations

import os
import sys

from quickreply.cli import main

# A windowed Windows executable starts with no console: sys.stdout and sys.stderr are None,
# and the first problem line the app prints would raise. Such lines go nowhere instead.
if sys.stdout is None:
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
if sys.stderr is None:
    sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115

raise SystemExit(main())
