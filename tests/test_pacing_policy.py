"""The pacing decision and how the pacer learns, as tables over the pure functions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx
import pytest
from auth0_users._ratelimit import token_quotas
from auth0_users.pacing import (
    FIRST_GO,
    FIRST_POLL,
    FIRST_WAIT,
    FLIGHT_TTL,
    WAIT_GRACE,
    BucketState,
    Pacer,
    PacingState,
    RateLimits,
    RateLimitState,
    clock_bounds,
    depart,
    learn_answer,
    local_time,
    send_delay,
)
from auth0_users.pacing import learn as learn_bucket
from auth0_users.pacing import take as take_ticket

NOW = 1_700_000_000.0
BUCKET = BucketState(limit=10, rate=10.0, at=NOW, issued=20, sent=20)
LATER = NOW + 600  # when a waiting ticket is given up as its process's


def waiting(*numbers: int) -> tuple[tuple[int, float], ...]:
    return tuple((number, LATER) for number in numbers)


def take(state: BucketState, now: float) -> tuple[int, float, BucketState]:
    return take_ticket(state, now, max_wait=60.0)


def known(limits: RateLimits, now: float) -> BucketState:
    return BucketState.known(limits.burst, limits.rate, now)


def learn(
    state: BucketState, limits: RateLimits, reading: RateLimitState, *, status: int | None, sent: int, now: float
) -> BucketState:
    figures = (limits.burst, limits.rate)
    return learn_bucket(
        state, figures, reading.remaining, reading.limit, reading.reset, status=status, sent=sent, now=now
    )


@pytest.mark.parametrize(
    ("state", "ticket", "now", "expected"),
    [
        (BucketState(), 1, NOW, 0.0),  # nothing known: the first requests go
        (BucketState(at=NOW, issued=3), FIRST_GO, NOW, 0.0),
        (BucketState(at=NOW, issued=3), FIRST_GO + 1, NOW + 0.1, FIRST_POLL),  # the others wait for an answer...
        (BucketState(at=NOW, issued=3), FIRST_GO + 1, NOW + FIRST_WAIT, 0.0),  # ...but not for ever
        (BUCKET._replace(level=3), 20, NOW, 0.0),  # tokens left
        (BUCKET._replace(level=0), 20, NOW, 0.0),  # this ticket took the last one
        (BUCKET._replace(level=-1), 21, NOW, 0.1),  # one token short: 1/rate
        (BUCKET._replace(level=-1), 21, NOW + 0.04, 0.06),  # part of it has refilled
        (BUCKET._replace(level=-1), 21, NOW + 1, 0.0),  # all of it
        (BUCKET._replace(level=-3), 23, NOW, 0.3),  # three short
        # Only tickets still waiting behind a ticket need tokens after it: each waits its own turn.
        (BUCKET._replace(level=-3, waiting=waiting(21, 22, 23)), 21, NOW, 0.1),
        (BUCKET._replace(level=-3, waiting=waiting(21, 22, 23)), 22, NOW, 0.2),
        (BUCKET._replace(level=-3, waiting=waiting(21, 22, 23)), 23, NOW, 0.3),
        # The first in line never waits past X-RateLimit-Reset: a token is there by then.
        (BUCKET._replace(level=-1, rate=0.5, reset=NOW + 1), 21, NOW, 1.0),
        (BUCKET._replace(level=-2, rate=0.5, reset=NOW + 1), 22, NOW, 4.0),  # the second in line does
        (BUCKET._replace(level=-1, reset=NOW + 50), 21, NOW, 0.1),  # a far reset does not make it wait longer
        (BUCKET._replace(level=-1, reset=NOW - 1), 21, NOW, 0.0),  # a past reset: the token came
        (BUCKET._replace(level=-1, rate=0.0, reset=NOW + 0.7), 21, NOW, 0.7),  # rate unknown
        (BUCKET._replace(level=-2, rate=0.0, reset=NOW + 0.7), 22, NOW, 2.0),  # unknown: a token a second
    ],
)
def test_send_delay_table(state: BucketState, ticket: int, now: float, expected: float) -> None:
    assert send_delay(state, ticket, now) == pytest.approx(expected, abs=1e-6)  # epoch seconds: float error


def test_take_queues_the_tickets_the_bucket_cannot_cover_one_token_apart() -> None:
    state = known(RateLimits(burst=3, rate=2.0), NOW)
    waits = []
    for _ in range(5):
        _, wait, state = take(state, NOW)
        waits.append(wait)
    assert waits == [0.0, 0.0, 0.0, 0.5, 1.0]
    assert (state.issued, state.sent, state.level) == (5, 3, -2)
    assert [number for number, _ in state.waiting] == [4, 5]
    _, state = depart(state, 4, sending=True, now=NOW + 0.5)
    assert (state.sent, [number for number, _ in state.waiting]) == (4, [5])
    assert send_delay(state, 5, NOW + 0.5) == pytest.approx(0.5)


def test_a_ticket_that_is_not_sent_gives_its_token_back() -> None:
    state = known(RateLimits(burst=1, rate=1.0), NOW)
    _, _, state = take(state, NOW)
    ticket, wait, state = take(state, NOW)
    assert wait == 1.0
    sent, state = depart(state, ticket, sending=False, now=NOW)
    assert (sent, state.waiting, state.level, state.sent) == (0, (), 0.0, 1)


def test_a_full_bucket_holds_no_more_than_its_size() -> None:
    state = known(RateLimits(burst=3, rate=2.0), NOW - 3600)
    waits = []
    for _ in range(4):
        _, wait, state = take(state, NOW)
        waits.append(wait)
    assert waits == [0.0, 0.0, 0.0, 0.5]


def reading(limit: int | None, remaining: int | None, reset: float | None = None) -> RateLimitState:
    return RateLimitState(limit, remaining, reset)


LEARN = RateLimits()


def test_the_first_answer_sets_the_bucket_minus_what_the_server_has_not_counted_yet() -> None:
    state = BucketState(at=NOW, issued=8, sent=2, waiting=waiting(3, 4, 5, 6, 7, 8), flying=((1, NOW), (2, NOW)))
    after = learn(state, LEARN, reading(10, 9, NOW + 1), status=200, sent=1, now=NOW + 0.01)
    assert (after.limit, after.level, after.anchor, after.flying) == (10, 9 - 1 - 6, 1, ((2, NOW),))
    assert send_delay(after, 3, NOW + 0.01) == 0.0
    # Requests on their way may reach the server after the one answered: they are not counted as left.
    flying = BUCKET._replace(flying=((18, NOW), (19, NOW), (20, NOW)), anchor=17)
    assert learn(flying, LEARN, reading(10, 5), status=200, sent=18, now=NOW).level == 5 - 2


def test_an_older_answer_does_not_move_the_level() -> None:
    state = BUCKET._replace(level=-4, anchor=19, flying=((18, NOW),))
    after = learn(state, LEARN, reading(10, 7), status=200, sent=18, now=NOW + 0.1)
    assert (after.level, after.anchor, after.flying) == (-4, 19, ())


def test_the_refill_rate_is_measured_from_remaining_and_the_requests_served() -> None:
    state = learn(BucketState(), LEARN, reading(10, 5), status=200, sent=1, now=NOW)
    assert state.rate == 0.0  # one look says nothing about the refill
    state = state._replace(served=state.served + 29)  # 29 more answered meanwhile
    state = learn(state, LEARN, reading(10, 5), status=200, sent=31, now=NOW + 1)
    # 30 served in a second and Remaining where it was: 30/s, less one token for the floors.
    assert (state.rate, state.rate_span) == (pytest.approx(29.0), 1.0)
    assert state.trust == state.sent + 1


@pytest.mark.parametrize(
    ("remaining", "flying", "reset", "expected"),
    [
        (0, 0, NOW + 5.0, 2.0),  # read as "full again in 5 s": 10 tokens in 5 s
        (0, 0, NOW + 0.3, 10.0),  # within a second: at most the bucket per second
        (0, 0, None, 10.0),
        (3, 0, NOW + 5.0, 0.0),  # tokens to spare: no guess needed yet
        (3, 3, NOW + 2.0, 5.0),  # none to spare once the requests on their way are counted
    ],
)
def test_the_first_time_no_token_is_left_the_rate_is_guessed_from_reset(
    remaining: int, flying: int, reset: float | None, expected: float
) -> None:
    on_the_way = tuple((number, NOW) for number in range(2, 2 + flying))
    state = BucketState(sent=1 + flying, flying=((1, NOW), *on_the_way))
    state = learn(state, LEARN, reading(10, remaining, reset), status=200, sent=1, now=NOW)
    assert (state.rate, state.rate_span) == (expected, 0.0)


def test_a_429_the_pacer_did_not_expect_halves_its_rate_once() -> None:
    state = BUCKET._replace(trust=15, rate_span=1.0, flying=((16, NOW), (17, NOW)))
    after = learn(state, LEARN, reading(10, 0, NOW + 1), status=429, sent=16, now=NOW)
    assert (after.rate, after.rate_span, after.trust, after.served) == (5.0, 0.0, 21, 0)
    # The next 429, of a request sent under the old rate, is no news.
    assert learn(after, LEARN, reading(10, 0, NOW + 1), status=429, sent=17, now=NOW).rate == 5.0
    # A 429 of a request sent before the rate was set is expected.
    assert learn(state._replace(trust=17), LEARN, reading(10, 0), status=429, sent=16, now=NOW).rate == 10.0


def test_given_limits_are_kept() -> None:
    known = RateLimits(burst=10, rate=3.0)
    state = BucketState.known(known.burst, known.rate, NOW)
    state = learn(state, known, reading(10, 0, NOW + 1), status=429, sent=1, now=NOW)
    state = learn(state, known, reading(50, 49), status=200, sent=2, now=NOW + 10)
    assert (state.rate, state.limit) == (3.0, 50)  # the rate as given; the server's bucket size


@pytest.mark.parametrize(
    ("status", "given", "expected_level", "expected_reset"),
    [
        (429, reading(None, None), 0, 0.0),  # a 429 without headers: the bucket is empty
        (200, reading(None, None), -4, NOW + 1),  # a 200 without headers: nothing learned
        (None, reading(None, None), -4, NOW + 1),  # no answer at all
        (200, reading(10, 3, NOW - 30), 3, 0.0),  # a reset long past is no bound on the next token
    ],
)
def test_readings_without_some_headers(
    status: int | None, given: RateLimitState, expected_level: float, expected_reset: float
) -> None:
    state = BUCKET._replace(level=-4, reset=NOW + 1, flying=((20, NOW),))
    after = learn(state, LEARN, given, status=status, sent=20, now=NOW)
    assert (after.level, after.reset, after.flying) == (expected_level, expected_reset, ())


def test_requests_without_an_answer_stop_counting_after_a_while() -> None:
    state = BUCKET._replace(flying=((1, NOW - FLIGHT_TTL - 1), (19, NOW)), anchor=19)
    assert learn(state, LEARN, reading(10, 4), status=200, sent=20, now=NOW).level == 4 - 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("free", RateLimits(2, 2.0)),
        ("Enterprise", RateLimits.ENTERPRISE),
        ("enterprise-non-production", RateLimits.ENTERPRISE_NON_PRODUCTION),
        ("essentials", RateLimits.ESSENTIALS),
        ("professional", RateLimits.ESSENTIALS),
        ("10/30", RateLimits(10, 30.0)),
        ("20/3.5", RateLimits(20, 3.5)),
    ],
)
def test_rate_limits_by_name(text: str, expected: RateLimits) -> None:
    assert RateLimits.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("gold", "give a plan"),
        ("10", "give a plan"),
        ("ten/30", "give a plan"),
        ("0/30", "burst must be a whole number"),
        ("10/-1", "rate must be a positive number"),
        ("10/inf", "rate must be a positive number"),
    ],
)
def test_bad_rate_limits_say_what_to_give(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        RateLimits.parse(text)


def test_pacing_arguments_are_checked() -> None:
    with pytest.raises(ValueError, match="burst"):
        RateLimits(burst=True)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="pacing must be True"):
        Pacer.from_option("fast")  # type: ignore[arg-type]
    shared = Pacer()
    assert Pacer.from_option(shared) is shared
    assert Pacer.from_option(RateLimits.FREE).state.bucket("*").limit == 2
    assert not Pacer.from_option(False).paces


# Which bucket an answer shows its endpoint is in, as a table over learn_answer.

READ, WRITE = "GET /users/{id}", "PATCH /users/{id}"


def tenant_state(**bucket: Any) -> PacingState:
    return PacingState(buckets={"*": BucketState(**bucket)})


def answer(state: PacingState, endpoint: str, limit: int, remaining: int, *, now: float = NOW) -> PacingState:
    bucket = state.bucket_name(LEARN, endpoint)
    sent = state.bucket(bucket).sent
    return learn_answer(
        state, LEARN, endpoint, bucket, limit=limit, remaining=remaining, reset=None, status=200, sent=sent, now=now
    )


MEASURED = {"limit": 20, "rate": 10.0, "rate_span": 1.0, "at": NOW, "sent": 5, "anchor": 5}


@pytest.mark.parametrize(
    ("first", "second", "gap", "expected"),
    [
        # Same size, Remaining consistent with one bucket: shared (never split on a global bucket).
        ((READ, 20, 5), (WRITE, 20, 4), 0.0, "*"),
        ((READ, 20, 5), (WRITE, 20, 7), 0.1, "*"),  # refill of 0.1 s at twice 10/s explains 2
        # Another size: a bucket of that size.
        ((READ, 20, 5), (WRITE, 10, 9), 0.0, "limit 10"),
        # Same size, but the reads' requests did not lower the writes' Remaining: its own bucket.
        ((READ, 20, 0), (WRITE, 20, 15), 0.0, WRITE),
        ((READ, 20, 0), (WRITE, 20, 15), 1.0, "*"),  # a second of refill could explain it
        ((WRITE, 20, 0), (WRITE, 20, 15), 0.0, "*"),  # the same endpoint says nothing of sharing
    ],
)
def test_bucket_learning_table(
    first: tuple[str, int, int], second: tuple[str, int, int], gap: float, expected: str
) -> None:
    state = answer(tenant_state(**MEASURED), *first)
    state = answer(state, *second, now=NOW + gap)
    assert state.bucket_name(LEARN, second[0]) == expected
    assert state.bucket(expected).limit == second[1]


def test_no_split_while_the_refill_is_not_measured() -> None:
    state = answer(tenant_state(limit=20, at=NOW), READ, 20, 0)
    assert answer(state, WRITE, 20, 15).bucket_name(LEARN, WRITE) == "*"


def test_given_buckets_are_kept_whatever_the_headers_say() -> None:
    limits = RateLimits.ESSENTIALS
    state = PacingState.known(limits, NOW)
    assert state.bucket_name(limits, "PATCH /users/{id}") == "Write Users"
    assert state.bucket_name(limits, "GET /users-by-email") == "Read Users"
    assert state.bucket_name(limits, "GET /users/{id}/roles") == "*"
    after = learn_answer(
        state, limits, "PATCH /users/{id}", "Write Users", limit=50, remaining=3, reset=None, status=200, sent=1,
        now=NOW,
    )  # fmt: skip
    assert after.bucket_name(limits, "PATCH /users/{id}") == "Write Users"
    assert (after.bucket("Write Users").limit, after.bucket("Write Users").rate) == (50, pytest.approx(200 / 60))


@pytest.mark.parametrize(
    ("bounds", "date", "sent", "received", "expected"),
    [
        (None, NOW, NOW - 0.2, NOW + 0.1, (-0.1, 1.2)),  # Date floors the server's second
        (None, NOW + 3600, NOW, NOW + 0.05, (3599.95, 3601.0)),  # an hour ahead
        (None, NOW - 3600, NOW, NOW + 0.05, (-3600.05, -3599.0)),  # an hour behind
        ((-0.1, 1.2), NOW + 1, NOW + 0.5, NOW + 0.6, (0.4, 1.2)),  # answers narrow it
        ((0.4, 1.2), NOW + 100, NOW, NOW + 0.1, (99.9, 101.0)),  # a clock was set: start again
    ],
)
def test_the_servers_clock_table(
    bounds: tuple[float, float] | None, date: float, sent: float, received: float, expected: tuple[float, float]
) -> None:
    assert clock_bounds(bounds, date, sent, received) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("reset", "bounds", "expected"),
    [
        (NOW + 3602, (3599.95, 3601.0), NOW + 2.05),  # read on the server's clock: 2 s away, not an hour
        (NOW - 3598, (-3600.05, -3599.0), NOW + 2.05),
        (NOW + 2, None, NOW + 2),  # no Date seen: this machine's clock
        (None, (0.0, 1.0), None),
    ],
)
def test_a_reset_is_read_on_the_servers_clock(
    reset: float | None, bounds: tuple[float, float] | None, expected: float | None
) -> None:
    assert local_time(reset, bounds) == (None if expected is None else pytest.approx(expected))


DATE = "Tue, 14 Nov 2023 22:13:20 GMT"  # NOW


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (
            {"x-ratelimit-limit": "10", "x-ratelimit-remaining": "3", "x-ratelimit-reset": str(NOW + 2)},
            RateLimitState(10, 3, NOW + 2),
        ),
        ({"x-ratelimit-limit": "-1", "x-ratelimit-remaining": "3"}, RateLimitState(None, 3, None)),
        ({"x-ratelimit-limit": "0", "x-ratelimit-remaining": "0"}, RateLimitState(None, 0, None)),
        ({"x-ratelimit-limit": "2.5", "x-ratelimit-remaining": "-4"}, RateLimitState(None, None, None)),
        ({"x-ratelimit-limit": "1e9", "x-ratelimit-remaining": "many"}, RateLimitState(None, None, None)),
        ({"x-ratelimit-remaining": "1", "x-ratelimit-reset": "4102444800"}, RateLimitState(None, 1, None)),  # 2100
        ({"x-ratelimit-remaining": "1", "x-ratelimit-reset": "-5"}, RateLimitState(None, 1, None)),
        # An hour off on both clocks is sensible; judged against the server's Date, not this machine's.
        ({"x-ratelimit-reset": str(NOW + 3602), "date": DATE}, RateLimitState(None, None, NOW + 3602, NOW)),
        ({"x-ratelimit-reset": str(NOW + 90_000), "date": DATE}, RateLimitState(None, None, None, NOW)),
        ({"x-ratelimit-reset": str(NOW), "date": "yesterday"}, RateLimitState(None, None, NOW)),
        ({"date": DATE}, None),
        ({"x-ratelimit-policy": "10;w=1", "date": DATE}, None),  # another x-ratelimit-* header only
        (httpx.Headers({"X-RateLimit-Limit": "10", "X-RateLimit-Remaining": "9"}), RateLimitState(10, 9, None)),
    ],
)
def test_header_sanitising_table(headers: Mapping[str, str], expected: RateLimitState | None) -> None:
    assert RateLimitState.from_headers(headers, now=NOW) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            "b=per_hour;q=10;r=7;t=3540,b=per_day;q=50;r=47;t=43200",
            [("client per_hour", 10, 7, 3540.0), ("client per_day", 50, 47, 43200.0)],
        ),
        ("b=per_hour; q=10; r=0; t=12", [("client per_hour", 10, 0, 12.0)]),
        ("b=per_hour;q=ten;r=0;t=12", []),
        ("garbage", []),
    ],
)
def test_token_quota_header_table(header: str, expected: list[tuple[str, int, int, float]]) -> None:
    assert [tuple(quota) for quota in token_quotas({"auth0-client-quota-limit": header})] == expected


def test_a_waiting_ticket_of_a_dead_process_gives_its_token_back() -> None:
    state = known(RateLimits(burst=1, rate=1.0), NOW)
    _, _, state = take(state, NOW)
    _, wait, state = take(state, NOW)  # this one's process dies while it waits
    assert wait == 1.0
    later = NOW + 60 + WAIT_GRACE + 1
    # The server has a token: while the dead ticket counted as waiting, it would have taken it.
    state = learn_bucket(state, (1, 1.0), 1, 1, None, status=200, sent=1, now=later)
    assert (state.waiting, state.level) == ((), 1.0)
    assert take_ticket(state, later, max_wait=60.0)[1] == 0.0
