"""The services the widgets share (library, shop profile, renderer, search index, usage store).

:func:`build_services` makes them once at start-up; :meth:`Services.reload` reads the packs and
the shop profile again (at start-up, when files change on disk, when the folders change in
settings) and :meth:`Services.close` lets go of the usage store when the app ends. Nothing here
raises on bad data: every problem is collected for the UI and stderr.

A first start with no cache can open on part of the library: ``reload(budget=…)`` loads the
first stage of pack files (core/libcache.py, the agent's own first; ``Services.loading`` then
says how many of how many), the app runs :meth:`Services.load_stage` for each later stage a
helper process has made ready and :meth:`Services.load_rest` for the last, off the GUI thread,
and hands each result to :meth:`Services.finish_loading`, which puts that library and its index
in place: a swap of references, everything else was built on the worker.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from quickreply.core.model import Library, Usage
from quickreply.core.paths import AppPaths
from quickreply.core.problems import Problem
from quickreply.core.settings import Settings, load_settings

if TYPE_CHECKING:
    from quickreply.core.cacheseal import Seal
    from quickreply.core.editing import EditRule
    from quickreply.core.libcache import CachedLibrary, Entry, FileKey, Stages
    from quickreply.core.render import Renderer, VariantMemory
    from quickreply.core.search import SearchIndex
    from quickreply.core.search.synonyms import Synonyms
    from quickreply.core.shop import ShopProfile
    from quickreply.core.stats import StatsStore
    from quickreply.core.team.keys import LeadKey
    from quickreply.core.team.preview import Target
    from quickreply.core.team.state import SyncState
    from quickreply.core.team.sync import TeamSync
    from quickreply.core.timers import TimerConfig

# Bytes of pack files a first start without a cache reads before the palette opens (about 600
# real-length replies: ~0.25 s of parsing and indexing; 256 KB put the palette at 1.8 s CPU at
# 10,000 replies, over the 1.5 s target); the rest loads in the background, in stages.
START_BUDGET = 128 * 1024
# Where the helper process leaves the index of each stage before the last, for the app to read.
STAGES_DIR = "stages"


@dataclass(frozen=True, slots=True)
class Prepared:
    """The whole library and its index, loaded off the GUI thread by :meth:`Services.load_rest`."""

    library: Library
    index: SearchIndex
    generation: int  # the reload it completes; a later reload makes it stale
    usage: Mapping[str, Usage]  # what the index was ranked by
    stage: int = -1  # the stage of a staged load it holds; -1: the whole library
    files: int = 0  # pack files it holds (a stage's)
    entries: Mapping[FileKey, Entry] = field(default_factory=dict)  # a stage's, for the next


@dataclass
class Services:
    """Everything the widgets need, built once by :func:`build_services`. :meth:`reload` sets
    the library, shop profile, renderer and index, at start-up and whenever files change."""

    base_paths: AppPaths  # the folders before settings (QUICKREPLY_HOME or user dirs)
    clock: Callable[[], datetime]
    settings: Settings
    stats: StatsStore
    timer_config: TimerConfig
    extra: Sequence[Path] = ()  # --pack paths
    shop_path: Path | None = None  # --shop
    problems: list[Problem] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    # Which variant each buyer got last: created once, shared by every renderer reload() builds.
    variants: VariantMemory | None = None
    # Set by reload():
    paths: AppPaths = field(init=False)  # the folders in force (settings applied)
    library: Library = field(init=False)
    shop: ShopProfile | None = field(init=False)
    renderer: Renderer = field(init=False)
    index: SearchIndex = field(init=False)
    # Replies a recent team version added or changed: snippet id -> "added" / "changed".
    team_marks: dict[str, str] = field(init=False, default_factory=dict)
    # Which packs the library may write (core/editing.py): team ones too on the lead's machine.
    edit_rule: EditRule = field(init=False, default_factory=lambda: _personal_only())
    # (pack files loaded, pack files found + 1 for the index) while part of the library is in.
    loading: tuple[int, int] | None = field(init=False, default=None)
    _generation: int = field(init=False, default=0)
    _seal: Seal | None = field(init=False, default=None)
    _seed: Mapping[FileKey, Entry] = field(init=False, default_factory=dict)
    _stages: Stages = field(init=False, default=())
    _stage: int = field(init=False, default=0)  # the stage in place while loading
    start_budget: int = field(init=False, default=START_BUDGET)  # the stages were planned for
    _shop_problems: list[Problem] = field(init=False, default_factory=list)

    def refresh_usage(self) -> None:
        self.index.set_usage(self.stats.usage())

    def lint(self, library: Library) -> list[Problem]:
        from quickreply.core.lint import lint_library

        return list(lint_library(library, self.shop))

    def reload(self, budget: int | None = None, *, index_part: bool = True) -> list[Problem]:
        """Read packs and the shop profile (unchanged files come from the pack cache), build
        the renderer and search index, and return the problems found.

        With ``budget`` (bytes, see core/libcache.py) a library that is not wholly cached is
        loaded only in part: ``loading`` says how much, and :meth:`load_rest` loads the rest.
        Without ``index_part`` that part is not indexed (the helper process needs no index of
        what the app already shows)."""
        from quickreply.core.cacheseal import Seal
        from quickreply.core.render import Renderer, VariantMemory
        from quickreply.core.search import SearchIndex
        from quickreply.core.search.cache import is_cached

        self._generation += 1
        started, cpu = time.perf_counter(), time.process_time()
        self.paths = apply_folders(self.base_paths, self.settings)
        seal = self._seal = Seal.load_or_create(self.paths.cache_key_file)
        from quickreply.core.editing import lead_rule

        self.edit_rule = lead_rule(self.publish_target(), synced=self.base_paths.team)
        loaded = self._load_library(
            budget,
            warm=lambda fingerprint: seal is not None and is_cached(self.paths.cache, fingerprint),
        )
        self.library = loaded.library
        self.timings["packs"] = time.perf_counter() - started
        self.timings["packs_cpu"] = time.process_time() - cpu
        self.shop, self._shop_problems = read_shop(self.paths, self.shop_path)
        if self.variants is None:
            self.variants = VariantMemory()
        self.renderer = Renderer(self.shop, self.clock, variants=self.variants)
        started, cpu = time.perf_counter(), time.process_time()
        if loaded.complete:
            self.loading, self._seed, self._stages = None, {}, ()
            self.index = SearchIndex.load_or_build(
                self.library,
                self.paths.cache,
                usage=self.stats.usage(),
                key=loaded.fingerprint,
                seal=seal,
                synonyms=self._synonyms(),
            )
        else:
            # Part of the library: indexed for now, never cached (load_rest caches the whole).
            self.loading = (loaded.files - loaded.deferred, loaded.files + 1)
            self._seed, self._stages, self._stage = loaded.entries, loaded.stages, 0
            self.start_budget = budget or 0
            part = self.library if index_part else Library((), ())
            self.index = SearchIndex.build(part, self.stats.usage(), synonyms=self._synonyms())
        self.timings["index"] = time.perf_counter() - started
        self.timings["index_cpu"] = time.process_time() - cpu
        _out_of_collectors_sight()
        self.team_marks = self.team_state().recent_marks(self.clock())
        return [*self.library.problems, *self._shop_problems]

    def load_rest(
        self,
        progress: Callable[[int], None] | None = None,
        usage: Mapping[str, Usage] | None = None,
    ) -> Prepared:
        """The whole library and its index, cached for the next start; runs on any thread
        (it touches no usage store: ``usage`` is the store's content, read by the caller, so
        the index is ranked here rather than on the GUI thread). ``progress`` is told each
        pack file loaded."""
        from quickreply.core.search import SearchIndex

        generation = self._generation
        loaded = self._load_library(None, seed=self._seed, progress=progress)
        index = SearchIndex.load_or_build(
            loaded.library,
            self.paths.cache,
            usage=usage,
            key=loaded.fingerprint,
            seal=self._seal,
            synonyms=self._synonyms(),
        )
        return Prepared(loaded.library, index, generation, dict(usage or {}))

    @property
    def stages(self) -> int:
        """How many stages the library loads in (0: it is not loading in stages)."""
        return len(self._stages) if self.loading is not None else 0

    def keep_first_stage(self) -> None:
        """Save what the first stage parsed to the pack cache, so the helper process does not
        parse it again; off the GUI thread (the palette is open by then)."""
        seed = self._seed
        if self.loading is not None and seed:
            self._load_library(None, seed=seed, only=frozenset(seed), keep=True)

    def load_stage(self, stage: int, usage: Mapping[str, Usage] | None = None) -> Prepared | None:
        """Stage ``stage`` (not the last) of the library and its index, as the helper process
        left them in the caches; runs on any thread, like :meth:`load_rest`. None when they
        are not there (files changed meanwhile, or the helper has moved on): the next stage
        or the last one comes anyway."""
        from quickreply.core.search import SearchIndex, cache
        from quickreply.core.search.tables import Tables

        generation, stages, seal = self._generation, self._stages, self._seal
        if not 0 < stage < len(stages) - 1 or seal is None:
            return None
        loaded = self._load_library(None, seed=self._seed, only=stages[stage])
        if loaded.fingerprint is None:
            return None
        path = cache.cache_path(self.paths.cache / STAGES_DIR, loaded.library, loaded.fingerprint)
        data = cache.read(path, seal)
        tables = Tables.from_plain(data, loaded.library) if data is not None else None
        if tables is None:
            return None
        index = SearchIndex(tables, usage, self._synonyms())
        usage = dict(usage or {})
        return Prepared(
            loaded.library, index, generation, usage, stage, len(loaded.entries), loaded.entries
        )

    def build_stage(self, stage: int, progress: Callable[[int], None] | None = None) -> None:
        """Parse stage ``stage`` (not the last) and index it into the caches, where
        :meth:`load_stage` finds it: the helper process's work."""
        from quickreply.core.search import SearchIndex

        if not 0 < stage < len(self._stages) - 1:
            return
        loaded = self._load_library(
            None, seed=self._seed, progress=progress, only=self._stages[stage]
        )
        self._seed = loaded.entries
        SearchIndex.load_or_build(
            loaded.library,
            self.paths.cache / STAGES_DIR,
            key=loaded.fingerprint,
            seal=self._seal,
            synonyms=self._synonyms(),
        )

    def finish_loading(self, prepared: Prepared) -> list[Problem] | None:
        """Put what :meth:`load_rest` or :meth:`load_stage` loaded in place (GUI thread: only
        references change hands) and return the problems; None when a reload came in between
        (its result is newer) or a later stage is already in place."""
        if prepared.generation != self._generation or self.loading is None:
            return None
        if 0 <= prepared.stage <= self._stage:
            return None
        self.library = prepared.library
        self.index = prepared.index
        _out_of_collectors_sight()
        usage = self.stats.usage()
        if usage != prepared.usage:  # replies pasted meanwhile: rank by the counts of now
            self.index.set_usage(usage)
        if prepared.stage >= 0:
            self._stage, self._seed = prepared.stage, prepared.entries
            self.loading = (prepared.files, self.loading[1])
        else:
            self.loading, self._seed, self._stages = None, {}, ()
        self.team_marks = self.team_state().recent_marks(self.clock())
        return [*self.library.problems, *self._shop_problems]

    def _synonyms(self) -> Synonyms:
        from quickreply.core.search.synonyms import Synonyms

        return Synonyms.with_shop(self.shop.synonyms if self.shop else ())

    def _load_library(
        self,
        budget: int | None,
        *,
        warm: Callable[[str], bool] | None = None,
        seed: Mapping[FileKey, Entry] | None = None,
        progress: Callable[[int], None] | None = None,
        only: frozenset[FileKey] | None = None,
        keep: bool = False,
    ) -> CachedLibrary:
        return load_library_cached(
            self.paths,
            self._seal,
            self.extra,
            self.edit_rule.team_sources,
            budget=budget,
            warm=warm,
            seed=seed,
            progress=progress,
            only=only,
            keep=keep,
        )

    def team_now(self) -> datetime:
        """The clock as an aware time: team versions carry their UTC offset."""
        return self.clock().astimezone()

    def team_sync(self) -> TeamSync:
        """A syncer for the joined team (in the QUICKREPLY_HOME or user folders, like the CLI)."""
        from quickreply.core.team.sync import TeamSync

        return TeamSync(self.base_paths, self.team_now)

    def team_state(self) -> SyncState:
        from quickreply.core.team.state import load_state

        return load_state(self.base_paths)

    def publish_target(self) -> tuple[LeadKey, Target] | None:
        """The team key and where the lead last published, when this machine is a lead's."""
        from quickreply.core.team.errors import TeamError
        from quickreply.core.team.keys import load_lead_key
        from quickreply.core.team.preview import load_target

        folder = self.base_paths.config / "team"
        try:
            key = load_lead_key(folder)
        except TeamError:
            return None
        target = load_target(folder)
        return (key, target) if key is not None and target is not None else None

    def team_join(self) -> tuple[str, str]:
        """The joined team's address and join code, or two empty strings."""
        from quickreply.core.team.errors import TeamError
        from quickreply.core.team.state import load_subscription

        try:
            subscription = load_subscription(self.base_paths)
        except TeamError:
            return "", ""
        if subscription is None:
            return "", ""
        return subscription.source, subscription.key.join_code

    def close(self) -> None:
        """The app is ending: close the usage store (its writes are already committed)."""
        self.stats.close()


