"""Auth0's plans in the sandbox: which endpoint draws from which bucket, their headers, refill, an offset clock."""

from __future__ import annotations

import email.utils
import math
import subprocess
import sys
import time
from collections.abc import Callable

import httpx
import pytest
from auth0_users.sandbox import PLANS, BucketLimit, Plan, SandboxServer
from auth0_users.sandbox._plans import GLOBAL

#: A scale this small keeps the buckets from refilling while a test drains them.
FROZEN = 0.001
PATCH = {"user_metadata": {"plan": "gold"}}
ENDPOINT_LIMIT = "Too many requests. Check the X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset headers."


def figures(plan: Plan) -> dict[str, tuple[int, float]]:
    """Each bucket's burst and its sustained rate per minute."""
    return {bucket.name: (bucket.burst, round(bucket.per_second * 60, 6)) for bucket in plan.buckets}


def test_the_plans_hold_auth0s_documented_figures() -> None:
    # Auth0's rate-limit policy pages, Management API tables (see the sandbox's _plans module).
    assert figures(PLANS["free"]) == {GLOBAL: (2, 120)}
    assert figures(PLANS["enterprise"]) == {GLOBAL: (50, 960)}
    assert figures(PLANS["enterprise-non-production"]) == {GLOBAL: (10, 120)}
    essentials = {GLOBAL: (10, 150), "read-users": (40, 500), "write-users": (20, 200)}
    assert figures(PLANS["essentials"]) == essentials
    assert figures(PLANS["professional"]) == essentials


@pytest.mark.parametrize(
    ("method", "path", "bucket"),
    [
        ("GET", "/api/v2/users", "read-users"),
        ("GET", "/api/v2/users/auth0%7C1", "read-users"),
        ("POST", "/api/v2/users", "write-users"),
        ("PATCH", "/api/v2/users/auth0%7C1", "write-users"),
        ("DELETE", "/api/v2/users/auth0%7C1", "write-users"),
        ("GET", "/api/v2/users-by-email", GLOBAL),
        ("GET", "/api/v2/users/auth0%7C1/roles", GLOBAL),
        ("POST", "/api/v2/users/auth0%7C1/roles", GLOBAL),
    ],
)
def test_which_request_draws_from_which_essentials_bucket(method: str, path: str, bucket: str) -> None:
    assert PLANS["essentials"].bucket_for(method, path).name == bucket
    assert PLANS["enterprise"].bucket_for(method, path).name == GLOBAL


def test_a_scale_refills_faster_and_keeps_the_bursts() -> None:
    scaled = PLANS["essentials"].scaled(6)
    assert figures(scaled) == {GLOBAL: (10, 900), "read-users": (40, 3000), "write-users": (20, 1200)}
    with pytest.raises(ValueError, match="rate scale"):
        PLANS["free"].scaled(0)


def test_bad_plans_are_refused(sandbox: SandboxServer) -> None:
    with pytest.raises(ValueError, match="give a plan"):
        sandbox.faults.plan("platinum")
    with pytest.raises(ValueError, match="burst"):
        BucketLimit("mine", 0, 1.0)
    with pytest.raises(ValueError, match="clock offset"):
        sandbox.faults.offset_clock(float("nan"))


def statuses(answers: list[httpx.Response]) -> list[int]:
    return [answer.status_code for answer in answers]


def headers(answer: httpx.Response) -> tuple[str, str]:
    return answer.headers["x-ratelimit-limit"], answer.headers["x-ratelimit-remaining"]


@pytest.mark.sandbox_rate_limit("essentials", scale=FROZEN)
def test_each_essentials_bucket_is_drawn_apart_with_its_own_headers(sandbox: SandboxServer, api: httpx.Client) -> None:
    (user,) = sandbox.seed(1)
    path = f"/users/{user['user_id']}"
    writes = [api.patch(path, json={"user_metadata": {"n": n}}) for n in range(21)]
    assert statuses(writes) == [200] * 20 + [429]
    assert [headers(answer) for answer in writes[:2]] == [("20", "19"), ("20", "18")]
    assert headers(writes[-1]) == ("20", "0")
    assert writes[-1].json() == {
        "statusCode": 429,
        "error": "Too Many Requests",
        "message": ENDPOINT_LIMIT,
        "errorCode": "too_many_requests",
    }
    assert "retry-after" not in writes[-1].headers
    # The write bucket is empty; reads and the other endpoints have buckets of their own.
    read = api.get(path)
    assert (read.status_code, headers(read)) == (200, ("40", "39"))
    others = [api.get(f"{path}/roles") for _ in range(11)]
    assert statuses(others) == [200] * 10 + [429]
    assert [headers(answer) for answer in others[:2]] == [("10", "9"), ("10", "8")]
    assert others[-1].json()["message"] == "Global limit has been reached"
    assert (api.get(path).status_code, api.get("/users").headers["x-ratelimit-remaining"]) == (200, "37")


