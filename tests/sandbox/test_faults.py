"""Rate-limit headers, injected faults and the request log, over real HTTP."""

from __future__ import annotations

import json
import time

import anyio
import httpx
import pytest
from auth0_users.sandbox import SandboxServer


def test_every_response_carries_rate_limit_headers(sandbox: SandboxServer, api: httpx.Client) -> None:
    for response in (api.get("/users"), api.get("/users/auth0|none"), httpx.get(sandbox.base_url + "/users")):
        assert int(response.headers["x-ratelimit-limit"]) > 0
        assert int(response.headers["x-ratelimit-remaining"]) >= 0
        assert int(response.headers["x-ratelimit-reset"]) >= int(time.time())


def test_rate_limit_budget_yields_429_until_reset(sandbox: SandboxServer, api: httpx.Client) -> None:
    sandbox.faults.rate_limit(budget=2, reset_after=60)
    first, second, third = (api.get("/users") for _ in range(3))
    assert (first.status_code, second.status_code, third.status_code) == (200, 200, 429)
    assert [r.headers["x-ratelimit-remaining"] for r in (first, second, third)] == ["1", "0", "0"]
    assert third.json() == {"statusCode": 429, "error": "Too Many Requests", "message": "Global limit has been reached",
                            "errorCode": "too_many_requests"}  # fmt: skip
    assert "retry-after" not in third.headers  # Auth0 documents X-RateLimit-Reset only
    assert int(third.headers["x-ratelimit-reset"]) >= int(time.time()) + 59
    sandbox.faults.clear()
    assert api.get("/users").status_code == 200


def test_fail_next_by_method(api: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.faults.fail_next(2, status=503, methods=["GET"])
    assert api.post("/users", json={"connection": "email", "email": "a@example.com"}).status_code == 201
    assert [api.get("/users").status_code for _ in range(3)] == [503, 503, 200]


def test_delay(api: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.faults.delay(5, n=1)
    with pytest.raises(httpx.ReadTimeout):
        api.get("/users", timeout=0.2)


def test_dropped_connection(api: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.seed(3)
    sandbox.faults.drop_next(1)
    with pytest.raises(httpx.RemoteProtocolError):
        api.get("/users")
    assert api.get("/users").status_code == 200


@pytest.mark.parametrize(
    ("kind", "content_type"), [("truncated", "application/json"), ("html", "text/html"), ("empty", "application/json")]
)
def test_malformed_bodies(api: httpx.Client, sandbox: SandboxServer, kind: str, content_type: str) -> None:
    sandbox.seed(2)
    sandbox.faults.malformed_next(1, kind=kind)  # type: ignore[arg-type]
    response = api.get("/users")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(content_type)
    with pytest.raises(json.JSONDecodeError):
        response.json()
    assert len(api.get("/users").json()) == 2


def test_request_log_is_off_until_started(api: httpx.Client, sandbox: SandboxServer) -> None:
    api.get("/users")
    assert len(sandbox.requests) == 0
    log = sandbox.requests.start()
    api.patch("/users/auth0|x", params={"a": "1"}, json={"name": "n"})
    (entry,) = log
    assert (entry.method, entry.path, entry.query, entry.body) == (
        "PATCH",
        "/api/v2/users/auth0|x",
        "a=1",
        b'{"name":"n"}',
    )
    assert entry.headers["authorization"] == f"Bearer {sandbox.token}"
    sandbox.reset()
    api.get("/users")
    assert len(sandbox.requests) == 0


@pytest.mark.anyio
async def test_concurrent_token_requests_are_counted(sandbox: SandboxServer) -> None:
    form = {"grant_type": "client_credentials", "client_id": sandbox.client_id, "client_secret": sandbox.client_secret}
    statuses = []

    async def ask(http: httpx.AsyncClient) -> None:
        statuses.append((await http.post("/oauth/token", data=form)).status_code)

    async with httpx.AsyncClient(base_url=sandbox.origin) as http, anyio.create_task_group() as group:
        for _ in range(20):
            group.start_soon(ask, http)
    assert statuses == [200] * 20
    assert sandbox.token_requests == 20
