"""The pack linter: schema problems from loading, plus content rules from the training documents.

Used by ``quickreply lint``, the library editor and publishing. ``lint_library`` runs every rule
in :data:`RULES` over a loaded library (the library window's check); ``lint_sources`` loads packs
and shop profiles and lints them together (``quickreply lint``, after ``split_paths``), and
``lint_paths`` does both from plain paths. A rule is a plain function
``(library, context) -> problems``: adding one (the template check through ``Renderer.check``,
shop-profile checks) is one line in ``RULES``.

The rules (configurable through :class:`LintConfig`):

* **codes** (error): a shortcut code must be 1-12 lowercase letters/digits and unique in the
  library, case-insensitively; the first snippet keeps it.
* **hotkeys** (error): a direct hotkey may belong to one snippet only.
* **titles** (error): every snippet needs a title.
* **first contact** (error): the training rule "首次自动回复不超过4行". A snippet is a
  first-contact auto reply when its group starts with ``欢迎`` or ``问候/首次接待``, or it has the
  tag ``自动回复``. Each of its variants may have at most 4 lines (blank lines count: the
  buyer sees them).
* **absolute claims** (error): terms that China's Advertising Law (广告法 art. 9: 国家级, 最高级,
  最佳 …) bans in sales talk, e.g. 第一, 顶级, 100%, 绝对, 万能. ``最`` is only a claim before an
  adjective (最好, 最低价, 最便宜, 最佳, 最高级): time and quantity words (最近, 最晚, 最迟, 最快,
  最后, 最早, 最新, 最多, 最少 …) and ordinals (第一时间, 第一次, 第一件, 第一车队 …) are allowed,
  and so are the common uses that rank nothing: 最好 as "had better" (您最好先确认一下, 最好不要
  水洗) and set phrases with 最大 (最大的动力, 尽最大努力, 最大限度). A pack may allow more
  phrases in its header (``pack: {allowed_phrases: [第一车队]}``, see docs/architecture.md). Each
  problem names the line inside the file where the word is. Text and pasted macro steps are
  checked; titles, notes and examples are not (the buyer never sees them).
* **templates** (error; warnings for unused fields and for a text that fails to render with its
  field defaults and the shop profile): syntax errors at the line of the pack file, names that
  are neither computed values, shop fields nor declared fields (with did-you-mean), refused
  constructs ({% include %}, ``__class__`` …). See ``Renderer.check`` and docs/templates.md.
* **images** (error): the image a reply pastes (``image:`` or an ``- image:`` step) is a file
  inside the pack's folder, a real PNG or JPEG (magic bytes and a readable header), at most
  2 MB and 8,192 pixels on a side (``core/images.py``, ``core/limits.py``).
* **docs** (warning): a snippet without a ``note`` (when to use it) or ``examples`` (buyer
  questions) teaches trainees nothing and is harder to find.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from quickreply.core.images import ImageRef, read_image
from quickreply.core.model import Library, PackSource, Snippet
from quickreply.core.packs import (
    CODE_RE,
    SHOP_FILE,
    PackDir,
    bad_code_problem,
    code_clash_problem,
    load_library,
    missing_title_problem,
    snippet_where,
)
from quickreply.core.problems import Problem, Severity
from quickreply.core.render import Renderer
from quickreply.core.shop import ShopProfile, load_shop

BANNED_CLAIMS = (
    "最", "第一", "唯一", "首个", "首选", "顶级", "顶尖", "国家级", "世界级", "全球级", "极品",
    "极致", "绝对", "万能", "100%", "100％", "百分百", "百分之百", "史上", "史无前例",
    "独一无二", "无敌", "王牌", "销量冠军",
)  # fmt: skip

ALLOWED_PHRASES = (
    # time and quantity: 最快明天到, 最晚16:00前, 最多等3天, 最新物流
    "最近", "最晚", "最迟", "最快", "最慢", "最后", "最早", "最新", "最多", "最少", "最长",
    "最短", "最终", "最初",
    # ordinals, not rankings: 第一时间处理, 第一件原价
    "第一时间", "第一次", "第一步", "第一件", "第一个", "第一天", "第一单", "第一批", "第一位",
    "第一条",
    # set phrases that rank nothing: 您的满意是我们最大的动力, 我们会尽最大努力
    "最大的动力", "最大动力", "最大的努力", "最大努力", "最大限度", "最大程度", "最大的诚意",
    "最大的心愿", "最大的帮助", "最大的支持",
    # fibre content is a fact on the label
    "100%棉", "100%纯棉", "100%羊毛", "100%桑蚕丝", "100％棉", "100％纯棉",
)  # fmt: skip


ALLOWED_PATTERNS = (
    # 最好 as "had better": after the person advised, or before what they should do
    r"(?:您|你|亲|大家|咱们|宝宝)最好(?!的)",
    r"最好(?=先|不要|别|还是|是|提前|尽快|及时|直接|能|可以|在|再|等|联系|确认|核对|咨询|备注"
    r"|选择|拍|保持|避免|量|放|洗|晾|看一下|问一下)",
    # 第一 before a measure word or a unit is an ordinal, not a ranking (第一名 still is one)
    r"第一(?=[次件步天单批位条个张页项点轮期周箱包瓶笔份段章号眼]|时间|车队|阶段|部分|季度|个月)",
)


@dataclass(frozen=True, slots=True)
class LintConfig:
    """The lists and limits the content rules use; the defaults are documented above."""

    banned_claims: tuple[str, ...] = BANNED_CLAIMS
    allowed_phrases: tuple[str, ...] = ALLOWED_PHRASES
    allowed_patterns: tuple[str, ...] = ALLOWED_PATTERNS  # regular expressions
    first_contact_groups: tuple[str, ...] = ("欢迎", "问候/首次接待")
    first_contact_tags: tuple[str, ...] = ("自动回复",)
    first_contact_max_lines: int = 4
    warn_missing_docs: bool = True


def _epoch() -> datetime:
    # Lint results must not depend on when they run; rules that need a time get a fixed one.
    return datetime(2024, 1, 1, 10, 0)


@dataclass(frozen=True, slots=True)
class LintContext:
    """What a rule may look at besides the library."""

    config: LintConfig = field(default_factory=LintConfig)
    shop: ShopProfile | None = None
    clock: Callable[[], datetime] = _epoch


Rule = Callable[[Library, LintContext], list[Problem]]


# ---------------------------------------------------------------------------------------------
# Rules


def check_codes(library: Library, context: LintContext) -> list[Problem]:
    problems: list[Problem] = []
    owners: dict[str, Snippet] = {}
    for snippet in library.snippets():
        if not snippet.code:
            continue
        if not CODE_RE.fullmatch(snippet.code):
            where = snippet_where(snippet.id)
            problems.append(bad_code_problem(snippet.path, snippet.line, where, snippet.code))
            continue
        owner = owners.setdefault(snippet.code.casefold(), snippet)
        if owner is not snippet:
            problems.append(code_clash_problem(snippet, owner))
    return problems


def check_hotkeys(library: Library, context: LintContext) -> list[Problem]:
    problems: list[Problem] = []
    owners: dict[str, Snippet] = {}
    for snippet in library.snippets():
        if not snippet.hotkey:
            continue
        owner = owners.setdefault(snippet.hotkey.casefold(), snippet)
        if owner is not snippet:
            problems.append(
                Problem(
                    snippet.path,
                    snippet.line,
                    snippet_where(snippet.id),
                    f"hotkey '{snippet.hotkey}' is already used by '{owner.id}'"
                    f" at {owner.path}:{owner.line}",
                    f"choose another hotkey; '{owner.hotkey}' stays with '{owner.id}'",
                    code="hotkey.clash",
                    args=(("hotkey", snippet.hotkey), ("owner", owner.title or owner.id)),
                )
            )
    return problems


def check_titles(library: Library, context: LintContext) -> list[Problem]:
    return [missing_title_problem(s) for s in library.snippets() if not s.title.strip()]


def is_first_contact(snippet: Snippet, config: LintConfig) -> bool:
    """A first-contact auto reply: group 欢迎… or 问候/首次接待…, or tagged 自动回复."""
    return snippet.group.startswith(config.first_contact_groups) or any(
        tag in config.first_contact_tags for tag in snippet.tags
    )


def _texts(snippet: Snippet) -> list[tuple[str, int]]:
    """Every text the buyer will see, with the file line it starts on."""
    lines = snippet.variant_lines or (snippet.text_line or snippet.line,) * len(snippet.variants)
    texts = list(zip(snippet.variants, lines, strict=False))
    texts += [(step.text, snippet.line) for step in snippet.steps if step.kind == "paste"]
    return texts


def check_first_contact(library: Library, context: LintContext) -> list[Problem]:
    limit = context.config.first_contact_max_lines
    problems: list[Problem] = []
    for snippet in library.snippets():
        if not is_first_contact(snippet, context.config):
            continue
        for text, line in _texts(snippet):
            count = len(text.strip("\n").splitlines())
            if count > limit:
                problems.append(
                    Problem(
                        snippet.path,
                        line,
                        snippet_where(snippet.id),
                        f"first-contact auto reply has {count} lines, more than {limit}",
                        f"buyers skim the first message: keep it to {limit} lines",
                        code="first_contact.lines",
                        args=(("count", str(count)), ("limit", str(limit))),
                    )
                )
    return problems


class ClaimFinder:
    """Finds banned absolute claims; built once per lint run (and per pack's own phrases)."""

    def __init__(self, config: LintConfig, extra_allowed: Sequence[str] = ()) -> None:
        # Longest words first, so 销量冠军 is reported once and not again as a shorter word.
        self.banned = sorted(config.banned_claims, key=len, reverse=True)
        self.allowed = (*config.allowed_phrases, *extra_allowed)
        self.patterns = [re.compile(p) for p in config.allowed_patterns]
        # Most texts hold no banned word at all: one regex search rules them out.
        self.any_banned = re.compile("|".join(re.escape(w) for w in self.banned) or "(?!)")

    def find(self, text: str) -> list[tuple[int, str]]:
        """(index, word) of each banned claim in ``text`` not covered by an allowed use."""
        if not self.any_banned.search(text):
            return []
        allowed: list[tuple[int, int]] = []
        for phrase in self.allowed:
            start = text.find(phrase)
            while start != -1:
                allowed.append((start, start + len(phrase)))
                start = text.find(phrase, start + 1)
        for pattern in self.patterns:
            allowed += [m.span() for m in pattern.finditer(text)]
        taken: list[tuple[int, int]] = []
        found: list[tuple[int, str]] = []
        for word in self.banned:
            start = text.find(word)
            while start != -1:
                end = start + len(word)
                covered = any(a <= start and end <= b for a, b in allowed + taken)
                if not covered:
                    taken.append((start, end))
                    found.append((start, word))
                start = text.find(word, start + 1)
        return sorted(found)


def find_claims(
    text: str, config: LintConfig, extra_allowed: Sequence[str] = ()
) -> list[tuple[int, str]]:
    """(index, word) of each banned absolute claim in ``text`` not covered by an allowed use."""
    return ClaimFinder(config, extra_allowed).find(text)


def _context(text: str, start: int, word: str) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end == -1 else line_end
    left = max(line_start, start - 6)
    right = min(line_end, start + len(word) + 6)
    return ("…" if left > line_start else "") + text[left:right] + ("…" if right < line_end else "")


def check_claims(library: Library, context: LintContext) -> list[Problem]:
    problems: list[Problem] = []
    plain = ClaimFinder(context.config)
    finders = {
        pack.meta.id: ClaimFinder(context.config, pack.meta.allowed_phrases)
        for pack in library.packs
        if pack.meta.allowed_phrases
    }
    for snippet in library.snippets():
        finder = finders.get(snippet.pack_id, plain)
        for text, line in _texts(snippet):
            for start, word in finder.find(text):
                problems.append(
                    Problem(
                        snippet.path,
                        line + text.count("\n", 0, start),
                        snippet_where(snippet.id),
                        f"absolute claim '{word}' in “{_context(text, start, word)}”",
                        "广告法 bans absolute terms in sales talk: state the plain fact instead",
                        code="claim.absolute",
                        args=(("word", word), ("context", _context(text, start, word))),
                    )
                )
    return problems


def check_docs(library: Library, context: LintContext) -> list[Problem]:
    if not context.config.warn_missing_docs:
        return []
    problems: list[Problem] = []
    for s in library.snippets():
        where = snippet_where(s.id)
        if not s.note.strip():
            problems.append(
                Problem(
                    s.path,
                    s.line,
                    where,
                    "no 'note' saying when to use it",
                    "add one, e.g. note: 买家问发什么快递时用",
                    Severity.WARNING,
                    code="docs.no_note",
                )
            )
        if not s.examples:
            problems.append(
                Problem(
                    s.path,
                    s.line,
                    where,
                    "no 'examples' of buyer questions",
                    "add some, e.g. examples: [发什么快递, 能发顺丰吗]",
                    Severity.WARNING,
                    code="docs.no_examples",
                )
            )
    return problems


def check_templates(library: Library, context: LintContext) -> list[Problem]:
    """Template syntax, unknown names and unused fields, via ``Renderer.check`` (core/render)."""
    renderer = Renderer(context.shop, context.clock)
    return [problem for snippet in library.snippets() for problem in renderer.check(snippet)]


def check_images(library: Library, context: LintContext) -> list[Problem]:
    problems: list[Problem] = []
    for snippet in library.snippets():
        refs = [(snippet.image, snippet.image_line)] if snippet.image else []
        refs += [(step.text, step.line) for step in snippet.steps if step.kind == "image"]
        for written, line in refs:
            ref = ImageRef(
                snippet.path,
                line or snippet.line,
                snippet_where(snippet.id),
                snippet.folder,
                written,
            )
            problem = read_image(ref)[1]
            if problem is not None:
                problems.append(problem)
    return problems


RULES: tuple[Rule, ...] = (
    check_templates,
    check_images,
    check_codes,
    check_hotkeys,
    check_titles,
    check_first_contact,
    check_claims,
    check_docs,
)


def lint_library(
    library: Library,
    shop: ShopProfile | None = None,
    config: LintConfig | None = None,
    *,
    clock: Callable[[], datetime] = _epoch,
    rules: Sequence[Rule] = RULES,
) -> list[Problem]:
    """Run every rule over ``library`` (not its loading problems: see ``lint_paths``)."""
    context = LintContext(config or LintConfig(), shop, clock)
    return _unique([p for rule in rules for p in rule(library, context)])


# ---------------------------------------------------------------------------------------------
# Files and folders


@dataclass(frozen=True, slots=True)
class LintReport:
    """Everything ``quickreply lint`` prints: the problems and what was checked."""

    problems: tuple[Problem, ...]
    library: Library
    shops: tuple[Path, ...] = ()

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.is_error)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors

    @property
    def files_with_problems(self) -> int:
        return len({p.path for p in self.problems})


