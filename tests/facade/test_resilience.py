"""Faults against the sandbox over loopback: rate limits, 5xx, drops, timeouts, bad bodies, tokens."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from auth0_users import (
    APIConnectionError,
    APITimeoutError,
    AsyncManagementClient,
    Auth0Error,
    ManagementClient,
    RateLimitError,
    ResponseParseError,
    ServerError,
    TokenError,
)
from auth0_users.sandbox import SandboxServer
from both_modes import run

pytestmark = pytest.mark.anyio
DATABASE = "Username-Password-Authentication"


@pytest.fixture(params=["sync", "async"])
async def direct(request: pytest.FixtureRequest, sandbox: SandboxServer) -> Any:
    """A client talking to the sandbox itself (faults would only confuse a proxy)."""
    options = {"base_url": sandbox.base_url, "token": sandbox.token, "max_retries": 3, "timeout": 2.0}
    if request.param == "sync":
        with ManagementClient(**options) as client:
            yield client
    else:
        async with AsyncManagementClient(**options) as client:
            yield client


def a_user(sandbox: SandboxServer) -> str:
    return str(sandbox.seed(1)[0]["user_id"])


def sent(sandbox: SandboxServer, method: str) -> int:
    return sum(1 for r in sandbox.requests if r.method == method)


async def test_without_pacing_a_429_storm_waits_for_the_reset_then_succeeds(
    direct: Any, sandbox: SandboxServer, caplog: pytest.LogCaptureFixture
) -> None:
    uid = a_user(sandbox)
    unpaced = type(direct)(base_url=sandbox.base_url, token=sandbox.token, max_retries=3, pacing=False)
    sandbox.faults.rate_limit(budget=2, reset_after=1.0)
    sandbox.requests.start()
    with caplog.at_level(logging.INFO, logger="auth0_users"):
        for _ in range(4):
            await run(unpaced.users.get(uid))
    waits = [r for r in caplog.records if "status 429" in r.getMessage()]
    assert waits, "the client should have waited for the rate-limit reset"
    assert sent(sandbox, "GET") == 4 + len(waits)  # one more request per wait, none beyond
    assert unpaced.rate_limit is not None
    assert unpaced.rate_limit.limit == 2
    assert not unpaced.pacer.paces


async def test_rate_limit_error_after_max_retries_carries_reset_and_attempts(sandbox: SandboxServer) -> None:
    uid = a_user(sandbox)
    sandbox.faults.rate_limit(budget=0, reset_after=0.2)
    sandbox.requests.start()
    mgmt = ManagementClient(base_url=sandbox.base_url, token=sandbox.token, max_retries=2)
    with mgmt, pytest.raises(RateLimitError) as caught:
        mgmt.users.get(uid)
    # Two retries, then one more at the reset: the call does not give up before the budget is back.
    assert caught.value.attempts == 4
    assert caught.value.reset_at is not None
    assert caught.value.expected_at is not None
    assert "expects the budget back" in str(caught.value)
    assert sent(sandbox, "GET") == 4


async def test_5xx_is_retried_on_get_but_not_on_post(direct: Any, sandbox: SandboxServer) -> None:
    uid = a_user(sandbox)
    sandbox.requests.start()
    sandbox.faults.fail_next(2, status=503, methods=["GET"])
    user = await run(direct.users.get(uid))
    assert user.user_id == uid
    assert sent(sandbox, "GET") == 3
    sandbox.faults.fail_next(1, status=503, methods=["POST"])
    with pytest.raises(ServerError) as caught:
        await run(direct.users.create(connection=DATABASE, email="x@example.com", password="Passw0rd!x"))
    assert caught.value.status_code == 503
    assert sent(sandbox, "POST") == 1


async def test_a_dropped_connection_is_retried_for_get_and_raised_for_post(direct: Any, sandbox: SandboxServer) -> None:
    uid = a_user(sandbox)
    sandbox.faults.drop_next(1)
    assert (await run(direct.users.get(uid))).user_id == uid
    sandbox.faults.drop_next(1)
    sandbox.requests.start()
    with pytest.raises(APIConnectionError):
        await run(direct.users.create(connection=DATABASE, email="x@example.com", password="Passw0rd!x"))
    assert sent(sandbox, "POST") == 1


async def test_a_server_slower_than_the_timeout(sandbox: SandboxServer) -> None:
    uid = a_user(sandbox)
    sandbox.faults.delay(3.0, n=1)
    mgmt = ManagementClient(base_url=sandbox.base_url, token=sandbox.token, timeout=0.3, max_retries=0)
    with mgmt, pytest.raises(APITimeoutError, match=r"no complete answer within timeout=0\.3 s"):
        mgmt.users.get(uid)


@pytest.mark.parametrize("kind", ["truncated", "html", "empty"])
async def test_malformed_bodies_raise_a_typed_error_saying_what_came(
    direct: Any, sandbox: SandboxServer, kind: str
) -> None:
    uid = a_user(sandbox)
    sandbox.faults.malformed_next(1, kind=kind)
    with pytest.raises(ResponseParseError) as caught:
        await run(direct.users.get(uid))
    message = str(caught.value)
    assert "→ 200" in message
    assert {"truncated": "body starts", "html": "<", "empty": "empty body"}[kind] in message


def credentials_client(sandbox: SandboxServer, cls: type = ManagementClient) -> Any:
    return cls(base_url=sandbox.base_url, client_id=sandbox.client_id, client_secret=sandbox.client_secret)


def test_200_threads_with_an_expired_token_fetch_exactly_one(sandbox: SandboxServer) -> None:
    uid = a_user(sandbox)
    sandbox.tokens.expires_in = 1
    with credentials_client(sandbox) as mgmt:
        mgmt.users.get(uid)
        assert sandbox.token_requests == 1
        sandbox.tokens.expires_in = 3600
        time.sleep(1.0)  # let the cached token expire
        start = threading.Barrier(200)

        def call() -> str:
            start.wait()
            return str(mgmt.users.get(uid).user_id)

        with ThreadPoolExecutor(max_workers=200) as pool:
            results = list(pool.map(lambda _: call(), range(200)))
    assert results == [uid] * 200
    assert sandbox.token_requests == 2


async def test_200_tasks_with_an_expired_token_fetch_exactly_one(sandbox: SandboxServer) -> None:
    uid = a_user(sandbox)
    sandbox.tokens.expires_in = 1
    async with credentials_client(sandbox, AsyncManagementClient) as amgmt:
        await amgmt.users.get(uid)
        sandbox.tokens.expires_in = 3600
        await asyncio.sleep(1.0)
        users = await asyncio.gather(*(amgmt.users.get(uid) for _ in range(200)))
    assert {u.user_id for u in users} == {uid}
    assert sandbox.token_requests == 2


async def test_a_401_for_a_token_the_server_dropped_refreshes_once(sandbox: SandboxServer) -> None:
    uid = a_user(sandbox)
    with credentials_client(sandbox) as mgmt:
        mgmt.users.get(uid)
        sandbox.tokens.issued.clear()  # the server no longer knows the cached token
        assert mgmt.users.get(uid).user_id == uid
    assert sandbox.token_requests == 2


async def test_wrong_client_secret_is_a_typed_error_without_the_secret(sandbox: SandboxServer) -> None:
    uid = a_user(sandbox)
    secret = "very-secret-value-42"
    mgmt = ManagementClient(base_url=sandbox.base_url, client_id=sandbox.client_id, client_secret=secret)
    with pytest.raises(TokenError, match="token request for client") as caught:
        mgmt.users.get(uid)
    assert isinstance(caught.value, Auth0Error)
    assert secret not in str(caught.value)
    assert secret not in repr(mgmt)


async def test_the_token_request_keeps_the_timeout(sandbox: SandboxServer) -> None:
    uid = a_user(sandbox)
    sandbox.faults.delay(3.0, n=1)  # the first request is the token request
    mgmt = ManagementClient(
        base_url=sandbox.base_url, client_id=sandbox.client_id, client_secret=sandbox.client_secret,
        timeout=0.3, max_retries=0,
    )  # fmt: skip
    with mgmt, pytest.raises(APITimeoutError):
        mgmt.users.get(uid)


async def test_a_failing_token_endpoint_is_retried(sandbox: SandboxServer) -> None:
    uid = a_user(sandbox)
    sandbox.faults.fail_next(1, status=503, methods=["POST"])
    with credentials_client(sandbox) as mgmt:
        assert mgmt.users.get(uid).user_id == uid
    assert sandbox.token_requests == 1  # the 503 was injected before the token endpoint counted it
    sandbox.faults.fail_next(5, status=503, methods=["POST"])
    with credentials_client(sandbox) as mgmt, pytest.raises(TokenError) as caught:
        mgmt.with_options(max_retries=1).users.get(uid)
    assert caught.value.status_code == 503
    assert caught.value.attempts == 2
