"""Bearer tokens with scopes (ADR 34). The pod holds only SHA-256 hashes of the tokens, one line each:

    <client> <scope>[,<scope>...] sha256:<64 hex digits>

in the file ``api_token_hashes`` of SECRETS_DIR (the Kubernetes Secret that ``kubeyard python-service
deploy`` generates) or in the ``API_TOKEN_HASHES`` setting. A presented token is hashed once and
compared with every entry by ``hmac.compare_digest``, never short-circuiting, so timing tells nothing
about which entry came close. Tokens are 256 random bits, so a plain SHA-256 suffices (no salt or slow
KDF: there is no dictionary to guess from). The file is re-read when it changes, checked at most every
RELOAD_SECONDS, so a rotated Secret takes effect without a restart.

``python -m app.core.auth read,write`` prints a new token and its line (for development).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
import sys
import time
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("gateway.auth")

SCOPES = ("read", "write", "sync")
TOKEN_PREFIX = "kyg_"
RELOAD_SECONDS = 5.0


@dataclass(frozen=True)
class Client:
    name: str
    scopes: frozenset[str]


@dataclass(frozen=True)
class _Entry:
    client: Client
    digest: bytes


def parse(text: str) -> list[_Entry]:
    """Lines of ``<client> <scopes> sha256:<hex>``; a malformed line is skipped and logged by number only."""
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        scopes = frozenset(parts[1].split(",")) if len(parts) == 3 else frozenset()
        digest = parts[2][len("sha256:"):] if len(parts) == 3 and parts[2].startswith("sha256:") else ""
        if not scopes or not scopes <= set(SCOPES) or len(digest) != 64:
            log.warning("api token hashes: line %d is not '<client> <read,write,sync> sha256:<hex>'; skipped", number)
            continue
        try:
            entries.append(_Entry(Client(parts[0], scopes), bytes.fromhex(digest)))
        except ValueError:
            log.warning("api token hashes: line %d has no hex digest; skipped", number)
    return entries


class TokenTable:
    """Who a token belongs to. ``path`` is re-read when its modification time or size changes."""

    def __init__(self, text: str | None = None, path: Path | None = None):
        self._path = path
        self._entries = parse(text) if text is not None else []
        self._stamp: tuple[int, int] | None = None
        self._checked = float("-inf")
        if path is not None:
            self._reload()

    @property
    def empty(self) -> bool:
        return not self._entries

    def client(self, token: str) -> Client | None:
        if self._path is not None and time.monotonic() - self._checked >= RELOAD_SECONDS:
            self._reload()
        digest = hashlib.sha256(token.encode("utf-8", "replace")).digest()
        found = None
        for entry in self._entries:  # every entry compared: no early exit
            if hmac.compare_digest(entry.digest, digest):
                found = entry.client
        return found

    def _reload(self) -> None:
        self._checked = time.monotonic()
        assert self._path is not None
        try:
            st = os.stat(self._path)
            stamp = (st.st_mtime_ns, st.st_size)
            if stamp != self._stamp:
                self._entries = parse(self._path.read_text(encoding="utf-8"))
                self._stamp = stamp
                log.info("api token hashes: %d clients from %s", len(self._entries), self._path)
        except FileNotFoundError:
            if self._stamp is not None or self._entries:
                log.warning("api token hashes: %s is gone; every /api request is refused", self._path)
            self._entries, self._stamp = [], None
        except OSError as e:
            log.warning("api token hashes: cannot read %s (%s); keeping the %d clients known",
                        self._path, type(e).__name__, len(self._entries))


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_line(client: str, scopes: str, token: str) -> str:
    return f"{client} {scopes} sha256:{hashlib.sha256(token.encode()).hexdigest()}"


if __name__ == "__main__":
    wanted = sys.argv[1] if len(sys.argv) > 1 else ",".join(SCOPES)
    token = new_token()
    print(f"token: {token}\nline:  {hash_line('dev', wanted, token)}")
