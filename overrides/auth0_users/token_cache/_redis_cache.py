"""A token cache in Redis, shared by every process that reaches the server (the ``redis`` extra)."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

from ._base import (
    DEFAULT_LOCK_TIMEOUT,
    EncryptionKey,
    MemoryTokenCache,
    SharedTokenCache,
    logger,
    looks_encrypted,
)

if TYPE_CHECKING:
    import redis
    import redis.asyncio

RETRY_AFTER = 5.0
"""After Redis failed, a cache keeps tokens in memory for this many seconds before it asks Redis again."""

_T = TypeVar("_T")

# SET the entry KEYS[1] to ARGV[1] for ARGV[2] ms. An encrypted value (ARGV[3] = '1') also sets
# the mark KEYS[2] that encryption was chosen; a plaintext one is refused (0) where the mark is.
_WRITE = """
if ARGV[3] == '1' then
    redis.call('SET', KEYS[2], '1')
elseif redis.call('EXISTS', KEYS[2]) == 1 then
    return 0
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
"""


class _EncryptedHere(Exception):
    """Redis holds encrypted tokens, and this cache has no key."""


class RedisTokenCache(SharedTokenCache):
    """Tokens in Redis, shared by every process that reaches the server (the ``redis`` extra).

    ``url_or_client`` is a URL (``redis://[:password@]host:6379/0``, ``rediss://`` for TLS), a
    ``redis.Redis`` (sync clients) or a ``redis.asyncio.Redis`` (async clients); from a URL both
    modes work, each with its own connection pool (an async client belongs to one event loop).
    Entries are ``PREFIX:token:DIGEST`` with a TTL until the token's refresh time; the fetch lock
    is redis-py's ``Lock`` on ``PREFIX:token:DIGEST:lock``, which expires after ``lock_timeout``
    seconds if its holder dies and is released only by its holder. An encrypting cache also sets
    ``PREFIX:tokens-encrypted``, after which caches without a key keep their tokens in memory
    (delete it to give up encryption at rest).

    Clients made from a URL wait at most a second to connect or for an answer (unless the URL
    says otherwise). When Redis fails or does not answer, the cache warns once, keeps tokens in
    this process's memory, and asks Redis again after ``RETRY_AFTER`` seconds, so an outage costs
    one wait, not one per call. A client you pass keeps its own timeouts: make it with
    ``socket_timeout=`` (the cache warns if it has none, as redis-py 5's default). :meth:`close`
    and :meth:`aclose` close what a URL made (a client you passed stays yours).
    """

    def __init__(
        self,
        url_or_client: str | redis.Redis | redis.asyncio.Redis,
        *,
        prefix: str = "auth0-users",
        encryption_key: EncryptionKey | None = None,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    ) -> None:
        from .._redis import SOCKET_TIMEOUT, RedisConnection

        super().__init__(lock_timeout=lock_timeout, encryption_key=encryption_key)
        timeouts = {"socket_timeout": SOCKET_TIMEOUT, "socket_connect_timeout": SOCKET_TIMEOUT}
        self._redis = RedisConnection(url_or_client, purpose="RedisTokenCache", options=timeouts)
        self.prefix = prefix
        self._mark = f"{prefix}:tokens-encrypted"
        self._failed_at: float | None = None
        """While Redis is out of reach: when it last failed (``time.monotonic()``)."""
        given = self._redis.given
        pool_options = getattr(getattr(given, "connection_pool", None), "connection_kwargs", {})
        if given is not None and pool_options.get("socket_timeout") is None:
            logger.warning(
                "%r: the Redis client given has no socket_timeout, so a server that stops answering holds "
                "up calls indefinitely; make it with socket_timeout=1, or pass a URL",
                self,
            )

    def __repr__(self) -> str:
        return f"RedisTokenCache({self._redis!r}, prefix={self.prefix!r}, encrypted={self.encrypted})"

    def _name(self, key: str) -> str:
        return f"{self.prefix}:token:{key}"

    @staticmethod
    def _bytes(value: bytes | str | None) -> bytes | None:
        return value.encode() if isinstance(value, str) else value  # a client with decode_responses=True

    def _entry(self, values: list[Any]) -> bytes | None:
        """The entry from ``MGET entry mark``; :class:`_EncryptedHere` if this cache may not use it."""
        value, mark = (self._bytes(each) for each in values)
        if not self.encrypted and (mark is not None or (value is not None and looks_encrypted(value))):
            raise _EncryptedHere
        return value

    def _write_arguments(self, key: str, value: bytes, ttl: float) -> tuple[Any, ...]:
        return (_WRITE, 2, self._name(key), self._mark, value, max(1, int(ttl * 1000)), int(self.encrypted))

    @staticmethod
    def _written(stored: Any) -> None:
        if not stored:
            raise _EncryptedHere

    def _lock(self, client: redis.Redis | redis.asyncio.Redis, key: str) -> Any:
        return client.lock(self._name(key) + ":lock", timeout=self.lock_timeout, blocking=False, thread_local=False)

    # --- outages: one wait and one warning each, meanwhile this process's memory ------------------

    def _asks_redis(self, keyless_too: bool) -> bool:
        """Whether to send a command: not while an outage lasts, nor (unless ``keyless_too``) if keyless."""
        failed_at = self._failed_at
        due = failed_at is None or time.monotonic() >= failed_at + RETRY_AFTER
        return (keyless_too or not self._keyless) and due

    def _answered(self) -> None:
        if self._failed_at is not None:
            with self._guard:
                if self._failed_at is not None:
                    self._failed_at = None
                    logger.warning("%r can be reached again: tokens are shared again", self)

    def _failed(self, error: Exception) -> None:
        with self._guard:
            if self._failed_at is None:
                logger.warning(
                    "%r cannot be used (%s: %s); tokens are kept in this process's memory until it can",
                    self, type(error).__name__, error,
                )  # fmt: skip
            self._failed_at = time.monotonic()

    def _use(
        self,
        command: Callable[[redis.Redis], _T],
        local: Callable[[MemoryTokenCache], _T],
        *,
        keyless_too: bool = False,
    ) -> _T:
        """``command`` on Redis, or ``local`` on the in-memory cache while Redis cannot or may not be used."""
        if self._asks_redis(keyless_too):
            try:
                result = command(self._redis.sync())
            except _EncryptedHere:
                self._keep_to_memory()
            except self._redis.errors as error:
                self._failed(error)
            else:
                self._answered()
                return result
        return local(self._local)

    async def _ause(
        self,
        command: Callable[[redis.asyncio.Redis], Awaitable[_T]],
        local: Callable[[MemoryTokenCache], _T],
        *,
        keyless_too: bool = False,
    ) -> _T:
        """:meth:`_use` for async code."""
        if self._asks_redis(keyless_too):
            try:
                result = await command(self._redis.asyncio())
            except _EncryptedHere:
                self._keep_to_memory()
            except self._redis.errors as error:
                self._failed(error)
            else:
                self._answered()
                return result
        return local(self._local)

    # --- the cache ----------------------------------------------------------------------------------

    def read(self, key: str) -> bytes | None:
        """``GET`` the entry (with the mark of encryption)."""
        return self._use(lambda client: self._entry(client.mget([self._name(key), self._mark])), lambda m: m.read(key))

    def write(self, key: str, value: bytes, ttl: float) -> None:
        """``SET`` the entry with its TTL, unless it is plaintext where encryption was chosen."""
        arguments = self._write_arguments(key, value, ttl)
        self._use(lambda client: self._written(client.eval(*arguments)), lambda m: m.write(key, value, ttl))

    def try_lock(self, key: str) -> object | None:
        """Take the key's Redis lock if it is free."""

        def command(client: redis.Redis) -> object | None:
            lock = self._lock(client, key)
            return lock if lock.acquire(blocking=False) else None

        return self._use(command, lambda m: m.try_lock(key))

    def unlock(self, lease: object) -> None:
        """Release the lock if this lease still holds it (a lock left behind in an outage expires)."""
        import redis.lock

        if self._unlock_local(lease):
            return
        assert isinstance(lease, redis.lock.Lock)

        def command(_: redis.Redis) -> None:
            with contextlib.suppress(redis.exceptions.LockNotOwnedError):  # timed out: leave the new holder alone
                lease.release()

        self._use(command, lambda _: None, keyless_too=True)  # a lock taken before the cache went keyless

    async def aread(self, key: str) -> bytes | None:
        """``GET`` the entry (with the mark of encryption)."""

        async def command(client: redis.asyncio.Redis) -> bytes | None:
            return self._entry(await client.mget([self._name(key), self._mark]))

        return await self._ause(command, lambda m: m.read(key))

    async def awrite(self, key: str, value: bytes, ttl: float) -> None:
        """``SET`` the entry with its TTL, unless it is plaintext where encryption was chosen."""
        arguments = self._write_arguments(key, value, ttl)

        async def command(client: redis.asyncio.Redis) -> None:
            self._written(await client.eval(*arguments))

        await self._ause(command, lambda m: m.write(key, value, ttl))

    async def atry_lock(self, key: str) -> object | None:
        """Take the key's Redis lock if it is free."""

        async def command(client: redis.asyncio.Redis) -> object | None:
            lock = self._lock(client, key)
            return lock if await lock.acquire(blocking=False) else None

        return await self._ause(command, lambda m: m.try_lock(key))

    async def aunlock(self, lease: object) -> None:
        """Release the lock if this lease still holds it."""
        import redis.asyncio.lock

        if self._unlock_local(lease):
            return
        assert isinstance(lease, redis.asyncio.lock.Lock)

        async def command(_: redis.asyncio.Redis) -> None:
            with contextlib.suppress(redis.exceptions.LockNotOwnedError):
                await lease.release()

        await self._ause(command, lambda _: None, keyless_too=True)

    def close(self) -> None:
        """Close the sync connections made from a URL."""
        self._redis.close()

    async def aclose(self) -> None:
        """Close the connections made from a URL."""
        await self._redis.aclose()
