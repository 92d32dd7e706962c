"""A shared rate budget: the pacer's token bucket kept in Redis for many processes (the ``redis`` extra).

The algorithm is the one of :mod:`auth0_users.pacing`: a token bucket whose size, level and refill
rate are learned from Auth0's ``X-RateLimit-*`` headers, decided by the same pure functions. Only
the place of its :class:`~auth0_users.pacing.BucketState` changes: one Redis key per tenant,
which every process's pacer reads and updates, so that they hand out tickets from one queue and
learn from each other's answers as threads of one process do.

Each update is optimistic: ``GET`` the state, apply the step in Python, then store the new state
with a compare-and-set (a five-line Lua script: ``SET`` only if the key still holds what was
read, else answer what it holds now, and the step runs again on that). This keeps the algorithm
in Python (one algorithm, not a second one in Lua) and holds no lock that a process killed at the
wrong moment could leave behind, in two round trips (``WATCH``/``GET``/``MULTI``-``EXEC`` takes
three). The threads of one process take turns (a lock in the process), so only processes race
each other, and a loser steps aside a random moment before its next try: with steps of
microseconds, an update rarely needs a second one.
"""

from __future__ import annotations

import json
import logging
import random
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from ._address import parse_domain, parse_url
from .pacing import BucketState, LocalStore, Pacer, Pacing

if TYPE_CHECKING:
    import redis

    from ._redis import RedisConnection

__all__ = ["RedisPacing", "RedisStore"]

logger = logging.getLogger("auth0_users")

#: A state no process has changed for this many seconds is dropped: the bucket is full again by then.
DEFAULT_TTL = 600.0
#: After Redis failed, a process paces on its own for this many seconds before it asks Redis again.
RETRY_AFTER = 5.0
#: An update that loses the race to other processes this many times in a row gives up on Redis for a while.
MAX_ATTEMPTS = 50
#: After losing a race, an update waits up to this many seconds, doubled each time, at most ``MAX_BACKOFF``.
BACKOFF = 0.0002
MAX_BACKOFF = 0.01
#: Seconds to connect to Redis or to wait for an answer, unless the URL says otherwise: a pacer
#: that waits longer holds up every request.
SOCKET_TIMEOUT = 1.0

_T = TypeVar("_T")

# Store ARGV[2] (for ARGV[3] ms) if the key still holds ARGV[1] ('' for none); else return what it holds.
_COMPARE_AND_SET = """
local current = redis.call('GET', KEYS[1]) or ''
if current == ARGV[1] then
    redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
    return {1, ''}
end
return {0, current}
"""


def encode(state: BucketState) -> bytes:
    """The state as compact JSON, its fields by name."""
    return json.dumps(state._asdict(), separators=(",", ":")).encode()


def _number(value: Any, kind: type) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | float if kind is float else kind)


