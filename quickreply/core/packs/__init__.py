"""Snippet packs, the package's front door: its public names, one module per concern below.

The modules, one concern each: ``format`` the keys and patterns of format version 1, ``values``
``fields`` ``steps`` and ``reader`` one file into a Pack, ``reports`` the problems core/lint.py
words the same way, ``folders`` where packs are found, ``merge`` the library by precedence,
``dump`` writing a pack back. ``from quickreply.core.packs import …`` is the public interface.
"""

from __future__ import annotations

from quickreply.core.packs.dump import dump_pack, save_pack
from quickreply.core.packs.folders import (
    EXAM_SUFFIXES,
    PACK_SUFFIXES,
    PackDir,
    default_dirs,
    pack_files,
)
from quickreply.core.packs.format import (
    CODE_HINT,
    CODE_RE,
    FIELD_KEYS,
    FIELD_KINDS,
    FIELD_NAME_RE,
    ID_HINT,
    ID_RE,
    MAX_WAIT_MS,
    PACK_KEYS,
    SNIPPET_KEYS,
    STEP_KINDS,
    TOP_KEYS,
)
from quickreply.core.packs.merge import PackLoader, load_library
from quickreply.core.packs.reader import load_pack
from quickreply.core.packs.reports import (
    bad_code_problem,
    code_clash_problem,
    duplicate_id_problem,
    missing_title_problem,
    snippet_where,
)
from quickreply.core.paths import SHOP_FILE

__all__ = [
    "CODE_HINT",
    "CODE_RE",
    "EXAM_SUFFIXES",
    "FIELD_KEYS",
    "FIELD_KINDS",
    "FIELD_NAME_RE",
    "ID_HINT",
    "ID_RE",
    "MAX_WAIT_MS",
    "PACK_KEYS",
    "PACK_SUFFIXES",
    "SHOP_FILE",
    "SNIPPET_KEYS",
    "STEP_KINDS",
    "TOP_KEYS",
    "PackDir",
    "PackLoader",
    "bad_code_problem",
    "code_clash_problem",
    "default_dirs",
    "dump_pack",
    "duplicate_id_problem",
    "load_library",
    "load_pack",
    "missing_title_problem",
    "pack_files",
    "save_pack",
    "snippet_where",
]
