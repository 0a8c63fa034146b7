"""Applying settings the agent saved to the running app, without a restart.

The paste backend and its timings, the hotkeys (re-registered live; a clash keeps the old
combination and the saved settings say so), the pack folders, the theme and the wait timers
(queue targets, clocks that start themselves, sound) all follow :func:`apply_settings`; the
settings file is written, and a failure to write it is reported, never raised.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quickreply.app.views import RESOURCES, timer_hotkeys
from quickreply.app.wiring import paste_settings
from quickreply.core.problems import Problem
from quickreply.core.settings import Settings, save_settings

if TYPE_CHECKING:
    from quickreply.app.resident import QuickReplyApp


def folders_changed(old: Settings, new: Settings) -> bool:
    """Whether ``new`` reads packs from other folders than ``old`` (a reload is needed)."""
    return (new.team_dir, new.personal_dir) != (old.team_dir, old.personal_dir)


def apply_settings(app: QuickReplyApp, new: Settings) -> list[Problem]:
    """Save ``new`` and apply it to ``app`` now. Returns the hotkey problems (also shown)."""
    from quickreply.ui.themes import apply_theme

    wiring = app.wiring
    if wiring.wanted(new) != wiring.preference:
        app.connect_platform(new)
        if wiring.backend_problem is not None:
            app.notify_platform_problems()
    elif wiring.service is not None:
        wiring.service.settings = paste_settings(new)
    problems = app.register_hotkeys(new)
    if problems:
        app.notify_platform_problems()
    new = wiring.with_kept_hotkeys(new)
    reload = folders_changed(app.services.settings, new)
    timers_changed = new.timers != app.services.settings.timers
    app.services.settings = new
    settings_file = app.services.paths.settings_file
    try:
        save_settings(new, settings_file)
    except OSError as err:
        app.report(
            Problem(
                str(settings_file),
                0,
                "settings",
                f"cannot save: {err.strerror}",
                "check the config folder's permissions and free space",
            )
        )
    apply_theme(app.qapp, new.theme, RESOURCES / "themes")
    if reload:
        app.reload_library()
    if timers_changed:
        apply_timer_settings(app, new)
    if app.timers is not None:
        app.timers.sound_button.setChecked(new.timer_sound)
        app.timers.set_hotkeys(*timer_hotkeys(new))
    app.team.set_interval(new.team_sync_minutes)
    return problems


def apply_timer_settings(app: QuickReplyApp, new: Settings) -> None:
    """Queue targets and the auto-start switch from 设置 → 等待计时, in force at once."""
    from quickreply.core.timers import TimerConfig

    config, problems = TimerConfig.from_mapping(new.timers, str(app.services.paths.settings_file))
    for problem in problems:  # the dialog cannot write these; a hand-edited file can
        app.report(problem)
    app.services.timer_config = config
    if app.timers is not None:
        app.timers.set_config(config)
    app.wiring.watch_attention(config.auto_start)
