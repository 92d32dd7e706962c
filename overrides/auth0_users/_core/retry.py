"""When to retry a request, and how long to wait first: one pure decision."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import NamedTuple

from .._ratelimit import http_date

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
"""Methods whose repetition cannot change the outcome (Auth0 has no idempotency keys for the rest)."""

NEVER_RETRIED = frozenset({501, 505})
"""Server errors that say the request cannot work, however often it is sent (not implemented)."""


class RetryPolicy(NamedTuple):
    """Limits of the retry decision.

    ``max_retries`` is how many times a request is repeated after the first try. Waits for a
    rate limit follow ``Retry-After`` or ``X-RateLimit-Reset``; no wait ends later than
    ``max_rate_limit_wait`` after the call began. Other waits back off exponentially from
    ``base_delay`` up to ``max_delay``, with jitter.
    """

    max_retries: int = 3
    base_delay: float = 0.5
    max_delay: float = 8.0
    max_rate_limit_wait: float = 60.0


def is_idempotent(http_method: str) -> bool:
    """Whether repeating a request of ``http_method`` cannot change the outcome."""
    return http_method.upper() in IDEMPOTENT_METHODS


def _retry_after(headers: Mapping[str, str], now: float) -> float | None:
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        when = http_date(value)
        return None if when is None else max(0.0, when - now)
    return max(0.0, seconds) if math.isfinite(seconds) else None


def retry_delay(
    policy: RetryPolicy,
    *,
    attempt: int,
    idempotent: bool,
    status: int | None = None,
    headers: Mapping[str, str] | None = None,
    connect_failed: bool = False,
    paced: bool = False,
    reset_at: float | None = None,
    refusals: int = 1,
    sent_at: float | None = None,
    deadline: float | None = None,
    now: float,
    jitter: float,
) -> float | None:
    """Seconds to wait before trying again, or ``None`` to give up.

    ``attempt`` counts the tries made so far (1 after the first). ``status`` is the answer's status,
    or ``None`` when no answer came (then ``connect_failed`` says whether the request never left,
    which makes it safe to repeat whatever its method). ``paced`` says that a pacer knows the
    bucket: a 429 then waits for the pacer's next token, not here (unless ``Retry-After`` says how
    long), except the second 429 of a call (``refusals`` counts them): the pacer's token came too
    early, and it waits for ``reset_at``. ``jitter`` is a number in [0, 1).

    A 429 is retried ``max_retries`` times, and past that once more, at ``reset_at`` (the answer's
    reset, on this machine's clock) if this attempt was sent before it: a call never gives up
    before the budget comes back. No 429 wait ends past ``deadline`` (the call's
    start plus ``max_rate_limit_wait``): a reset later than that gives up at once.
    """
    backoff = min(policy.max_delay, policy.base_delay * 2.0 ** (attempt - 1)) * (1 - jitter / 4)
    if status == 429:
        end = now + policy.max_rate_limit_wait if deadline is None else deadline
        advertised = _retry_after(headers or {}, now)
        if advertised is None and reset_at is not None and (not paced or refusals > 1):
            advertised = max(0.0, reset_at - now)
        if advertised is not None:
            wait = advertised + jitter * min(1.0, policy.base_delay)
        else:
            wait = 0.0 if paced else backoff
        if attempt > policy.max_retries:
            if attempt > policy.max_retries + 1 or reset_at is None or sent_at is None or sent_at >= reset_at:
                return None  # the attempts are spent, and one already went at a reset (or none is known)
            wait = max(wait, reset_at - now)
        if now + wait > end:
            return None if advertised is not None or attempt > policy.max_retries else max(0.0, end - now)
        return wait
    if attempt > policy.max_retries:
        return None
    if status is None:
        return backoff if (idempotent or connect_failed) else None
    if status >= 500 and status not in NEVER_RETRIED and idempotent:
        return backoff
    return None
