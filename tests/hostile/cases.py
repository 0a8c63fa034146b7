"""The hostile corpus: bad inputs a new user or an attacker leaves in QuickReply's folders.

One list, :data:`CASES`; adding a case is one line. Each case writes one thing into a fresh
QUICKREPLY_HOME (a pack in ``team/``, the shop profile, ``settings.json``, the KPI store, a
cache file) and says which line every command must print about it: ``expect`` is the
``path:line`` prefix (paths as shown from the home folder), or None when the input must be
absorbed silently (a foreign cache is rebuilt, ordinary words are not claims). Which commands
read the thing follows from where it is (:data:`SEEN_BY`); test_corpus.py runs them all.
"""

from __future__ import annotations

import os
import pickle
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# The corpus runs against a small shipped library (the real shop profile and this pack), so
# each run costs milliseconds; its snippet must stay reachable whatever else is broken.
SHIPPED_PACK = """\
pack: {id: shipped.small, name: 小话术库}
snippets:
  - id: shipping.free
    title: 包邮
    code: by
    text: 亲，满{{ free_threshold }}元包邮哦~
    note: 买家问包邮时用
    examples: [包邮吗]
  - id: greet.hello
    title: 问候
    code: hy
    text: 亲，在的~
    note: 买家进店时用
    examples: [在吗]
"""
RENDER_ID = "by"
SEARCH_WORDS = "包邮"
# What a crafted cache would create if it were ever unpickled.
MARKER = "PWNED"

# Where a case's file lives -> the commands that read it and must say its line.
SEEN_BY: dict[str, tuple[str, ...]] = {
    "team": ("lint", "search", "app"),
    "shop": ("lint", "render", "app"),
    "config": ("app",),
    "data": ("stats", "app"),
    "cache": (),
}
COMMANDS = ("lint", "render", "search", "stats", "app")
# The app opens the KPI store at the first reply it records, not at start.
KPI_READERS = ("stats",)


@dataclass(frozen=True)
class Case:
    name: str
    place: str  # path inside QUICKREPLY_HOME
    content: bytes | Callable[[Path], None]  # bytes, or a writer given the path
    # "team/x.yaml:3": the start of a line every command that reads it prints (the path may be
    # absolute, and a command may put its name first); None: nothing may name the file
    expect: str | None
    lint_exit: int = 1  # `quickreply lint` exit status with this case in the library
    seen: tuple[str, ...] | None = None  # the commands that read it, when not SEEN_BY[kind]

    @property
    def kind(self) -> str:
        return "shop" if self.place == "team/shop.yaml" else self.place.split("/")[0]

    def exit_code(self, command: str) -> int:
        if command == "lint":
            return self.lint_exit if self.kind in ("team", "shop") else 0
        if command == "render" and self.kind == "shop" and self.expect is not None:
            return 1  # a reply must not be rendered with a broken profile
        if command == "stats" and self.shown_by("stats"):
            return 1
        return 0

    def shown_by(self, command: str) -> bool:
        seen = SEEN_BY[self.kind] if self.seen is None else self.seen
        return self.expect is not None and command in seen

    def write(self, home: Path) -> None:
        path = home / self.place
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)  # written again before each command of a perf run
        if isinstance(self.content, bytes):
            # Each pack and snippet gets an id of its own, so that cases can share a home.
            ids = {b"team.bad": f"team.{path.stem}".encode(), b"a": f"{path.stem}.a".encode()}
            data = re.sub(rb"(?<=\bid: )(team\.bad|a)\b", lambda m: ids[m[1]], self.content)
            path.write_bytes(data)
        else:
            self.content(path)


def pack(body: str, header: str = "pack: {id: team.bad, name: 坏包}\n") -> bytes:
    return (header + body).encode("utf-8")


GOOD_SNIPPET = "snippets:\n  - {id: ok.one, title: 好, text: 亲在的, note: n, examples: [e]}\n"


def one(fields: str) -> bytes:
    """A pack of one snippet on line 3 with a note and examples, plus ``fields``."""
    return pack(f"snippets:\n  - {{id: a, title: t, note: n, examples: [e], {fields}}}\n")


def text_at_7(text: str) -> bytes:
    """A pack of one snippet whose (quoted) text is on line 7."""
    quoted = text.replace('"', '\\"')
    return pack(
        f'snippets:\n  - id: a\n    title: t\n    note: n\n    examples: [e]\n    text: "{quoted}"\n'
    )


class _CreatesAFile:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


def _crafted_library_cache(path: Path) -> None:
    """A pickle under the name the library cache of this home (and this folder) is read from,
    and under the name earlier versions read."""
    from quickreply.core.libcache import LibraryCache
    from quickreply.core.packs import default_dirs
    from quickreply.core.paths import AppPaths

    paths = AppPaths.from_env()
    name = LibraryCache(paths.cache, None).cache_file(default_dirs(paths))
    evil = pickle.dumps({"version": "x", "entries": _CreatesAFile(path.parent / MARKER)})
    path.parent.mkdir(parents=True, exist_ok=True)
    name.write_bytes(evil)
    name.with_suffix(".pickle").write_bytes(evil)


