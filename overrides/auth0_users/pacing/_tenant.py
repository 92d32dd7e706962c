"""Every bucket of a tenant: which endpoint is in which, learned from the headers alone; and the server's clock.

Endpoints share the tenant's bucket until an answer shows otherwise, so that a tenant with one
bucket for everything is paced as one. An endpoint leaves the bucket it is in when

- its answer's ``X-RateLimit-Limit`` differs from the bucket's: it joins the bucket of that size
  (one per size is assumed until shown otherwise), or
- its answer's ``X-RateLimit-Remaining`` is higher than the bucket can hold after what another
  endpoint's answer just said: the requests of the other endpoint did not take its tokens. The
  bound allows for the requests on their way and for twice the measured refill meanwhile (no
  such test while the refill is not measured), so a shared bucket does not look split.

Given buckets (:class:`~auth0_users.pacing.Bucket`) are kept as given. The functions are pure;
the state is numbers and names, so that any store can keep it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from ._bucket import FLIGHT_TTL, BucketState, learn
from ._limits import TENANT, RateLimits


class Mark(NamedTuple):
    """The last answer an endpoint had from a bucket: when, ``Remaining``, and requests on their way then."""

    bucket: str
    at: float
    remaining: int
    flying: int


class PacingState(NamedTuple):
    """A tenant's buckets by name, the learned bucket of each endpoint, and each bucket's latest answer."""

    buckets: Mapping[str, BucketState] = {}
    routes: Mapping[str, str] = {}
    marks: Mapping[str, tuple[str, Mark]] = {}

    @classmethod
    def known(cls, limits: RateLimits, now: float) -> PacingState:
        """The state of a pacer given ``limits``, before any response."""
        buckets = {TENANT: BucketState.known(limits.burst, limits.rate, now)}
        for bucket in limits.buckets:
            buckets[bucket.name] = BucketState.known(bucket.burst, bucket.rate, now)
        return cls(buckets=buckets)

    def bucket_name(self, limits: RateLimits, endpoint: str) -> str:
        """The bucket ``endpoint`` is in: given, learned, or the tenant's."""
        given = limits.bucket_of(endpoint)
        return given.name if given is not None else self.routes.get(endpoint, TENANT)

    def bucket(self, name: str) -> BucketState:
        """The state of the bucket ``name`` (an empty one if none is known yet)."""
        return self.buckets.get(name) or BucketState()

    def with_bucket(self, name: str, state: BucketState) -> PacingState:
        """The state with bucket ``name`` replaced."""
        return self._replace(buckets={**self.buckets, name: state})


def _figures(limits: RateLimits, name: str) -> tuple[int | None, float | None]:
    if name == TENANT:
        return limits.burst, limits.rate
    given = next((bucket for bucket in limits.buckets if bucket.name == name), None)
    return (given.burst, given.rate) if given is not None else (None, None)


def _home(
    state: PacingState,
    limits: RateLimits,
    endpoint: str,
    name: str,
    *,
    limit: int | None,
    remaining: int | None,
    now: float,
) -> str:
    """The bucket that an answer of ``endpoint`` (from bucket ``name``) shows it is in."""
    if limits.bucket_of(endpoint) is not None:
        return name
    current = state.bucket(name)
    if limit is not None and current.limit > 0 and limit != current.limit:
        by_size = f"limit {limit}"
        if state.bucket(TENANT).limit == limit and _figures(limits, TENANT)[0] in (None, limit):
            return TENANT
        return by_size
    latest = state.marks.get(name)
    if remaining is None or latest is None or latest[0] == endpoint or current.rate_span <= 0:
        return name  # nothing to compare with, or no measured refill to bound the gain by
    other = latest[1]
    # Twice the measured rate: a margin, and a bucket thought shared measures the sum of the refills.
    shared_at_most = other.remaining + other.flying + 1 + 2 * current.rate * max(0.0, now - other.at)
    if remaining > shared_at_most + 1 and now - other.at < FLIGHT_TTL:
        return f"{endpoint}"  # the other endpoint's requests did not take this one's tokens
    return name


def learn_answer(
    state: PacingState,
    limits: RateLimits,
    endpoint: str,
    sent_in: str,
    *,
    limit: int | None,
    remaining: int | None,
    reset: float | None,
    status: int | None,
    sent: int,
    now: float,
) -> PacingState:
    """Fold one answer of ``endpoint``, sent as ``sent`` in bucket ``sent_in``, into the tenant's state.

    ``reset`` is on this machine's clock. The endpoint may move to another bucket (see the module's
    docstring); the answer is then learned by that bucket, which starts from it.
    """
    home = _home(state, limits, endpoint, sent_in, limit=limit, remaining=remaining, now=now)
    buckets = dict(state.buckets)
    routes = dict(state.routes)
    if home != sent_in:
        # The request no longer counts as on its way in the bucket it was paced by; that bucket
        # measures its refill afresh, without this endpoint's answers.
        old = buckets.get(sent_in) or BucketState()
        buckets[sent_in] = old._replace(
            flying=tuple(f for f in old.flying if f[0] != sent), rate=0.0 if old.rate_span else old.rate, base_at=0.0
        )
        routes[endpoint] = home
        target = buckets.get(home) or BucketState()
        # An answer to a request this bucket did not send: as fresh as its latest, it sets the level.
        buckets[home] = learn(
            target, _figures(limits, home), remaining, limit, reset, status=status, sent=target.anchor, now=now
        )
    else:
        before = buckets.get(home) or BucketState()
        buckets[home] = learn(
            before, _figures(limits, home), remaining, limit, reset, status=status, sent=sent, now=now
        )
    marks = dict(state.marks)
    if remaining is not None:
        flying = len(buckets[home].flying)
        marks[home] = (endpoint, Mark(home, now, remaining, flying))
    return PacingState(buckets=buckets, routes=routes, marks=marks)


def clock_bounds(bounds: tuple[float, float] | None, date: float, sent: float, received: float) -> tuple[float, float]:
    """How far the server's clock is ahead of this machine's, as an interval narrowed by each answer.

    ``Date`` is the server's clock, floored to the second, at some moment between ``sent`` and
    ``received`` (this machine's clock): the offset is at least ``date - received`` and less than
    ``date + 1 - sent``. Answers narrow the interval to well under a second; one that does not
    fit (a clock was set) starts it again.
    """
    low, high = date - received, date + 1 - sent
    if bounds is not None:
        narrowed = max(low, bounds[0]), min(high, bounds[1])
        if narrowed[0] <= narrowed[1]:
            return narrowed
    return low, high


def local_time(server_time: float | None, bounds: tuple[float, float] | None) -> float | None:
    """A time on the server's clock (a reset) on this machine's clock: the latest it can be."""
    if server_time is None or bounds is None:
        return server_time
    return server_time - bounds[0]
