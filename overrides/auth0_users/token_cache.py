"""Where client-credentials tokens live, so that many clients and processes share one token.

Pass one to a client as ``token_cache=``::

    from auth0_users import ManagementClient
    from auth0_users.token_cache import FileTokenCache, RedisTokenCache

    mgmt = ManagementClient(domain=..., client_id=..., client_secret=...,
                            token_cache=RedisTokenCache("redis://cache:6379/0"))

- :class:`MemoryTokenCache`, the default: one process; give the same instance to several
  clients of one process and they share their tokens too.
- :class:`FileTokenCache`: a file for CLIs, cron jobs and processes on one machine.
- :class:`RedisTokenCache`: a Redis server for fleets (the ``redis`` extra), sync and async.

Entries are keyed by a SHA-256 digest of the token endpoint, client id and audience, never by
the secret. A client keeps the token it uses in memory and consults its cache only when it has
none that is fresh: at start, shortly before the token expires, and after a 401. Then one
process fetches while the others wait for its result, at most ``lock_timeout`` seconds (after
which they fetch themselves); a 401 replaces the shared entry only while it still holds the
token that was refused, so a revoked token costs the whole fleet one new token.

With ``encryption_key=`` (the ``encryption`` extra) the file and Redis caches store tokens
encrypted with Fernet (AES-128-CBC with HMAC-SHA256, from ``cryptography``); make a key with
:func:`generate_encryption_key`, and pass a list of keys to rotate (the first encrypts, any
decrypts). An entry that cannot be read (another key, no key, damaged) counts as missing and
is replaced.

When the store cannot be reached (Redis down, a file that cannot be written), the client logs a
warning and goes on with a token of its own; the API calls do not fail for it.

To keep tokens elsewhere, subclass :class:`TokenCache` and implement ``read``, ``write``,
``try_lock`` and ``unlock``; override the ``a``-prefixed variants when that I/O should not run
on the event loop.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sys
import tempfile
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import redis
    import redis.asyncio

__all__ = ["FileTokenCache", "MemoryTokenCache", "RedisTokenCache", "TokenCache", "generate_encryption_key"]

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
        except ValueError:
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


class FileTokenCache(TokenCache):
    """Tokens in a JSON file, shared by the processes of one machine (CLIs, cron jobs, workers).

    The file is created with mode ``0600`` (its directory, if missing, ``0700``) and replaced
    atomically (a temporary file in the same directory, then ``os.replace``), so a reader never
    sees half a file. Fetches are serialised with ``flock`` on ``PATH.lock``, which the system
    releases when the holding process ends, however it ends. POSIX only: on Windows, where
    ``fcntl`` does not exist, the constructor raises ``NotImplementedError``; use the default
    cache or :class:`RedisTokenCache` there.
    """

    unavailable = (OSError,)

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        encryption_key: EncryptionKey | None = None,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    ) -> None:
        if sys.platform == "win32":
            raise NotImplementedError(
                "FileTokenCache needs POSIX file locks (fcntl), which Windows lacks: "
                "use RedisTokenCache, or the default in-memory cache"
            )
        super().__init__(lock_timeout=lock_timeout, encryption_key=encryption_key)
        self.path = Path(path).expanduser()
        self.lock_path = self.path.with_name(self.path.name + ".lock")

    def __repr__(self) -> str:
        return f"FileTokenCache({str(self.path)!r}, encrypted={self.encrypted})"

    def _entries(self) -> dict[str, Any]:
        try:
            content = json.loads(self.path.read_bytes())
        except FileNotFoundError:
            return {}
        except ValueError:
            logger.warning("%r: the file is not JSON; it will be rewritten", self)
            return {}
        entries = content.get("entries") if isinstance(content, dict) else None
        if not isinstance(entries, dict):
            return {}
        now = time.time()
        return {
            key: entry
            for key, entry in entries.items()
            if isinstance(entry, dict) and isinstance(entry.get("expires"), int | float) and entry["expires"] > now
        }

    def read(self, key: str) -> bytes | None:
        """The value under ``key`` unless it expired."""
        value = self._entries().get(key, {}).get("value")
        return value.encode() if isinstance(value, str) else None

    def write(self, key: str, value: bytes, ttl: float) -> None:
        """Store ``value`` for ``ttl`` seconds, dropping expired entries, by replacing the file.

        The writer holds the lock, except one that stopped waiting for a stuck holder: then a
        concurrent write may be lost (the next reader fetches once more), the file never torn.
        """
        entries = self._entries()
        entries[key] = {"value": value.decode(), "expires": time.time() + ttl}
        payload = json.dumps({"version": 1, "entries": entries}, indent=1).encode()
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
        try:
            with os.fdopen(descriptor, "wb") as file:  # mkstemp creates it 0600
                file.write(payload)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def try_lock(self, key: str) -> object | None:
        """Take ``flock`` on the lock file if no other process (or client) holds it."""
        import fcntl

        self.lock_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            return None
        except BaseException:
            os.close(descriptor)
            raise
        return descriptor

    def unlock(self, lease: object) -> None:
        """Release the lock (closing the descriptor releases ``flock``)."""
        assert isinstance(lease, int)
        os.close(lease)


class RedisTokenCache(TokenCache):
    """Tokens in Redis, shared by every process that reaches the server (the ``redis`` extra).

    ``url_or_client`` is a URL (``redis://[:password@]host:6379/0``, ``rediss://`` for TLS), a
    ``redis.Redis`` (sync clients) or a ``redis.asyncio.Redis`` (async clients); from a URL both
    modes work, each with its own connection pool (an async client belongs to one event loop).
    Entries are ``PREFIX:token:DIGEST`` with a TTL until the token's refresh time; the fetch lock
    is redis-py's ``Lock`` on ``PREFIX:token:DIGEST:lock``, which expires after ``lock_timeout``
    seconds if its holder dies and is released only by its holder. :meth:`close` and
    :meth:`aclose` close what a URL made (a client you passed stays yours).
    """

    def __init__(
        self,
        url_or_client: str | redis.Redis | redis.asyncio.Redis,
        *,
        prefix: str = "auth0-users",
        encryption_key: EncryptionKey | None = None,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    ) -> None:
        from ._redis import RedisConnection

        super().__init__(lock_timeout=lock_timeout, encryption_key=encryption_key)
        self._redis = RedisConnection(url_or_client, purpose="RedisTokenCache")
        self.unavailable = self._redis.errors
        self.prefix = prefix

    def __repr__(self) -> str:
        return f"RedisTokenCache({self._redis!r}, prefix={self.prefix!r}, encrypted={self.encrypted})"

    def _name(self, key: str) -> str:
        return f"{self.prefix}:token:{key}"

    @staticmethod
    def _bytes(value: bytes | str | None) -> bytes | None:
        return value.encode() if isinstance(value, str) else value  # a client with decode_responses=True

    @staticmethod
    def _milliseconds(ttl: float) -> int:
        return max(1, int(ttl * 1000))

    def read(self, key: str) -> bytes | None:
        """``GET`` the entry."""
        return self._bytes(self._redis.sync().get(self._name(key)))

    def write(self, key: str, value: bytes, ttl: float) -> None:
        """``SET`` the entry with its TTL."""
        self._redis.sync().set(self._name(key), value, px=self._milliseconds(ttl))

    def try_lock(self, key: str) -> object | None:
        """Take the key's Redis lock if it is free."""
        lock = self._redis.sync().lock(
            self._name(key) + ":lock", timeout=self.lock_timeout, blocking=False, thread_local=False
        )
        return lock if lock.acquire(blocking=False) else None

    def unlock(self, lease: object) -> None:
        """Release the lock if this lease still holds it."""
        import redis.lock

        assert isinstance(lease, redis.lock.Lock)
        with contextlib.suppress(redis.exceptions.LockNotOwnedError):  # it timed out: leave the new holder alone
            lease.release()

    async def aread(self, key: str) -> bytes | None:
        """``GET`` the entry."""
        return self._bytes(await self._redis.asyncio().get(self._name(key)))

    async def awrite(self, key: str, value: bytes, ttl: float) -> None:
        """``SET`` the entry with its TTL."""
        await self._redis.asyncio().set(self._name(key), value, px=self._milliseconds(ttl))

    async def atry_lock(self, key: str) -> object | None:
        """Take the key's Redis lock if it is free."""
        lock = self._redis.asyncio().lock(
            self._name(key) + ":lock", timeout=self.lock_timeout, blocking=False, thread_local=False
        )
        return lock if await lock.acquire(blocking=False) else None

    async def aunlock(self, lease: object) -> None:
        """Release the lock if this lease still holds it."""
        import redis.asyncio.lock

        assert isinstance(lease, redis.asyncio.lock.Lock)
        with contextlib.suppress(redis.exceptions.LockNotOwnedError):
            await lease.release()

    def close(self) -> None:
        """Close the sync connections made from a URL."""
        self._redis.close()

    async def aclose(self) -> None:
        """Close the connections made from a URL."""
        await self._redis.aclose()
