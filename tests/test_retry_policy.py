"""The retry decision, as a table."""

from __future__ import annotations

import pytest
from auth0_users._retry import RetryPolicy, retry_delay

POLICY = RetryPolicy(max_retries=3, base_delay=0.5, max_delay=8.0, max_rate_limit_wait=30.0)
NOW = 1_700_000_000.0


@pytest.mark.parametrize(
    ("attempt", "idempotent", "status", "headers", "connect_failed", "expected"),
    [
        (1, True, 503, {}, False, 0.5),
        (2, True, 503, {}, False, 1.0),
        (3, True, 500, {}, False, 2.0),
        (4, True, 503, {}, False, None),  # max_retries reached
        (1, False, 503, {}, False, None),  # POST is not repeated after a 5xx
        (1, False, None, {}, False, None),  # nor after a dropped connection
        (1, False, None, {}, True, 0.5),  # but a request that never left can be
        (1, True, None, {}, False, 0.5),  # timeouts and drops on GET are retried
        (1, True, 501, {}, False, None),  # not implemented: sending it again cannot help
        (1, True, 400, {}, False, None),
        (1, True, 404, {}, False, None),
        (1, False, 429, {"x-ratelimit-reset": str(NOW + 2)}, False, 2.0),
        (1, True, 429, {"retry-after": "3"}, False, 3.0),
        (1, True, 429, {"retry-after": "3", "x-ratelimit-reset": str(NOW + 9)}, False, 3.0),
        (1, True, 429, {"x-ratelimit-reset": str(NOW + 3600)}, False, 30.0),  # capped
        (1, True, 429, {"x-ratelimit-reset": str(NOW - 5)}, False, 0.0),  # already reset
        (1, True, 429, {}, False, 0.5),  # no headers: back off
        (1, True, 429, {"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}, False, 0.0),
        (1, True, 429, {"retry-after": "soon", "x-ratelimit-reset": str(NOW + 4)}, False, 4.0),  # unreadable
        (1, True, 429, {"retry-after": "", "x-ratelimit-reset": "never"}, False, 0.5),
        (10, True, 3, {}, False, None),
    ],
)
def test_retry_delay_table(attempt, idempotent, status, headers, connect_failed, expected) -> None:
    delay = retry_delay(
        POLICY,
        attempt=attempt,
        idempotent=idempotent,
        status=status,
        headers=headers,
        connect_failed=connect_failed,
        now=NOW,
        jitter=0.0,
    )
    assert delay == expected


def test_jitter_only_shortens_backoff_and_lengthens_rate_limit_waits_a_little() -> None:
    common = {"attempt": 2, "idempotent": True, "now": NOW}
    backoffs = {retry_delay(POLICY, status=503, jitter=j / 10, **common) for j in range(10)}
    assert len(backoffs) == 10
    assert all(0.75 <= d <= 1.0 for d in backoffs if d is not None)
    waits = [retry_delay(POLICY, status=429, headers={"retry-after": "2"}, jitter=j / 10, **common) for j in range(10)]
    assert all(w is not None and 2.0 <= w < 2.5 for w in waits)


def test_backoff_is_capped() -> None:
    policy = RetryPolicy(max_retries=20, base_delay=1.0, max_delay=4.0)
    assert retry_delay(policy, attempt=10, idempotent=True, status=502, now=NOW, jitter=0.0) == 4.0
