"""The 34 provincial-level divisions of China, and turning what an agent types into one of them.

Buyers and agents write regions every which way: 新疆, 新疆维吾尔自治区, 新疆省 (wrong but common),
臺灣, 内蒙, a whole address starting 广东省深圳市…, the one-character abbreviation 粤, or in the
palette's field the pinyin the search box takes (xinjiang, xj). Shop rules
(couriers, free shipping) are keyed by the short name, so everything is normalised to it here.

The table is immutable data; lookups go through a read-only mapping built once at import.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class Region:
    """A provincial-level division: the short name used everywhere, and its official name."""

    short: str  # 新疆
    official: str  # 新疆维吾尔自治区
    aliases: tuple[str, ...] = ()  # abbreviations and traditional-character spellings
    pinyin: str = ""  # syllables of the short name, space-separated: "xin jiang"
    latin: tuple[str, ...] = ()  # other Latin spellings people type: shaanxi, hongkong

    def spellings(self) -> tuple[str, ...]:
        """What an agent may type in Latin letters: full pinyin, initials, other spellings."""
        syllables = self.pinyin.split()
        return ("".join(syllables), "".join(s[0] for s in syllables), *self.latin)


# Order: municipalities, provinces, autonomous regions, special administrative regions, as in
# the official administrative-division list (GB/T 2260), so choice lists read as people expect.
REGIONS: tuple[Region, ...] = (
    Region("北京", "北京市", ("京",), "bei jing"),
    Region("天津", "天津市", ("津",), "tian jin"),
    Region("上海", "上海市", ("沪", "滬"), "shang hai"),
    Region("重庆", "重庆市", ("渝", "重慶", "重慶市"), "chong qing"),
    Region("河北", "河北省", ("冀",), "he bei"),
    Region("山西", "山西省", ("晋", "晉"), "shan xi"),
    Region("辽宁", "辽宁省", ("辽", "遼寧", "遼寧省"), "liao ning"),
    Region("吉林", "吉林省", ("吉",), "ji lin"),
    Region("黑龙江", "黑龙江省", ("黑", "黑龍江", "黑龍江省"), "hei long jiang"),
    Region("江苏", "江苏省", ("苏", "江蘇", "江蘇省"), "jiang su"),
    Region("浙江", "浙江省", ("浙",), "zhe jiang"),
    Region("安徽", "安徽省", ("皖",), "an hui"),
    Region("福建", "福建省", ("闽", "閩"), "fu jian"),
    Region("江西", "江西省", ("赣", "贛"), "jiang xi"),
    Region("山东", "山东省", ("鲁", "山東", "山東省", "魯"), "shan dong"),
    Region("河南", "河南省", ("豫",), "he nan"),
    Region("湖北", "湖北省", ("鄂",), "hu bei"),
    Region("湖南", "湖南省", ("湘",), "hu nan"),
    Region("广东", "广东省", ("粤", "廣東", "廣東省", "粵"), "guang dong"),
    Region("海南", "海南省", ("琼", "瓊"), "hai nan"),
    Region("四川", "四川省", ("川", "蜀"), "si chuan"),
    Region("贵州", "贵州省", ("黔", "贵", "貴州", "貴州省"), "gui zhou"),
    Region("云南", "云南省", ("滇", "云", "雲南", "雲南省"), "yun nan"),
    Region("陕西", "陕西省", ("陕", "秦", "陝西", "陝西省"), "shan xi", ("shaanxi",)),
    Region("甘肃", "甘肃省", ("甘", "陇", "甘肅", "甘肅省", "隴"), "gan su"),
    Region("青海", "青海省", ("青",), "qing hai"),
    Region("台湾", "台湾省", ("台", "臺灣", "台灣", "臺灣省", "台灣省"), "tai wan"),
    Region("内蒙古", "内蒙古自治区", ("内蒙", "蒙", "內蒙古", "內蒙古自治區"), "nei meng gu"),
    Region("广西", "广西壮族自治区", ("桂", "廣西", "广西自治区", "廣西壯族自治區"), "guang xi"),
    Region("西藏", "西藏自治区", ("藏", "西藏自治區"), "xi zang", ("tibet",)),
    Region("宁夏", "宁夏回族自治区", ("宁", "寧夏", "宁夏自治区", "寧夏回族自治區"), "ning xia"),
    Region("新疆", "新疆维吾尔自治区", ("新", "新疆自治区", "新疆維吾爾自治區"), "xin jiang"),
    Region("香港", "香港特别行政区", ("港", "香港特別行政區"), "xiang gang", ("hongkong", "hk")),
    Region(
        "澳门", "澳门特别行政区", ("澳", "澳門", "澳門特別行政區"), "ao men", ("macau", "macao")
    ),
)

SHORT_NAMES: tuple[str, ...] = tuple(r.short for r in REGIONS)


def _build_index() -> MappingProxyType[str, Region]:
    index: dict[str, Region] = {}
    for region in REGIONS:
        names = (region.short, region.official, *region.aliases)
        # 广东省 / 北京市 are official; people also write 新疆省, 北京省: accept the suffix on any.
        suffixed = tuple(region.short + suffix for suffix in ("省", "市"))
        for name in (*names, *suffixed):
            index.setdefault(name, region)
    return MappingProxyType(index)


_INDEX = _build_index()

# Names long enough to be read as the start of an address (广东省深圳市… → 广东); single-character
# abbreviations are excluded so that 新乡市 never reads as 新疆.
_PREFIXES: tuple[tuple[str, Region], ...] = tuple(
    sorted(
        ((name, region) for name, region in _INDEX.items() if len(name) >= 2),
        key=lambda pair: -len(pair[0]),
    )
)


def lookup_region(text: str) -> Region | None:
    """The region ``text`` names (short, official, alias, or an address starting with one)."""
    name = "".join(text.split())
    if not name:
        return None
    found = _INDEX.get(name)
    if found is not None:
        return found
    for prefix, region in _PREFIXES:
        if name.startswith(prefix):
            return region
    return None


def _latin_index() -> MappingProxyType[str, tuple[Region, ...]]:
    index: dict[str, tuple[Region, ...]] = {}
    for region in REGIONS:
        for spelling in dict.fromkeys(region.spellings()):
            index[spelling] = (*index.get(spelling, ()), region)
    return MappingProxyType(index)


# Full pinyin, initials and other Latin spellings; 山西 and 陕西 share shanxi/sx, so a spelling
# may name several regions and then names none on its own.
_LATIN = _latin_index()


def _latin(text: str) -> str:
    return "".join(text.split()).casefold().replace("'", "")


def typed_region(text: str) -> Region | None:
    """What an agent typed into a region field: anything :func:`lookup_region` takes, or a
    pinyin spelling (full or initials) that only one region has. Files (shop.yaml, packs)
    keep to characters, where Guangdong is more likely a typo than a choice."""
    found = lookup_region(text)
    if found is not None:
        return found
    regions = _LATIN.get(_latin(text), ())
    return regions[0] if len(regions) == 1 else None


def match_regions(text: str) -> list[str]:
    """Short names of the regions ``text`` could be the start of, in table order: what a region
    field's drop-down offers while the agent types (新, xinj, xj, 臺 all offer 新疆/臺灣…)."""
    typed = "".join(text.split())
    if not typed:
        return list(SHORT_NAMES)
    exact = typed_region(typed)
    latin = _latin(typed)
    found = []
    for region in REGIONS:
        names = (region.short, region.official, *region.aliases)
        if (
            region is exact
            or any(name.startswith(typed) for name in names)
            or any(spelling.startswith(latin) for spelling in region.spellings())
        ):
            found.append(region.short)
    return found


def normalize_region(text: str) -> str | None:
    """The short name (新疆) for any way of writing a region, or None when it names none."""
    region = lookup_region(text)
    return region.short if region is not None else None


def suggest_region(text: str) -> str:
    """A did-you-mean hint for a misspelt region (新彊 → 新疆), or a pointer to what works."""
    import difflib  # only on the error path

    names = [*SHORT_NAMES, *(r.official for r in REGIONS)]
    close = difflib.get_close_matches("".join(text.split()), names, n=1, cutoff=0.5)
    if close:
        return f"did you mean '{close[0]}'?"
    return "write a province such as 广东 or 新疆维吾尔自治区"