@pytest.mark.sandbox_rate_limit("enterprise-non-production", scale=FROZEN)
def test_a_plan_without_endpoint_buckets_draws_everything_from_one(sandbox: SandboxServer, api: httpx.Client) -> None:
    (user,) = sandbox.seed(1)
    path = f"/users/{user['user_id']}"
    answers = [
        answer for _ in range(4) for answer in (api.get(path), api.patch(path, json=PATCH), api.get(f"{path}/roles"))
    ]
    assert statuses(answers) == [200] * 10 + [429, 429]
    assert [headers(answer) for answer in answers[:3]] == [("10", "9"), ("10", "8"), ("10", "7")]


@pytest.mark.sandbox_rate_limit("essentials", scale=6)  # the write bucket refills at 20 a second
def test_a_scaled_endpoint_bucket_refills_at_its_scaled_rate(sandbox: SandboxServer, api: httpx.Client) -> None:
    (user,) = sandbox.seed(1)
    path = f"/users/{user['user_id']}"
    assert statuses([api.patch(path, json=PATCH) for _ in range(10)]) == [200] * 10
    refused = 0
    while refused < 3:  # a token comes every 50 ms; loopback requests take about a millisecond
        refused += api.patch(path, json=PATCH).status_code == 429
    time.sleep(0.06)  # one token, had the refusals taken none
    assert api.patch(path, json=PATCH).status_code == 200


@pytest.mark.parametrize("meaning", ["next", "full"])
def test_an_endpoint_buckets_reset_follows_its_own_rate(
    sandbox: SandboxServer, api: httpx.Client, meaning: str
) -> None:
    sandbox.faults.plan("essentials", reset=meaning, scale=0.1)  # writes: 1 every 3 s; the rest: 1 every 2.4 s
    (user,) = sandbox.seed(1)
    path = f"/users/{user['user_id']}"
    writes = [api.patch(path, json=PATCH) for _ in range(21)]
    now = time.time()
    reset = int(writes[-1].headers["x-ratelimit-reset"])
    if meaning == "next":  # the next token, 3 s away
        assert now + 1 <= reset <= now + 4
    else:  # the full bucket: 20 tokens, 60 s away
        assert now + 55 <= reset <= now + 62
    read = api.get(path)  # a full bucket: its next token is there now, the bucket full in 1.2 s
    assert int(read.headers["x-ratelimit-reset"]) <= now + 3


def server_date(answer: httpx.Response) -> float:
    parsed = email.utils.parsedate_to_datetime(answer.headers["date"])
    return parsed.timestamp()


def timed(request: Callable[[], httpx.Response]) -> tuple[float, httpx.Response, float]:
    return time.time(), request(), time.time()


def on_clock(sent: tuple[float, httpx.Response, float], offset: float) -> bool:
    """Whether the answer's ``Date`` (whole seconds) is the time it was answered, ``offset`` from ours."""
    before, answer, after = sent
    return math.floor(before + offset) <= server_date(answer) <= after + offset


@pytest.mark.parametrize("offset", [3600, -3600, 0])
def test_date_and_reset_are_on_the_servers_clock(sandbox: SandboxServer, api: httpx.Client, offset: int) -> None:
    sandbox.faults.offset_clock(offset)
    sandbox.faults.plan("free", scale=FROZEN)
    sent = [timed(lambda: api.get("/users")) for _ in range(3)]
    answers = [answer for _, answer, _ in sent]
    now = time.time()
    assert statuses(answers) == [200, 200, 429]
    assert all(on_clock(each, offset) for each in sent)
    # The next token is 1/(2 x 0.001) = 500 s away, on the server's clock.
    assert now + offset + 495 <= int(answers[-1].headers["x-ratelimit-reset"]) <= now + offset + 502
    assert len(answers[0].headers.get_list("date")) == 1


