"""The search index behind the palette: 汉字, pinyin, initials, codes, traditional, typos, usage.

Design (docs/search.md explains the why):

* Each searchable field of every snippet is normalised once (see core/textkeys.py) and stored
  in one long string per field kind, records separated by ``SEP_RECORD``, items (tags,
  examples, alternative spellings) by ``SEP_ITEM``. A query term is found with ``str.find``
  over that string (C speed), and a position is mapped back to its snippet with ``bisect``.
  Per-snippet Python work happens only for snippets that match.
* Ranking is by tiers (:data:`TIERS`): exact code, code prefix, title prefix (汉字, pinyin,
  initials), then whole-word and substring matches in title, tags, examples, group and text,
  and last one-typo matches for Latin input. Several terms must all match; their tiers add up.
  Ties go to the snippet this agent used more often and more recently, then to the title.
* Typing on: a query that extends the previous one searches only the previous matches.
* The index (strings, offsets and the per-character tables) is cached in ``marshal`` form,
  keyed by a hash of everything indexed, so a start-up with an unchanged library neither parses
  pinyin tables nor rebuilds keys; a stale or corrupt cache is rebuilt silently.
"""

from __future__ import annotations

import contextlib
import hashlib
import heapq
import marshal
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import islice, repeat
from operator import add, itemgetter
from pathlib import Path
from typing import cast

from quickreply.core.atomic import write_atomic
from quickreply.core.model import Library, Snippet
from quickreply.core.stats import Usage
from quickreply.core.textkeys import SEP_ITEM, SEP_RECORD, TextKeys, is_han

# Gram keys (see _grams): pairs of these, and any character outside ASCII.
_ASCII = frozenset(map(chr, range(128)))
_HEAD = itemgetter(slice(0, 1))
_ALNUM_RUN = re.compile("[A-Za-z0-9]{2,}")
# A letter/digit right behind a non-alphanumeric one (what a whole-word match starts with);
# re's \W and _ are exactly what str.isalnum() rejects.
_WORD_HEAD = re.compile(r"(?<=[\W_])[^\W_]")
WORD_MARK = "\x02"
_GRAM_CHUNK = 8192

# Bump whenever the cached layout or the way keys are computed changes.
INDEX_VERSION = 6
CACHE_PREFIX = "search-index-"
_SEPS = SEP_ITEM + SEP_RECORD

# Term tiers. A snippet's score is the sum of its terms' best tiers.
CODE_EXACT = 1000
CODE_PREFIX = 900
# After the exact tiers, when they leave the page short: characters of the term in order in
# a title (修改地址 → 修改收货地址, xgdz → its initials), then one typo in a code, title or tag.
LOOSE_TITLE = 200
LOOSE_INITIALS = 190
TYPO_CODE = 120
TYPO_TITLE = 110
TYPO_TAG = 90
_TYPO_TIER = {"title_py": TYPO_TITLE, "title_ini": TYPO_TITLE, "tags_py": TYPO_TAG}
_LOOSE_MIN, _LOOSE_MAX = 2, 12


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field kind: where its text comes from and what each kind of match is worth."""

    name: str
    kind: str  # "norm", "pinyin" or "initials"
    parent: str  # the norm field it was derived from (for checking mixed input)
    equal: int  # the whole item equals the term
    prefix: int  # an item starts with the term
    word: int  # the term stands between punctuation/space
    substring: int  # anywhere else
    why: str


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", "norm", "title", 800, 800, 700, 650, "title"),
    FieldSpec("title_py", "pinyin", "title", 780, 780, 0, 620, "title-pinyin"),
    FieldSpec("title_ini", "initials", "title", 760, 760, 0, 600, "title-initials"),
    FieldSpec("tags", "norm", "tags", 540, 540, 530, 520, "tag"),
    FieldSpec("tags_py", "pinyin", "tags", 500, 500, 0, 470, "tag-pinyin"),
    FieldSpec("tags_ini", "initials", "tags", 480, 480, 0, 460, "tag-initials"),
    FieldSpec("examples", "norm", "examples", 440, 440, 430, 420, "example"),
    FieldSpec("examples_py", "pinyin", "examples", 410, 410, 0, 400, "example-pinyin"),
    FieldSpec("group", "norm", "group", 380, 380, 380, 370, "group"),
    FieldSpec("text", "norm", "text", 340, 340, 320, 300, "text"),
    FieldSpec("text_py", "pinyin", "text", 250, 250, 0, 240, "text-pinyin"),
)
_SPEC = {spec.name: spec for spec in FIELDS}
# Scan order: for every field, matches at an item start (equal/prefix tiers) and anywhere else
# (word/substring tiers) are separate steps, best first, so a page full of title-prefix hits
# never pays for scanning texts. Each step carries the best tier it can give.
_STEPS: list[tuple[int, FieldSpec, bool]] = sorted(
    [(spec.equal, spec, True) for spec in FIELDS]
    + [(max(spec.word, spec.substring), spec, False) for spec in FIELDS],
    key=lambda step: -step[0],
)
# Single Latin letters are only looked up where a prefix means something.
_PREFIX_ONLY_FIELDS = frozenset(
    {"title", "title_py", "title_ini", "tags", "tags_py", "tags_ini", "group"}
)
# Initials are one letter per character: a single letter anywhere would match everything.
_MIN_LEN = {"initials": 2, "pinyin": 2}
_TEXT_PINYIN_MIN = 3
# Typo matching only for Latin terms this long (shorter: too many near misses; longer: wasted).
_TYPO_MIN, _TYPO_MAX = 3, 24
# Below this many previous matches, narrowing checks each of them instead of scanning.
_NARROW_LIMIT = 200
# How many terms' full match maps are kept for the next keystrokes.
_TERM_MAPS = 8
# Usage ranks at most this many snippets ahead of title order (each costs a check per keystroke).
_BOOST_MAX = 256
_TYPO_FIELDS = tuple(_TYPO_TIER)
# A Latin run at the start of an item: the keys a typo may be measured against.
_LATIN_ITEM = re.compile(f"(?<=[{SEP_ITEM}{SEP_RECORD}])[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: the snippet, its score (higher is better) and what matched."""

    snippet: Snippet
    score: int
    why: str


@dataclass(frozen=True, slots=True)
class _Term:
    raw: str  # normalised term
    latin: str  # Latin form for pinyin/initials fields ("" when none)
    initials: str  # form for initials fields ("" when none)
    han: str  # the ideographs of a mixed term, checked against the parent field
    kind: str  # "latin", "han", "mixed" or "other"

    @property
    def prefix_only(self) -> bool:
        return self.kind == "latin" and len(self.raw) < 2

    @property
    def complete(self) -> bool:
        """Long enough that every field was searched: a longer term can only match less."""
        return self.kind not in ("latin", "mixed") or len(self.latin) >= _TEXT_PINYIN_MIN


