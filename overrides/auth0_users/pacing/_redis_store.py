"""The store of a shared rate budget: a pacer's state kept in Redis for many processes (the ``redis`` extra).

The algorithm is the one of :mod:`auth0_users.pacing`: token buckets whose sizes, levels and refill
rates are learned from Auth0's ``X-RateLimit-*`` headers, decided by the same pure functions. Only
the place of its :class:`~auth0_users.pacing.PacingState` changes: one Redis key per tenant
holding every bucket of the tenant, which every process's pacer reads and updates, so that they
hand out tickets from the same queues and learn from each other's answers as threads of one
process do.

Each update is optimistic: ``GET`` the state, apply the step in Python, then store the new state
with a compare-and-set (a five-line Lua script: ``SET`` only if the key still holds what was
read, else answer what it holds now, and the step runs again on that). This keeps the algorithm
in Python (one algorithm, not a second one in Lua) and holds no lock that a process killed at the
wrong moment could leave behind, in two round trips (``WATCH``/``GET``/``MULTI``-``EXEC`` takes
three). The threads of one process take turns (a lock in the process), and so do its asyncio
tasks (an asyncio lock: async clients talk to Redis through ``redis.asyncio`` and never block the
event loop), so mostly processes race each other; a loser steps aside a random moment before its
next try: with steps of microseconds, an update rarely needs a second one. The update is one
generator of Redis commands, carried out by a sync and an async driver.
"""

from __future__ import annotations

import json
import logging
import random
import threading
import time
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from ._bucket import BucketState
from ._limits import RateLimits
from ._store import LocalStore
from ._tenant import Mark, PacingState

if TYPE_CHECKING:
    from .._redis import RedisConnection

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


def encode(state: PacingState) -> bytes:
    """The state as compact JSON: each bucket's fields by name, the learned routes and the latest answers."""
    data = {
        "buckets": {name: bucket._asdict() for name, bucket in state.buckets.items()},
        "routes": dict(state.routes),
        "marks": {name: [endpoint, list(mark)] for name, (endpoint, mark) in state.marks.items()},
    }
    return json.dumps(data, separators=(",", ":")).encode()


def _number(value: Any, kind: type) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | float if kind is float else kind)


