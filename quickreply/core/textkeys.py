"""Search keys for Chinese text: normalisation, traditional→simplified folding, pinyin, initials.

Everything here works per CHARACTER from tables filled once per distinct character, never per
snippet: ``pypinyin.lazy_pinyin`` over a whole library costs seconds (see the platform notes),
while a ``str.translate`` with a per-character table runs at C speed.

* Folding uses OpenCC's ``t2s`` data. Characters are converted one per line so OpenCC's phrase
  rules never merge neighbours; the result is a 1:1 character map (乾隆 stays 乾, 乾燥 would
  become 干 only as a phrase, which a per-character key cannot honour; see docs/search.md).
* Readings come from pypinyin's character dictionary with tones removed (ü typed as ``v``). The
  first reading is the default; a few characters whose dictionary order does not match everyday
  customer-service use (长 chang before zhang) are reordered. Short fields (titles, tags,
  examples) also index the second reading of polyphonic characters (行 xing/hang).

A :class:`TextKeys` is a service: build one and pass it around; it owns its growing tables.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

# Tone marks → plain letters; ü is typed as v on every pinyin keyboard.
_TONELESS = str.maketrans(
    {
        **dict.fromkeys("āáǎà", "a"),
        **dict.fromkeys("ōóǒò", "o"),
        **dict.fromkeys("ēéěèê", "e"),
        **dict.fromkeys("īíǐì", "i"),
        **dict.fromkeys("ūúǔù", "u"),
        **dict.fromkeys("üǖǘǚǜ", "v"),
        **dict.fromkeys("ńňǹ", "n"),
        **dict.fromkeys("ḿ", "m"),
        "\u0300": "",
        "\u0301": "",
        "\u0304": "",
        "\u030c": "",
    }
)

# pypinyin lists readings in dictionary order; for these the everyday reading comes second.
_PREFERRED_FIRST: dict[str, str] = {"长": "chang", "调": "tiao", "单": "dan", "折": "zhe"}

# Characters whose second reading is common enough to be typed (行 hang in 银行, 长 zhang in
# 店长). pypinyin lists rare readings too (说 shui, 无 mo): indexing those only adds noise.
COMMON_POLYPHONES = frozenset(
    "行长重还发得乐只便差调更觉数种处藏传折单为空假正少教看相要应参朝和会分着了都量率"
    "切卡给解省角曾降强缝薄露宿沉称冲当倒地的度斗恶系结据看落没模宁喷片铺奇强曲色晒盛"
    "似台提体同吐尾相血压咽约载扎占涨正中种转总钻"
)
# Such a character gets at most this many readings in short fields, and a field at most this
# many spellings, so a title full of 了/的/地 cannot explode.
_READINGS_PER_CHAR = 2
MAX_VARIANTS = 8

# Separators inside the index: never produced by normalisation (control characters are blanked).
SEP_ITEM = "\x00"
SEP_RECORD = "\x01"


# Characters read otherwise in a phrase (着 in 着急) are swapped, for the pinyin keys only, for
# a private-use stand-in whose one reading is the phrase's: the translate tables then give the
# contextual pinyin at C speed. Normalisation blanks private-use input, so none can clash.
_VARIANT_BASE = 0xE000


# Numbers fold together in the 汉字 fields and queries: 七/7/７ (NFKC), 两/2, 十五/15.
_DIGITS = str.maketrans(
    {"零": "0", "〇": "0", "一": "1", "二": "2", "两": "2", "三": "3", "四": "4"}
    | {"五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
)
_NUMERALS = re.compile("[零〇一二两三四五六七八九十]")
_TENS = re.compile("([一二两三四五六七八九])?十([一二三四五六七八九])?")


def fold_numbers(norm: str) -> str:
    """Chinese numerals as digits (七天 → 7天, 两件 → 2件, 二十五 → 25), for the 汉字 keys.

    Pinyin keys are made from the text before this (七 stays qi), so only literal matching
    sees digits. Hundreds and beyond are left alone: shop replies count days and items.
    """
    if not _NUMERALS.search(norm):
        return norm
    if "十" in norm:
        norm = _TENS.sub(_tens, norm)
    return norm.translate(_DIGITS)


def _tens(match: re.Match[str]) -> str:
    tens, units = match.group(1), match.group(2)
    value = int((tens or "一").translate(_DIGITS)) * 10
    return str(value + (int(units.translate(_DIGITS)) if units else 0))


def toneless(reading: str) -> str:
    """A pypinyin reading without tone marks, ü typed as v (zháo → zhao, lǜ → lv)."""
    return reading.translate(_TONELESS)


def load_pinyin_dict() -> dict[int, str]:
    """pypinyin's character dictionary (code point -> comma-separated readings with tones).

    Read from the data file ``pypinyin.pinyin_dict`` loads, without importing the package:
    its ``__init__`` also loads the 47,000-phrase dictionary and trains its segmenter, ≈ 0.15 s
    (≈ 0.25 s under the profiler) of a first start spent on tables this module never reads
    (the phrases it needs are shipped, core/phrases.py). A test checks both give the same."""
    spec = importlib.util.find_spec("pypinyin")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        try:
            raw = json.loads((Path(folder) / "pinyin_dict.json").read_text("utf-8"))
            return {int(code): str(readings) for code, readings in raw.items()}
        except (OSError, ValueError, AttributeError):
            continue  # laid out otherwise (another pypinyin version): the package's own way
    from pypinyin.pinyin_dict import pinyin_dict

    return pinyin_dict


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn")


def is_han(ch: str) -> bool:
    """True for a CJK ideograph (the characters that have a pinyin reading)."""
    code = ord(ch)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF


class TextKeys:
    """Per-character tables: fold (t2s + blanking), readings, and translate tables for keys.

    Tables grow lazily: :meth:`learn` adds every character of some texts in one OpenCC call and
    one dictionary pass. A search index stores the tables for its library in its cache so a
    cached start-up never imports pypinyin.
    """

    def __init__(
        self,
        fold: dict[str, str] | None = None,
        readings: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        # Only characters that change. ASCII controls (and our separators) become spaces.
        self._fold: dict[str, str] = {chr(c): " " for c in [*range(0x20), 0x7F]}
        self._fold.update(fold or {})
        self._readings: dict[str, tuple[str, ...]] = dict(readings or {})
        self._known: set[str] = set(self._fold) | set(self._readings)
        self._fold_table: dict[int, str] = {}
        self._py_table: dict[int, str] = {}
        self._mark_table: dict[int, str] = {}
        self._ini_table: dict[int, str] = {}
        self._converter: object | None = None
        self._pinyin_dict: dict[int, str] | None = None
        # phrase -> per character its stand-in ("" where the default reading holds), and the
        # pattern of the characters that have one; loaded on the first contextual().
        self._phrases: dict[str, tuple[str, ...]] | None = None
        self._phrase_chars: re.Pattern[str] | None = None
        self._rebuild_tables(self._known)

    # -- tables -------------------------------------------------------------------------------

    @property
    def fold_map(self) -> dict[str, str]:
        return dict(self._fold)

    @property
    def readings_map(self) -> dict[str, tuple[str, ...]]:
        return dict(self._readings)

    def _rebuild_tables(self, chars: Iterable[str]) -> None:
        for ch in chars:
            code = ord(ch)
            if ch in self._fold:
                self._fold_table[code] = self._fold[ch]
            readings = self._readings.get(ch)
            if readings:
                first = readings[0]
                self._py_table[code] = first
                self._mark_table[code] = first.capitalize()
                self._ini_table[code] = first[0]

    def learn(self, texts: Iterable[str]) -> None:
        """Add every character of ``texts`` (already NFKC-casefolded) to the tables."""
        chars: set[str] = set()
        for text in texts:
            chars.update(text)
        new = sorted(ch for ch in chars - self._known if ord(ch) >= 0x80)
        if not new:
            return
        self._known.update(new)
        blanked = {ch for ch in new if _is_control(ch)}
        for ch in blanked:
            self._fold[ch] = " "
        candidates = [ch for ch in new if ch not in blanked]
        folded = self._t2s(candidates)
        for ch, simple in zip(candidates, folded, strict=True):
            if simple != ch and len(simple) == 1:
                self._fold[ch] = simple
        han = {self._fold.get(ch, ch) for ch in candidates}
        han = {ch for ch in han if is_han(ch) and ch not in self._readings}
        if han:
            table = self._dict()
            for ch in han:
                raw = table.get(ord(ch))
                if raw:
                    self._readings[ch] = self._toneless(ch, raw)
        self._known.update(han)
        self._rebuild_tables(set(new) | han)

    def _t2s(self, chars: list[str]) -> list[str]:
        if not chars:
            return []
        if self._converter is None:
            import opencc

            self._converter = opencc.OpenCC("t2s")
        converted: str = self._converter.convert("\n".join(chars))  # type: ignore[attr-defined]
        parts = converted.split("\n")
        if len(parts) != len(chars):  # defensive: fall back to one call per character
            parts = [self._converter.convert(ch) for ch in chars]  # type: ignore[attr-defined]
        return parts

    def _dict(self) -> dict[int, str]:
        if self._pinyin_dict is None:
            self._pinyin_dict = load_pinyin_dict()
        return self._pinyin_dict

    def dictionary_readings(self, ch: str) -> tuple[str, ...]:
        """``ch``'s toneless readings from pypinyin's character dictionary, everyday first."""
        raw = self._dict().get(ord(ch))
        return self._toneless(ch, raw) if raw else ()

    def _load_phrases(self) -> tuple[dict[str, tuple[str, ...]], re.Pattern[str]]:
        """The shipped phrase readings as stand-in characters (see ``_VARIANT_BASE``)."""
        from quickreply.core.phrases import load

        data = load()
        pairs = sorted(
            {
                (ch, reading)
                for phrase, readings in data.items()
                for ch, reading in zip(phrase, readings, strict=True)
            }
        )
        stand_in = {pair: chr(_VARIANT_BASE + k) for k, pair in enumerate(pairs)}
        self.learn(data)  # default readings of every character in the phrases
        phrases: dict[str, tuple[str, ...]] = {}
        chars: set[str] = set()
        for phrase, readings in data.items():
            row = []
            for ch, reading in zip(phrase, readings, strict=True):
                default = self._readings.get(ch, ())
                if reading and default and reading != default[0]:
                    row.append(stand_in[ch, reading])
                    chars.add(ch)
                else:
                    row.append("")
            phrases[phrase] = tuple(row)
        added = []
        for (_, reading), code in stand_in.items():
            if code not in self._readings and reading:
                self._readings[code] = (reading,)
                added.append(code)
        self._known.update(added)
        self._rebuild_tables(added)
        pattern = re.compile("[" + "".join(sorted(chars)) + "]" if chars else "(?!)")
        return phrases, pattern

    def contextual(self, norm: str) -> str:
        """``norm`` with each polyphone a phrase reads otherwise swapped for its stand-in.

        Only for building pinyin keys (着急 → zhaoji, 会计 → kuaiji, 会的 stays huide): the
        result's pinyin/initials are the contextual reading, character for character.
        """
        if self._phrases is None or self._phrase_chars is None:
            self._phrases, self._phrase_chars = self._load_phrases()
        phrases = self._phrases
        out: list[str] | None = None
        for match in self._phrase_chars.finditer(norm):
            p = match.start()
            found = ""
            for length in range(4, 1, -1):
                for s in range(max(0, p - length + 1), p + 1):
                    row = phrases.get(norm[s : s + length])
                    if row is not None and len(row) == length:
                        found = row[p - s]
                        break
                else:
                    continue
                break
            if found:
                if out is None:
                    out = list(norm)
                out[p] = found
        return "".join(out) if out is not None else norm

    @staticmethod
    def _toneless(ch: str, raw: str) -> tuple[str, ...]:
        out: list[str] = []
        for reading in raw.split(","):
            plain = reading.translate(_TONELESS)
            if plain and plain.isascii() and plain.isalpha() and plain not in out:
                out.append(plain)
        preferred = _PREFERRED_FIRST.get(ch)
        if preferred in out:
            out.remove(preferred)
            out.insert(0, preferred)
        return tuple(out)

    # -- keys ---------------------------------------------------------------------------------

    def normalize(self, text: str) -> str:
        """Casefold, full-width → ASCII (NFKC), traditional → simplified, controls → space."""
        text = unicodedata.normalize("NFKC", text)
        text = text.casefold()
        self.learn((text,))
        return text.translate(self._fold_table)

    def readings(self, ch: str) -> tuple[str, ...]:
        return self._readings.get(ch, ())

    def pinyin(self, norm: str) -> str:
        """Full pinyin of a normalised text, default readings, no separators (退货 → tuihuo)."""
        return norm.translate(self._py_table)

    def marked(self, norm: str) -> str:
        """Like :meth:`pinyin` but each syllable capitalised: marks where syllables start."""
        return norm.translate(self._mark_table)

    def initials(self, norm: str) -> str:
        """One letter per ideograph, other characters unchanged: 1:1 aligned with ``norm``."""
        return norm.translate(self._ini_table)

    def default_spelling(self, norm: str) -> tuple[str, str]:
        """(marked pinyin, initials) with default readings: the first of :meth:`spellings`."""
        return norm.translate(self._mark_table), norm.translate(self._ini_table)

    def spellings(self, norm: str) -> list[tuple[str, str]]:
        """(marked pinyin, initials) for the default and common alternative readings.

        Used for short fields. The first entry is always the default spelling.
        """
        if COMMON_POLYPHONES.isdisjoint(norm) or all(
            len(self._readings.get(ch, ())) < 2 for ch in set(norm) & COMMON_POLYPHONES
        ):
            # One spelling: the translate tables give it at C speed (most items; the build
            # calls this for every title, tag and example).
            return [self.default_spelling(norm)]
        options: list[tuple[str, ...]] = []
        poly = 0
        for ch in norm:
            readings = self._readings.get(ch)
            if not readings:
                options.append((ch,))
            elif len(readings) > 1 and poly < 3 and ch in COMMON_POLYPHONES:
                poly += 1
                options.append(readings[:_READINGS_PER_CHAR])
            else:
                options.append(readings[:1])
        out: list[tuple[str, str]] = []
        seen: set[str] = set()
        for combo in itertools.islice(itertools.product(*options), MAX_VARIANTS):
            marked = "".join(
                part.capitalize() if is_han(ch) else part
                for ch, part in zip(norm, combo, strict=True)
            )
            if marked in seen:
                continue
            seen.add(marked)
            initials = "".join(
                part[0] if is_han(ch) and part else part
                for ch, part in zip(norm, combo, strict=True)
            )
            out.append((marked, initials))
        return out