@dataclass(slots=True)
class _Field:
    hay: str
    marks: str  # for pinyin fields: same text with syllable starts capitalised; else ""
    offsets: list[int]  # offsets[i] = start of record i; offsets[-1] = len(hay) + 1


def _frecency(usage: Usage, newest: datetime) -> float:
    """Uses weighted by age: a use a week older than the newest counts half."""
    try:
        days = max((newest - usage.last_used).total_seconds(), 0.0) / 86400.0
    except TypeError:  # naive and aware datetimes mixed: ignore recency
        days = 0.0
    return usage.count / (1.0 + days / 7.0)


def _library_records(library: Library) -> list[Snippet]:
    seen: set[str] = set()
    out: list[Snippet] = []
    for snippet in library.snippets():
        if snippet.id not in seen:
            seen.add(snippet.id)
            out.append(snippet)
    return out


def _texts(snippet: Snippet) -> list[str]:
    texts = list(snippet.variants)
    texts.extend(step.text for step in snippet.steps if step.text)
    return texts


def library_key(library: Library) -> str:
    """Hash of everything the index is built from, plus the index and table versions."""
    digest = hashlib.blake2b(digest_size=20)
    parts: list[str] = [str(INDEX_VERSION), _table_versions()]
    for s in _library_records(library):
        parts.extend((s.id, s.title, s.code, s.group, *s.tags, "\x02", *s.examples, "\x02"))
        parts.extend(_texts(s))
        parts.append("\x03")
    digest.update("\x1f".join(parts).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _given_key(key: str) -> str:
    """A caller's library fingerprint combined with the index and table versions."""
    text = f"{INDEX_VERSION}\x1f{_table_versions()}\x1f{key}"
    return "k" + hashlib.blake2b(text.encode("utf-8"), digest_size=20).hexdigest()


def _table_versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for dist in ("pypinyin", "opencc"):
        try:
            out.append(version(dist))
        except PackageNotFoundError:
            out.append("?")
    return "/".join(out)


class SearchIndex:
    """Ranked search over a library. Build once per library; call :meth:`search` per keystroke."""

    def __init__(
        self,
        snippets: Sequence[Snippet],
        fields: dict[str, _Field],
        keys: TextKeys,
        usage: Mapping[str, Usage] | None = None,
        grams: dict[str, dict[str, int]] | None = None,
    ) -> None:
        # Records are in title order (see build): record number = title position.
        self._snippets = list(snippets)
        self._fields = fields
        self._keys = keys
        self._codes = [s.code.casefold() for s in self._snippets]
        self._code_of = {code: i for i, code in enumerate(self._codes) if code}
        self._sorted_codes = sorted(self._code_of)
        # Per field (and "code"): key -> bitmap of records, see _grams. Built with the index
        # and cached; a query ANDs its keys to learn where a term can occur before any scan.
        self._grams = grams if grams is not None else self._build_grams()
        self._all_bits = (1 << len(self._snippets)) - 1
        # Per distinct group: its `/组` keys and records, derived from the group field when a
        # filter is first typed; and each group's records as a bitmap once a walk needs it.
        self._groups: list[tuple[tuple[str, ...], list[int]]] | None = None
        self._group_bits: dict[int, int] = {}
        self._typo: _TypoTable | None = None
        # Full match maps of recent terms: typing `wuliu c`, `wuliu ch`, … rescans only the term
        # being typed. They do not depend on usage, only on the records.
        self._term_maps: dict[_Term, tuple[dict[int, int], dict[int, str]]] = {}
        self._last: tuple[tuple[_Term, ...], tuple[str, ...], list[int]] | None = None
        self._fell_back = False
        self._truncated = False
        # The ranking by usage (_boosted and its set, bitmap and field texts, _order, _rank).
        self.set_usage(usage or {})

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        library: Library,
        usage: Mapping[str, Usage] | None = None,
        keys: TextKeys | None = None,
    ) -> SearchIndex:
        keys = keys or TextKeys()
        norm = keys.normalize
        # Records are stored in title order (pinyin: dictionary order to a Chinese reader), so
        # a scan meets equally good matches in rank order and can stop once the page is full.
        unsorted = _library_records(library)
        unsorted_titles = [norm(s.title) for s in unsorted]
        sort_keys = [
            (keys.pinyin(t), t, s.id) for t, s in zip(unsorted_titles, unsorted, strict=True)
        ]
        by_title = sorted(range(len(unsorted)), key=sort_keys.__getitem__)
        snippets = [unsorted[i] for i in by_title]
        titles = [unsorted_titles[i] for i in by_title]
        tags = [SEP_ITEM.join(norm(t) for t in s.tags) for s in snippets]
        examples = [SEP_ITEM.join(norm(e) for e in s.examples) for s in snippets]
        texts = [SEP_ITEM.join(norm(t) for t in _texts(s)) for s in snippets]
        group_names = [norm(s.group) for s in snippets]
        raw: dict[str, list[str]] = {
            "title": titles,
            "tags": tags,
            "examples": examples,
            "group": group_names,
            "text": texts,
        }
        fields: dict[str, _Field] = {name: _join(raw[name]) for name in raw}
        # Short fields: every common spelling (行 xing/hang); long ones: default readings only.
        for name in ("title", "tags", "examples"):
            marked_items: list[str] = []
            ini_items: list[str] = []
            for value in raw[name]:
                m_parts: list[str] = []
                i_parts: list[str] = []
                for item in value.split(SEP_ITEM) if value else ():
                    if name == "examples":
                        spellings = [keys.default_spelling(item)]
                    else:
                        spellings = keys.spellings(item)
                    m_parts.extend(m for m, _ in spellings)
                    i_parts.extend(i for _, i in spellings)
                marked_items.append(SEP_ITEM.join(m_parts))
                ini_items.append(SEP_ITEM.join(i_parts))
            fields[f"{name}_py"] = _join([m.lower() for m in marked_items], marked_items)
            if f"{name}_ini" in _SPEC:
                fields[f"{name}_ini"] = _join(ini_items)
        text_marked = [keys.marked(t) for t in texts]
        fields["text_py"] = _join([m.lower() for m in text_marked], text_marked)
        index = cls(snippets, fields, keys, usage=usage)
        # Built now and cached, so the first typo never pays for it while the agent types.
        index._typo_table()
        return index

    @classmethod
    def load_or_build(
        cls,
        library: Library,
        cache_dir: Path,
        usage: Mapping[str, Usage] | None = None,
        key: str | None = None,
    ) -> SearchIndex:
        """The cached index for this exact library, or a fresh one (then cached).

        ``key``, when given, must identify the library's content exactly (core/libcache.py's
        fingerprint of the pack files it was loaded from): it saves hashing every snippet.
        """
        key = _given_key(key) if key else library_key(library)
        path = cache_dir / f"{CACHE_PREFIX}{key}.bin"
        loaded = cls._load(path, library, usage)
        if loaded is not None:
            return loaded
        index = cls.build(library, usage)
        with contextlib.suppress(OSError):
            index.save(path)
            _prune(cache_dir, keep=path)
        return index

    def save(self, path: Path) -> None:
        """Write the index atomically (temp file + os.replace)."""
        blob = marshal.dumps(
            {
                "version": INDEX_VERSION,
                "ids": [s.id for s in self._snippets],
                "fields": {name: (f.hay, f.marks, f.offsets) for name, f in self._fields.items()},
                "fold": self._keys.fold_map,
                "readings": self._keys.readings_map,
                "typo": _typo_data(self._typo_table()),
                "grams": self._grams,
            }
        )
        write_atomic(path, blob, backup=False)

    @classmethod
    def _load(
        cls, path: Path, library: Library, usage: Mapping[str, Usage] | None
    ) -> SearchIndex | None:
        try:
            data = marshal.loads(path.read_bytes())
            if not isinstance(data, dict) or data.get("version") != INDEX_VERSION:
                return None
            by_id = {s.id: s for s in _library_records(library)}
            snippets = [by_id[i] for i in data["ids"]]
            fields = {
                name: _Field(hay, marks, list(offsets))
                for name, (hay, marks, offsets) in data["fields"].items()
            }
            if set(fields) != set(_SPEC) or any(
                len(f.offsets) != len(snippets) + 1 for f in fields.values()
            ):
                return None
            keys = TextKeys(data["fold"], {k: tuple(v) for k, v in data["readings"].items()})
            index = cls(
                snippets,
                fields,
                keys,
                usage=usage,
                grams=_grams_from(data["grams"], fields),
            )
            index._typo = _typo_from(data["typo"], len(snippets))
            return index
        except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError):
            return None

    def _build_grams(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for name, field in self._fields.items():
            hay, offsets = field.hay, field.offsets
            out[name] = _gram_bitmaps(
                [hay[offsets[i] : offsets[i + 1] - 1] for i in range(len(offsets) - 1)],
                words=_SPEC[name].word > _SPEC[name].substring,
            )
        out["code"] = _gram_bitmaps(self._codes)
        return out

    # -- usage --------------------------------------------------------------------------------

    def set_usage(self, usage: Mapping[str, Usage]) -> None:
        """Re-rank ties: most frequently and recently used first, then by title."""
        index_of = {s.id: i for i, s in enumerate(self._snippets)}
        used = [(index_of[sid], u) for sid, u in usage.items() if sid in index_of and u.count > 0]
        newest = max((u.last_used for _, u in used), default=None)
        boosted: list[int] = []
        if newest is not None:
            score = {i: _frecency(u, newest) for i, u in used}
            boosted = sorted(score, key=lambda i: (-score[i], i))[:_BOOST_MAX]
        chosen = set(boosted)
        # The used snippets as a list (rank order), a set and a bitmap: each is what one hot
        # path needs; their field texts joined, to skip most of them with one `in` per term.
        self._boosted = boosted
        self._boost_set = chosen
        self._boost_blobs = {
            i: SEP_RECORD.join(
                f.hay[f.offsets[i] : f.offsets[i + 1] - 1] for f in self._fields.values()
            )
            for i in boosted
        }
        self._boost_bits = _bitmap_of(boosted, len(self._snippets))
        order = boosted + [i for i in range(len(self._snippets)) if i not in chosen]
        rank = [0] * len(order)
        for position, i in enumerate(order):
            rank[i] = position
        self._order = order
        self._rank = rank

    # -- search -------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._snippets)

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        """Ranked hits for ``query``; never raises for odd input (it returns fewer hits)."""
        if limit <= 0:
            return []
        terms, group_terms = self._parse(query)
        if not terms and not group_terms:
            self._last = None
            return [Hit(self._snippets[i], 0, "usage") for i in self._order[:limit]]

        if not terms:
            self._last = None
            return self._group_page(group_terms, limit)
        allowed = self._group_filter(group_terms) if group_terms else None
        pool = self._narrowed_pool(terms, group_terms)
        self._fell_back = self._truncated = False
        page = limit if len(terms) == 1 else 0
        walked = None
        if pool is None and len(terms) > 1 and all(t.kind in ("latin", "han") for t in terms):
            walked = self._walk(terms, group_terms, limit)
        if walked is not None:
            scores, why = walked
        else:
            scores, why = self._match_all(terms, pool, allowed, typos=False, limit=page)
        # A stopped scan or a split mixed term leaves match sets that are not every match (or
        # not nested in the next query's): the next keystroke rescans instead of narrowing.
        if self._fell_back or self._truncated:
            self._last = None
        else:
            self._last = (tuple(terms), tuple(group_terms), list(scores))
        if len(scores) < limit and any(
            self._typo_ok(t) or _LOOSE_MIN <= len(t.raw) <= _LOOSE_MAX for t in terms
        ):
            if len(terms) == 1 and not self._fell_back and not self._truncated:
                # The exact pass was complete: only the loose and typo tiers are left to add.
                scores, why = dict(scores), dict(why)
                self._add_inexact(terms[0], allowed, page, scores, why)
            else:
                scores, why = self._match_all(terms, None, allowed, typos=True, limit=page)
        return self._top(scores, why, limit)

    def _walk(
        self, terms: list[_Term], group_terms: list[str], limit: int
    ) -> tuple[dict[int, int], dict[int, str]]:
        """Several terms: exact scores of the records that can reach the page, best bound first.

        Each term's gram bitmaps tell, per field, which records may contain it there and
        whether at an item start: an upper bound of its tier per record. Records are taken in
        groups of equal bound (sum over the terms), each scored exactly, and the walk stops
        once ``limit`` scored records outrank everything the rest could reach. Sets
        ``_truncated`` when it stopped early (the scores are then not every match).
        """
        ordered = sorted(terms, key=lambda t: (t.prefix_only, -len(t.raw)))
        levels: list[list[tuple[int, int]]] = []
        cand = self._all_bits
        if group_terms:
            cand &= self._group_bitmap(group_terms)
        for term in ordered:
            bounds = self._bounds(term)
            union = 0
            for _, bitmap in bounds:
                union |= bitmap
            cand &= union
            levels.append(bounds)
        # Partition the candidates by the sum of their terms' bounds, one term at a time
        # (equal sums merged, so this stays a handful of bitmaps however many terms).
        groups: dict[int, int] = {0: cand} if cand else {}
        for bounds in levels:
            grown: dict[int, int] = {}
            for total, acc in groups.items():
                for bound, bitmap in bounds:
                    both = acc & bitmap
                    if both:
                        key = total + bound
                        grown[key] = grown.get(key, 0) | both
            groups = grown
        plans = [self._plan(term) for term in ordered]
        scores: dict[int, int] = {}
        why: dict[int, str] = {}
        rank = self._rank
        heap: list[tuple[int, int]] = []  # (score, -rank) of the best `limit` so far
        bounds_desc = sorted(groups, reverse=True)
        for bound in bounds_desc:
            if len(heap) >= limit and heap[0][0] > bound:
                self._truncated = True
                break
            members = groups[bound]
            boosted = members & self._boost_bits
            first = sorted(_bits(boosted), key=rank.__getitem__) if boosted else []
            for i in _chain(first, _bits(members ^ boosted)):
                if len(heap) >= limit:
                    worst, neg = heap[0]
                    if worst > bound or (worst == bound and -neg < rank[i]):
                        # Later members of this group rank below i: none can enter the page.
                        self._truncated = True
                        break
                total = 0
                best_tier = -1
                label = ""
                for term, plan in zip(ordered, plans, strict=True):
                    tier, term_why = self._exact(term, plan, i)
                    if not tier:
                        break
                    total += tier
                    if tier > best_tier:
                        best_tier, label = tier, term_why
                else:
                    scores[i] = total
                    why[i] = label
                    entry = (total, -rank[i])
                    if len(heap) < limit:
                        heapq.heappush(heap, entry)
                    elif entry > heap[0]:
                        heapq.heapreplace(heap, entry)
        return scores, why

    def _bounds(self, term: _Term) -> list[tuple[int, int]]:
        """(tier bound, records) for ``term``, best first, each record in one entry only."""
        raw: list[tuple[int, int]] = []
        if term.kind == "latin":
            code = self._cand("code", term.raw, start=True)
            if code:
                raw.append((CODE_EXACT if term.raw in self._code_of else CODE_PREFIX, code))
        for spec in FIELDS:
            needle = self._needle(term, spec)
            if not needle:
                continue
            anywhere = self._cand(spec.name, needle, start=False)
            if not anywhere:
                continue
            at_start = anywhere & self._grams[spec.name].get(SEP_ITEM + needle[0], 0)
            if at_start:
                raw.append((spec.equal, at_start))
            if term.prefix_only:
                continue
            if spec.word > spec.substring:
                words = anywhere & self._grams[spec.name].get(WORD_MARK + needle[0], 0)
                if words:
                    raw.append((spec.word, words))
            raw.append((spec.substring, anywhere))
        raw.sort(key=lambda entry: -entry[0])
        out: list[tuple[int, int]] = []
        seen = 0
        for bound, bitmap in raw:
            new = bitmap & ~seen
            if new:
                out.append((bound, new))
                seen |= new
        return out

    def _cand(self, name: str, needle: str, *, start: bool) -> int:
        """Records whose field ``name`` may contain ``needle`` (at an item start if ``start``)."""
        maps = self._grams[name]
        bitmap = self._all_bits
        for key in _needle_grams(needle):
            bitmap &= maps.get(key, 0)
            if not bitmap:
                return 0
        if start:
            bitmap &= maps.get(SEP_ITEM + needle[0], 0)
        return bitmap

    def _plan(self, term: _Term) -> list[tuple[_Field, FieldSpec, str, str]]:
        """The fields ``term`` is looked up in (best tier first), with needle and 汉字 check."""
        plan = []
        for spec in FIELDS:
            needle = self._needle(term, spec)
            if not needle:
                continue
            check = term.han if term.kind == "mixed" and spec.kind != "norm" else ""
            plan.append((self._fields[spec.name], spec, needle, check))
        return plan

    def _exact(
        self, term: _Term, plan: list[tuple[_Field, FieldSpec, str, str]], i: int
    ) -> tuple[int, str]:
        """The best exact tier of ``term`` in record ``i`` and what gave it (0: no match)."""
        if term.kind == "latin":
            code = self._codes[i]
            if code.startswith(term.raw) and self._code_of.get(code) == i:
                if code == term.raw:
                    return CODE_EXACT, "code"
                return CODE_PREFIX, "code-prefix"
        return self._best_field(plan, i, term.prefix_only)

    def _best_field(
        self, plan: list[tuple[_Field, FieldSpec, str, str]], i: int, prefix_only: bool
    ) -> tuple[int, str]:
        """The best tier of record ``i`` in the fields of ``plan`` and what gave it (0: none)."""
        best, label = 0, ""
        for field, spec, needle, check in plan:
            if spec.equal <= best:
                break  # fields come best first: no later one can do better
            tier = self._tier(field, spec, i, needle, prefix_only)
            if tier > best and (not check or self._has_all(spec.parent, i, check)):
                best, label = tier, spec.why
        return best, label

    def _group_page(self, group_terms: list[str], limit: int) -> list[Hit]:
        """A ``/组`` filter alone: its records all tie at 0, so the page is them in rank order
        (used ones first, then title order), read off the groups' member lists."""
        lists = [ids for _, ids in self._wanted_groups(group_terms)]
        used = self._group_bitmap(group_terms) & self._boost_bits
        page = sorted(_bits(used), key=self._rank.__getitem__)[:limit]
        skip = self._boost_set
        rest = (i for i in heapq.merge(*lists) if i not in skip)
        page.extend(islice(rest, limit - len(page)))
        return [Hit(self._snippets[i], 0, "group-filter") for i in page]

    def _group_bitmap(self, group_terms: list[str]) -> int:
        """Records of the groups a ``/组`` filter keeps, as a bitmap (per group, cached)."""
        out = 0
        for g, members in self._wanted_groups(group_terms):
            bitmap = self._group_bits.get(g)
            if bitmap is None:
                bitmap = self._group_bits[g] = _bitmap_of(members, len(self._snippets))
            out |= bitmap
        return out

    def _top(self, scores: dict[int, int], why: dict[int, str], limit: int) -> list[Hit]:
        n = len(self._snippets) + 1
        rank = self._rank
        packed = [(-score) * n + rank[i] for i, score in scores.items()]
        best = heapq.nsmallest(limit, packed) if len(packed) > limit else sorted(packed)
        order = self._order
        hits = []
        for value in best:
            i = order[value % n]
            hits.append(Hit(self._snippets[i], scores[i], why[i]))
        return hits

    def _parse(self, query: str) -> tuple[list[_Term], list[str]]:
        norm = self._keys.normalize(query)
        terms: list[_Term] = []
        group_terms: list[str] = []
        for word in norm.split():
            if word.startswith("/"):
                if word.strip("/"):
                    group_terms.append(word.strip("/"))
                continue
            terms.append(self._term(word))
        return terms, group_terms

    def _term(self, word: str) -> _Term:
        if word.isascii():
            latin = word if word.isalnum() else ""
            return _Term(word, latin, latin, "", "latin" if latin else "other")
        han = "".join(ch for ch in word if is_han(ch))
        rest = "".join(ch for ch in word if not is_han(ch))
        if han and not rest:
            return _Term(word, "", "", han, "han")
        if han and rest.isascii() and rest.isalnum():
            readings = [self._keys.readings(ch) for ch in word]
            if all(r or not is_han(ch) for ch, r in zip(word, readings, strict=True)):
                latin = "".join(r[0] if r else ch for ch, r in zip(word, readings, strict=True))
                initials = "".join(
                    r[0][0] if r else ch for ch, r in zip(word, readings, strict=True)
                )
                return _Term(word, latin, initials, han, "mixed")
        return _Term(word, "", "", "", "other")

    def _narrowed_pool(self, terms: list[_Term], group_terms: list[str]) -> list[int] | None:
        """The previous query's matches when this query only adds to it, else None (scan all)."""
        last = self._last
        if last is None:
            return None
        prev_terms, prev_groups, matches = last
        if not prev_terms or len(matches) > _NARROW_LIMIT:
            return None
        if not prev_terms[-1].complete or len(terms) < len(prev_terms):
            return None
        for k, prev in enumerate(prev_terms):
            now = terms[k].raw
            if now != prev.raw and not (k == len(prev_terms) - 1 and now.startswith(prev.raw)):
                return None
        if len(group_terms) < len(prev_groups) or any(
            not now.startswith(prev) for now, prev in zip(group_terms, prev_groups, strict=False)
        ):
            return None
        return matches

    def _match_all(
        self,
        terms: list[_Term],
        pool: list[int] | None,
        allowed: set[int] | None,
        *,
        typos: bool,
        limit: int = 0,
    ) -> tuple[dict[int, int], dict[int, str]]:
        scores: dict[int, int] | None = None
        why: dict[int, str] = {}
        best_tier: dict[int, int] = {}
        if allowed is not None:
            pool = sorted(allowed) if pool is None else [i for i in pool if i in allowed]
        # Most selective first: later terms only look at what earlier ones matched.
        for term in sorted(terms, key=lambda t: (t.prefix_only, -len(t.raw))):
            if not limit and (pool is None or len(pool) > _NARROW_LIMIT):
                tiers, labels = self._full_map(term, pool)
            else:
                tiers, labels = self._match_term(term, pool, limit=limit)
            # A mixed term without exact matches means its runs (below), typos or not.
            if typos and (tiers or term.kind != "mixed"):
                members = set(pool) if pool is not None else None
                self._add_inexact(term, members, limit, tiers, labels)
            if not tiers and term.kind == "mixed":
                # `tk退` may also mean "code or initials tk, and 退": each run as its own term.
                self._fell_back = True
                runs = [self._term(run) for run in _runs(term.raw)]
                tiers, labels = self._match_all(runs, pool, None, typos=typos)
            if scores is None:
                scores = tiers
            else:
                scores = {i: s + tiers[i] for i, s in scores.items() if i in tiers}
            for i in scores:
                if tiers[i] > best_tier.get(i, -1):
                    best_tier[i] = tiers[i]
                    why[i] = labels[i]
            if not scores:
                break
            pool = list(scores)
        return scores or {}, why

    def _full_map(
        self, term: _Term, pool: list[int] | None
    ) -> tuple[dict[int, int], dict[int, str]]:
        """Every record's exact tier for ``term`` (restricted to ``pool``), from a small cache."""
        cached = self._term_maps.pop(term, None)
        if cached is None:
            cached = self._match_term(term, None)
        self._term_maps[term] = cached  # most recent last
        while len(self._term_maps) > _TERM_MAPS:
            del self._term_maps[next(iter(self._term_maps))]
        tiers, labels = cached
        if pool is None:
            return dict(tiers), dict(labels)
        kept = {i: tiers[i] for i in pool if i in tiers}
        return kept, {i: labels[i] for i in kept}

    def _match_term(
        self, term: _Term, pool: list[int] | None, limit: int = 0
    ) -> tuple[dict[int, int], dict[int, str]]:
        """Best tier per matching record. With ``limit`` (one term, no pool) stop scanning once
        ``limit`` records beat anything the remaining fields could give: they fill the page."""
        best: dict[int, int] = {}
        label: dict[int, str] = {}
        members = set(pool) if pool is not None else None
        offer = _offerer(best, label)
        if term.kind == "latin":
            self._match_code(term.raw, members, offer, limit)
        prefix_only = term.prefix_only
        if pool is not None and len(pool) <= _NARROW_LIMIT:
            # Few records left (typing on): look at each of them instead of scanning.
            plan = self._plan(term)
            for i in pool:
                tier, why = self._best_field(plan, i, prefix_only)
                if tier:
                    offer(i, tier, why)
            return best, label
        skip: set[int] | None = None
        first_hit: dict[str, int] = {}
        if limit:
            # Used snippets rank ahead of title order: look at them first, so the scans below
            # meet everything else in rank order and may stop early.
            skip = self._boost_set
            self._match_boosted(term, members, offer)
        for step_tier, spec, at_start in _STEPS:
            if (
                limit
                and len(best) >= limit
                and sum(1 for t in best.values() if t > step_tier) >= limit
            ):
                self._truncated = True
                break
            if not at_start and prefix_only:
                continue
            needle = self._needle(term, spec)
            if not needle:
                continue
            field = self._fields[spec.name]
            check = term.han if term.kind == "mixed" and spec.kind != "norm" else ""
            # One plain find per field tells whether (and from where) its two steps need to look;
            # the gram bitmaps tell first whether the field can hold the term at all, and from
            # which record on (a miss no longer costs a scan of all the texts).
            begin = first_hit.get(spec.name)
            if begin is None:
                cand = self._cand(spec.name, needle, start=False)
                start = field.offsets[(cand & -cand).bit_length() - 1] if cand else 0
                begin = first_hit[spec.name] = field.hay.find(needle, start) if cand else -1
            if begin == -1:
                continue
            single_tier = at_start or not spec.word
            stop = limit if limit and single_tier else 0
            if self._scan_into(
                field,
                spec,
                needle,
                at_start,
                members,
                check,
                best,
                label,
                skip,
                stop,
                step_tier,
                begin,
            ):
                self._truncated = True
                break
        return best, label

    def _add_inexact(
        self,
        term: _Term,
        members: set[int] | None,
        limit: int,
        best: dict[int, int],
        label: dict[int, str],
    ) -> None:
        """Raise ``best`` with the loose (characters with gaps) and one-typo tiers."""
        offer = _offerer(best, label)
        self._loose(term, members, offer)
        if self._typo_ok(term):
            for i, tier in self._typo_matches(term.raw, limit, members).items():
                if members is None or i in members:
                    offer(i, tier, "typo")

    def _loose(
        self, term: _Term, members: set[int] | None, offer: Callable[[int, int, str], None]
    ) -> None:
        """The term's characters in order, with gaps, inside one title (or its initials)."""
        if not _LOOSE_MIN <= len(term.raw) <= _LOOSE_MAX or term.kind == "other":
            return
        gap = f"[^{SEP_ITEM}{SEP_RECORD}]*?"
        targets = [("title", term.raw, LOOSE_TITLE, "title-loose")]
        if term.initials and term.kind != "han":
            targets.append(("title_ini", term.initials, LOOSE_INITIALS, "title-loose"))
        for name, needle, tier, why in targets:
            field = self._fields[name]
            pattern = re.compile(gap.join(map(re.escape, needle)))
            offsets = field.offsets
            for match in pattern.finditer(field.hay):
                i = bisect_right(offsets, match.start()) - 1
                if members is None or i in members:
                    offer(i, tier, why)

    def _scan_into(
        self,
        field: _Field,
        spec: FieldSpec,
        needle: str,
        at_start: bool,
        members: set[int] | None,
        check: str,
        best: dict[int, int],
        label: dict[int, str],
        skip: set[int] | None,
        stop: int,
        floor: int,
        begin: int,
    ) -> bool:
        """Find ``needle`` across all records of one field and record each record's tier.

        With ``at_start``, only hits at an item start count (the equal/prefix step); the scan
        starts at ``begin``, the first hit of the plain needle.

        Records are met in title order; ``skip`` (the used snippets, already looked at) ranks
        ahead of them. With ``stop``, return True as soon as ``stop`` records have a tier of
        at least ``floor``: every record not yet met would rank below them.

        The hot loop of the whole search: one C-level ``find`` per matching record, the tier
        read off the characters around the first hit; the slower per-record look only when the
        first hit cannot be the best one.
        """
        hay = field.hay
        find = hay.find
        offsets = field.offsets
        n = len(needle)
        why = spec.why
        equal, prefix, substring = spec.equal, spec.prefix, spec.substring
        pinyin = spec.kind == "pinyin"
        marks = field.marks
        # Item starts only: two streams (after an item / a record separator), merged lazily so
        # a scan that stops early never looks further.
        at_item, at_record = SEP_ITEM + needle, SEP_RECORD + needle
        start = max(begin - 1, 0)
        next_item = find(at_item, start) if at_start else -1
        next_record = find(at_record, start) if at_start else -1
        pos = _first(next_item, next_record) if at_start else find(needle, begin)
        strong = sum(1 for t in best.values() if t >= floor) if stop else 0
        while pos != -1:
            i = bisect_right(offsets, pos) - 1
            end = offsets[i + 1] - 1
            if pinyin:
                # A pinyin hit must start a syllable: skip hits inside one (hu in shuo).
                while pos != -1 and hay[pos - 1] not in _SEPS and not marks[pos].isupper():
                    pos = find(needle, pos + 1, end)
                if pos == -1:
                    pos = find(needle, end)
                    continue
            if (members is None or i in members) and (skip is None or i not in skip):
                if hay[pos - 1] in _SEPS:
                    tier = equal if hay[pos + n] in _SEPS else prefix
                elif at_start:
                    tier = 0
                else:
                    tier = substring
                    later = find(at_item, pos, end)
                    if later != -1:
                        tier = equal if hay[later + 1 + n] in _SEPS else prefix
                    elif spec.word and not hay[pos - 1].isalnum() and not _alnum_at(hay, pos + n):
                        tier = spec.word
                old = best.get(i, 0)
                if tier > old and (not check or self._has_all(spec.parent, i, check)):
                    best[i] = tier
                    label[i] = why
                    if stop and tier >= floor > old:
                        strong += 1
                        if strong >= stop:
                            return True
            if at_start:
                if next_item != -1 and next_item < end:
                    next_item = find(at_item, end)
                if next_record != -1 and next_record < end:
                    next_record = find(at_record, end)
                pos = _first(next_item, next_record)
            else:
                pos = find(needle, end)
        return False

    def _match_boosted(
        self, term: _Term, members: set[int] | None, offer: Callable[[int, int, str], None]
    ) -> None:
        needles = {n for n in (term.raw, term.latin, term.initials) if n}
        plan = self._plan(term)
        for i in self._boosted:
            if members is not None and i not in members:
                continue
            if not any(n in self._boost_blobs[i] for n in needles):
                continue
            tier, why = self._best_field(plan, i, term.prefix_only)
            if tier:
                offer(i, tier, why)

    @staticmethod
    def _needle(term: _Term, spec: FieldSpec) -> str:
        """What ``term`` is looked for as in field ``spec`` ("": not looked up there)."""
        if term.prefix_only and spec.name not in _PREFIX_ONLY_FIELDS:
            return ""
        if spec.kind == "norm":
            return term.raw if term.kind != "latin" or term.raw else ""
        needle = term.initials if spec.kind == "initials" else term.latin
        if not needle or (len(needle) < _MIN_LEN[spec.kind] and not term.prefix_only):
            return ""
        if spec.name == "text_py" and len(needle) < _TEXT_PINYIN_MIN:
            return ""
        return needle

    def _match_code(
        self,
        raw: str,
        members: set[int] | None,
        offer: Callable[[int, int, str], None],
        limit: int = 0,
    ) -> None:
        codes = self._sorted_codes
        start = bisect_left(codes, raw)
        if limit and (members is None or len(members) > _NARROW_LIMIT):
            end = bisect_left(codes, raw + "\U0010ffff", start)
            if end - start > limit:
                # More code matches than a page (`t` at 100k: thousands): the page is the exact
                # code and the best-ranked prefixes; nothing else can reach their tier.
                if self._best_codes(raw, members, offer, limit):
                    self._truncated = True
                return
        for code in codes[start:]:
            if not code.startswith(raw):
                break
            i = self._code_of[code]
            if members is None or i in members:
                offer(
                    i,
                    CODE_EXACT if code == raw else CODE_PREFIX,
                    "code" if code == raw else "code-prefix",
                )

    def _best_codes(
        self,
        raw: str,
        members: set[int] | None,
        offer: Callable[[int, int, str], None],
        limit: int,
    ) -> bool:
        """The exact code, then the first ``limit`` code-prefix records in rank order (of
        ``members`` if given). True when it stopped there: more codes have the prefix."""
        exact = self._code_of.get(raw)
        if exact is not None and (members is None or exact in members):
            offer(exact, CODE_EXACT, "code")
        cand = self._cand("code", raw, start=True)
        boosted = cand & self._boost_bits
        first = sorted(_bits(boosted), key=self._rank.__getitem__) if boosted else []
        codes, code_of = self._codes, self._code_of
        taken = 0
        for i in _chain(first, _bits(cand ^ boosted)):
            code = codes[i]
            if i != exact and code.startswith(raw) and code_of.get(code) == i:
                if members is not None and i not in members:
                    continue
                offer(i, CODE_PREFIX, "code-prefix")
                taken += 1
                if taken >= limit:
                    return True
        return False

    @staticmethod
    def _tier(field: _Field, spec: FieldSpec, i: int, needle: str, prefix_only: bool) -> int:
        """The best tier of ``needle`` inside record ``i`` of ``field`` (0: no valid match)."""
        hay = field.hay
        start = field.offsets[i]
        end = field.offsets[i + 1] - 1
        n = len(needle)
        best = 0
        pos = hay.find(needle, start, end)
        pinyin = spec.kind == "pinyin"
        while pos != -1:
            before = hay[pos - 1]
            item_start = before in _SEPS
            if pinyin and not item_start and not field.marks[pos].isupper():
                pos = hay.find(needle, pos + 1, end)
                continue
            if item_start:
                after = hay[pos + n] if pos + n < len(hay) else SEP_RECORD
                tier = spec.equal if after in _SEPS else spec.prefix
            elif prefix_only:
                tier = 0
            elif spec.word and not before.isalnum() and not _alnum_at(hay, pos + n):
                tier = spec.word
            else:
                tier = spec.substring
            if tier > best:
                best = tier
                if best == spec.equal:
                    break
            pos = hay.find(needle, pos + 1, end)
        return best

    def _has_all(self, parent: str, i: int, han: str) -> bool:
        field = self._fields[parent]
        segment = field.hay[field.offsets[i] : field.offsets[i + 1] - 1]
        return all(ch in segment for ch in han)

    # -- groups -------------------------------------------------------------------------------

    def _group_filter(self, group_terms: list[str]) -> set[int]:
        """Records of the groups a ``/组`` filter keeps."""
        out: set[int] = set()
        for _, members in self._wanted_groups(group_terms):
            out.update(members)
        return out

    def _wanted_groups(self, group_terms: list[str]) -> Iterator[tuple[int, list[int]]]:
        """(group number, records) of each group whose keys start with every term."""
        if self._groups is None:
            field = self._fields["group"]
            names = field.hay[1:-1].split(SEP_RECORD) if self._snippets else []
            members: dict[str, list[int]] = {}
            for i, name in enumerate(names):
                members.setdefault(name, []).append(i)
            self._groups = [(_group_keys(self._keys, g), ids) for g, ids in members.items()]
        for g, (keys, ids) in enumerate(self._groups):
            if all(any(k.startswith(term) for k in keys) for term in group_terms):
                yield g, ids

    # -- typos --------------------------------------------------------------------------------

    @staticmethod
    def _typo_ok(term: _Term) -> bool:
        return term.kind == "latin" and _TYPO_MIN <= len(term.raw) <= _TYPO_MAX

    def _typo_matches(
        self, raw: str, limit: int = 0, members: set[int] | None = None
    ) -> dict[int, int]:
        """Records whose code, title pinyin/initials or tag pinyin start within one edit of raw.

        SymSpell-like, but generated from the query side: the one-edit neighbours of ``raw``
        (a deletion, substitution, insertion or adjacent transposition) that are a prefix of
        some Latin key in the library, found with a bisect each in the sorted distinct keys.
        An edit can only be where the part of ``raw`` before it is itself a key prefix, which
        keeps the neighbourhood to a few hundred candidates. Their records come from per-key
        lists in title order: with ``limit`` only a page's worth per key is looked at.
        """
        table = self._typo_table()
        near = _near_prefixes(raw, table.all_keys, table.alphabet)
        out: dict[int, int] = {}
        codes = self._sorted_codes
        for key in sorted(near):
            start = bisect_left(codes, key)
            for code in codes[start:]:
                if not code.startswith(key):
                    break
                out[self._code_of[code]] = TYPO_CODE
        for name in _TYPO_FIELDS:
            tier = _TYPO_TIER[name]
            keys, owners = table.fields[name]
            for key in near:
                lo = bisect_left(keys, key)
                hi = bisect_left(keys, key + "\x7f", lo)
                if lo == hi:
                    continue
                # Records are in title order: a page's worth is all a page needs.
                stream = owners[lo] if hi - lo == 1 else heapq.merge(*owners[lo:hi])
                taken = 0
                last = -1
                for i in stream:
                    # Several keys of one record (two spellings) meet here side by side.
                    if i == last or (members is not None and i not in members):
                        continue
                    last = i
                    if tier > out.get(i, 0):
                        out[i] = tier
                    taken += 1
                    if limit and taken >= limit:
                        break
        if limit:
            # The lists above stopped after a page in title order; used snippets rank first.
            for i in self._boosted:
                blob = self._boost_blobs[i]
                if not any(key in blob for key in near):
                    continue
                for name in _TYPO_FIELDS:
                    field, spec = self._fields[name], _SPEC[name]
                    if any(self._tier(field, spec, i, key, True) for key in near):
                        out[i] = max(out.get(i, 0), _TYPO_TIER[name])
        return out

    def _typo_table(self) -> _TypoTable:
        """Per typo field: the distinct Latin keys at item starts, sorted, with their records.

        Built once per index (one C regex pass per field, one step per item).
        """
        if self._typo is not None:
            return self._typo
        fields: dict[str, tuple[list[str], list[list[int]]]] = {}
        every: set[str] = set(self._code_of)
        for name in _TYPO_FIELDS:
            field = self._fields[name]
            offsets = field.offsets
            owners: dict[str, list[int]] = {}
            for match in _LATIN_ITEM.finditer(field.hay):
                i = bisect_right(offsets, match.start()) - 1
                records = owners.setdefault(match.group(), [])
                if not records or records[-1] != i:
                    records.append(i)
            keys = sorted(owners)
            fields[name] = (keys, [owners[k] for k in keys])
            every.update(keys)
        all_keys = sorted(every)
        alphabet = "".join(sorted(set("".join(all_keys))))
        self._typo = _TypoTable(all_keys, alphabet, fields)
        return self._typo


@dataclass(frozen=True, slots=True)
class _TypoTable:
    all_keys: list[str]  # every distinct Latin key (codes, title/tag pinyin, initials), sorted
    alphabet: str  # the characters those keys use: what a substitution or insertion may add
    fields: dict[str, tuple[list[str], list[list[int]]]]  # field -> (sorted keys, records)


def _grams_from(data: object, fields: Mapping[str, _Field]) -> dict[str, dict[str, int]]:
    """The gram bitmaps back from the cache; a ValueError when they do not fit the index."""
    grams = cast("dict[str, dict[str, int]]", data)
    if not isinstance(grams, dict) or set(grams) != {*fields, "code"}:
        raise ValueError("gram bitmaps")
    for maps in grams.values():
        if not isinstance(maps, dict):
            raise ValueError("gram bitmaps")
    return grams


def _typo_data(table: _TypoTable) -> tuple[object, ...]:
    """The typo table as plain lists and strings, for ``marshal``."""
    names = list(_TYPO_FIELDS)
    return (table.all_keys, table.alphabet, [table.fields[n] for n in names])


def _typo_from(data: object, records: int) -> _TypoTable:
    """The typo table back from the cache; a ValueError when it does not fit the index."""
    all_keys, alphabet, per_field = cast(
        "tuple[list[str], str, list[tuple[list[str], list[list[int]]]]]", data
    )
    if not isinstance(all_keys, list) or not isinstance(alphabet, str):
        raise ValueError("typo table")
    fields: dict[str, tuple[list[str], list[list[int]]]] = {}
    for name, (keys, owners) in zip(_TYPO_FIELDS, per_field, strict=True):
        if len(keys) != len(owners) or any(i >= records for rows in owners for i in rows[-1:]):
            raise ValueError("typo table")
        fields[name] = (list(keys), list(owners))
    return _TypoTable(list(all_keys), alphabet, fields)


def _is_prefix(keys: list[str], candidate: str) -> bool:
    j = bisect_left(keys, candidate)
    return j < len(keys) and keys[j].startswith(candidate)


def _near_prefixes(raw: str, keys: list[str], alphabet: str) -> set[str]:
    """Key prefixes within one edit (OSA: incl. adjacent transposition) of ``raw``."""
    n = len(raw)
    # An edit at position j leaves raw[:j] in front: useless unless that is a key prefix.
    valid = 0
    while valid < n and _is_prefix(keys, raw[: valid + 1]):
        valid += 1
    candidates: set[str] = set()
    if valid == n:
        candidates.add(raw)
    for j in range(min(valid, n - 1) + 1):
        head, tail = raw[:j], raw[j + 1 :]
        candidates.add(head + tail)  # deletion
        if j < n - 1:
            candidates.add(head + raw[j + 1] + raw[j] + raw[j + 2 :])  # transposition
        for ch in alphabet:
            candidates.add(head + ch + tail)  # substitution
            candidates.add(head + ch + raw[j:])  # insertion before raw[j]
    if valid == n:
        candidates.update(raw + ch for ch in alphabet)  # insertion at the end
    return {c for c in candidates if len(c) >= 2 and _is_prefix(keys, c)}


def _grams(segment: str, words: bool) -> set[str]:
    """The keys one record's field is filed under in the gram bitmaps.

    Its non-ASCII characters (汉字 one by one), its pairs of ASCII letters/digits, and for each
    item its first character behind ``SEP_ITEM`` (an item-start key); with ``words``, each
    character behind a non-alphanumeric one (a word-start key). Any substring of the field
    yields only keys the field has, so an AND of a needle's keys is a superset of the records
    where it occurs; with the item-start (word-start) key, of those where an item (a word)
    starts with it.
    C-level set operations and ``map`` only: this runs for every field of every record.
    """
    out = set(segment)
    out -= _ASCII
    out.update(map(add, repeat(SEP_ITEM), map(_HEAD, segment.split(SEP_ITEM))))
    for run in _ALNUM_RUN.findall(segment):
        out.update(map(add, run, run[1:]))
    if words:
        out.update(map(add, repeat(WORD_MARK), _WORD_HEAD.findall(segment)))
    return out


def _needle_grams(needle: str) -> set[str]:
    """The keys every record containing ``needle`` is filed under (see :func:`_grams`)."""
    out = {ch for ch in needle if ch > "\x7f"}
    out.update(p for p in map(add, needle, needle[1:]) if p.isascii() and p.isalnum())
    return out


def _gram_bitmaps(segments: Sequence[str], words: bool = False) -> dict[str, int]:
    """Key -> bitmap of the records (bit i = record i) whose segment is filed under the key.

    Equal segments (groups, tags) are looked at once; C-level ``map`` calls throughout, as
    inverting ~100 keys per record in Python bytecode would double the build time. Records
    go in chunks so the lists of record numbers per key stay small (memory at 100k).
    """
    out: dict[str, int] = {}
    for base in range(0, len(segments), _GRAM_CHUNK):
        chunk = segments[base : base + _GRAM_CHUNK]
        by_segment: dict[str, list[int]] = {}
        for i, segment in enumerate(chunk):
            ids = by_segment.get(segment)
            if ids is None:
                by_segment[segment] = [i]
            else:
                ids.append(i)
        rows: defaultdict[str, list[int]] = defaultdict(list)
        for segment, ids in by_segment.items():
            if segment:
                _drain(map(list.extend, map(rows.__getitem__, _grams(segment, words)), repeat(ids)))
        zeros = bytearray(b"0") * len(chunk)
        for key, ids in rows.items():
            digits = zeros[:]
            _drain(map(digits.__setitem__, ids, repeat(49)))  # b"1"
            digits.reverse()
            out[key] = out.get(key, 0) | int(digits, 2) << base
    return out


def _offerer(best: dict[int, int], label: dict[int, str]) -> Callable[[int, int, str], None]:
    """``offer(i, tier, why)``: keep record ``i``'s tier (and what gave it) if it is higher."""

    def offer(i: int, tier: int, why: str) -> None:
        if tier > best.get(i, 0):
            best[i] = tier
            label[i] = why

    return offer


def _drain(iterator: Iterator[object]) -> None:
    """Run ``iterator`` to its end at C speed, keeping nothing."""
    deque(iterator, maxlen=0)


def _bitmap_of(indices: Iterable[int], count: int) -> int:
    row = bytearray(count // 8 + 1)
    for i in indices:
        row[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(row, "little")


def _bits(bitmap: int) -> Iterator[int]:
    """The set bits of ``bitmap``, lowest first (one C ``rfind`` each over its binary text)."""
    text = bin(bitmap)
    top = len(text) - 1
    end = len(text)
    while True:
        j = text.rfind("1", 2, end)
        if j == -1:
            return
        yield top - j
        end = j


def _chain(first: list[int], rest: Iterator[int]) -> Iterator[int]:
    yield from first
    yield from rest


def _first(a: int, b: int) -> int:
    """The earlier of two separator hits (-1: none), as the position after the separator."""
    if a == -1:
        return b + 1 if b != -1 else -1
    if b == -1:
        return a + 1
    return min(a, b) + 1


def _runs(word: str) -> list[str]:
    """Split a mixed term into runs of ideographs and of other characters (tk退 → tk, 退)."""
    out: list[str] = []
    for ch in word:
        if out and is_han(out[-1][-1]) == is_han(ch):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _alnum_at(hay: str, pos: int) -> bool:
    return pos < len(hay) and hay[pos].isalnum()


def _join(values: list[str], marks: list[str] | None = None) -> _Field:
    """One string for a field: SEP_RECORD before every record and at the end."""
    offsets: list[int] = []
    pos = 1
    for value in values:
        offsets.append(pos)
        pos += len(value) + 1
    offsets.append(pos)
    hay = SEP_RECORD + SEP_RECORD.join(values) + SEP_RECORD
    marked = SEP_RECORD + SEP_RECORD.join(marks) + SEP_RECORD if marks is not None else ""
    return _Field(hay, marked, offsets)


def _group_keys(keys: TextKeys, group: str) -> tuple[str, ...]:
    """What a ``/组`` filter may start with: the path or a part, in 汉字, pinyin or initials."""
    out: list[str] = []
    parts = [p for p in group.split("/") if p]
    for candidate in [group.strip("/"), *parts, *("/".join(parts[k:]) for k in range(len(parts)))]:
        if candidate and candidate not in out:
            out.append(candidate)
    for part in parts:
        for marked, initials in keys.spellings(part):
            for key in (marked.lower(), initials):
                if key not in out:
                    out.append(key)
    return tuple(out)


def _prune(cache_dir: Path, keep: Path) -> None:
    """Drop older cached indexes: one library, one current cache file (plus the one before)."""
    olds = sorted(
        (p for p in cache_dir.glob(f"{CACHE_PREFIX}*.bin") if p != keep),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in olds[1:]:
        with contextlib.suppress(OSError):
            old.unlink()
