"""Pacing against a real loopback server whose limits a test scripts: resets, clocks, quotas, buckets."""

from __future__ import annotations

import asyncio
import email.utils
import itertools
import json
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from auth0_users import AsyncManagementClient, ManagementClient, RateLimitError, TokenQuotaError
from auth0_users.pacing import RateLimits

USER = {"user_id": "auth0|1", "email": "a@example.com"}
Reply = tuple[int, dict[str, str], Any]


@contextmanager
def scripted(answer: Callable[[str, str, float], Reply]) -> Iterator[tuple[str, list[tuple[str, str, float]]]]:
    """A loopback server answering each request with ``answer(method, path, now)``; yields its API URL and log."""
    log: list[tuple[str, str, float]] = []
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            now = time.time()
            with lock:
                log.append((self.command, self.path, now))
                status, headers, body = answer(self.command, self.path, now)
            payload = json.dumps(body).encode()
            self.send_response_only(status)  # no Date of its own: the test's clock sends one
            for name, value in {"Content-Type": "application/json", **headers}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PATCH = _handle

        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/api/v2", log
    finally:
        httpd.shutdown()
        httpd.server_close()


def limited(limit: int, remaining: int, reset: float, clock: float) -> dict[str, str]:
    """Rate-limit headers and a ``Date``, as a server whose clock reads ``clock`` sends them."""
    return {
        "X-RateLimit-Limit": str(limit),
        "X-RateLimit-Remaining": str(remaining),
        "X-RateLimit-Reset": str(int(reset)),
        "Date": email.utils.formatdate(clock, usegmt=True),
    }


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_429_whose_reset_is_two_seconds_away_succeeds_in_at_most_three_requests(mode: str) -> None:
    # The server gives its next token at the reset (Auth0's current meaning of the header).
    reset = int(time.time()) + 3  # two to three seconds away

    def answer(method: str, path: str, now: float) -> Reply:
        if now < reset:
            return 429, limited(10, 0, reset, now), {"statusCode": 429, "message": "Global limit has been reached"}
        return 200, limited(10, 0, reset + 1, now), USER

    with scripted(answer) as (url, log):
        if mode == "sync":
            with ManagementClient(base_url=url, token="t") as mgmt:
                assert mgmt.users.get("auth0|1").user_id == "auth0|1"
        else:

            async def call() -> None:
                async with AsyncManagementClient(base_url=url, token="t") as amgmt:
                    assert (await amgmt.users.get("auth0|1")).user_id == "auth0|1"

            asyncio.run(call())
    assert len(log) <= 3
    assert log[-1][2] >= reset


def test_with_max_retries_zero_a_near_reset_is_still_waited_for() -> None:
    reset = int(time.time()) + 2

    def answer(method: str, path: str, now: float) -> Reply:
        return (429, limited(10, 0, reset, now), {}) if now < reset else (200, limited(10, 5, reset, now), USER)

    with scripted(answer) as (url, log), ManagementClient(base_url=url, token="t", max_retries=0) as mgmt:
        mgmt.users.get("auth0|1")
    assert len(log) == 2


@pytest.mark.parametrize("status", [200, 429])
def test_a_reset_in_2100_returns_or_raises_within_the_cap(status: int) -> None:
    far = time.mktime((2100, 1, 1, 0, 0, 0, 0, 0, 0))

    def answer(method: str, path: str, now: float) -> Reply:
        return status, limited(10, 0, far, now), USER if status == 200 else {"message": "slow down"}

    refused = []
    with (
        scripted(answer) as (url, _),
        ManagementClient(base_url=url, token="t", pacing=RateLimits(max_wait=2.0)) as mgmt,
    ):
        started = time.monotonic()
        for _ in range(3):
            try:
                mgmt.users.get("auth0|1")
            except RateLimitError as error:
                refused.append(error.status_code)
        took = time.monotonic() - started
        assert "4.34e-09" not in repr(mgmt.pacer)
    assert refused == ([] if status == 200 else [429] * 3)
    # Not a time measurement of the code's speed: the bound the cap promises, many times over.
    assert took < 3 * (2.0 + 1.0) + 5


def test_a_reset_an_hour_ahead_on_a_skewed_server_clock_costs_nothing() -> None:
    skew = 3600.0
    state = {"tokens": 5.0, "at": time.time()}

    def answer(method: str, path: str, now: float) -> Reply:
        state["tokens"] = min(5.0, state["tokens"] + 20.0 * (now - state["at"]))
        state["at"] = now
        if state["tokens"] < 1:
            return 429, limited(5, 0, now + skew + 1, now + skew), {"message": "slow down"}
        state["tokens"] -= 1
        return 200, limited(5, int(state["tokens"]), now + skew + 1, now + skew), USER

    pacing = RateLimits(max_wait=5.0)
    with scripted(answer) as (url, log), ManagementClient(base_url=url, token="t", pacing=pacing) as mgmt:
        with ThreadPoolExecutor(4) as pool:
            list(pool.map(lambda _: mgmt.users.get("auth0|1"), range(40)))
        clock = mgmt.pacer._clock
    assert clock is not None
    assert skew - 1 <= clock[0] <= clock[1] <= skew + 1
    assert len(log) <= 44  # a few 429s at most; with the reset read on this clock, 360 s each


