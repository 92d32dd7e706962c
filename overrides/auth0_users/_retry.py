"""When to retry a request, and how long to wait first: one pure decision."""

from __future__ import annotations

import email.utils
from collections.abc import Mapping
from typing import NamedTuple

NEVER_RETRIED = frozenset({501, 505})
"""Server errors that say the request cannot work, however often it is sent (not implemented)."""


class RetryPolicy(NamedTuple):
    """Limits of the retry decision.

    ``max_retries`` is how many times a request is repeated after the first try. Waits for a
    rate limit follow ``Retry-After`` or ``X-RateLimit-Reset``, capped at ``max_rate_limit_wait``;
    other waits back off exponentially from ``base_delay`` up to ``max_delay``, with jitter.
    """

    max_retries: int = 3
    base_delay: float = 0.5
    max_delay: float = 8.0
    max_rate_limit_wait: float = 60.0


def _header_wait(headers: Mapping[str, str], now: float) -> float | None:
    retry_after = headers.get("retry-after")
    if retry_after is not None:
        try:
            return max(0.0, float(retry_after))
        except ValueError:
            try:
                return max(0.0, email.utils.parsedate_to_datetime(retry_after).timestamp() - now)
            except (TypeError, ValueError):
                pass  # neither seconds nor a date: fall back to the reset header or backoff
    reset = headers.get("x-ratelimit-reset")
    if reset is not None:
        try:
            return max(0.0, float(reset) - now)
        except ValueError:
            return None
    return None


def retry_delay(
    policy: RetryPolicy,
    *,
    attempt: int,
    idempotent: bool,
    status: int | None = None,
    headers: Mapping[str, str] | None = None,
    connect_failed: bool = False,
    paced: bool = False,
    now: float,
    jitter: float,
) -> float | None:
    """Seconds to wait before trying again, or ``None`` to give up.

    ``attempt`` counts the tries made so far (1 after the first). ``status`` is the answer's status,
    or ``None`` when no answer came (then ``connect_failed`` says whether the request never left,
    which makes it safe to repeat whatever its method). ``paced`` says that a pacer knows the
    bucket: a 429 then waits for the pacer's next token, not here (unless ``Retry-After`` says how
    long). ``jitter`` is a number in [0, 1).
    """
    if attempt > policy.max_retries:
        return None
    backoff = min(policy.max_delay, policy.base_delay * 2.0 ** (attempt - 1)) * (1 - jitter / 4)
    if status == 429 and paced and "retry-after" not in (headers or {}):
        return 0.0
    if status == 429:
        advertised = _header_wait(headers or {}, now)
        if advertised is None:
            return backoff
        return min(policy.max_rate_limit_wait, advertised) + jitter * min(1.0, policy.base_delay)
    if status is None:
        return backoff if (idempotent or connect_failed) else None
    if status >= 500 and status not in NEVER_RETRIED and idempotent:
        return backoff
    return None
