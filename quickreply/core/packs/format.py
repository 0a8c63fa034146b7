"""The vocabulary of pack format version 1: keys, kinds, the patterns of ids, codes, names.

docs/architecture.md ("Pack format") shows a pack using every key named here.
"""

from __future__ import annotations

import re

from quickreply.core.limits import MAX_CODE

TOP_KEYS = ("pack", "snippets")
PACK_KEYS = ("id", "name", "version", "locale", "allowed_phrases")
SNIPPET_KEYS = (
    "id", "title", "code", "group", "tags", "text", "note", "examples", "fields", "hotkey", "send",
    "steps", "image",
)  # fmt: skip
FIELD_KEYS = ("label", "kind", "default", "choices", "choices_from")
FIELD_KINDS = ("text", "number", "choice", "region")
STEP_KINDS = ("paste", "image", "wait", "enter")

ID_RE = re.compile(r"[a-z0-9][a-z0-9._-]*")
CODE_RE = re.compile(rf"[a-z0-9]{{1,{MAX_CODE}}}")
FIELD_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
MAX_WAIT_MS = 60_000

ID_HINT = "use lowercase letters, digits, '.', '_' and '-', e.g. courier.which"
CODE_HINT = "use 1-12 lowercase letters or digits, e.g. kd"
