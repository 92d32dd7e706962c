"""A Redis server given as a URL or a client, for the sync and the async code paths (the ``redis`` extra)."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    import redis
    import redis.asyncio

SOCKET_TIMEOUT = 1.0
"""Seconds to connect to Redis or to wait for an answer, for a client made from a URL that sets none:
a store that waits longer holds up the calls it serves."""


def _import_redis() -> Any:
    try:
        import redis
        import redis.asyncio
    except ImportError:
        raise ImportError("a Redis store needs the 'redis' extra: pip install 'auth0-users[redis]'") from None
    return redis


def _describe_url(url: str) -> str:
    """The URL without its user name or password."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    where = f"{host}:{parts.port}" if parts.port else host
    return f"{parts.scheme}://{where}{parts.path}"


class RedisConnection:
    """One Redis server, reached with a client made from a URL or with the caller's own client.

    From a URL, a ``redis.Redis`` is made on first sync use and a ``redis.asyncio.Redis`` on
    first async use (it belongs to the event loop that first uses it); only clients made here
    are closed by :meth:`close` and :meth:`aclose`. A given ``redis.Redis`` serves only sync
    code, a given ``redis.asyncio.Redis`` only async code. ``options`` go to the clients made
    from a URL (options in the URL's query win).
    """

    def __init__(
        self,
        url_or_client: str | redis.Redis | redis.asyncio.Redis,
        *,
        purpose: str,
        options: Mapping[str, Any] | None = None,
    ) -> None:
        module = _import_redis()
        self._purpose = purpose
        self._options = dict(options or {})
        self._url: str | None = None
        self._sync: redis.Redis | None = None
        self._async: redis.asyncio.Redis | None = None
        self._lock = threading.Lock()
        if isinstance(url_or_client, str):
            if not url_or_client.startswith(("redis://", "rediss://", "unix://")):
                raise ValueError(f"{purpose}: expected a redis://, rediss:// or unix:// URL, or a Redis client")
            self._url = url_or_client
        elif isinstance(url_or_client, module.Redis):
            self._sync = url_or_client
        elif isinstance(url_or_client, module.asyncio.Redis):
            self._async = url_or_client
        else:
            raise TypeError(f"{purpose}: pass a Redis URL, a redis.Redis or a redis.asyncio.Redis")
        self.errors: tuple[type[Exception], ...] = (module.RedisError,)
        """What the client raises when the server cannot be reached or refuses a command."""

    def __repr__(self) -> str:
        if self._url is not None:
            return repr(_describe_url(self._url))
        client = self._sync if self._sync is not None else self._async
        kwargs: dict[str, Any] = getattr(getattr(client, "connection_pool", None), "connection_kwargs", {})
        where = kwargs.get("path") or f"{kwargs.get('host', '?')}:{kwargs.get('port', '?')}"
        return f"<{type(client).__module__}.{type(client).__name__} {where} db={kwargs.get('db', 0)}>"

    @property
    def given(self) -> redis.Redis | redis.asyncio.Redis | None:
        """The caller's own client, or ``None`` when this connection was made from a URL."""
        if self._url is not None:
            return None
        return self._sync if self._sync is not None else self._async

    def sync(self) -> redis.Redis:
        """The client for sync code."""
        if self._sync is None:
            if self._url is None:
                raise TypeError(
                    f"{self._purpose} was given a redis.asyncio client: sync code needs a redis.Redis or a URL"
                )
            with self._lock:
                if self._sync is None:
                    self._sync = _import_redis().Redis.from_url(self._url, **self._options)
        return self._sync

    def asyncio(self) -> redis.asyncio.Redis:
        """The client for async code."""
        if self._async is None:
            if self._url is None:
                raise TypeError(
                    f"{self._purpose} was given a redis.Redis client: async code needs a redis.asyncio.Redis or a URL"
                )
            with self._lock:
                if self._async is None:
                    self._async = _import_redis().asyncio.Redis.from_url(self._url, **self._options)
        return self._async

    def close(self) -> None:
        """Close the sync client if it was made here."""
        if self._url is not None and self._sync is not None:
            self._sync.close()
            self._sync = None

    async def aclose(self) -> None:
        """Close the clients made here."""
        self.close()
        if self._url is not None and self._async is not None:
            await self._async.aclose()
            self._async = None
