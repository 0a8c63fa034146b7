"""The team's Ed25519 key: created and kept owner-only by the lead, given to agents as a join code.

A join code is ``qrteam1.<team id>.<fingerprint>.<public key>``: the fingerprint (the first 16
hex digits of the key's SHA-256) is repeated so a code damaged in a chat message is refused
instead of silently trusting another key. Signing and verifying use pyca/cryptography.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from quickreply.core.atomic import write_atomic
from quickreply.core.team.errors import TeamError

if TYPE_CHECKING:
    # cryptography is imported where a key is used (~20 ms): every app start reads the team
    # folder through this module, and most never sign or verify anything.
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

JOIN_PREFIX = "qrteam1"
KEY_FILE = "lead.key"
INFO_FILE = "lead.json"
TEAM_ID_RE = re.compile(r"[a-z0-9]{8,32}")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True, slots=True)
class TeamKey:
    """What an agent trusts: the team's id and public key."""

    team_id: str
    public: bytes  # 32 raw bytes

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.public).hexdigest()[:16]

    @property
    def join_code(self) -> str:
        return f"{JOIN_PREFIX}.{self.team_id}.{self.fingerprint}.{_b64(self.public)}"

    def verify(self, data: bytes, signature: bytes) -> bool:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

        try:
            Ed25519PublicKey.from_public_bytes(self.public).verify(signature, data)
        except (InvalidSignature, ValueError):
            return False
        return True


def parse_join_code(text: str) -> TeamKey:
    """The key in a join code; a damaged or foreign code raises :class:`TeamError`."""
    hint = "copy the whole join code the lead printed with `quickreply team init`"
    parts = text.strip().split(".")
    if len(parts) != 4 or parts[0] != JOIN_PREFIX:
        raise TeamError("join code", f"not a QuickReply join code ({JOIN_PREFIX}.…)", hint)
    _, team_id, fingerprint, encoded = parts
    if not TEAM_ID_RE.fullmatch(team_id):
        raise TeamError("join code", f"bad team id {team_id!r}", hint)
    try:
        public = _unb64(encoded)
    except (binascii.Error, ValueError):
        raise TeamError("join code", "the key part is damaged", hint) from None
    key = TeamKey(team_id, public)
    if len(public) != 32 or key.fingerprint != fingerprint:
        raise TeamError("join code", "the key does not match its fingerprint", hint)
    return key


@dataclass(frozen=True, slots=True)
class LeadKey:
    """The lead's private key, the team it signs for and the team's display name."""

    team: TeamKey
    name: str
    private: Ed25519PrivateKey

    def sign(self, data: bytes) -> bytes:
        return self.private.sign(data)


def _write_private(path: Path, data: bytes) -> None:
    # Created owner-only from the start (no window where another user could read it).
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def create_lead_key(folder: Path, name: str) -> LeadKey:
    """A new team key in ``folder`` (owner-only); refuses to replace an existing one."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key_path = folder / KEY_FILE
    if key_path.exists():
        raise TeamError(
            str(key_path),
            "a team key already exists",
            "agents trust that key; move it away only if you mean to start a new team",
        )
    folder.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):  # Windows: ACLs of the user's profile apply
        os.chmod(folder, 0o700)
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    public = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    team = TeamKey(secrets.token_hex(6), public)
    _write_private(key_path, pem)
    info = {"team_id": team.team_id, "name": name}
    write_atomic(folder / INFO_FILE, json.dumps(info, ensure_ascii=False, indent=2) + "\n")
    return LeadKey(team, name, private)


def load_lead_key(folder: Path) -> LeadKey | None:
    """The lead key kept in ``folder``, or None when this machine has none."""
    key_path = folder / KEY_FILE
    if not key_path.is_file():
        return None
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        info = json.loads((folder / INFO_FILE).read_text(encoding="utf-8"))
        private = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as err:
        raise TeamError(str(key_path), f"cannot read the team key: {err}") from None
    if not isinstance(private, Ed25519PrivateKey) or not isinstance(info, dict):
        raise TeamError(str(key_path), "not an Ed25519 team key")
    public = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    team = TeamKey(str(info.get("team_id", "")), public)
    return LeadKey(team, str(info.get("name", "")), private)
