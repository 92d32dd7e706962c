"""The pacer: applies the pure steps of the algorithm to a store, and sleeps each request's wait."""

from __future__ import annotations

import time

from .._ratelimit import RateLimitState
from ._bucket import RECHECK, BucketState, depart, send_delay, take
from ._limits import TENANT, RateLimits
from ._store import LocalStore, PacingStore, Step
from ._tenant import PacingState, clock_bounds, learn_answer, local_time


class WaitTooLong(Exception):
    """A request would wait for its bucket longer than ``RateLimits.max_wait``; it was not sent.

    ``ready_at`` is when the bucket is expected to have its token (epoch seconds, this machine's clock).
    """

    def __init__(self, bucket: str, wait: float, ready_at: float, max_wait: float) -> None:
        self.bucket, self.wait, self.ready_at, self.max_wait = bucket, wait, ready_at, max_wait
        where = "the tenant's bucket" if bucket == TENANT else f"the bucket {bucket!r}"
        super().__init__(
            f"not sent: {where} is expected to have a token in {wait:.1f} s, longer than the longest wait allowed"
            f" ({max_wait:g} s, RateLimits(max_wait=...))"
        )


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

    ``Pacer()`` learns the buckets from the responses; ``Pacer(RateLimits(...))`` starts from known
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

    def __init__(self, limits: RateLimits | None = None, *, store: PacingStore | None = None) -> None:
        self.limits = RateLimits() if limits is None else limits
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
    def from_option(cls, pacing: bool | RateLimits | Pacer) -> Pacer:
        """The pacer for a client's ``pacing=`` argument."""
        if isinstance(pacing, Pacer):
            return pacing
        if isinstance(pacing, RateLimits):
            return cls(pacing)
        if pacing is True:
            return cls()
        if pacing is False:
            return cls.off()
        raise TypeError(
            f"pacing must be True (learn the rate limits), False (off), a RateLimits(burst=..., rate=...) or a Pacer,"
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

    def _reserve_step(self, endpoint: str, when: float) -> Step[Ticket]:
        max_wait = self.limits.max_wait

        def step(state: PacingState) -> tuple[Ticket, PacingState]:
            name = state.bucket_name(self.limits, endpoint)
            number, wait, after = take(state.bucket(name), when, max_wait=max_wait)
            sent = 0 if wait > 0 else after.sent
            ticket = Ticket(endpoint, name, number=number, wait=wait, sent=sent, deadline=when + max_wait)
            return ticket, state.with_bucket(name, after)

        return step

    def _depart_step(self, ticket: Ticket, sending: bool) -> Step[int]:
        def step(state: PacingState) -> tuple[int, PacingState]:
            sent, after = depart(state.bucket(ticket.bucket), ticket.number, sending=sending, now=time.time())
            return sent, state.with_bucket(ticket.bucket, after)

        return step

    def _observe_step(
        self, ticket: Ticket, reading: RateLimitState, status: int | None, when: float
    ) -> Step[PacingState]:
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

    def free_ticket(self) -> Ticket | None:
        """A ticket that needs no place in a queue (pacing is off, or nothing to pace by is known), else ``None``.

        A request holding it goes at once, and its answer has nothing to teach unless it carries
        rate-limit headers.
        """
        return _unpaced_ticket() if self._unpaced() else None

    # The sync driver.

    def reserve(self, endpoint: str = "", now: float | None = None) -> Ticket:
        """Take a place in the queue of ``endpoint``'s bucket for one request; ``ticket.wait`` is how long it waits."""
        if (free := self.free_ticket()) is not None:
            return free
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
        if (free := self.free_ticket()) is not None:
            return free
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
