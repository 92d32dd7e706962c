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
another store can keep the same state elsewhere (:class:`RedisStore`, which :class:`RedisPacer`
uses to share one budget among many processes) without changing the algorithm. What a tenant's
limits are known to be, before any answer, is a :class:`RateLimits`.

The modules, bottom up: ``_limits`` (:class:`RateLimits`, :class:`Bucket`) and ``_bucket`` (one
bucket's state and its pure functions), ``_tenant`` (every bucket of a tenant, pure), ``_store``
(the store protocol, :class:`LocalStore`), ``_pacer`` (:class:`Pacer`: the steps applied to a
store, and the sleeping), ``_redis_store`` and ``_redis_pacer`` (the shared budget).

How a bucket's state is kept up to date:

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

No request waits longer than ``RateLimits.max_wait`` (60 s unless set): one that would raises
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

from .._ratelimit import RateLimitState
from ._bucket import (
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
from ._limits import TENANT, Bucket, RateLimits, endpoint_name
from ._pacer import Pacer, Ticket, WaitTooLong
from ._redis_pacer import RedisPacer
from ._redis_store import RedisStore
from ._store import LocalStore, PacingStore
from ._tenant import Mark, PacingState, clock_bounds, learn_answer, local_time

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
    "PacingState",
    "PacingStore",
    "RateLimitState",
    "RateLimits",
    "RedisPacer",
    "RedisStore",
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
