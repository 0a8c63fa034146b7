"""The ``quickreply team`` subcommand: a lead's init and publish, an agent's join, sync, status.

``init`` creates the team key in the config folder and prints the join code; ``publish`` lints
and publishes packs to a folder (served as is, or uploaded to a web server); ``join`` remembers
a source and the team key; ``sync`` fetches a new version if there is one; ``status`` says
what is installed and how the last check went. See docs/team.md. ``report`` (a lead's view of
the agents' daily files) lives in :mod:`quickreply.commands.teamreport`, docs/team-report.md.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from quickreply.commands import teamreport
from quickreply.commands.common import app_paths

if TYPE_CHECKING:
    from quickreply.core.team.sharing import TeamShare


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    init = sub.add_parser("init", help="create the team's signing key and print the join code")
    init.add_argument("--name", default="", help="the team's name, shown to agents")
    publish = sub.add_parser("publish", help="lint, sign and publish packs as the next version")
    publish.add_argument("sources", nargs="*", type=Path, metavar="SRC", help="pack files/folders")
    publish.add_argument("--to", type=Path, metavar="DEST", help="the published team folder")
    publish.add_argument("--message", default="", help="what changed, shown to agents")
    publish.add_argument(
        "--from-version", type=int, default=0, metavar="K", help="republish version K (roll back)"
    )
    share = publish.add_mutually_exclusive_group()
    share.add_argument(
        "--share-daily",
        metavar="DROP",
        help="turn daily sharing on for the team: agents send their figures to DROP "
        "(a folder or a WebDAV address); remembered for the next publishes",
    )
    share.add_argument(
        "--no-share-daily", action="store_true", help="turn the team's daily sharing off"
    )
    join = sub.add_parser("join", help="subscribe to a team's published folder or web address")
    join.add_argument("source", metavar="SOURCE", help="a folder or an http(s) URL")
    join.add_argument("--key", required=True, metavar="JOINCODE", help="the lead's join code")
    sub.add_parser("sync", help="fetch the team's new version, if any")
    sub.add_parser("status", help="show the team version in force and the last check")
    teamreport.add_arguments(
        sub.add_parser("report", help="the team's reply usage and response figures (leads)")
    )


def _now() -> datetime:
    return datetime.now().astimezone()


def run(args: argparse.Namespace) -> int:
    from quickreply.core.team.errors import TeamError

    if args.team_command == "report":
        return teamreport.run(args)
    try:
        action = {
            "init": _init,
            "publish": _publish,
            "join": _join,
            "sync": _sync,
            "status": _status,
        }[args.team_command]
        return action(args)
    except TeamError as err:
        print(err, file=sys.stderr)
        return 1


def _lead_folder() -> Path:
    return app_paths().config / "team"


def _init(args: argparse.Namespace) -> int:
    from quickreply.core.team.keys import create_lead_key

    key = create_lead_key(_lead_folder(), args.name)
    print(f"team key created in {_lead_folder()} (owner-only; back it up, never share it)")
    print("join code for your agents:")
    print(key.team.join_code)
    return 0


def _publish(args: argparse.Namespace) -> int:
    from quickreply.commands.common import print_problems
    from quickreply.core.cacheseal import Seal
    from quickreply.core.team.errors import TeamError
    from quickreply.core.team.keys import load_lead_key
    from quickreply.core.team.preview import Target, load_target, save_target
    from quickreply.core.team.publish import LintRefused, publish

    folder = _lead_folder()
    paths = app_paths()
    key = load_lead_key(folder)
    if key is None:
        raise TeamError(str(folder), "no team key on this machine", "run `quickreply team init`")
    remembered = load_target(folder)
    sources = [*args.sources] or [*(remembered.sources if remembered else ())]
    dest = args.to or (remembered.dest if remembered else None)
    if dest is None:
        raise TeamError("publish", "no destination", "give --to DEST (a folder)")
    if not sources and not args.from_version:
        raise TeamError("publish", "nothing to publish", "name the pack folders (SRC ...)")
    share = _team_share(args, folder)
    try:
        result = publish(
            sources,
            dest,
            key,
            _now,
            message=args.message,
            from_version=args.from_version,
            cache_dir=paths.cache,
            seal=Seal.load_or_create(paths.cache_key_file),
            share=share,
        )
    except LintRefused as refused:
        print_problems(refused.problems, sys.stdout)
        print(f"{refused}: nothing was published", file=sys.stderr)
        return 1
    print_problems(result.warnings, sys.stdout)
    if not args.from_version:
        save_target(folder, Target(tuple(sources), dest))
    print(f"published v{result.version} to {dest} ({result.changes.summary()})")
    if share is not None and share.daily:
        print(f"daily sharing is on for the team: agents send their figures to {share.drop}")
    return 0


def _team_share(args: argparse.Namespace, folder: Path) -> TeamShare | None:
    """The switch given now (and remembered in the lead's team folder), else the remembered one."""
    from quickreply.core.team.errors import TeamError
    from quickreply.core.team.sharing import (
        TeamShare,
        check_drop,
        load_team_share,
        save_team_share,
    )

    if args.no_share_daily:
        share = TeamShare(False, "")
    elif args.share_daily is not None:
        drop = check_drop(args.share_daily, "--share-daily")
        if not drop:
            raise TeamError("--share-daily", "no drop given", "give a folder or a WebDAV address")
        share = TeamShare(True, drop)
    else:
        return load_team_share(folder)
    save_team_share(folder, share)
    return share


def _join(args: argparse.Namespace) -> int:
    from quickreply.core.settings import load_settings
    from quickreply.core.team.sync import TeamSync

    paths = app_paths()
    subscription = TeamSync(paths, _now).join(args.source, args.key)
    print(
        f"joined team {subscription.key.team_id} (key {subscription.key.fingerprint})"
        f" at {subscription.source}; run `quickreply team sync`"
    )
    settings, _problems = load_settings(paths.settings_file)
    if settings.team_dir:
        print(
            f"note: the app reads team packs from {settings.team_dir} (设置 → 团队话术);"
            f" clear it to use the synced ones in {paths.team}",
            file=sys.stderr,
        )
    return 0


def _sync(args: argparse.Namespace) -> int:
    from quickreply.core.team.sync import TeamSync

    result = TeamSync(app_paths(), _now).sync(force=True)
    stream = sys.stdout if result.status in ("updated", "unchanged") else sys.stderr
    print(result.line, file=stream)
    return 0 if result.status in ("updated", "unchanged") else 1


def _status(args: argparse.Namespace) -> int:
    from quickreply.core.team.keys import load_lead_key
    from quickreply.core.team.state import load_subscription
    from quickreply.core.team.sync import TeamSync

    paths = app_paths()
    lead = load_lead_key(paths.config / "team")
    if lead is not None:
        print(f"lead of team {lead.team.team_id} {lead.name!r}; join code:")
        print(f"  {lead.team.join_code}")
    subscription = load_subscription(paths)
    if subscription is None:
        if lead is None:
            print("not in a team: `quickreply team join SOURCE --key CODE` (agents)")
            print("or `quickreply team init` (leads)")
        return 0
    state = TeamSync(paths, _now).state()
    print(f"source:   {subscription.source}")
    print(
        f"team:     {subscription.key.team_id} {state.name!r} (key {subscription.key.fingerprint})"
    )
    version = f"v{state.version}" if state.version else "none yet"
    print(f"version:  {version}" + (f", published {state.published}" if state.published else ""))
    if state.message:
        print(f"message:  {state.message}")
    if state.version:
        print(f"changes:  {state.summary()}")
    print(f"checked:  {state.checked or 'never'}")
    print(f"problem:  {state.problem or 'none'}")
    return 0
