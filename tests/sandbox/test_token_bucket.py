"""The sandbox's token bucket, like Auth0's: headers, 429s, refill, and the ways to turn it on."""

from __future__ import annotations

import math
import subprocess
import sys
import time

import httpx
import pytest
from auth0_users.sandbox import SandboxServer, serve

TOO_MANY = {
    "statusCode": 429,
    "error": "Too Many Requests",
    "message": "Global limit has been reached",
    "errorCode": "too_many_requests",
}


def drain(api: httpx.Client, n: int) -> list[httpx.Response]:
    return [api.get("/users") for _ in range(n)]


@pytest.mark.parametrize("meaning", ["next", "full"])
def test_a_bucket_answers_429_in_auth0s_shape_once_empty(
    sandbox: SandboxServer, api: httpx.Client, meaning: str
) -> None:
    sandbox.faults.token_bucket(4, 2.0, reset=meaning)  # type: ignore[arg-type]
    started = time.time()
    answers = drain(api, 5)
    assert [r.status_code for r in answers] == [200, 200, 200, 200, 429]
    assert [r.headers["x-ratelimit-limit"] for r in answers] == ["4"] * 5
    assert [r.headers["x-ratelimit-remaining"] for r in answers] == ["3", "2", "1", "0", "0"]
    assert answers[-1].json() == TOO_MANY
    assert "retry-after" not in answers[-1].headers
    reset = int(answers[-1].headers["x-ratelimit-reset"])
    if meaning == "next":  # the next token, half a second away at 2/s, rounded up to the second
        assert reset <= math.ceil(time.time() + 0.5)
    else:  # the full bucket: four tokens, two seconds away
        assert reset >= math.ceil(started + 2.0) - 1
        assert reset >= int(answers[0].headers["x-ratelimit-reset"]) + 1


def test_the_bucket_refills_at_its_rate_and_a_429_takes_nothing(sandbox: SandboxServer, api: httpx.Client) -> None:
    sandbox.faults.token_bucket(2, 20.0)
    assert [r.status_code for r in drain(api, 2)] == [200, 200]
    refused = 0
    while refused < 5:  # a token comes every 50 ms; loopback requests take about a millisecond
        refused += api.get("/users").status_code == 429
    time.sleep(0.06)  # one token, had the refusals taken none
    assert api.get("/users").status_code == 200


def test_the_token_endpoint_is_not_counted(sandbox: SandboxServer, api: httpx.Client) -> None:
    sandbox.faults.token_bucket(1, 0.01)
    form = {"grant_type": "client_credentials", "client_id": sandbox.client_id, "client_secret": sandbox.client_secret}
    for _ in range(3):
        assert httpx.post(sandbox.origin + "/oauth/token", data=form).status_code == 200
    assert [r.status_code for r in drain(api, 2)] == [200, 429]


def test_bad_buckets_are_refused(sandbox: SandboxServer) -> None:
    with pytest.raises(ValueError, match="burst"):
        sandbox.faults.token_bucket(0, 1.0)
    with pytest.raises(ValueError, match="rate"):
        sandbox.faults.token_bucket(1, 0)
    with pytest.raises(ValueError, match="reset"):
        sandbox.faults.token_bucket(1, 1.0, reset="later")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="a plan name, 'BURST/RATE' or a Plan"):
        SandboxServer(rate_limit=5)  # type: ignore[arg-type]


def test_serve_with_a_plan_keeps_the_bucket_across_resets() -> None:
    with serve(rate_limit="free", rate_limit_reset="full") as server:
        api = httpx.Client(base_url=server.base_url, headers={"Authorization": f"Bearer {server.token}"})
        with api:
            assert [r.status_code for r in drain(api, 3)] == [200, 200, 429]
            server.reset()  # a fresh, full bucket of the same plan
            assert [r.status_code for r in drain(api, 3)] == [200, 200, 429]
            server.faults.clear()  # faults.clear() lifts it until the next reset
            assert [r.status_code for r in drain(api, 3)] == [200, 200, 200]


@pytest.mark.sandbox_rate_limit("3/0.5", reset="full")
def test_the_pytest_marker_limits_one_test(sandbox: SandboxServer, api: httpx.Client) -> None:
    assert [r.status_code for r in drain(api, 4)] == [200, 200, 200, 429]


def test_without_the_marker_nothing_is_enforced(sandbox: SandboxServer, api: httpx.Client) -> None:
    assert {r.status_code for r in drain(api, 20)} == {200}
    assert drain(api, 1)[0].headers["x-ratelimit-limit"] == "1000"


def test_the_pytest_option_limits_the_session(pytester: pytest.Pytester) -> None:
    pytester.makeconftest('pytest_plugins = ["auth0_users.sandbox.pytest_plugin"]')
    pytester.makepyfile(
        """
        import httpx

        def test_limited(sandbox):
            auth = {"Authorization": "Bearer " + sandbox.token}
            statuses = [httpx.get(sandbox.base_url + "/users", headers=auth).status_code for _ in range(3)]
            assert statuses == [200, 200, 429]
        """
    )
    result = pytester.runpytest_subprocess("--sandbox-rate-limit=2/0.1", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_python_m_takes_a_rate_limit() -> None:
    command = [sys.executable, "-m", "auth0_users.sandbox", "--rate-limit", "2/0.1", "--rate-limit-reset", "full"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().split()[-1]
        token = process.stdout.readline().split()[-1]
        process.stdout.readline()  # client credentials
        described = "rate limit: 2/0.1: global 2 at once, 0.1/s (X-RateLimit-Reset: full)"
        assert process.stdout.readline().strip() == described
        auth = {"Authorization": f"Bearer {token}"}
        statuses = [httpx.get(base_url + "/users", headers=auth, timeout=10).status_code for _ in range(3)]
        assert statuses == [200, 200, 429]
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_python_m_refuses_a_bad_rate_limit() -> None:
    command = [sys.executable, "-m", "auth0_users.sandbox", "--rate-limit", "lots"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2
    assert "give a plan (free, enterprise, enterprise-non-production, essentials, professional) or BURST/RATE" in (
        result.stderr
    )
