"""Composition root: builds the services and hands them to the widgets (no singletons)."""

from __future__ import annotations

import argparse
import sys


def run(args: argparse.Namespace) -> int:
    print("quickreply: the app window is being built", file=sys.stderr)
    return 2
