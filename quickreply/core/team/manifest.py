"""The signed documents of a published team folder: the version manifest and the current pointer.

``DEST/current.json`` is the small pointer an agent polls: the current version, the path, size
and SHA-256 of its manifest. ``DEST/v<N>/manifest.json`` lists every file of the version with
its size and SHA-256, the time, the lead's message and what changed. Both are a JSON envelope
``{"signed": {...}, "signatures": [{"keyid": FINGERPRINT, "sig": BASE64}]}``; the signature
covers the canonical JSON of ``signed`` (sorted keys, no spaces, UTF-8), so re-formatting the
file cannot change what was signed, and only integers, strings and lists appear in it.
Everything read from a source is validated here before any of it is used: a path that could
leave the team folder (``..``, absolute, a drive, a backslash, a dot-file), or that names neither
a pack nor a picture a reply pastes (``.png``, ``.jpg``), is refused.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from quickreply.core.team.errors import TeamError
from quickreply.core.team.keys import LeadKey, TeamKey
from quickreply.core.team.sharing import TeamShare

FORMAT = 1
POINTER = "current.json"
MANIFEST = "manifest.json"
SHOP_FILE = "shop.yaml"
VERSION_RE = re.compile(r"v([1-9][0-9]{0,8})")
_SHA_RE = re.compile(r"[0-9a-f]{64}")
_BAD_CHARS = re.compile(r"[\x00-\x1f\\:*?\"<>|]")
# Names Windows opens as devices whatever their extension (CON.yaml is the console).
_WINDOWS_DEVICE = re.compile(r"(?i)con|prn|aux|nul|com[0-9]|lpt[0-9]")
PACK_SUFFIXES = (".yaml", ".yml")
# The pictures image replies paste (core/images.py reads PNG and JPEG only).
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")


def is_image_path(path: str) -> bool:
    """Whether a version's file is a picture a reply pastes (else a pack, exam or shop.yaml)."""
    return path.lower().endswith(IMAGE_SUFFIXES)