def apply_folders(paths: AppPaths, settings: Settings) -> AppPaths:
    """The folders in force: the team and personal folders chosen in settings, else the
    defaults (``AppPaths.with_folders``)."""
    return paths.with_folders(settings.team_dir, settings.personal_dir)


def _personal_only() -> EditRule:
    from quickreply.core.editing import EditRule

    return EditRule()


def load_library_cached(
    paths: AppPaths,
    seal: Seal | None,
    extra: Sequence[Path] = (),
    team_sources: Sequence[Path] = (),
    *,
    budget: int | None = None,
    warm: Callable[[str], bool] | None = None,
    seed: Mapping[FileKey, Entry] | None = None,
    progress: Callable[[int], None] | None = None,
    only: frozenset[FileKey] | None = None,
    keep: bool = False,
) -> CachedLibrary:
    """The library through the pack cache in ``paths.cache`` (no YAML parsing when unchanged),
    with its fingerprint, which keys the search index cache. With ``team_sources`` (the lead's
    machine) the team packs are read from the folders the lead publishes from, so the library
    shows, and edits, what the next version will hold. ``budget``, ``warm``, ``seed``,
    ``progress``, ``only`` and ``keep``: see core/libcache.py."""
    from quickreply.core.libcache import LibraryCache
    from quickreply.core.model import PackSource
    from quickreply.core.packs import PackDir, default_dirs
    from quickreply.core.team.local import load_one_version

    cache = LibraryCache(paths.cache, seal)

    def load(dirs: Sequence[PackDir]) -> CachedLibrary:
        return cache.load(
            dirs, budget, warm=warm, seed=seed, progress=progress, only=only, keep=keep
        )

    if team_sources:
        personal = paths.personal.resolve()
        team = [PackDir(s, PackSource.TEAM) for s in team_sources if s.resolve() != personal]
        dirs = default_dirs(paths, extra)
        at = next(i for i, d in enumerate(dirs) if d.source is PackSource.TEAM)
        return load([*dirs[:at], *team, *dirs[at + 1 :]])

    # A team sync may switch the team folder meanwhile: never keep a mixture of two versions.
    return load_one_version(
        paths.team, lambda team: load(default_dirs(dataclasses.replace(paths, team=team), extra))
    )


