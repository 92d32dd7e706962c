"""Token caches' common ground: the entry format, encryption at rest, the base class and the memory cache."""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any, NamedTuple

logger = logging.getLogger("auth0_users")

DEFAULT_LOCK_TIMEOUT = 10.0

EncryptionKey = str | bytes | Sequence[str | bytes]


class _Token(NamedTuple):
    """A token and the moment to stop using it (shortly before it expires), in epoch seconds."""

    value: str
    refresh_at: float

    def __repr__(self) -> str:
        return f"_Token(<redacted>, refresh_at={self.refresh_at:.0f})"

    def fresh(self) -> bool:
        return time.time() < self.refresh_at


def _entry_key(token_url: str, client_id: str, audience: str) -> str:
    """The cache key of a client's tokens: a digest of where they come from and what they are for."""
    return hashlib.sha256(json.dumps([token_url, client_id, audience]).encode()).hexdigest()


def generate_encryption_key() -> str:
    """A new random key for ``encryption_key=`` (needs the ``encryption`` extra)."""
    key: bytes = _fernet_module().Fernet.generate_key()
    return key.decode("ascii")


def _fernet_module() -> Any:
    try:
        import cryptography.fernet
    except ImportError:
        raise ImportError(
            "encryption_key needs the 'encryption' extra: pip install 'auth0-users[encryption]'"
        ) from None
    return cryptography.fernet


class TokenCacheError(ValueError):
    """A token cache that cannot be used as configured, such as a path that is not a regular file."""


class TokenCache(ABC):
    """Where tokens live: a store of short byte strings with expiry, and a lock per key.

    Values are opaque to the store (JSON, or Fernet tokens when encrypted); keys are hex digests.
    ``try_lock`` never waits: it returns a lease, or ``None`` while someone else holds the key's
    lock. A lease that is never unlocked (its holder died) must stop counting after
    ``lock_timeout`` seconds, or when its process ends. ``unavailable`` names the exceptions that
    mean the store cannot be reached; the client goes on without the cache when it sees them.
    """

    unavailable: tuple[type[Exception], ...] = ()

    def __init__(
        self, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT, encryption_key: EncryptionKey | None = None
    ) -> None:
        if isinstance(lock_timeout, bool) or not isinstance(lock_timeout, int | float) or not lock_timeout > 0:
            raise ValueError(f"lock_timeout must be a positive number of seconds, got {lock_timeout!r}")
        self.lock_timeout = float(lock_timeout)
        self._fernet: Any = None if encryption_key is None else _fernet(encryption_key)

    @property
    def encrypted(self) -> bool:
        """Whether entries are encrypted at rest."""
        return self._fernet is not None

    @abstractmethod
    def read(self, key: str) -> bytes | None:
        """The value stored under ``key``, or ``None`` when there is none (or it expired)."""

    @abstractmethod
    def write(self, key: str, value: bytes, ttl: float) -> None:
        """Store ``value`` under ``key`` for ``ttl`` seconds, replacing what was there."""

    @abstractmethod
    def try_lock(self, key: str) -> object | None:
        """Take the lock of ``key`` without waiting: a lease to pass to :meth:`unlock`, or ``None``."""

    @abstractmethod
    def unlock(self, lease: object) -> None:
        """Give back a lease from :meth:`try_lock` (a no-op if it already timed out)."""

    async def aread(self, key: str) -> bytes | None:
        """:meth:`read` for async clients; by default the sync one (fine for local, quick stores)."""
        return self.read(key)

    async def awrite(self, key: str, value: bytes, ttl: float) -> None:
        """:meth:`write` for async clients."""
        self.write(key, value, ttl)

    async def atry_lock(self, key: str) -> object | None:
        """:meth:`try_lock` for async clients."""
        return self.try_lock(key)

    async def aunlock(self, lease: object) -> None:
        """:meth:`unlock` for async clients."""
        self.unlock(lease)

    def _encode(self, key: str, token: _Token) -> bytes:
        plain = json.dumps({"key": key, "access_token": token.value, "refresh_at": token.refresh_at}).encode()
        return plain if self._fernet is None else bytes(self._fernet.encrypt(plain))

    def _decode(self, key: str, data: bytes | None) -> _Token | None:
        """The token in a stored value, or ``None`` (with a warning) when the value cannot be used."""
        if data is None:
            return None
        if self._fernet is not None:
            try:
                data = bytes(self._fernet.decrypt(data))
            except _fernet_module().InvalidToken:
                logger.warning("%r: an entry is not encrypted with this key; fetching a new token", self)
                return None
        try:
            entry = json.loads(data)
        except (ValueError, RecursionError):  # RecursionError: nested too deeply to read
            logger.warning("%r: an entry is not readable (encrypted, without a key here?); fetching a new token", self)
            return None
        entry = entry if isinstance(entry, dict) else {}
        value, refresh_at = entry.get("access_token"), entry.get("refresh_at")
        if entry.get("key") != key or not isinstance(value, str) or not isinstance(refresh_at, int | float):
            logger.warning("%r: an entry is malformed or filed under another key; fetching a new token", self)
            return None
        return _Token(value, float(refresh_at))