def canonical(data: Mapping[str, Any]) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def sign_document(signed: Mapping[str, Any], key: LeadKey) -> bytes:
    signature = base64.b64encode(key.sign(canonical(signed))).decode("ascii")
    envelope = {"signed": signed, "signatures": [{"keyid": key.team.fingerprint, "sig": signature}]}
    return (json.dumps(envelope, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def open_document(data: bytes, key: TeamKey, where: str, kind: str) -> dict[str, Any]:
    """The ``signed`` part of an envelope, if ``key`` signed it; else :class:`TeamError`."""
    try:
        envelope = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise TeamError(where, f"not a signed {kind} (not JSON)", "republish") from None
    if not isinstance(envelope, dict) or not isinstance(envelope.get("signed"), dict):
        raise TeamError(where, f"not a signed {kind}", "republish with `quickreply team publish`")
    signed: dict[str, Any] = envelope["signed"]
    signatures = envelope.get("signatures")
    if not isinstance(signatures, list) or not signatures:
        raise TeamError(where, f"the {kind} is not signed", "only the lead's publish signs it")
    body = canonical(signed)
    for entry in signatures:
        if not isinstance(entry, dict) or not isinstance(entry.get("sig"), str):
            continue
        try:
            raw = base64.b64decode(entry["sig"], validate=True)
        except (binascii.Error, ValueError):
            continue
        if key.verify(body, raw):
            break
    else:
        raise TeamError(
            where,
            f"the {kind} is not signed by the team key {key.fingerprint}",
            "someone else wrote it, or the join code is for another team",
        )
    if signed.get("type") != kind or signed.get("format") != FORMAT:
        raise TeamError(where, f"not a format-{FORMAT} {kind}", "update QuickReply")
    if signed.get("team") != key.team_id:
        raise TeamError(where, f"the {kind} belongs to another team", "check the join code")
    return signed


def check_path(value: object, where: str) -> str:
    """``value`` as a safe relative path inside a version folder, else :class:`TeamError`."""
    hint = "a manifest may only name packs and their pictures inside its own folder"
    if not isinstance(value, str) or not 0 < len(value) <= 300:
        raise TeamError(where, f"bad file path {value!r}", hint)
    parts = value.split("/")
    if value.startswith("/") or _BAD_CHARS.search(value):
        raise TeamError(where, f"refused path {value!r} (absolute or odd characters)", hint)
    if any(part in ("", ".", "..") or part.startswith(".") for part in parts):
        raise TeamError(where, f"refused path {value!r} (leaves the folder)", hint)
    if any(_WINDOWS_DEVICE.fullmatch(part.split(".")[0]) or part[-1] in ". " for part in parts):
        raise TeamError(where, f"refused path {value!r} (not a file name on Windows)", hint)
    if not value.endswith(PACK_SUFFIXES) and not is_image_path(value):
        raise TeamError(where, f"refused path {value!r} (not a pack or a picture)", hint)
    return value


def _int(data: Mapping[str, Any], name: str, where: str) -> int:
    value = data.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise TeamError(where, f"bad {name!r} in the signed document", "republish")
    return value


def _str(data: Mapping[str, Any], name: str, where: str) -> str:
    value = data.get(name, "")
    if not isinstance(value, str):
        raise TeamError(where, f"bad {name!r} in the signed document", "republish")
    return value


def _ids(data: object, where: str) -> tuple[str, ...]:
    if not isinstance(data, list) or not all(isinstance(x, str) for x in data):
        raise TeamError(where, "bad list of changes in the manifest", "republish")
    return tuple(data)


@dataclass(frozen=True, slots=True)
class FileEntry:
    path: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Changes:
    """Snippet ids a version added, changed and removed, against the version before it."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    def to_json(self) -> dict[str, list[str]]:
        return {
            "added": list(self.added),
            "changed": list(self.changed),
            "removed": list(self.removed),
        }

    @classmethod
    def from_json(cls, data: object, where: str) -> Changes:
        if not isinstance(data, dict):
            raise TeamError(where, "bad changes in the manifest", "republish")
        return cls(*(_ids(data.get(k, []), where) for k in ("added", "changed", "removed")))

    def summary(self) -> str:
        return f"{len(self.added)} added, {len(self.changed)} changed, {len(self.removed)} removed"


@dataclass(frozen=True, slots=True)
class Manifest:
    team: str
    version: int
    time: str
    files: tuple[FileEntry, ...]
    message: str = ""
    name: str = ""
    from_version: int = 0
    changes: Changes = field(default_factory=Changes)
    snippets: Mapping[str, str] = field(default_factory=dict)  # id -> digest, for the next diff
    share: TeamShare | None = None  # the lead's sharing switch (core/team/sharing.py)

    def to_signed(self) -> dict[str, Any]:
        # "share" only when the lead set it: a team without it signs what it always signed.
        extra = {"share": self.share.to_json()} if self.share is not None else {}
        return extra | {
            "type": "manifest",
            "format": FORMAT,
            "team": self.team,
            "name": self.name,
            "version": self.version,
            "time": self.time,
            "message": self.message,
            "from_version": self.from_version,
            "files": [{"path": f.path, "size": f.size, "sha256": f.sha256} for f in self.files],
            "changes": self.changes.to_json(),
            "snippets": dict(self.snippets),
        }

    @classmethod
    def from_signed(cls, data: Mapping[str, Any], where: str) -> Manifest:
        files_data = data.get("files")
        if not isinstance(files_data, list):
            raise TeamError(where, "the manifest lists no files", "republish")
        files: list[FileEntry] = []
        seen: set[str] = set()
        for item in files_data:
            if not isinstance(item, dict) or set(item) != {"path", "size", "sha256"}:
                raise TeamError(where, f"bad file entry {item!r}", "a file has path, size, sha256")
            path = check_path(item["path"], where)
            sha = item["sha256"]
            if not isinstance(sha, str) or not _SHA_RE.fullmatch(sha):
                raise TeamError(where, f"bad sha256 for {path}", "republish")
            if path.casefold() in seen:
                raise TeamError(where, f"{path} is listed twice", "republish")
            seen.add(path.casefold())
            files.append(FileEntry(path, _int(item, "size", where), sha))
        snippets = data.get("snippets", {})
        if not isinstance(snippets, dict):
            raise TeamError(where, "bad snippet digests in the manifest", "republish")
        return cls(
            team=_str(data, "team", where),
            version=_int(data, "version", where),
            time=_str(data, "time", where),
            files=tuple(files),
            message=_str(data, "message", where),
            name=_str(data, "name", where),
            from_version=_int(data, "from_version", where) if "from_version" in data else 0,
            changes=Changes.from_json(data.get("changes", {}), where),
            snippets={str(k): str(v) for k, v in snippets.items()},
            share=TeamShare.from_json(data["share"], where) if "share" in data else None,
        )


@dataclass(frozen=True, slots=True)
class Pointer:
    """What ``current.json`` says: the current version and the manifest to fetch."""

    team: str
    version: int
    manifest: str  # "v12/manifest.json"
    size: int
    sha256: str
    time: str

    def to_signed(self) -> dict[str, Any]:
        return {
            "type": "pointer",
            "format": FORMAT,
            "team": self.team,
            "version": self.version,
            "manifest": self.manifest,
            "size": self.size,
            "sha256": self.sha256,
            "time": self.time,
        }

    @classmethod
    def from_signed(cls, data: Mapping[str, Any], where: str) -> Pointer:
        version = _int(data, "version", where)
        manifest = data.get("manifest")
        if manifest != f"v{version}/{MANIFEST}":
            raise TeamError(where, f"bad manifest path {manifest!r}", "republish")
        sha = _str(data, "sha256", where)
        if not _SHA_RE.fullmatch(sha):
            raise TeamError(where, "bad manifest hash in the pointer", "republish")
        return cls(
            _str(data, "team", where),
            version,
            manifest,
            _int(data, "size", where),
            sha,
            _str(data, "time", where),
        )