def read_shop(
    paths: AppPaths, given: Path | None = None
) -> tuple[ShopProfile | None, list[Problem]]:
    """``--shop`` if given, else the profile in force (core/shop/in_force.py); None (and no
    problem) when there is no file: a reply that needs a shop fact then says which name is
    missing when it is rendered."""
    from quickreply.core.shop import load_shop_if_there, load_shop_in_force

    return load_shop_if_there(given) if given is not None else load_shop_in_force(paths)


def build_services(
    paths: AppPaths,
    extra: Sequence[Path] = (),
    shop_path: Path | None = None,
    clock: Callable[[], datetime] = datetime.now,
    budget: int | None = None,
    *,
    usage_store: bool = True,
) -> Services:
    """Settings, packs, shop profile, renderer, search index and usage store; never raises
    on bad data (every problem is collected for the UI and stderr). ``budget``: load only
    part of a library that is not cached (see :meth:`Services.reload`). Without
    ``usage_store`` the usage store is an empty one in memory and a part loaded is not
    indexed (the cache helper's)."""
    from quickreply.core.stats import StatsStore
    from quickreply.core.timers import TimerConfig

    settings, settings_problems = load_settings(paths.settings_file)
    # The data folder is not one settings can move.
    stats = StatsStore(paths.stats_file if usage_store else None)
    # Its problems came with the settings' own, at their lines (core/settings.py).
    timer_config, _ = TimerConfig.from_mapping(settings.timers)
    services = Services(
        base_paths=paths,
        clock=clock,
        settings=settings,
        stats=stats,
        timer_config=timer_config,
        extra=tuple(extra),
        shop_path=shop_path,
    )
    services.problems = [
        *settings_problems,
        *services.reload(budget, index_part=usage_store),
        *stats.problems,
    ]
    return services


