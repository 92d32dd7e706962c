"""Pacing: send requests at the tenant's rate instead of finding the rate limit with 429s.

Auth0 limits the Management API of each tenant with a token bucket: ``burst`` requests at once,
refilled at ``rate`` tokens per second. Every answer carries ``X-RateLimit-Limit`` (the burst),
``X-RateLimit-Remaining`` and ``X-RateLimit-Reset`` (epoch seconds: when the next token is added, or
in older documentation when the bucket is full again). A pacer learns the bucket from those headers
and makes each request wait, before it is sent, until the bucket will have a token for it.

The algorithm is a set of pure functions over a small state (:class:`BucketState`):

- :func:`send_delay` decides how long the request holding a ticket must still wait;
- :func:`take` hands out a ticket (a place in the queue) and says how long it waits;
- :func:`depart` takes a ticket out of the queue, as its request is sent (or abandoned);
- :func:`learn` folds one response's headers into the state.

A :class:`Pacer` applies them to a :class:`PacingStore`: :class:`LocalStore` (the default) keeps
the state in this process behind a lock, for the threads and asyncio tasks of one or more clients;
another store can keep the same state elsewhere (Redis, for many processes) without changing the
algorithm. How the state is kept up to date:

- After each response, ``level`` is set from the server's ``X-RateLimit-Remaining`` minus the
  requests the server may not have counted yet (sent and not answered, or still waiting), so the
  server's count corrects the local estimate. An answer to a request sent before the one that last
  set the level is older news and leaves the level alone.
- The refill ``rate`` is measured from how ``Remaining`` changes over time, given how many requests
  were served in between. Until it is measured it is guessed when the pacer first has no token to
  spare: the bucket's size over the time to ``X-RateLimit-Reset`` read as "full again", at most one
  bucket per second. (Read as "next token", a header in whole seconds would say one token a second for any
  fast bucket, and waiting that long lets the bucket fill up, which hides its rate.) A 429 that the
  pacer did not expect halves the rate. A measurement replaces a guess once it is larger, or at
  least ``TRUST_SPAN`` seconds long.
- ``X-RateLimit-Reset`` is also an upper bound on when the next token comes, under either reading,
  so the first request in the queue never waits past it.

Waiting requests ask again every ``RECHECK`` seconds, so that what later responses teach (a token
sooner or later than expected) moves them. After a 429, each request takes a new ticket: they wake
one token apart, not all at the reset.

Until the first answer, only the first ``FIRST_GO`` requests go (the others wait until one of them
ends, at most ``FIRST_WAIT`` seconds), so that a burst of many threads at start-up is paced by what
the first answer tells. Rate-limit headers start pacing whenever they come.
After an answer without rate-limit headers (and with no limits given) a pacer costs two flag checks
per request: no lock, no sleep.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, Protocol, TypeVar

import attrs

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
    "TRUST_SPAN",
    "BucketState",
    "LocalStore",
    "Pacer",
    "Pacing",
    "PacingStore",
    "RateLimitState",
    "Ticket",
    "depart",
    "learn",
    "send_delay",
    "take",
]

#: A waiting request sleeps at most this long before asking the pacer again.
RECHECK = 0.05
#: The refill is measured over at least this many seconds.
MIN_SPAN = 0.25
#: A measurement at least this long replaces the rate even when it is lower.
TRUST_SPAN = 2.0
#: A measurement starts again after this long, so that the rate follows the tenant's.
MAX_SPAN = 30.0
#: The refill assumed while nothing better is known: one token a second.
FALLBACK_RATE = 1.0
#: Before the first answer, this many requests go: as many as Auth0's smallest bucket holds...
FIRST_GO = 2
#: ...and the others ask this often whether an answer came...
FIRST_POLL = 0.002
#: ...for at most this long.
FIRST_WAIT = 2.0
#: A request sent this long ago without an answer no longer counts as on its way.
FLIGHT_TTL = 60.0

_T = TypeVar("_T")


def _burst(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise ValueError(f"Pacing {attribute.name} must be a whole number of requests, 1 or more, got {value!r}")


def _rate(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value <= 0
    ):
        raise ValueError(f"Pacing {attribute.name} must be a positive number of requests per second, got {value!r}")


@attrs.frozen
class Pacing:
    """Known limits of a tenant's bucket: ``burst`` requests at once, refilled at ``rate`` per second.

    Pass one as ``pacing=`` to a client. What is left out (``None``) is learned from the rate-limit
    headers; a given ``rate`` is used as is, a given ``burst`` until the server reports its own.
    Presets hold Auth0's documented figures: ``Pacing.FREE`` (2, 2/s), ``Pacing.ENTERPRISE``
    (50, 16/s), and ``Pacing.ESSENTIALS`` and ``Pacing.PROFESSIONAL`` (user writes: 20, 200/min).
    """

    FREE: ClassVar[Pacing]
    ENTERPRISE: ClassVar[Pacing]
    ESSENTIALS: ClassVar[Pacing]
    PROFESSIONAL: ClassVar[Pacing]
    PLANS: ClassVar[Mapping[str, Pacing]]

    burst: int | None = attrs.field(default=None, validator=_burst)
    rate: float | None = attrs.field(default=None, validator=_rate)

    @classmethod
    def parse(cls, text: str) -> Pacing:
        """A plan name (``free``, ``enterprise``, ``essentials``, ``professional``) or ``BURST/RATE``."""
        plan = cls.PLANS.get(text.strip().lower())
        if plan is not None:
            return plan
        burst, slash, rate = text.partition("/")
        try:
            numbers = (int(burst), float(rate)) if slash else None
        except ValueError:
            numbers = None
        if numbers is None:
            plans = ", ".join(cls.PLANS)
            raise ValueError(f"rate limit {text!r}: give a plan ({plans}) or BURST/RATE, e.g. 10/30 (10 at once, 30/s)")
        return cls(*numbers)


Pacing.FREE = Pacing(burst=2, rate=2.0)
Pacing.ENTERPRISE = Pacing(burst=50, rate=16.0)
Pacing.ESSENTIALS = Pacing(burst=20, rate=200 / 60)
Pacing.PROFESSIONAL = Pacing.ESSENTIALS
Pacing.PLANS = {
    "free": Pacing.FREE,
    "enterprise": Pacing.ENTERPRISE,
    "essentials": Pacing.ESSENTIALS,
    "professional": Pacing.PROFESSIONAL,
}


class BucketState(NamedTuple):
    """What a pacer knows about the bucket, in numbers, so that any store can keep it.

    ``limit`` is the bucket's size (0 while no bucket is known). ``level`` is the number of tokens
    at time ``at`` once every ticket handed out has taken its own: negative when that many wait.
    ``issued`` counts the tickets handed out, ``sent`` the requests sent; ``waiting`` lists the
    tickets still waiting, in order, and ``flying`` the send numbers and times of the requests sent
    and not answered yet. ``anchor`` is the send number of the response that last set
    ``level``, and ``reset`` that response's ``X-RateLimit-Reset`` (0 if none). ``rate`` is tokens
    per second (0 while unknown), measured over ``rate_span`` seconds (0 for a guess); ``trust`` is
    the first send number under the current rate. ``served`` counts responses that took a token
    (all but 429s); the ``base_*`` fields are where the current refill measurement started. Before
    any bucket is known, ``at`` is when the first ticket was handed out.
    """

    limit: int = 0
    rate: float = 0.0
    rate_span: float = 0.0
    level: float = 0.0
    at: float = 0.0
    reset: float = 0.0
    issued: int = 0
    sent: int = 0
    waiting: tuple[int, ...] = ()
    flying: tuple[tuple[int, float], ...] = ()
    anchor: int = 0
    trust: int = 0
    served: int = 0
    base_at: float = 0.0
    base_remaining: int = 0
    base_served: int = 0

    @classmethod
    def known(cls, limits: Pacing, now: float) -> BucketState:
        """The state of a pacer given ``limits``, before any response."""
        if limits.burst is None and limits.rate is None:
            return cls()
        burst = limits.burst or 1
        return cls(limit=burst, rate=limits.rate or 0.0, level=float(burst), at=now)


def send_delay(state: BucketState, ticket: int, now: float) -> float:
    """Seconds until the request holding ``ticket`` may be sent (0: now). The pacing decision.

    The request may go once the bucket holds a token for it and for every ticket waiting ahead of
    it; until then it waits for the missing tokens at the refill rate (one a second while the rate
    is unknown). The first ticket in the queue (one token short, or less) waits no later than the
    ``X-RateLimit-Reset`` of the response that set the level: by then the server has added a token,
    whichever way it means the header. Before any bucket is known, tickets after the first
    ``FIRST_GO`` wait for an answer, at most ``FIRST_WAIT`` seconds.
    """
    if state.limit <= 0:
        return FIRST_POLL if ticket > FIRST_GO and now - state.at < FIRST_WAIT else 0.0
    need = -state.level - sum(1 for number in state.waiting if number > ticket)
    if need <= 0:
        return 0.0
    due = state.at + need / (state.rate or FALLBACK_RATE)
    if need <= 1 and state.reset:
        due = min(due, state.reset)
    return max(0.0, due - now)


def take(state: BucketState, now: float) -> tuple[int, float, BucketState]:
    """Hand out the next ticket: its number, its wait, and the state after it.

    A ticket that need not wait is sent at once (``sent`` counts it, ``flying`` holds it until its
    answer); one that waits joins ``waiting`` until :func:`depart`.
    """
    ticket = state.issued + 1
    if state.limit <= 0:
        after = state._replace(issued=ticket, at=state.at or now)
    else:
        level, at, reset = state.level, state.at, state.reset
        if state.rate > 0 and level + state.rate * (now - at) >= state.limit:
            level, at, reset = float(state.limit), now, 0.0  # a full bucket holds no more
        after = state._replace(level=level - 1, at=at, reset=reset, issued=ticket)
    wait = send_delay(after, ticket, now)
    if wait > 0:
        return ticket, wait, after._replace(waiting=(*after.waiting, ticket))
    return ticket, wait, _send(after, now)


def depart(state: BucketState, ticket: int, *, sending: bool, now: float) -> tuple[int, BucketState]:
    """Take a waiting ``ticket`` out of the queue: its send number (0 if not sending) and the state.

    A ticket that is not sent after all gives its token back.
    """
    waiting = tuple(number for number in state.waiting if number != ticket)
    if sending:
        return state.sent + 1, _send(state._replace(waiting=waiting), now)
    return 0, state._replace(waiting=waiting, level=state.level + (len(waiting) < len(state.waiting)))


def _send(state: BucketState, now: float) -> BucketState:
    flying = tuple(flight for flight in state.flying if flight[1] > now - FLIGHT_TTL)
    return state._replace(sent=state.sent + 1, flying=(*flying, (state.sent + 1, now)))


def learn(
    state: BucketState, limits: Pacing, reading: RateLimitState, *, status: int | None, sent: int, now: float
) -> BucketState:
    """Fold one answer into the state: the bucket's size, its refill rate and its level.

    ``sent`` is the request's send number; ``status`` tells whether it took a token (all but 429s
    did), ``None`` when no answer came (a dropped connection, a timeout).
    """
    flying = tuple(flight for flight in state.flying if flight[0] != sent and flight[1] > now - FLIGHT_TTL)
    remaining = reading.remaining
    if remaining is None:
        if status != 429:
            return state._replace(flying=flying)
        remaining = 0
    limit = reading.limit or state.limit or limits.burst or remaining + 1
    remaining = min(max(remaining, 0), limit)
    # A reset before the answer arrived says nothing about the next token (clocks disagree).
    reset = reading.reset if reading.reset is not None and reading.reset > now - 1 else 0.0
    served = state.served + (status != 429)
    # What the server may not have counted yet: requests on their way (as far as the client can
    # tell, any of them may arrive after this one) and those still waiting.
    unseen = len(flying) + len(state.waiting)
    rate, rate_span, trust = state.rate, state.rate_span, state.trust
    base_at, base_remaining, base_served = state.base_at, state.base_remaining, state.base_served
    # The refill is measured from a moment the bucket was not full: a full bucket refills nothing.
    restart = base_at <= 0 or (remaining > 0 and remaining >= limit - 1) or now - base_at > MAX_SPAN
    if limits.rate is None:
        span = now - base_at
        if base_at > 0 and span >= MIN_SPAN:
            # Floors of the two Remaining values hide up to one token: this is a lower bound.
            bound = (remaining - base_remaining + served - base_served - 1) / span
            if bound > 0 and (bound >= rate or span >= min(rate_span or TRUST_SPAN, TRUST_SPAN)):
                rate, rate_span, trust = bound, span, state.sent + 1
        if status == 429 and rate > 0 and sent >= trust:
            # The pacer sent this request expecting a token: its rate is too high.
            rate, rate_span, trust, restart = rate / 2, 0.0, state.sent + 1, True
        elif rate == 0 and remaining - unseen < 1:
            # No token to spare, for the first time: guess, reading Reset as "full again" (see the
            # module's docstring).
            rate, trust = limit / max(1.0, (reset or now) - now), state.sent + 1
    if restart:
        base_at, base_remaining, base_served = now, remaining, served
    fresh = sent >= state.anchor or state.limit <= 0
    return state._replace(
        flying=flying,
        limit=limit,
        rate=rate,
        rate_span=rate_span,
        level=remaining - unseen if fresh else state.level,
        at=now if fresh else state.at,
        reset=reset if fresh else state.reset,
        anchor=sent if fresh else state.anchor,
        trust=trust,
        served=served,
        base_at=base_at,
        base_remaining=base_remaining,
        base_served=base_served,
    )


class PacingStore(Protocol):
    """Where a pacer's :class:`BucketState` lives.

    ``read`` returns the current state; ``update`` applies ``step`` to it atomically (no other
    update in between, in any thread or process sharing the store), stores the second item of
    what ``step`` returns and returns the first.
    """

    def read(self) -> BucketState:
        """The current state."""
        ...

    def update(self, step: Callable[[BucketState], tuple[_T, BucketState]]) -> _T:
        """Apply ``step`` atomically; return its result."""
        ...


class LocalStore:
    """The state in this process, behind a lock: shared by threads and by asyncio tasks."""

    def __init__(self, state: BucketState) -> None:
        self._lock = threading.Lock()
        self._state = state

    def read(self) -> BucketState:
        """The current state."""
        return self._state

    def update(self, step: Callable[[BucketState], tuple[_T, BucketState]]) -> _T:
        """Apply ``step`` under the lock; return its result."""
        with self._lock:
            result, self._state = step(self._state)
        return result


class Ticket:
    """One request's place with a pacer.

    ``number`` is its place in the queue, ``wait`` how long it was to wait when handed out, and
    ``sent`` the request's send number once it leaves the queue (0 until then).
    """

    __slots__ = ("number", "sent", "wait")

    def __init__(self, number: int, wait: float, sent: int) -> None:
        self.number, self.wait, self.sent = number, wait, sent

    def __repr__(self) -> str:
        return f"Ticket(number={self.number}, wait={self.wait:.3f}, sent={self.sent})"


_UNPACED = Ticket(0, 0.0, 0)  # handed out when there is nothing to pace by; never changed


class Pacer:
    """Paces the requests of one client, or of several that share it (``pacing=pacer``).

    ``Pacer()`` learns the bucket from the responses; ``Pacer(Pacing(...))`` starts from known
    limits; ``Pacer(store=...)`` keeps the state in another store. For each request: ``reserve``
    before sending it, sleep through ``pauses``, send, then ``observe`` the response::

        ticket = pacer.reserve()
        for pause in pacer.pauses(ticket):
            time.sleep(pause)                 # or: await asyncio.sleep(pause)
        response = send(request)
        pacer.observe(ticket, RateLimitState.from_headers(response.headers), response.status_code)

    Every method is safe to call from any thread or task; none blocks beyond a short lock.
    """

    def __init__(self, limits: Pacing | None = None, *, store: PacingStore | None = None) -> None:
        self.limits = Pacing() if limits is None else limits
        self._store: PacingStore = LocalStore(BucketState.known(self.limits, time.time())) if store is None else store
        self._enabled = True
        self._paces = self._store.read().limit > 0
        # The first request has ended, without rate-limit headers: nothing to pace by, hold nobody.
        self._first_done = False

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
            f"pacing must be True (learn the rate limit), False (off), a Pacing(burst=..., rate=...) or a Pacer,"
            f" got {type(pacing).__name__}"
        )

    def __repr__(self) -> str:
        if not self._enabled:
            return "<Pacer off>"
        state = self._store.read()
        if state.limit <= 0:
            return "<Pacer: no bucket known yet>"
        return f"<Pacer: bucket of {state.limit}, {state.rate:.3g}/s, {state.level:.1f} left>"

    @property
    def paces(self) -> bool:
        """Whether requests are being paced: a bucket is known (from headers or given limits)."""
        return self._paces

    @property
    def state(self) -> BucketState:
        """What the pacer knows now."""
        return self._store.read()

    def reserve(self, now: float | None = None) -> Ticket:
        """Take a place in the queue for one request; ``ticket.wait`` is how long it waits."""
        if not self._enabled or (self._first_done and not self._paces):
            return _UNPACED
        when = time.time() if now is None else now

        def step(state: BucketState) -> tuple[Ticket, BucketState]:
            number, wait, after = take(state, when)
            return Ticket(number, wait, 0 if wait > 0 else after.sent), after

        return self._store.update(step)

    def wait(self, ticket: Ticket, now: float | None = None) -> float:
        """How much longer the request holding ``ticket`` waits, given what is known now."""
        if self._first_done and not self._paces:
            return 0.0
        return send_delay(self._store.read(), ticket.number, time.time() if now is None else now)

    def pauses(self, ticket: Ticket) -> Iterator[float]:
        """The sleeps before ``ticket``'s request may go, each at most ``RECHECK`` seconds.

        Once they are over the request counts as sent; stopped early (an exception, a cancelled
        task) it leaves the queue and gives its token back.
        """
        wait, sending = ticket.wait, False
        try:
            while wait > 0:
                yield min(wait, RECHECK)
                wait = self.wait(ticket)
            sending = True
        finally:
            if ticket.wait > 0:  # only a ticket that waited is in the queue

                def step(state: BucketState) -> tuple[int, BucketState]:
                    return depart(state, ticket.number, sending=sending, now=time.time())

                ticket.sent = self._store.update(step)

    def observe(
        self, ticket: Ticket, reading: RateLimitState | None, status: int | None, now: float | None = None
    ) -> None:
        """Learn from the answer to the request sent under ``ticket``: its rate-limit headers and status.

        Call it with ``reading=None, status=None`` when no answer came, so that the request no longer
        counts as on its way.
        """
        if not self._enabled or (reading is None and not ticket.sent):
            return
        if reading is None and not self._paces:
            self._first_done = True  # no headers (or no answer): the others need not wait for it
        when = time.time() if now is None else now
        seen = RateLimitState(None, None, None) if reading is None else reading

        def step(state: BucketState) -> tuple[None, BucketState]:
            return None, learn(state, self.limits, seen, status=status, sent=ticket.sent, now=when)

        self._store.update(step)
        self._paces = self._store.read().limit > 0


def __getattr__(name: str) -> Any:
    # RedisPacing and RedisStore (the shared budget) live apart, so that importing pacing never imports redis.
    if name in ("RedisPacing", "RedisStore"):
        from . import _redis_pacing

        return getattr(_redis_pacing, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