def _pair(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2 and _number(value[0], int) and _number(value[1], float)


def _field(name: str, value: Any) -> Any:
    """``value`` as the type of the field ``name``; ``ValueError`` if it is not one."""
    default = BucketState._field_defaults[name]
    if isinstance(default, tuple):  # (ticket or send number, time) pairs
        if isinstance(value, list) and all(_pair(item) for item in value):
            return tuple(tuple(item) for item in value)
    elif _number(value, type(default)):
        return value
    raise ValueError(f"{name} is {value!r}")


def decode_bucket(data: Any) -> BucketState:
    """One bucket as ``encode`` stored it; fields it lacks take their defaults, unknown fields are left out."""
    if not isinstance(data, dict):
        raise ValueError("a bucket is not a JSON object")
    fields = BucketState._field_defaults
    return BucketState(**{name: _field(name, value) for name, value in data.items() if name in fields})


def _names(data: Any, what: str) -> dict[str, Any]:
    if not isinstance(data, dict) or not all(isinstance(name, str) for name in data):
        raise ValueError(f"{what} is not a JSON object")
    return data


def _mark(value: Any) -> tuple[str, Mark]:
    if (
        isinstance(value, list) and len(value) == 2 and isinstance(value[0], str)
        and isinstance(value[1], list) and len(value[1]) == 4 and isinstance(value[1][0], str)
        and _number(value[1][1], float) and _number(value[1][2], int) and _number(value[1][3], int)
    ):  # fmt: skip
        return value[0], Mark(*value[1])
    raise ValueError(f"an answer mark is {value!r}")


def decode(raw: bytes | str) -> PacingState:
    """The state ``encode`` stored; raises ``ValueError`` for anything else."""
    data = _names(json.loads(raw), "the state")
    if "buckets" not in data:
        raise ValueError("no buckets")
    routes = _names(data.get("routes", {}), "routes")
    if not all(isinstance(bucket, str) for bucket in routes.values()):
        raise ValueError("a route is not a bucket name")
    return PacingState(
        buckets={name: decode_bucket(bucket) for name, bucket in _names(data.get("buckets", {}), "buckets").items()},
        routes=routes,
        marks={name: _mark(mark) for name, mark in _names(data.get("marks", {}), "marks").items()},
    )


class _Get(NamedTuple):
    pass


class _CompareAndSet(NamedTuple):
    expected: bytes | str | None
    new: bytes


class _Pause(NamedTuple):
    seconds: float


_Command = _Get | _CompareAndSet | _Pause


class RedisStore:
    """A :class:`~auth0_users.pacing.PacingStore` in one Redis key, updated atomically across processes.

    ``update`` is an optimistic compare-and-set (see the module's docstring); ``step`` may run more
    than once and must not act on the world. Every write renews the key's ``ttl``. When Redis
    cannot be reached (or refuses), the store logs a warning, goes on in this process from the
    last state it saw, and asks Redis again every ``RETRY_AFTER`` seconds: the requests never fail
    for it. ``aread`` and ``aupdate`` do the same through ``redis.asyncio``.
    """

    def __init__(self, connection: RedisConnection, name: str, limits: RateLimits, *, ttl: float) -> None:
        self.name = name
        self._redis = connection
        self._limits = limits
        self._ttl_ms = max(1, round(ttl * 1000))
        self._lock = threading.Lock()
        self._updating = threading.Lock()
        self._task_locks: dict[Any, Any] = {}  # an asyncio.Lock per event loop
        self._last: PacingState | None = None
        self._fallback: LocalStore | None = None
        self._retry_at = 0.0

    def __repr__(self) -> str:
        return f"RedisStore({self._redis!r}, name={self.name!r})"

    def read(self) -> PacingState:
        """The current state (the local one while Redis is out of reach)."""
        fallback = self._fallback_now()
        if fallback is not None:
            return fallback.read()
        try:
            raw = self._redis.sync().get(self.name)
        except self._redis.errors as error:
            return self._down(error).read()
        return self._seen(self._state(raw))

    async def aread(self) -> PacingState:
        """``read`` through ``redis.asyncio``."""
        fallback = self._fallback_now()
        if fallback is not None:
            return fallback.read()
        try:
            raw = await self._redis.asyncio().get(self.name)
        except self._redis.errors as error:
            return self._down(error).read()
        return self._seen(self._state(raw))

    def update(self, step: Callable[[PacingState], tuple[_T, PacingState]]) -> _T:
        """Apply ``step`` to the stored state and store the result if no other process wrote in between; else again."""
        fallback = self._fallback_now()
        if fallback is not None:
            return fallback.update(step)
        transaction = self._transact(step)
        try:
            with self._updating:  # threads of one process take turns: only processes race
                client, answer = self._redis.sync(), None
                while True:
                    command = transaction.send(answer)
                    if isinstance(command, _Pause):
                        time.sleep(command.seconds)
                    elif isinstance(command, _Get):
                        answer = client.get(self.name)
                    else:
                        answer = client.eval(
                            _COMPARE_AND_SET, 1, self.name, command.expected or "", command.new, self._ttl_ms
                        )
        except StopIteration as done:
            result, state = done.value
        except self._redis.errors as error:
            return self._down(error).update(step)
        self._seen(state)
        return result  # type: ignore[no-any-return]

    async def aupdate(self, step: Callable[[PacingState], tuple[_T, PacingState]]) -> _T:
        """``update`` through ``redis.asyncio``: the event loop runs other tasks during each round trip."""
        import asyncio

        fallback = self._fallback_now()
        if fallback is not None:
            return fallback.update(step)
        loop = asyncio.get_running_loop()
        lock = self._task_locks.get(loop)
        if lock is None:
            lock = self._task_locks[loop] = asyncio.Lock()
        transaction = self._transact(step)
        try:
            async with lock:  # tasks of one loop take turns
                client, answer = self._redis.asyncio(), None
                while True:
                    command = transaction.send(answer)
                    if isinstance(command, _Pause):
                        await asyncio.sleep(command.seconds)
                    elif isinstance(command, _Get):
                        answer = await client.get(self.name)
                    else:
                        script = client.eval(
                            _COMPARE_AND_SET, 1, self.name, command.expected or "", command.new, self._ttl_ms
                        )
                        answer = await script
        except StopIteration as done:
            result, state = done.value
        except self._redis.errors as error:
            return self._down(error).update(step)
        self._seen(state)
        return result  # type: ignore[no-any-return]

    def _transact(
        self, step: Callable[[PacingState], tuple[_T, PacingState]]
    ) -> Generator[_Command, Any, tuple[_T, PacingState]]:
        """The compare-and-set loop, as the Redis commands it needs; the drivers carry them out."""
        import redis

        raw = yield _Get()
        for attempt in range(1, MAX_ATTEMPTS + 1):
            result, after = step(self._state(raw))
            stored, current = yield _CompareAndSet(raw, encode(after))
            if stored:
                return result, after
            if attempt % 2:  # another process wrote first: try again at once from what it wrote...
                raw = current or None
            else:  # ...and after two lost races, step aside a random moment, so that the losers do not meet again
                yield _Pause(random.uniform(0, min(MAX_BACKOFF, BACKOFF * 2**attempt)))
                raw = yield _Get()
        raise redis.WatchError(f"{self.name} changed under {MAX_ATTEMPTS} updates in a row")

    def _state(self, raw: bytes | str | None) -> PacingState:
        if raw is not None:  # str from a client made with decode_responses=True
            try:
                return decode(raw)
            except ValueError as error:  # json.JSONDecodeError and UnicodeDecodeError are ValueErrors
                logger.warning("%r holds no pacing state (%s); starting again", self, error)
        return PacingState.known(self._limits, time.time())

    def _seen(self, state: PacingState) -> PacingState:
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
                self._fallback = LocalStore(self._last or PacingState.known(self._limits, time.time()))
            return self._fallback
