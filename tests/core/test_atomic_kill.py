"""Killing a process while it saves a pack never costs the pack or its backup (issue 11.5).

A helper process saves two versions of a pack over and over in a forked child and kills it with
SIGKILL at a random point of the save cycle, then checks that ``personal.yaml`` and
``personal.yaml.bak`` each load as one whole version. Forking from a fresh helper (not from
pytest, which may hold Qt threads) makes each round cost milliseconds, not an interpreter start.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quickreply.core.atomic import write_atomic

ROUNDS = 40

KILLER = r"""
import json, os, random, signal, sys, time
from pathlib import Path
from quickreply.core.model import Pack, PackMeta, PackSource, Snippet
from quickreply.core.packs import load_pack, save_pack

folder, rounds, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
path = folder / "personal.yaml"
bak = folder / "personal.yaml.bak"

def version(tag):
    snippets = tuple(
        Snippet(id=f"{tag}.s{i}", title=f"话术{i}", variants=(f"亲，这是第{i}条回复~" * 8,),
                note="买家问到时用", examples=("在吗", "发货了吗"), pack_id="me.mine")
        for i in range(40)
    )
    return Pack(PackMeta("me.mine", "我的"), snippets, path, PackSource.PERSONAL)

versions = {"a": version("a"), "b": version("b")}
ids = {tag: [s.id for s in pack.snippets] for tag, pack in versions.items()}

def whole(file):
    pack, problems = load_pack(file, PackSource.PERSONAL)
    if pack is None or any(p.is_error for p in problems):
        return f"{file.name}: not loadable ({file.stat().st_size} bytes)"
    got = [s.id for s in pack.snippets]
    return "" if got in ids.values() else f"{file.name}: a mix of versions"

started = time.perf_counter()
for tag in "ab":
    save_pack(versions[tag], path)
cycle = (time.perf_counter() - started) / 2
rng = random.Random(seed)
failures, temps_seen = [], 0
for round_ in range(rounds):
    child = os.fork()
    if child == 0:
        try:
            i = 0
            while True:
                save_pack(versions["ab"[i % 2]], path)
                i += 1
        finally:
            os._exit(0)
    time.sleep(rng.uniform(0.002, 0.002 + 2 * cycle))
    os.kill(child, signal.SIGKILL)
    os.waitpid(child, 0)
    temps_seen += len(list(folder.glob("*.tmp")))
    for file in (path, bak):
        problem = whole(file) if file.exists() else f"{file.name}: missing"
        if problem:
            failures.append(f"round {round_}: {problem}")
save_pack(versions["a"], path)
left = sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))
print(json.dumps({"failures": failures, "temps_seen": temps_seen, "left": left, "cycle": cycle}))
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="kills a forked writer (POSIX)")
def test_a_save_killed_at_any_point_leaves_the_pack_and_its_backup_loadable(
    tmp_path: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", KILLER, str(tmp_path), str(ROUNDS), "11"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    report = json.loads(done.stdout.splitlines()[-1])
    assert report["failures"] == []
    # Kills leave temp files behind; the next save removes them.
    assert report["left"] == []


def test_stale_temp_files_of_a_dead_writer_are_removed_at_the_next_save(tmp_path: Path) -> None:
    folder = tmp_path / "personal"
    path = folder / "personal.yaml"
    write_atomic(path, "第一版\n")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], text=True,
                          capture_output=True, check=True)  # fmt: skip
    dead_pid = int(dead.stdout)
    stale = [
        folder / f".personal.yaml.{dead_pid}-x1.tmp",
        folder / f".personal.yaml.bak.{dead_pid}-x2.tmp",
        folder / ".personal.yaml.abc123.tmp",  # an earlier version's name: known by its age
    ]
    for file in stale:
        file.write_text("half", encoding="utf-8")
    old = time.time() - 2 * 3600
    os.utime(stale[2], (old, old))
    live = folder / f".personal.yaml.{os.getppid()}-y.tmp"  # a writer still running
    live.write_text("busy", encoding="utf-8")
    other = folder / ".other.yaml.12-z.tmp"  # another file's temp: not ours to judge
    other.write_text("other", encoding="utf-8")
    write_atomic(path, "第二版\n")
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted([live.name, other.name, "personal.yaml", "personal.yaml.bak"])
    assert path.with_name("personal.yaml.bak").read_text(encoding="utf-8") == "第一版\n"