def _fernet(encryption_key: EncryptionKey) -> Any:
    fernet = _fernet_module()
    keys = [encryption_key] if isinstance(encryption_key, str | bytes) else list(encryption_key)
    if not keys:
        raise ValueError("encryption_key: give a key, or a non-empty list of keys")
    try:
        return fernet.MultiFernet([fernet.Fernet(key) for key in keys])
    except (ValueError, TypeError):
        # cryptography's message is fine, but never echo what might be a secret.
        raise ValueError(
            "encryption_key must be a Fernet key (32 url-safe base64-encoded bytes): "
            "make one with auth0_users.token_cache.generate_encryption_key()"
        ) from None


class MemoryTokenCache(TokenCache):
    """Tokens in this process's memory: the default, one per client unless you share an instance."""

    def __init__(self) -> None:
        super().__init__()
        self._entries: dict[str, tuple[bytes, float]] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def __repr__(self) -> str:
        return "MemoryTokenCache()"

    def read(self, key: str) -> bytes | None:
        """The value under ``key`` unless it expired."""
        value, expires = self._entries.get(key, (None, 0.0))
        return value if time.time() < expires else None

    def write(self, key: str, value: bytes, ttl: float) -> None:
        """Store ``value`` for ``ttl`` seconds."""
        self._entries[key] = (value, time.time() + ttl)

    def try_lock(self, key: str) -> object | None:
        """Take the key's lock if it is free."""
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        return lock if lock.acquire(blocking=False) else None

    def unlock(self, lease: object) -> None:
        """Release a lock taken by :meth:`try_lock`."""
        assert isinstance(lease, type(self._guard))
        lease.release()


def looks_encrypted(value: bytes) -> bool:
    """Whether a stored value is a Fernet token (version byte 0x80 and a timestamp, base64-encoded)."""
    return value.startswith(b"gAAAAA")


class SharedTokenCache(TokenCache):
    """A cache that other processes use too, which can fall back to this process's memory.

    A cache without a key that finds the store encrypted (an encrypted entry, or the mark that
    encryption was chosen) keeps its tokens in memory from then on, so that no misconfigured
    worker puts tokens in the clear where encryption was chosen; it warns once.
    """

    def __init__(self, *, lock_timeout: float, encryption_key: EncryptionKey | None) -> None:
        super().__init__(lock_timeout=lock_timeout, encryption_key=encryption_key)
        self._local = MemoryTokenCache()
        self._keyless = False
        """True once this cache, without a key, found the store encrypted: it keeps to ``_local``."""
        self._guard = threading.Lock()

    def _keep_to_memory(self) -> MemoryTokenCache:
        """Stop using the store, which holds encrypted tokens that this cache cannot write."""
        with self._guard:
            if not self._keyless:
                self._keyless = True
                logger.warning(
                    "%r: the cache holds tokens encrypted at rest and this client has no encryption_key; "
                    "it keeps its tokens in this process's memory and writes none there "
                    "(give it the encryption_key of the other workers to share them again)",
                    self,
                )
        return self._local

    def _unlock_local(self, lease: object) -> bool:
        """Give back ``lease`` if it is one of the in-memory cache's; whether it was."""
        if isinstance(lease, type(self._guard)):
            self._local.unlock(lease)
            return True
        return False
