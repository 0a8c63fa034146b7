"""A one-term page with typos anywhere stops reading lower fields once the page outranks them,
and stays the page every field would give."""

from __future__ import annotations

import random

import pytest

from quickreply.core.search import SearchIndex, anywhere

# Typos of words in most replies (the bench's `tiuhuo`, `nizh`), and random one-letter edits.
WORDS = ("tuihuo", "nihao", "xiaomei", "kuaidi", "wuliu", "queren", "shouhuo", "fahuo", "qinqin")


def _typos() -> list[str]:
    rng = random.Random(7)
    out = ["tiuh", "tiuhu", "tiuhuo", "nizh", "nihoa", "xioamei", "kuadi"]
    for _ in range(150):
        word = rng.choice(WORDS)
        k = rng.randrange(len(word))
        out.append(word[:k] + rng.choice("abcdefghijklmnopqrstuvwxyz") + word[k + 1 :])
    return out


def test_a_typo_page_is_the_page_of_every_field(monkeypatch: pytest.MonkeyPatch) -> None:
    from quickreply.benchmarks.search import generate_library

    library = generate_library(3000)
    real = anywhere._outranked
    stopped: list[int] = []

    def counted(*args: object) -> int:
        got = real(*args)  # type: ignore[arg-type]
        stopped.append(got)
        return got

    monkeypatch.setattr(anywhere, "_outranked", counted)
    fast = SearchIndex.build(library)
    pages = {
        (q, size): [(h.snippet.id, h.score, h.why) for h in fast.search(q, size)]
        for q in _typos()
        for size in (10, 50)
    }
    assert sum(n >= 10 for n in stopped) > 100  # the lower fields were skipped, often
    monkeypatch.setattr(anywhere, "_outranked", lambda *args: 0)  # every field read
    full = SearchIndex.build(library)
    for (q, size), page in pages.items():
        assert [(h.snippet.id, h.score, h.why) for h in full.search(q, size)] == page, q