def test_a_pacer_that_would_wait_past_the_cap_raises_saying_when() -> None:
    reset = time.time() + 30

    def answer(method: str, path: str, now: float) -> Reply:
        return 200, limited(1, 0, reset, now), USER

    pacing = RateLimits(burst=1, rate=0.05, max_wait=1.0)
    with scripted(answer) as (url, log), ManagementClient(base_url=url, token="t", pacing=pacing) as mgmt:
        mgmt.users.get("auth0|1")
        with pytest.raises(RateLimitError, match=r"not sent.*expects the budget back") as caught:
            mgmt.users.get("auth0|1")
    assert caught.value.expected_at is not None
    assert caught.value.expected_at > time.time() + 5
    assert len(log) == 1  # the second was never sent


@pytest.mark.parametrize(
    ("value", "logged"),
    [("-1", "limit='-1'"), ("abc", "limit='abc'"), ("1e9", "limit='1e9'"), ("2.5", "limit='2.5'")],
)
def test_nonsense_rate_limit_headers_cost_nothing_and_say_so_once(
    value: str, logged: str, caplog: pytest.LogCaptureFixture
) -> None:
    def answer(method: str, path: str, now: float) -> Reply:
        return 200, {"X-RateLimit-Limit": value, "X-RateLimit-Remaining": "-3", "X-RateLimit-Reset": "soon"}, USER

    with scripted(answer) as (url, log), ManagementClient(base_url=url, token="t") as mgmt:
        with caplog.at_level("DEBUG", logger="auth0_users"):
            for _ in range(5):
                mgmt.users.get("auth0|1")
        assert not mgmt.pacer.paces
    gaps = [later[2] - earlier[2] for earlier, later in itertools.pairwise(log)]
    assert max(gaps) < 1.0  # no request waited for a token (today: 2 s each)
    lines = [record.getMessage() for record in caplog.records if "ignored" in record.getMessage()]
    assert len(lines) == 5
    assert all(part in lines[0] for part in (logged, "remaining='-3'", "reset='soon'"))


def test_a_used_up_token_quota_raises_a_clear_error_and_is_not_retried() -> None:
    def answer(method: str, path: str, now: float) -> Reply:
        if path == "/oauth/token":
            quota = "b=per_hour;q=10;r=0;t=1200,b=per_day;q=50;r=38;t=40000"
            body = {"error": "too_many_requests", "error_description": "Token quota exceeded"}
            return 429, {"Auth0-Client-Quota-Limit": quota, "X-RateLimit-Limit": "30"}, body
        return 200, {}, USER

    with (
        scripted(answer) as (url, log),
        ManagementClient(base_url=url, client_id="cid", client_secret="s3cret") as mgmt,
        pytest.raises(TokenQuotaError) as caught,
    ):
        mgmt.users.get("auth0|1")
    error = caught.value
    assert (error.quota, error.limit) == ("client per_hour", 10)
    assert error.resets_at == pytest.approx(time.time() + 1200, abs=30)
    assert "per hour token quota (10 tokens) is used up" in str(error)
    assert "s3cret" not in str(error)
    assert [path for _, path, _ in log] == ["/oauth/token"]


def test_split_buckets_are_learned_and_paced_each_at_its_own_rate() -> None:
    """Reads and writes in buckets of their own (sizes 8 and 4, at 40/s and 10/s), 8 workers."""
    buckets = {"GET": {"size": 8, "rate": 40.0}, "PATCH": {"size": 4, "rate": 10.0}}
    levels = {method: {"tokens": float(b["size"]), "at": time.time()} for method, b in buckets.items()}
    writes: list[str] = []

    def answer(method: str, path: str, now: float) -> Reply:
        bucket, level = buckets[method], levels[method]
        level["tokens"] = min(bucket["size"], level["tokens"] + bucket["rate"] * (now - level["at"]))
        level["at"] = now
        reset = now + (1 - level["tokens"] % 1) / bucket["rate"]
        if level["tokens"] < 1:
            return 429, limited(int(bucket["size"]), 0, reset + 1, now), {"message": "slow down"}
        level["tokens"] -= 1
        if method == "PATCH":
            writes.append(path)
        return 200, limited(int(bucket["size"]), int(level["tokens"]), reset + 1, now), USER

    users = [f"auth0|{n}" for n in range(60)]

    def read_then_write(uid: str) -> None:
        mgmt.users.get(uid)
        mgmt.users.update(uid, user_metadata={"n": uid})

    with scripted(answer) as (url, log), ManagementClient(base_url=url, token="t") as mgmt:
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(read_then_write, users))
        routes = mgmt.pacer.state.routes
    refused = sum(1 for method, path, at in log if method == "PATCH") - len(writes)
    assert sorted(writes) == sorted(f"/api/v2/users/auth0%7C{n}" for n in range(60))  # each applied once
    assert refused <= 3
    assert routes.get("PATCH /users/{id}") != routes.get("GET /users/{id}", "*")
