"""Field strings: each field of every snippet, normalised, joined into one string in title order.

Records are separated by ``SEP_RECORD`` and items (tags, examples, alternative spellings) by
``SEP_ITEM``. A term is found with ``str.find`` over a whole field (C speed) and a position is
mapped back to its record with ``bisect`` over the offsets: above :data:`LIST_MAX` records an
``array`` of 32-bit numbers (4 bytes a record, not a list's 36: 48 MB of the 15 fields at
100,000 replies), below it a list (reading an array's item makes an int: ≈ 8 µs of a 0.12 ms
keystroke at 10,000 replies, where the list costs 5 MB). Records are kept
in title order (pinyin: dictionary order to a Chinese reader), so record number = title rank,
and a scan meets equally good matches in rank order and may stop once the page is full.

The pinyin and initials fields hold Latin letters, digits, ASCII punctuation and what has no
reading. Chinese punctuation that NFKC leaves alone (。、【】“”, →) would make Python store such
a field at 2 bytes a character (33 MB for the texts' pinyin at 100,000 replies, not 17): any
character past Latin-1 is written there as one C1 control instead (:func:`narrow`), which no
query holds: those fields are only looked up with letters and digits, which match the same.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from typing import TypeAlias

from quickreply.core.model import Library, Snippet
from quickreply.core.search.fields import SPEC
from quickreply.core.textkeys import SEP_ITEM, SEP_RECORD, TextKeys, fold_numbers

Offsets: TypeAlias = "list[int] | array[int]"
# The offsets' array type: 32 bits ("I" is that on every platform the app runs on).
OFFSET_TYPE = "I"
# Fields of more records than this keep their offsets as an array (see the module docstring).
LIST_MAX = 32_768


@dataclass(slots=True)
class Field:
    """One field kind over all records."""

    hay: str
    marks: str  # for pinyin fields: same text with syllable starts capitalised; else ""
    offsets: Offsets  # offsets[i] = start of record i; offsets[-1] = len(hay) + 1

    def segment(self, i: int) -> str:
        """Record ``i``'s text in this field (items still separated by ``SEP_ITEM``)."""
        return self.hay[self.offsets[i] : self.offsets[i + 1] - 1]

    def segments(self) -> list[str]:
        hay, offsets = self.hay, self.offsets
        return [hay[offsets[i] : offsets[i + 1] - 1] for i in range(len(offsets) - 1)]


# Any character past Latin-1 in the pinyin and initials fields (punctuation, symbols, what has
# no reading): one C1 control, above the letters as they were. Normalisation blanks controls,
# so none can be typed or be in a reply.
_WIDE = re.compile("[^\x00-\xff]+")
NARROW_MARK = "\x9f"


def narrow(key: str) -> str:
    """A pinyin or initials key stored 1 byte a character (see the module's docstring)."""
    return key if key.isascii() else _WIDE.sub(lambda m: NARROW_MARK * len(m[0]), key)


def library_records(library: Library) -> list[Snippet]:
    """The library's snippets, the first of each id only."""
    seen: set[str] = set()
    out: list[Snippet] = []
    for snippet in library.snippets():
        if snippet.id not in seen:
            seen.add(snippet.id)
            out.append(snippet)
    return out


def texts(snippet: Snippet) -> list[str]:
    """Every text a snippet pastes: its variants, then its macro's paste steps."""
    out = list(snippet.variants)
    out.extend(step.text for step in snippet.steps if step.text)
    return out


def build_fields(library: Library, keys: TextKeys) -> tuple[list[Snippet], dict[str, Field]]:
    """The library's snippets in title order, and every field of :data:`FIELDS` over them.

    Pinyin and initials are read in context (着急 zhaoji, see ``TextKeys.contextual``) from the
    text as written; the 汉字 fields then fold numbers (七天 → 7天), as queries do.
    """
    norm = keys.normalize
    unsorted = library_records(library)
    unsorted_titles = [norm(s.title) for s in unsorted]
    sort_keys = [(keys.pinyin(t), t, s.id) for t, s in zip(unsorted_titles, unsorted, strict=True)]
    by_title = sorted(range(len(unsorted)), key=sort_keys.__getitem__)
    snippets = [unsorted[i] for i in by_title]
    titles = [unsorted_titles[i] for i in by_title]
    tags = [SEP_ITEM.join(norm(t) for t in s.tags) for s in snippets]
    examples = [SEP_ITEM.join(norm(e) for e in s.examples) for s in snippets]
    text = [SEP_ITEM.join(norm(t) for t in texts(s)) for s in snippets]
    group_names = [norm(s.group) for s in snippets]
    raw: dict[str, list[str]] = {
        "title": titles,
        "tags": tags,
        "examples": examples,
        "group": group_names,
        "text": text,
    }
    context = _Contextual(keys)
    fields: dict[str, Field] = {}
    for name in ("title", "tags", "examples", "text"):
        read = [context(value) for value in raw[name]]
        marked = [narrow(keys.marked(value)) for value in read]
        fields[f"{name}_py"] = join([m.lower() for m in marked], marked)
        if f"{name}_ini" in SPEC:
            fields[f"{name}_ini"] = join([narrow(keys.initials(v)) for v in read])
    # A title's other readings of its common polyphones (行 xing/hang), ranked below.
    alt_marked: list[str] = []
    alt_ini: list[str] = []
    for title in titles:
        primary = keys.marked(context(title))
        others = [(m, i) for m, i in keys.spellings(title) if m != primary]
        alt_marked.append(narrow(SEP_ITEM.join(m for m, _ in others)))
        alt_ini.append(narrow(SEP_ITEM.join(i for _, i in others)))
    fields["title_alt_py"] = join([m.lower() for m in alt_marked], alt_marked)
    fields["title_alt_ini"] = join(alt_ini)
    for name, values in raw.items():
        fields[name] = join(values if name == "group" else [fold_numbers(v) for v in values])
    return snippets, fields


class _Contextual:
    """``TextKeys.contextual`` once per distinct text: near-duplicate replies repeat a lot."""

    def __init__(self, keys: TextKeys) -> None:
        self._keys = keys
        self._seen: dict[str, str] = {}

    def __call__(self, norm: str) -> str:
        got = self._seen.get(norm)
        if got is None:
            got = self._seen[norm] = self._keys.contextual(norm)
        return got


def offsets_from(data: bytes) -> Offsets:
    """Offsets back from :func:`offsets_bytes` (the cache's form); a ValueError if malformed."""
    offsets = array(OFFSET_TYPE)
    if offsets.itemsize != 4:
        raise ValueError("field offsets: no 32-bit array type")
    offsets.frombytes(data)
    return _compact(offsets)


def offsets_bytes(offsets: Offsets) -> bytes:
    """The offsets as 32-bit numbers, for the cache."""
    return (offsets if isinstance(offsets, array) else array(OFFSET_TYPE, offsets)).tobytes()


def _compact(offsets: array[int]) -> Offsets:
    return offsets if len(offsets) > LIST_MAX else offsets.tolist()


def join(values: list[str], marks: list[str] | None = None) -> Field:
    """One string for a field: SEP_RECORD before every record and at the end."""
    offsets = array(OFFSET_TYPE)
    pos = 1
    for value in values:
        offsets.append(pos)
        pos += len(value) + 1
    offsets.append(pos)
    hay = SEP_RECORD + SEP_RECORD.join(values) + SEP_RECORD
    marked = SEP_RECORD + SEP_RECORD.join(marks) + SEP_RECORD if marks is not None else ""
    return Field(hay, marked, _compact(offsets))
