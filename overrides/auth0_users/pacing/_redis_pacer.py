"""The shared rate budget: a pacer whose state lives in Redis, for many processes (the ``redis`` extra)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._address import parse_domain, parse_url
from .._redis import SOCKET_TIMEOUT, RedisConnection
from ._limits import RateLimits
from ._pacer import Pacer
from ._redis_store import DEFAULT_TTL, RedisStore
from ._store import LocalStore
from ._tenant import PacingState

if TYPE_CHECKING:
    import redis
    import redis.asyncio


def tenant_origin(key: object) -> str:
    """The origin a tenant's state is filed under: from a domain (``TENANT.eu.auth0.com``) or a URL."""
    if isinstance(key, str) and "://" in key:
        return parse_url(key, "RedisPacer key", allow_insecure_http=True).origin
    return parse_domain(key).origin


class RedisPacer(Pacer):
    """A pacer whose buckets are shared in Redis by every process that paces the same tenant.

    Pass one as ``pacing=`` to a client (sync or async) in each process::

        pacing = RedisPacer("redis://cache:6379/0")
        mgmt = ManagementClient(domain="TENANT.eu.auth0.com", client_id=..., client_secret=..., pacing=pacing)

    It is the pacer of one process (see :mod:`auth0_users.pacing`) whose state, every bucket of
    the tenant, lives in the key ``PREFIX:pacing:ORIGIN``: the requests of all processes take
    their tickets from the same queues and every answer teaches all of them. The tenant is the
    origin of the client it is given to; ``key`` (a domain or API URL; only its origin counts)
    names it in advance, and a client of another tenant is then refused. ``url_or_client`` is a
    Redis URL (``redis://[:password@]host:6379/0``, ``rediss://`` for TLS), a ``redis.Redis`` (for
    sync clients) or a ``redis.asyncio.Redis`` (for async ones); from a URL, async clients talk
    to Redis through ``redis.asyncio`` and never block the event loop. ``limits`` is a
    :class:`~auth0_users.pacing.RateLimits`, the same in every process. A state left alone for ``ttl``
    seconds expires; a waiting request of a process that died stops holding the budget after
    ``limits.max_wait`` and a few seconds. If Redis cannot be reached, the process paces on its
    own and logs a warning; calls do not fail for it.
    """

    def __init__(
        self,
        url_or_client: str | redis.Redis | redis.asyncio.Redis,
        *,
        key: str | None = None,
        limits: RateLimits | None = None,
        prefix: str = "auth0-users",
        ttl: float = DEFAULT_TTL,
    ) -> None:
        if limits is not None and not isinstance(limits, RateLimits):
            raise TypeError(f"RedisPacer limits must be a RateLimits(burst=..., rate=...), got {type(limits).__name__}")
        if isinstance(ttl, bool) or not isinstance(ttl, int | float) or not ttl > 0:
            raise ValueError(f"RedisPacer ttl must be a positive number of seconds, got {ttl!r}")
        timeouts = {"socket_timeout": SOCKET_TIMEOUT, "socket_connect_timeout": SOCKET_TIMEOUT}
        self._redis = RedisConnection(url_or_client, purpose="RedisPacer", options=timeouts)
        self._prefix, self._ttl = prefix, ttl
        self.tenant: str | None = None
        super().__init__(limits, store=LocalStore(PacingState()))
        self._enabled = False  # until it knows its tenant
        if key is not None:
            self.bind(tenant_origin(key))

    def bind(self, tenant: str) -> None:
        """Take the tenant of the client given this pacer; a client of another tenant is refused."""
        origin = tenant_origin(tenant)
        if self.tenant is not None:
            if origin != self.tenant:
                raise ValueError(
                    f"this RedisPacer paces {self.tenant}; a client of {origin} needs a RedisPacer of its own"
                )
            return
        self.tenant = origin
        self.store = RedisStore(self._redis, f"{self._prefix}:pacing:{origin}", self.limits, ttl=self._ttl)
        self._store = self.store
        self._enabled = True

    def __repr__(self) -> str:
        return f"RedisPacer({self._redis!r}, key={self.tenant!r})"

    def close(self) -> None:
        """Close the sync Redis connections made from a URL."""
        self._redis.close()

    async def aclose(self) -> None:
        """Close the Redis connections made from a URL, the async ones too."""
        await self._redis.aclose()
