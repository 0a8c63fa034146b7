"""The inexact pass of several terms walked best bound first gives the term-by-term pass's pages."""

from __future__ import annotations

import random

import pytest

from quickreply.core.search import SearchIndex, inexactwalk
from quickreply.core.search import index as index_module

# A typo of a word in most replies with a common word: the typos anywhere match most replies.
TYPO_SEVERAL = [
    *("xioamei 小妹", "suzi 物流", "cinqin 物流", "xaomei 快递", "aida qniqin", "aida shuti"),
    *("xiwomei xiaomei", "keya 发", "qini 麻烦", "nihao 您好", "qinqia yiijng", "fukuna xiaomei"),
    *("kuaidi wuliu", "xiaomei 亲，", "kedi 快递 亲", "tuihou 退款", "wulu kuaidi", "zhaoij 着急"),
]
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_WORDS = ("小妹", "快递", "物流", "您好", "亲", "发货", "退款", "确认", "麻烦", "订单", "地址")
_PINYIN = ("xiaomei", "kuaidi", "wuliu", "nihao", "qinqin", "fahuo", "tuikuan", "queren")


def _typo(word: str, rng: random.Random) -> str:
    k = rng.randrange(len(word))
    edits = (
        word[:k] + word[k + 1 :],
        word[:k] + rng.choice(_LETTERS) + word[k + 1 :],
        word[:k] + rng.choice(_LETTERS) + word[k:],
        word[:k] + word[k + 1 : k + 2] + word[k] + word[k + 2 :],
    )
    return rng.choice(edits)


def _queries() -> list[str]:
    rng = random.Random(16)
    out = list(TYPO_SEVERAL)
    for _ in range(120):
        second = rng.choice(_WORDS + _PINYIN)
        if rng.random() < 0.2:
            second = _typo(second, rng) if second.isascii() else second
        out.append(f"{_typo(rng.choice(_PINYIN), rng)} {second}")
    return out


@pytest.mark.parametrize("narrow_early", [False, True])
def test_the_walked_inexact_pass_gives_the_pages_of_the_term_by_term_pass(
    monkeypatch: pytest.MonkeyPatch, narrow_early: bool
) -> None:
    """Also when the walk looks its terms up before it scores anything."""
    from quickreply.benchmarks.search import generate_library

    if narrow_early:
        monkeypatch.setattr(inexactwalk, "NARROW_AFTER", 0)
    lib = generate_library(3000)
    walked = SearchIndex.build(lib)
    calls = {"walked": 0}
    real = inexactwalk.inexact_walk

    def counted(*args: object, **kwargs: object) -> object:
        got = real(*args, **kwargs)  # type: ignore[arg-type]
        calls["walked"] += got is not None
        return got

    monkeypatch.setattr(index_module, "inexact_walk", counted)
    pages = {}
    for query in _queries():
        for limit in (10, 50):
            walked._last = None
            hits = walked.search(query, limit)
            pages[query, limit] = [(h.snippet.id, h.score, h.why) for h in hits]
    assert calls["walked"] > 150  # most of them took the walk
    monkeypatch.setattr(index_module, "inexact_walk", lambda *_: None)
    plain = SearchIndex.build(lib)
    for (query, limit), page in pages.items():
        plain._last = None
        assert page == [(h.snippet.id, h.score, h.why) for h in plain.search(query, limit)], query
