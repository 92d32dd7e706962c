"""Pacing: send requests at the tenant's rate instead of finding the rate limit with 429s.

Auth0 limits the Management API of each tenant with token buckets: one for the tenant and, on
some plans, buckets of their own for some endpoints (``Read Users``, ``Write Users``). Each is
``burst`` requests at once, refilled at ``rate`` tokens per second. Every answer carries
``X-RateLimit-Limit`` (the burst of the bucket that counted it), ``X-RateLimit-Remaining`` and
``X-RateLimit-Reset`` (epoch seconds on the server's clock: when the next token is added, or in
older documentation when the bucket is full again). A pacer learns each bucket from those
headers and makes each request wait, before it is sent, until its bucket will have a token for it.

The algorithm is a set of pure functions over small states of numbers:

- per bucket (:class:`BucketState`): :func:`send_delay` decides how long the request holding a
  ticket must still wait; :func:`take` hands out a ticket (a place in the queue) and says how
  long it waits; :func:`depart` takes a ticket out of the queue, as its request is sent (or
  abandoned); :func:`learn` folds one response's headers into the state;
- per tenant (:class:`PacingState`): :func:`learn_answer` finds which bucket an answer shows its
  endpoint is in (endpoints share the tenant's bucket until an answer's ``Limit``, or a
  ``Remaining`` the other endpoints' requests did not lower, shows a bucket of their own), and
  :func:`clock_bounds` reads the server's ``Date``, so that a reset is read on the server's clock.

A :class:`Pacer` applies them to a :class:`PacingStore`: :class:`LocalStore` (the default) keeps
the state in this process behind a lock, for the threads and asyncio tasks of one or more clients;
another store can keep the same state elsewhere (Redis, for many processes) without changing the
algorithm. How a bucket's state is kept up to date:

- After each response, ``level`` is set from the server's ``X-RateLimit-Remaining`` minus the
  requests the server may not have counted yet (sent and not answered, or still waiting), so the
  server's count corrects the local estimate. An answer to a request sent before the one that last
  set the level is older news and leaves the level alone.
- The refill ``rate`` is measured from how ``Remaining`` changes over time, given how many requests
  were served in between. Until it is measured it is guessed when the pacer first has no token to
  spare: the bucket's size over the time to ``X-RateLimit-Reset`` read as "full again", at most one
  bucket per second. (Read as "next token", a header in whole seconds would say one token a second
  for any fast bucket, and waiting that long lets the bucket fill up, which hides its rate.) A 429
  that the pacer did not expect halves the rate. A measurement replaces a guess once it is
  larger, or at least ``TRUST_SPAN`` seconds long. (The clients add one rule of their own: a
  call refused twice waits for ``X-RateLimit-Reset`` before its next try.)
- ``X-RateLimit-Reset`` is also an upper bound on when the next token comes, under either reading,
  so the first request in the queue never waits past it.

No request waits longer than ``Pacing.max_wait`` (60 s unless set): one that would raises
:class:`WaitTooLong` (the clients raise ``RateLimitError``), saying when its bucket is expected to
have a token. Waiting requests ask again every ``RECHECK`` seconds, so that what later responses
teach (a token sooner or later than expected) moves them. After a 429, each request takes a new
ticket: they wake one token apart, not all at the reset. A ticket still waiting long after
``max_wait`` belongs to a process that died, and gives its token back.

Until the first answer, only the first ``FIRST_GO`` requests go (the others wait until one of them
ends, at most ``FIRST_WAIT`` seconds), so that a burst of many threads at start-up is paced by what
the first answer tells. Rate-limit headers start pacing whenever they come.
After an answer without rate-limit headers (and with no limits given) a pacer costs two flag checks
per request: no lock, no sleep.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from ._pacing_bucket import (
    FALLBACK_RATE,
    FIRST_GO,
    FIRST_POLL,
    FIRST_WAIT,
    FLIGHT_TTL,
    MAX_SPAN,
    MIN_SPAN,
    RECHECK,
    TRUST_SPAN,
    WAIT_GRACE,
    BucketState,
    depart,
    learn,
    send_delay,
    take,
)
from ._pacing_limits import TENANT, Bucket, Pacing, endpoint_name
from ._pacing_tenant import Mark, PacingState, clock_bounds, learn_answer, local_time
from ._ratelimit import RateLimitState

if TYPE_CHECKING:
    # Re-exported for type checkers; at run time __getattr__ (at the end) imports them on first use.
    from ._redis_pacing import RedisPacing as RedisPacing  # noqa: PLC0414
    from ._redis_pacing import RedisStore as RedisStore  # noqa: PLC0414

__all__ = [
    "FALLBACK_RATE",
    "FIRST_GO",
    "FIRST_POLL",
    "FIRST_WAIT",
    "FLIGHT_TTL",
    "MAX_SPAN",
    "MIN_SPAN",
    "RECHECK",
    "TENANT",
    "TRUST_SPAN",
    "WAIT_GRACE",
    "Bucket",
    "BucketState",
    "LocalStore",
    "Mark",
    "Pacer",
    "Pacing",
    "PacingState",
    "PacingStore",
    "RateLimitState",
    "Ticket",
    "WaitTooLong",
    "clock_bounds",
    "depart",
    "endpoint_name",
    "learn",
    "learn_answer",
    "local_time",
    "send_delay",
    "take",
]

_T = TypeVar("_T")
_Step = Callable[[PacingState], tuple[_T, PacingState]]


class WaitTooLong(Exception):
    """A request would wait for its bucket longer than ``Pacing.max_wait``; it was not sent.

    ``ready_at`` is when the bucket is expected to have its token (epoch seconds, this machine's clock).
    """

    def __init__(self, bucket: str, wait: float, ready_at: float, max_wait: float) -> None:
        self.bucket, self.wait, self.ready_at, self.max_wait = bucket, wait, ready_at, max_wait
        where = "the tenant's bucket" if bucket == TENANT else f"the bucket {bucket!r}"
        super().__init__(
            f"not sent: {where} is expected to have a token in {wait:.1f} s, longer than the longest wait allowed"
            f" ({max_wait:g} s, Pacing(max_wait=...))"
        )


class PacingStore(Protocol):
    """Where a pacer's :class:`PacingState` lives.

    ``read`` returns the current state; ``update`` applies ``step`` to it atomically (no other
    update in between, in any thread or process sharing the store), stores the second item of
    what ``step`` returns and returns the first. ``aread`` and ``aupdate`` do the same for async
    code, without blocking the event loop.
    """

    def read(self) -> PacingState:
        """The current state."""
        ...

    def update(self, step: _Step[_T]) -> _T:
        """Apply ``step`` atomically; return its result."""
        ...

    async def aread(self) -> PacingState:
        """The current state, for async code."""
        ...

    async def aupdate(self, step: _Step[_T]) -> _T:
        """Apply ``step`` atomically, for async code; return its result."""
        ...


class LocalStore:
    """The state in this process, behind a lock: shared by threads and by asyncio tasks."""

    def __init__(self, state: PacingState) -> None:
        self._lock = threading.Lock()
        self._state = state

    def read(self) -> PacingState:
        """The current state."""
        return self._state

    def update(self, step: _Step[_T]) -> _T:
        """Apply ``step`` under the lock; return its result."""
        with self._lock:
            result, self._state = step(self._state)
        return result

    async def aread(self) -> PacingState:
        """The current state (no I/O: the same as ``read``)."""
        return self._state

    async def aupdate(self, step: _Step[_T]) -> _T:
        """Apply ``step`` under the lock (held for microseconds; no I/O)."""
        return self.update(step)


class Ticket:
    """One request's place with a pacer.

    ``endpoint`` and ``bucket`` say whose queue it is in, ``number`` is its place there, ``wait``
    how long it was to wait when handed out, ``deadline`` the latest it may be sent, and ``sent``
    the request's send number once it leaves the queue (0 until then), at ``sent_at``.
    """

    __slots__ = ("bucket", "deadline", "endpoint", "number", "sent", "sent_at", "wait")

    def __init__(self, endpoint: str, bucket: str, *, number: int, wait: float, sent: int, deadline: float) -> None:
        self.endpoint, self.bucket, self.number, self.wait, self.sent = endpoint, bucket, number, wait, sent
        self.deadline = deadline
        self.sent_at = time.time() if sent else 0.0

    def __repr__(self) -> str:
        return f"Ticket({self.endpoint or 'any'!r} in {self.bucket!r}, number={self.number}, wait={self.wait:.3f})"


class Pacer:
    """Paces the requests of one client, or of several that share it (``pacing=pacer``).

    ``Pacer()`` learns the buckets from the responses; ``Pacer(Pacing(...))`` starts from known
    limits; ``Pacer(store=...)`` keeps the state in another store. For each request: ``reserve``
    before sending it (naming its endpoint, ``"GET /users/{id}"``), wait for its turn, send, then
    ``observe`` the response::

        ticket = pacer.reserve("PATCH /users/{id}")
        pacer.wait_turn(ticket)               # or: await pacer.await_turn(ticket) (after areserve)
        response = send(request)
        pacer.observe(ticket, RateLimitState.from_headers(response.headers), response.status_code)

    ``wait_turn`` raises :class:`WaitTooLong` rather than wait past ``limits.max_wait``. Every
    method is safe to call from any thread or task; none blocks beyond a short lock (or, with a
    Redis store, a Redis round trip: the ``a``-methods make it without blocking the event loop).
    """

    def __init__(self, limits: Pacing | None = None, *, store: PacingStore | None = None) -> None:
        self.limits = Pacing() if limits is None else limits
        self._store: PacingStore = LocalStore(PacingState.known(self.limits, time.time())) if store is None else store
        self._enabled = True
        self._paces = any(bucket.limit > 0 for bucket in self._store.read().buckets.values())
        # The first request has ended, without rate-limit headers: nothing to pace by, hold nobody.
        self._first_done = False
        # How far the server's clock is ahead of this one's, as an interval (see clock_bounds).
        self._clock: tuple[float, float] | None = None

    @staticmethod
    def off() -> Pacer:
        """A pacer that never waits and learns nothing: ``pacing=False`` (a plain one, from any subclass)."""
        pacer = Pacer()
        pacer._enabled = False
        return pacer

    @classmethod
    def from_option(cls, pacing: bool | Pacing | Pacer) -> Pacer:
        """The pacer for a client's ``pacing=`` argument."""
        if isinstance(pacing, Pacer):
            return pacing
        if isinstance(pacing, Pacing):
            return cls(pacing)
        if pacing is True:
            return cls()
        if pacing is False:
            return cls.off()
        raise TypeError(
            f"pacing must be True (learn the rate limits), False (off), a Pacing(burst=..., rate=...) or a Pacer,"
            f" got {type(pacing).__name__}"
        )

    def bind(self, tenant: str) -> None:
        """Called by each client given this pacer, with its API's origin; a shared store checks it here."""

    def __repr__(self) -> str:
        if not self._enabled:
            return "<Pacer off>"
        known = [(name, state) for name, state in self._store.read().buckets.items() if state.limit > 0]
        if not known:
            return "<Pacer: no bucket known yet>"

        def describe(name: str, state: BucketState) -> str:
            rate = f"{state.rate:.3g}/s" if state.rate > 0 else "rate not yet measured"
            label = "bucket" if name == TENANT else f"bucket {name!r}"
            return f"{label} of {state.limit}, {rate}, {state.level:.1f} left"

        return f"<Pacer: {'; '.join(describe(name, state) for name, state in known)}>"

    @property
    def paces(self) -> bool:
        """Whether requests are being paced: a bucket is known (from headers or given limits)."""
        return self._paces

    @property
    def state(self) -> PacingState:
        """What the pacer knows now."""
        return self._store.read()

    def rate_given(self, bucket: str) -> bool:
        """Whether the refill rate of ``bucket`` was given (in ``limits``), not learned."""
        given = next((b for b in self.limits.buckets if b.name == bucket), None)
        return given is not None or (bucket == TENANT and self.limits.rate is not None)

    def local_reset(self, reading: RateLimitState | None) -> float | None:
        """``reading``'s reset on this machine's clock (read against the server's ``Date`` seen so far)."""
        return None if reading is None else local_time(reading.reset, self._clock)

    # Each operation is a step on the state, applied by the sync or the async driver below.

    def _unpaced(self) -> bool:
        return not self._enabled or (self._first_done and not self._paces)

    def _reserve_step(self, endpoint: str, when: float) -> _Step[Ticket]:
        max_wait = self.limits.max_wait

        def step(state: PacingState) -> tuple[Ticket, PacingState]:
            name = state.bucket_name(self.limits, endpoint)
            number, wait, after = take(state.bucket(name), when, max_wait=max_wait)
            sent = 0 if wait > 0 else after.sent
            ticket = Ticket(endpoint, name, number=number, wait=wait, sent=sent, deadline=when + max_wait)
            return ticket, state.with_bucket(name, after)

        return step

    def _depart_step(self, ticket: Ticket, sending: bool) -> _Step[int]:
        def step(state: PacingState) -> tuple[int, PacingState]:
            sent, after = depart(state.bucket(ticket.bucket), ticket.number, sending=sending, now=time.time())
            return sent, state.with_bucket(ticket.bucket, after)

        return step

    def _observe_step(
        self, ticket: Ticket, reading: RateLimitState, status: int | None, when: float
    ) -> _Step[PacingState]:
        reset = self.local_reset(reading)

        def step(state: PacingState) -> tuple[PacingState, PacingState]:
            after = learn_answer(
                state, self.limits, ticket.endpoint, ticket.bucket,
                limit=reading.limit, remaining=reading.remaining, reset=reset,
                status=status, sent=ticket.sent, now=when,
            )  # fmt: skip
            return after, after

        return step

    def _next_pause(self, ticket: Ticket, state: PacingState, now: float) -> float:
        """How long to sleep before asking again (0: go now); raises ``WaitTooLong`` past the deadline."""
        if self._first_done and not self._paces:
            return 0.0
        wait = send_delay(state.bucket(ticket.bucket), ticket.number, now)
        if wait > 0 and now + wait > ticket.deadline:
            raise WaitTooLong(ticket.bucket, wait, now + wait, self.limits.max_wait)
        return min(wait, RECHECK)

    def _before_observe(self, ticket: Ticket, reading: RateLimitState | None, when: float) -> bool:
        """Note what an answer tells outside the state; whether the state has anything to learn."""
        if not self._enabled or (reading is None and not ticket.sent):
            return False
        if (reading is None or reading.remaining is None) and not self._paces:
            self._first_done = True  # no usable headers (or no answer): the others need not wait for it
        if reading is not None and reading.date is not None and ticket.sent_at:
            self._clock = clock_bounds(self._clock, reading.date, ticket.sent_at, when)
        return True

    def _after_observe(self, state: PacingState) -> None:
        self._paces = any(bucket.limit > 0 for bucket in state.buckets.values())

    # The sync driver.

    def reserve(self, endpoint: str = "", now: float | None = None) -> Ticket:
        """Take a place in the queue of ``endpoint``'s bucket for one request; ``ticket.wait`` is how long it waits."""
        if self._unpaced():
            return _unpaced_ticket()
        return self._store.update(self._reserve_step(endpoint, time.time() if now is None else now))

    def wait(self, ticket: Ticket, now: float | None = None) -> float:
        """How much longer the request holding ``ticket`` waits, given what is known now."""
        if self._first_done and not self._paces:
            return 0.0
        return send_delay(self._store.read().bucket(ticket.bucket), ticket.number, time.time() if now is None else now)

    def wait_turn(self, ticket: Ticket) -> None:
        """Sleep until ``ticket``'s request may go; then it counts as sent.

        Raises :class:`WaitTooLong` instead of waiting past the ticket's deadline. Stopped early
        (that, or any exception) the ticket leaves the queue and gives its token back.
        """
        if not ticket.wait:
            return
        sending = False
        try:
            if ticket.wait > 0 and time.time() + ticket.wait > ticket.deadline:
                raise WaitTooLong(ticket.bucket, ticket.wait, time.time() + ticket.wait, self.limits.max_wait)
            pause = min(ticket.wait, RECHECK)
            while pause > 0:
                time.sleep(pause)
                pause = self._next_pause(ticket, self._store.read(), time.time())
            sending = True
        finally:
            ticket.sent = self._store.update(self._depart_step(ticket, sending))
            ticket.sent_at = time.time()

    def observe(
        self, ticket: Ticket, reading: RateLimitState | None, status: int | None, now: float | None = None
    ) -> None:
        """Learn from the answer to the request sent under ``ticket``: its rate-limit headers and status.

        Call it with ``reading=None, status=None`` when no answer came, so that the request no longer
        counts as on its way.
        """
        when = time.time() if now is None else now
        if not self._before_observe(ticket, reading, when):
            return
        seen = RateLimitState(None, None, None) if reading is None else reading
        self._after_observe(self._store.update(self._observe_step(ticket, seen, status, when)))

    # The async driver: the same steps, through the store's async methods.

    async def areserve(self, endpoint: str = "") -> Ticket:
        """``reserve`` for async code."""
        if self._unpaced():
            return _unpaced_ticket()
        return await self._store.aupdate(self._reserve_step(endpoint, time.time()))

    async def await_turn(self, ticket: Ticket) -> None:
        """``wait_turn`` for async code: sleeps without blocking the event loop."""
        import asyncio

        if not ticket.wait:
            return
        sending = False
        try:
            if ticket.wait > 0 and time.time() + ticket.wait > ticket.deadline:
                raise WaitTooLong(ticket.bucket, ticket.wait, time.time() + ticket.wait, self.limits.max_wait)
            pause = min(ticket.wait, RECHECK)
            while pause > 0:
                await asyncio.sleep(pause)
                pause = self._next_pause(ticket, await self._store.aread(), time.time())
            sending = True
        finally:
            ticket.sent = await self._store.aupdate(self._depart_step(ticket, sending))
            ticket.sent_at = time.time()

    async def aobserve(self, ticket: Ticket, reading: RateLimitState | None, status: int | None) -> None:
        """``observe`` for async code."""
        when = time.time()
        if not self._before_observe(ticket, reading, when):
            return
        seen = RateLimitState(None, None, None) if reading is None else reading
        self._after_observe(await self._store.aupdate(self._observe_step(ticket, seen, status, when)))


def _unpaced_ticket() -> Ticket:
    """A ticket for a request that nothing paces: it goes at once and teaches nothing."""
    return Ticket("", TENANT, number=0, wait=0.0, sent=0, deadline=0.0)


def __getattr__(name: str) -> Any:
    # RedisPacing and RedisStore (the shared budget) live apart, so that importing pacing never imports redis.
    if name in ("RedisPacing", "RedisStore"):
        from . import _redis_pacing

        return getattr(_redis_pacing, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