def test_the_server_keeps_its_plan_scale_and_clock_across_resets() -> None:
    with SandboxServer(rate_limit="essentials", rate_limit_scale=FROZEN, clock_offset=-3600) as server:
        auth = {"Authorization": f"Bearer {server.token}"}
        with httpx.Client(base_url=server.base_url, headers=auth) as api:
            for _ in range(2):
                server.faults.offset_clock(0)  # a test's own change, undone by reset()
                server.reset()
                answers = [api.get("/users/nobody/roles") for _ in range(11)]
                assert statuses(answers) == [404] * 10 + [429]
                assert api.get("/users").headers["x-ratelimit-limit"] == "40"
                assert on_clock(timed(lambda: api.get("/users")), -3600)


@pytest.mark.sandbox_rate_limit("essentials", scale=FROZEN)
@pytest.mark.sandbox_clock_offset(-3600)
def test_the_pytest_markers_set_plan_and_clock(sandbox: SandboxServer, api: httpx.Client) -> None:
    sent = timed(lambda: api.get("/users"))
    assert headers(sent[1]) == ("40", "39")
    assert on_clock(sent, -3600)


def test_without_the_markers_the_clock_is_right(sandbox: SandboxServer, api: httpx.Client) -> None:
    sent = timed(lambda: api.get("/users"))
    assert headers(sent[1]) == ("1000", "999")
    assert on_clock(sent, 0)


def test_the_pytest_options_set_plan_scale_and_clock(pytester: pytest.Pytester) -> None:
    pytester.makeconftest('pytest_plugins = ["auth0_users.sandbox.pytest_plugin"]')
    pytester.makepyfile(
        """
        import email.utils
        import math
        import time

        import httpx

        def test_limited(sandbox):
            auth = {"Authorization": "Bearer " + sandbox.token}
            before = time.time()
            answer = httpx.get(sandbox.base_url + "/users", headers=auth)
            date = email.utils.parsedate_to_datetime(answer.headers["date"]).timestamp()
            assert math.floor(before + 3600) <= date <= time.time() + 3600
            assert answer.headers["x-ratelimit-limit"] == "40"
            answers = [httpx.patch(sandbox.base_url + "/users/nobody", headers=auth, json={}) for _ in range(21)]
            assert [a.status_code for a in answers] == [404] * 20 + [429]
        """
    )
    result = pytester.runpytest_subprocess(
        "--sandbox-rate-limit=essentials",
        f"--sandbox-rate-limit-scale={FROZEN}",
        "--sandbox-clock-offset=3600",
        "-p",
        "no:cacheprovider",
    )
    result.assert_outcomes(passed=1)


def test_python_m_takes_a_plan_a_scale_and_a_clock_offset() -> None:
    command = [sys.executable, "-m", "auth0_users.sandbox", "--plan", "essentials", "--clock-offset", "3600"]
    process = subprocess.Popen([*command, "--rate-limit-scale", "0.01"], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().split()[-1]
        token = process.stdout.readline().split()[-1]
        process.stdout.readline()  # client credentials
        assert process.stdout.readline().strip() == (
            "rate limit: essentials x0.01: global 10 at once, 0.025/s, read-users 40 at once, 0.0833333/s,"
            " write-users 20 at once, 0.0333333/s (X-RateLimit-Reset: next)"
        )
        assert process.stdout.readline().strip() == "clock offset: +3600 s"
        auth = {"Authorization": f"Bearer {token}"}
        sent = timed(lambda: httpx.get(base_url + "/users", headers=auth, timeout=10))
        assert headers(sent[1]) == ("40", "39")
        assert on_clock(sent, 3600)
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.mark.parametrize(
    ("option", "message"),
    [(["--plan", "platinum"], "give a plan"), (["--clock-offset", "soon"], "number of seconds")],
)
def test_python_m_refuses_a_bad_plan_or_offset(option: list[str], message: str) -> None:
    command = [sys.executable, "-m", "auth0_users.sandbox", *option]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2
    assert message in result.stderr