def _shop_with_cutoff_2500(path: Path) -> None:
    from quickreply.core.paths import SHIPPED_DIR

    text = (SHIPPED_DIR / "shop.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace('cutoff: "16:00"', 'cutoff: "25:00"'), encoding="utf-8")


def _symlink_loop(path: Path) -> None:
    path.symlink_to(path.name)  # self.yaml -> self.yaml


def _fifo(path: Path) -> None:
    os.mkfifo(path)  # reading it would wait for a writer forever


def _deep_json(path: Path) -> None:
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")


def _corrupt_sqlite(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)


def _kpi_future_schema(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 999")
    db.close()


CASES: tuple[Case, ...] = (
    # -- packs: encoding, syntax, YAML tricks ---------------------------------------------------
    Case("gbk", "team/gbk.yaml", pack("snippets:\n  - {id: a, title: 中文, text: 亲}\n").decode().encode("gbk"), "team/gbk.yaml:1"),
    Case("utf16", "team/utf16.yaml", pack(GOOD_SNIPPET).decode().encode("utf-16"), "team/utf16.yaml:1"),
    Case("binary", "team/binary.yaml", bytes(range(256)) * 4, "team/binary.yaml:2"),
    Case("syntax error", "team/syntax.yaml", pack("snippets:\n  - {id: a, title: [}\n"), "team/syntax.yaml:3"),
    Case("tab indent", "team/tab.yaml", pack("snippets:\n\t- {id: a, title: t, text: x}\n"), "team/tab.yaml:3"),
    Case("python tag", "team/pytag.yaml", pack("snippets:\n  - !!python/object/apply:os.system [touch PWNED]\n"), "team/pytag.yaml:3"),
    Case("control char", "team/ctrl.yaml", pack("snippets:\n  - {id: a, title: t, text: \"x\x07\"}\n"), "team/ctrl.yaml:3"),
    Case("not a mapping", "team/list.yaml", b"- just\n- a list\n", "team/list.yaml:1"),
    Case("two documents", "team/twodocs.yaml", pack(GOOD_SNIPPET) + b"---\npack: {id: x, name: y}\n", "team/twodocs.yaml:4"),
    Case("huge file", "team/huge.yaml", b"# " + b"x" * (6 * 1024 * 1024) + b"\n", "team/huge.yaml:1"),
    Case("billion laughs", "team/laughs.yaml", pack("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n" + GOOD_SNIPPET), "team/laughs.yaml:2"),
    # -- packs: files that are not regular files (issue 11.1, 11.2) ---------------------------
    Case("symlink loop", "team/self.yaml", _symlink_loop, "team/self.yaml:1"),
    Case("fifo", "team/fifo.yaml", _fifo, "team/fifo.yaml:1"),
    # -- packs: schema ------------------------------------------------------------------------
    Case("unknown key", "team/colour.yaml", one("text: x, colour: red"), "team/colour.yaml:3"),
    Case("tags a mapping", "team/tags.yaml", one("text: x, tags: {a: 1}"), "team/tags.yaml:3"),
    Case("no text", "team/notext.yaml", pack("snippets:\n  - {id: a, title: t}\n"), "team/notext.yaml:3"),
    Case("bad code", "team/code.yaml", one("text: x, code: 快捷"), "team/code.yaml:3"),
    Case("taken code", "team/taken.yaml", one("text: x, code: by"), "team/taken.yaml:3"),
    Case("shipped id again", "team/dupid.yaml", pack("snippets:\n  - {id: shipping.free, title: t, text: x}\n"), "team/dupid.yaml:3"),
    Case("bad hotkey", "team/hotkey.yaml", one("text: x, hotkey: ctrl+banana"), "team/hotkey.yaml:3"),
    # -- packs: templates (a pack never runs code) ------------------------------------------
    Case("template syntax", "team/tsyntax.yaml", text_at_7("亲{{ oops"), "team/tsyntax.yaml:7", seen=("lint",)),
    Case("template escape", "team/escape.yaml", text_at_7("{{ ''.__class__.__mro__ }}"), "team/escape.yaml:7", seen=("lint",)),
    Case("template runaway", "team/runaway.yaml", text_at_7("{{ 'x' * 10**9 }}"), "team/runaway.yaml:7", lint_exit=0, seen=("lint",)),  # stopped when rendered: a warning
    Case("unknown name", "team/name.yaml", text_at_7("{{ shop_nmae }}"), "team/name.yaml:7", seen=("lint",)),
    # -- packs: advertising law (issue 11.10): claims flagged, everyday words not -----------
    Case("absolute claim", "team/claim.yaml", one("text: 全网最低价"), "team/claim.yaml:3", seen=("lint",)),
    Case("everyday words", "team/everyday.yaml", one("text: 您最好先确认一下，您的满意是我们最大的动力，第一车队第一时间发货"), None, lint_exit=0),
    # -- the shop profile ----------------------------------------------------------------------
    Case("shop cutoff", "team/shop.yaml", _shop_with_cutoff_2500, "team/shop.yaml:43"),
    Case("shop not a mapping", "team/shop.yaml", b"- a\n", "team/shop.yaml:1"),
    # -- settings and stores -----------------------------------------------------------------
    Case("settings corrupt", "config/settings.json", b"{not json", "config/settings.json:1"),
    Case("settings 100,000 deep", "config/settings.json", _deep_json, "config/settings.json:1"),  # issue 11.3
    Case("settings not an object", "config/settings.json", b"[1, 2]", "config/settings.json:1"),
    Case("kpi corrupt", "data/kpi.sqlite3", _corrupt_sqlite, "data/kpi.sqlite3:0", seen=KPI_READERS),
    Case("kpi from the future", "data/kpi.sqlite3", _kpi_future_schema, "data/kpi.sqlite3:0", seen=KPI_READERS),
    Case("usage store corrupt", "data/stats.sqlite3", _corrupt_sqlite, "data/stats.sqlite3:0", seen=("search", "app")),
    # -- caches (issue 11.4): never run, silently rebuilt -------------------------------------
    Case("crafted library cache", "cache/library", _crafted_library_cache, None, lint_exit=0),
)  # fmt: skip
