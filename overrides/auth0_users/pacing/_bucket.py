"""One token bucket: what a pacer knows of it, in numbers, and the pure functions that decide and learn.

All times are this machine's epoch seconds: a ``reset`` has been read against the server's clock
before it comes here (see :mod:`auth0_users.pacing._tenant`).
"""

from __future__ import annotations

from typing import NamedTuple

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
#: A waiting ticket not gone this long after its longest allowed wait belongs to a process that died.
WAIT_GRACE = 5.0


class BucketState(NamedTuple):
    """What a pacer knows about one bucket, in numbers, so that any store can keep it.

    ``limit`` is the bucket's size (0 while no bucket is known). ``level`` is the number of tokens
    at time ``at`` once every ticket handed out has taken its own: negative when that many wait.
    ``issued`` counts the tickets handed out, ``sent`` the requests sent; ``waiting`` lists the
    tickets still waiting, in order, each with the time after which it counts as abandoned (its
    process died), and ``flying`` the send numbers and times of the requests sent and not
    answered yet. ``anchor`` is the send number of the response that last set ``level``, and
    ``reset`` that response's ``X-RateLimit-Reset`` on this machine's clock (0 if none). ``rate`` is
    tokens per second (0 while unknown), measured over ``rate_span`` seconds (0 for a guess);
    ``trust`` is the first send number under the current rate. ``served`` counts responses that
    took a token (all but 429s); the ``base_*`` fields are where the current refill measurement
    started. Before any bucket is known, ``at`` is when the first ticket was handed out.
    """

    limit: int = 0
    rate: float = 0.0
    rate_span: float = 0.0
    level: float = 0.0
    at: float = 0.0
    reset: float = 0.0
    issued: int = 0
    sent: int = 0
    waiting: tuple[tuple[int, float], ...] = ()
    flying: tuple[tuple[int, float], ...] = ()
    anchor: int = 0
    trust: int = 0
    served: int = 0
    base_at: float = 0.0
    base_remaining: int = 0
    base_served: int = 0

    @classmethod
    def known(cls, burst: int | None, rate: float | None, now: float) -> BucketState:
        """The state of a bucket of given figures (either may be ``None``), before any response."""
        if burst is None and rate is None:
            return cls()
        return cls(limit=burst or 1, rate=rate or 0.0, level=float(burst or 1), at=now)

    def alive(self, now: float) -> tuple[tuple[int, float], ...]:
        """The waiting tickets whose processes may still be waiting."""
        return tuple(entry for entry in self.waiting if entry[1] > now)


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
    need = -state.level - sum(1 for number, expires in state.waiting if number > ticket and expires > now)
    if need <= 0:
        return 0.0
    due = state.at + need / (state.rate or FALLBACK_RATE)
    if need <= 1 and state.reset:
        due = min(due, state.reset)
    return max(0.0, due - now)


def take(state: BucketState, now: float, *, max_wait: float) -> tuple[int, float, BucketState]:
    """Hand out the next ticket: its number, its wait, and the state after it.

    A ticket that need not wait is sent at once (``sent`` counts it, ``flying`` holds it until its
    answer); one that waits joins ``waiting`` until :func:`depart`, or until ``max_wait`` and a
    grace period have passed (its process died: it gives its token back).
    """
    ticket = state.issued + 1
    state = _drop_abandoned(state, now)
    if state.limit <= 0:
        after = state._replace(issued=ticket, at=state.at or now)
    else:
        level, at, reset = state.level, state.at, state.reset
        if state.rate > 0 and level + state.rate * (now - at) >= state.limit:
            level, at, reset = float(state.limit), now, 0.0  # a full bucket holds no more
        after = state._replace(level=level - 1, at=at, reset=reset, issued=ticket)
    wait = send_delay(after, ticket, now)
    if wait > 0:
        return ticket, wait, after._replace(waiting=(*after.waiting, (ticket, now + max_wait + WAIT_GRACE)))
    return ticket, wait, _send(after, now)


def depart(state: BucketState, ticket: int, *, sending: bool, now: float) -> tuple[int, BucketState]:
    """Take a waiting ``ticket`` out of the queue: its send number (0 if not sending) and the state.

    A ticket that is not sent after all gives its token back.
    """
    waiting = tuple(entry for entry in state.waiting if entry[0] != ticket)
    if sending:
        return state.sent + 1, _send(state._replace(waiting=waiting), now)
    return 0, state._replace(waiting=waiting, level=state.level + (len(waiting) < len(state.waiting)))


def _send(state: BucketState, now: float) -> BucketState:
    flying = tuple(flight for flight in state.flying if flight[1] > now - FLIGHT_TTL)
    return state._replace(sent=state.sent + 1, flying=(*flying, (state.sent + 1, now)))


def _drop_abandoned(state: BucketState, now: float) -> BucketState:
    alive = state.alive(now)
    if len(alive) == len(state.waiting):
        return state
    return state._replace(waiting=alive, level=state.level + len(state.waiting) - len(alive))


def forget(state: BucketState, sent: int, now: float) -> BucketState:
    """The state without the request ``sent`` on its way (its answer is learned by another bucket)."""
    return state._replace(flying=tuple(f for f in state.flying if f[0] != sent and f[1] > now - FLIGHT_TTL))


def learn(
    state: BucketState,
    known: tuple[int | None, float | None],
    remaining: int | None,
    limit: int | None,
    reset: float | None,
    *,
    status: int | None,
    sent: int,
    now: float,
) -> BucketState:
    """Fold one answer into the state: the bucket's size, its refill rate and its level.

    ``known`` is the bucket's given burst and rate (``None`` to learn them). ``reset`` is on this
    machine's clock. ``sent`` is the request's send number; ``status`` tells whether it took a
    token (all but 429s did), ``None`` when no answer came (a dropped connection, a timeout).
    """
    known_burst, known_rate = known
    state = _drop_abandoned(forget(state, sent, now), now)
    if remaining is None:
        if status != 429:
            return state
        remaining = 0
    limit = limit or state.limit or known_burst or remaining + 1
    remaining = min(max(remaining, 0), limit)
    # A reset before the answer arrived says nothing about the next token.
    reset = reset if reset is not None and reset > now - 1 else 0.0
    served = state.served + (status != 429)
    # What the server may not have counted yet: requests on their way (as far as the client can
    # tell, any of them may arrive after this one) and those still waiting.
    unseen = len(state.flying) + len(state.waiting)
    rate, rate_span, trust = state.rate, state.rate_span, state.trust
    base_at, base_remaining, base_served = state.base_at, state.base_remaining, state.base_served
    # The refill is measured from a moment the bucket was not full: a full bucket refills nothing.
    restart = base_at <= 0 or (remaining > 0 and remaining >= limit - 1) or now - base_at > MAX_SPAN
    if known_rate is None:
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
            # docstring of auth0_users.pacing).
            rate, trust = limit / max(1.0, (reset or now) - now), state.sent + 1
    if restart:
        base_at, base_remaining, base_served = now, remaining, served
    fresh = sent >= state.anchor or state.limit <= 0
    return state._replace(
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
