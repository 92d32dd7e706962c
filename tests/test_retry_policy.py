"""The retry decision, as tables."""

from __future__ import annotations

import pytest
from auth0_users._core.retry import RetryPolicy, retry_delay

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
        (1, True, 429, {"retry-after": "3"}, False, 3.0),
        (1, True, 429, {}, False, 0.5),  # no headers: back off
        (1, True, 429, {"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}, False, 0.0),
        (1, True, 429, {"retry-after": "soon"}, False, 0.5),  # unreadable
        (1, True, 429, {"retry-after": "nan"}, False, 0.5),
        (1, True, 429, {"retry-after": "3600"}, False, None),  # past the cap: no sleep that ends in vain
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


@pytest.mark.parametrize(
    ("attempt", "paced", "reset_in", "sent_ago", "deadline_in", "expected"),
    [
        (1, False, 2.0, 0.1, 30.0, 2.0),  # wait for the reset (on this machine's clock)
        (1, True, 2.0, 0.1, 30.0, 0.0),  # the pacer waits for the next token
        (1, False, -5.0, 0.1, 30.0, 0.0),  # already reset
        (1, False, 3600.0, 0.1, 30.0, None),  # past the cap: give up now, not after sleeping 30 s
        (2, False, 20.0, 0.1, 10.0, None),  # past what is left of the call's deadline
        # max_retries spent, but this attempt went before the reset: one more, at the reset.
        (4, True, 2.0, 0.1, 30.0, 2.0),
        (5, True, 2.0, 0.1, 30.0, None),  # once: the attempt before this one went at a reset
        (4, True, 2.0, 0.1, 1.0, None),  # ...unless the reset is past the deadline
        (4, True, -0.5, 0.1, 30.0, None),  # the attempt went after the reset: the 429 stands
        (4, True, None, 0.1, 30.0, None),  # no reset known
    ],
)
def test_a_429_is_retried_up_to_its_reset_within_the_deadline(
    attempt: int, paced: bool, reset_in: float | None, sent_ago: float, deadline_in: float, expected: float | None
) -> None:
    delay = retry_delay(
        POLICY,
        attempt=attempt,
        idempotent=False,
        status=429,
        paced=paced,
        reset_at=None if reset_in is None else NOW + reset_in,
        sent_at=NOW - sent_ago,
        deadline=NOW + deadline_in,
        now=NOW,
        jitter=0.0,
    )
    assert delay == (None if expected is None else pytest.approx(expected))


def test_max_retries_zero_still_waits_for_a_near_reset() -> None:
    policy = POLICY._replace(max_retries=0)
    common = {"idempotent": True, "status": 429, "now": NOW, "jitter": 0.0, "deadline": NOW + 60}
    assert retry_delay(policy, attempt=1, reset_at=NOW + 2, sent_at=NOW - 0.05, **common) == pytest.approx(2.0)
    assert retry_delay(policy, attempt=2, reset_at=NOW + 1, sent_at=NOW - 0.05, **common) is None


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