def _pair(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2 and _number(value[0], int) and _number(value[1], float)


def _field(name: str, value: Any) -> Any:
    """``value`` as the type of the field ``name``; ``ValueError`` if it is not one."""
    default = BucketState._field_defaults[name]
    if name == "flying":  # (send number, time) pairs
        if isinstance(value, list) and all(_pair(item) for item in value):
            return tuple(tuple(item) for item in value)
    elif isinstance(default, tuple):  # ticket numbers
        if isinstance(value, list) and all(_number(item, int) for item in value):
            return tuple(value)
    elif _number(value, type(default)):
        return value
    raise ValueError(f"{name} is {value!r}")


def decode(raw: bytes | str) -> BucketState:
    """The state ``encode`` stored; fields it lacks take their defaults, fields it does not know are left out.

    Raises ``ValueError`` for anything else.
    """
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    fields = BucketState._field_defaults
    return BucketState(**{name: _field(name, value) for name, value in data.items() if name in fields})


def tenant_origin(key: object) -> str:
    """The origin a tenant's state is filed under: from a domain (``TENANT.eu.auth0.com``) or a URL."""
    if isinstance(key, str) and "://" in key:
        return parse_url(key, "RedisPacing key", allow_insecure_http=True).origin
    return parse_domain(key).origin


class RedisStore:
    """A :class:`~auth0_users.pacing.PacingStore` in one Redis key, updated atomically across processes.

    ``update`` is an optimistic compare-and-set (see the module's docstring); ``step`` may run more
    than once and must not act on the world. Every write renews the key's ``ttl``. When Redis
    cannot be reached (or refuses), the store logs a warning, goes on in this process from the
    last state it saw, and asks Redis again every ``RETRY_AFTER`` seconds: the requests never fail
    for it.
    """

    def __init__(self, connection: RedisConnection, name: str, limits: Pacing, *, ttl: float) -> None:
        self.name = name
        self._redis = connection
        self._limits = limits
        self._ttl_ms = max(1, round(ttl * 1000))
        self._lock = threading.Lock()
        self._updating = threading.Lock()
        self._last: BucketState | None = None
        self._fallback: LocalStore | None = None
        self._retry_at = 0.0

    def __repr__(self) -> str:
        return f"RedisStore({self._redis!r}, name={self.name!r})"

    def read(self) -> BucketState:
        """The current state (the local one while Redis is out of reach)."""
        fallback = self._fallback_now()
        if fallback is not None:
            return fallback.read()
        try:
            raw = self._redis.sync().get(self.name)
        except self._redis.errors as error:
            return self._down(error).read()
        return self._seen(self._state(raw))

    def update(self, step: Callable[[BucketState], tuple[_T, BucketState]]) -> _T:
        """Apply ``step`` to the stored state and store the result if no other process wrote in between; else again."""
        fallback = self._fallback_now()
        if fallback is not None:
            return fallback.update(step)
        try:
            with self._updating:  # threads of one process take turns: only processes race
                result, state = self._transact(step)
        except self._redis.errors as error:
            return self._down(error).update(step)
        self._seen(state)
        return result

    def _transact(self, step: Callable[[BucketState], tuple[_T, BucketState]]) -> tuple[_T, BucketState]:
        import redis

        client = self._redis.sync()
        raw = client.get(self.name)
        for attempt in range(1, MAX_ATTEMPTS + 1):
            result, after = step(self._state(raw))
            stored, current = client.eval(_COMPARE_AND_SET, 1, self.name, raw or "", encode(after), self._ttl_ms)
            if stored:
                return result, after
            if attempt % 2:  # another process wrote first: try again at once from what it wrote...
                raw = current or None
            else:  # ...and after two lost races, step aside a random moment, so that the losers do not meet again
                time.sleep(random.uniform(0, min(MAX_BACKOFF, BACKOFF * 2**attempt)))
                raw = client.get(self.name)
        raise redis.WatchError(f"{self.name} changed under {MAX_ATTEMPTS} updates in a row")

    def _state(self, raw: bytes | str | None) -> BucketState:
        if raw is not None:  # str from a client made with decode_responses=True
            try:
                return decode(raw)
            except ValueError as error:  # json.JSONDecodeError and UnicodeDecodeError are ValueErrors
                logger.warning("%r holds no pacing state (%s); starting again", self, error)
        return BucketState.known(self._limits, time.time())

    def _seen(self, state: BucketState) -> BucketState:
        self._last = state
        if self._fallback is not None:
            with self._lock:
                if self._fallback is not None:
                    self._fallback = None
                    logger.warning("%r can be reached again: pacing is shared again", self)
        return state

    def _fallback_now(self) -> LocalStore | None:
        """The local store while Redis is out of reach and not yet due to be asked again."""
        fallback = self._fallback
        return fallback if fallback is not None and time.monotonic() < self._retry_at else None

    def _down(self, error: Exception) -> LocalStore:
        with self._lock:
            self._retry_at = time.monotonic() + RETRY_AFTER
            if self._fallback is None:
                logger.warning(
                    "%r cannot be used (%s: %s); this process paces on its own until it can",
                    self, type(error).__name__, error,
                )  # fmt: skip
                self._fallback = LocalStore(self._last or BucketState.known(self._limits, time.time()))
            return self._fallback


class RedisPacing(Pacer):
    """A pacer whose token bucket is shared in Redis by every process that paces the same tenant.

    Pass one as ``pacing=`` to a client (sync or async) in each process::

        pacing = RedisPacing("redis://cache:6379/0", key="TENANT.eu.auth0.com")
        mgmt = ManagementClient(domain="TENANT.eu.auth0.com", client_id=..., client_secret=..., pacing=pacing)

    It is a token bucket learned from Auth0's rate-limit headers, as for one process (see
    :mod:`auth0_users.pacing`), whose state lives in the key ``PREFIX:pacing:ORIGIN``: the
    requests of all processes take their tickets from one queue and every answer teaches all
    of them. ``key`` names the tenant: its domain or API URL (only its origin counts), so that
    one Redis database serves several tenants. ``url_or_client`` is a Redis URL
    (``redis://[:password@]host:6379/0``, ``rediss://`` for TLS) or a ``redis.Redis``; ``limits``
    a :class:`~auth0_users.pacing.Pacing`, the same in every process. A state left alone for
    ``ttl`` seconds expires. If Redis cannot be reached, the process paces on its own and logs a
    warning; calls do not fail for it. The updates are synchronous, also for async clients (a
    few round trips to Redis per request).
    """

    def __init__(
        self,
        url_or_client: str | redis.Redis,
        *,
        key: str,
        limits: Pacing | None = None,
        prefix: str = "auth0-users",
        ttl: float = DEFAULT_TTL,
    ) -> None:
        from ._redis import RedisConnection

        if limits is not None and not isinstance(limits, Pacing):
            raise TypeError(f"RedisPacing limits must be a Pacing(burst=..., rate=...), got {type(limits).__name__}")
        if isinstance(ttl, bool) or not isinstance(ttl, int | float) or not ttl > 0:
            raise ValueError(f"RedisPacing ttl must be a positive number of seconds, got {ttl!r}")
        self.tenant = tenant_origin(key)
        timeouts = {"socket_timeout": SOCKET_TIMEOUT, "socket_connect_timeout": SOCKET_TIMEOUT}
        self._redis = RedisConnection(url_or_client, purpose="RedisPacing", options=timeouts)
        self._redis.sync()  # refuses a redis.asyncio client now: the store is synchronous
        self.store = RedisStore(self._redis, f"{prefix}:pacing:{self.tenant}", limits or Pacing(), ttl=ttl)
        super().__init__(limits, store=self.store)

    def __repr__(self) -> str:
        return f"RedisPacing({self._redis!r}, key={self.tenant!r})"

    def close(self) -> None:
        """Close the Redis connections made from a URL."""
        self._redis.close()