def build_caches(
    paths: AppPaths,
    extra: Sequence[Path] = (),
    shop_path: Path | None = None,
    budget: int = START_BUDGET,
) -> int:
    """Load the whole library and its index as the app does, so both are cached: the app runs
    this in a helper process after a first start (app/loading.py), whose parsing then never
    holds up the palette's thread. It plans the stages as the app did (the same ``budget``,
    the same files) and caches each one after the first: ``stage N`` on stdout tells the app that
    stage N is ready to swap in; a number is how many pack files are loaded so far."""
    if hasattr(os, "nice"):
        # Below the app itself: the agent types in the palette while this runs.
        with contextlib.suppress(OSError):
            os.nice(10)
    # The app keeps the usage store open and writes to it: this process never touches it.
    services = build_services(paths, extra, shop_path, budget=budget, usage_store=False)
    stages_dir = services.paths.cache / STAGES_DIR

    def count(files: int) -> None:
        print(files, flush=True)

    try:
        for stage in range(1, services.stages - 1):
            services.build_stage(stage, progress=count)
            print(f"stage {stage}", flush=True)
        services.load_rest(progress=count)
    finally:
        services.close()
        # The app has read its stages by now, or reads the whole library next.
        for old in stages_dir.glob("*.bin"):
            with contextlib.suppress(OSError):
                old.unlink()
    return 0


def _out_of_collectors_sight() -> None:
    """Freeze what is alive now (the library and index just put in place) out of the cyclic
    collector's sight. They live until the next reload and hold no reference cycles (the old
    ones are freed by reference counting); a full collection while the agent types no longer
    walks them: ≈ 50 ms at 10,000 replies, ≈ 0.5 s at 100,000 (the slowest keystrokes of
    issue 16)."""
    gc.freeze()
    _give_back_free_memory()


def _give_back_free_memory() -> None:
    """Return the C heap's free pages to the system after a load (glibc's ``malloc_trim``).

    Reading the caches frees as much as it keeps (the file's bytes, the decoded tuples the
    snippets are built from, the parts the long strings are joined from); glibc keeps those
    pages, and the app held ≈ 45 MB more at 100,000 replies for nothing. ≈ 5 ms. Other C
    libraries (Windows, macOS, musl) give memory back themselves or have no such call."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return
    trim(0)