def split_paths(paths: Sequence[Path]) -> tuple[list[PackDir], list[Path]]:
    """Pack files/folders and shop profiles among ``paths`` (a folder's own shop.yaml too)."""
    dirs: list[PackDir] = []
    shops: list[Path] = []
    for path in paths:
        if path.name == SHOP_FILE and not path.is_dir():
            shops.append(path)
            continue
        dirs.append(PackDir(path, PackSource.EXTRA))
        # lexists, not is_file: a FIFO or a symlink loop named shop.yaml is reported, not skipped.
        if os.path.lexists(path / SHOP_FILE):
            shops.append(path / SHOP_FILE)
    return dirs, shops


def lint_sources(
    dirs: Sequence[PackDir],
    shops: Sequence[Path] = (),
    config: LintConfig | None = None,
    *,
    clock: Callable[[], datetime] = _epoch,
    load: Callable[[Sequence[PackDir]], Library] = load_library,
    exams: Sequence[Path] = (),
) -> LintReport:
    """Load the packs and shop profiles, then lint them together; ``exams`` (exam files) are
    checked against the same library.

    ``load`` reads the pack folders; the CLI passes one that goes through the app's pack cache.
    """
    from quickreply.core.training.exam import lint_exams

    problems: list[Problem] = []
    shop: ShopProfile | None = None
    for path in shops:
        profile, shop_problems = load_shop(path)
        problems += shop_problems
        if shop is None:
            shop = profile
    library = load(dirs)
    problems += library.problems
    problems += lint_library(library, shop, config, clock=clock)
    problems += lint_exams(exams, library)
    ordered = sorted(_unique(problems), key=lambda p: (p.path, p.line))
    return LintReport(tuple(ordered), library, tuple(shops))


def lint_paths(paths: Sequence[Path], config: LintConfig | None = None) -> list[Problem]:
    """Load and lint pack files, folders and shop.yaml files (split_paths, then lint_sources)."""
    dirs, shops = split_paths(paths)
    return list(lint_sources(dirs, shops, config).problems)


def _unique(problems: Sequence[Problem]) -> list[Problem]:
    # Loading and the rules both report e.g. a code clash; say it once.
    return list(dict.fromkeys(problems))
