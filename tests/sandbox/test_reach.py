"""Reaching the sandbox from any client: HTTPS, the admin routes, the request log, restarts, repr."""

from __future__ import annotations

import logging
import signal
import ssl
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest
from auth0_users.sandbox import SandboxServer

DATABASE = "Username-Password-Authentication"


@pytest.fixture
def admin(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sandbox.origin + "/__sandbox") as client:
        yield client


def bearer(server: SandboxServer) -> dict[str, str]:
    return {"Authorization": f"Bearer {server.token}"}


def test_https_serves_with_a_ca_made_for_it_and_names_the_trust_variables() -> None:
    with SandboxServer(https=True, index_lag=0) as server:
        assert server.origin == f"https://{server.domain}"
        assert server.domain == f"127.0.0.1:{server.port}"
        assert server.ca_file is not None
        assert server.ca_file.read_text().startswith("-----BEGIN CERTIFICATE-----")
        trust = server.trust_environment()
        names = ("SSL_CERT_FILE", "REQUESTS_CA_BUNDLE", "NODE_EXTRA_CA_CERTS")
        assert trust == dict.fromkeys(names, str(server.ca_file))
        with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
            httpx.get(server.base_url + "/users", headers=bearer(server))
        trusting = ssl.create_default_context(cafile=str(server.ca_file))
        token = httpx.post(
            server.origin + "/oauth/token",
            data={
                "grant_type": "client_credentials",
                "client_id": server.client_id,
                "client_secret": server.client_secret,
            },
            verify=trusting,
        )
        assert token.status_code == 200
        access = {"Authorization": f"Bearer {token.json()['access_token']}"}
        assert httpx.get(server.base_url + "/users", headers=access, verify=trusting).json() == []
        ca_file = server.ca_file
    assert not ca_file.exists()  # the CA is good for that one run only


def test_http_sandbox_has_no_ca() -> None:
    server = SandboxServer()
    try:
        assert server.ca_file is None
        with pytest.raises(RuntimeError, match="https=True"):
            server.trust_environment()
    finally:
        server.stop()


def test_admin_routes_seed_reset_and_settle(sandbox: SandboxServer, admin: httpx.Client) -> None:
    sandbox.index_lag = 60  # nothing written over the API reaches search by itself in this test
    seeded = admin.post("/seed", params={"users": 7, "seed": 3})
    assert seeded.status_code == 200
    assert seeded.json()["seeded"] == 7
    assert sorted(seeded.json()["user_ids"]) == sorted(sandbox.backend.users)
    api = httpx.Client(base_url=sandbox.base_url, headers=bearer(sandbox))
    assert len(api.get("/users").json()) == 7  # seeded users are searchable at once

    created = api.post("/users", json={"connection": DATABASE, "email": "new@example.com", "password": "Pa55word!x"})
    assert created.status_code == 201
    assert len(api.get("/users").json()) == 7
    assert admin.post("/settle").status_code == 204
    assert len(api.get("/users").json()) == 8

    assert admin.post("/reset").status_code == 204
    assert api.get("/users").json() == []


@pytest.mark.parametrize(
    ("method", "route", "params", "status"),
    [
        ("POST", "/seed", {"users": "many"}, 400),
        ("POST", "/seed", {"users": "0"}, 400),
        ("GET", "/seed", {}, 405),
        ("POST", "/unknown", {}, 404),
    ],
)
def test_admin_routes_refuse_what_they_do_not_know(
    admin: httpx.Client, method: str, route: str, params: dict[str, str], status: int
) -> None:
    answer = admin.request(method, route, params=params)
    assert answer.status_code == status
    assert answer.json()["error"]
    if status != 400:
        assert "POST /__sandbox/seed" in answer.json()["routes"]


def test_admin_routes_are_not_reachable_through_the_api(sandbox: SandboxServer) -> None:
    sandbox.seed(2)
    answer = httpx.post(sandbox.base_url + "/__sandbox/reset", headers=bearer(sandbox))
    assert answer.status_code == 404
    assert answer.json()["statusCode"] == 404  # Auth0's error shape: the API answered, not the admin routes
    assert len(sandbox.backend.users) == 2


def test_request_log_and_rate_limit_counts() -> None:
    # A sandbox of its own: a request an earlier test left in flight must not reach these counts.
    with SandboxServer(rate_limit="2/0.001") as sandbox, httpx.Client(base_url=sandbox.origin + "/__sandbox") as admin:
        check_request_log_and_rate_limit_counts(sandbox, admin)


def check_request_log_and_rate_limit_counts(sandbox: SandboxServer, admin: httpx.Client) -> None:
    statuses = [httpx.get(sandbox.base_url + "/users", headers=bearer(sandbox)).status_code for _ in range(4)]
    assert statuses == [200, 200, 429, 429]
    assert admin.get("/rate-limits").json() == {"made": 4, "rate_limited": 2}
    log = admin.get("/requests").json()
    assert (log["made"], log["rate_limited"]) == (4, 2)
    assert [(entry["method"], entry["path"], entry["status"]) for entry in log["requests"]] == [
        ("GET", "/api/v2/users", status) for status in statuses
    ]
    assert log["requests"][0]["rate_limit"]["x-ratelimit-remaining"] == "1"
    assert all("x-ratelimit-limit" in entry["rate_limit"] for entry in log["requests"])
    assert admin.get("/rate-limits").json() == {"made": 4, "rate_limited": 2}  # admin calls are not counted
    admin.post("/reset")
    assert admin.get("/rate-limits").json() == {"made": 0, "rate_limited": 0}


def test_log_requests_logs_each_request_and_a_summary(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="auth0_users.sandbox")
    with SandboxServer(log_requests=True, rate_limit="1/0.001") as server:
        for _ in range(3):
            httpx.get(server.base_url + "/users-by-email", params={"email": "a@example.com"}, headers=bearer(server))
    lines = [record.getMessage() for record in caplog.records if record.name == "auth0_users.sandbox"]
    assert lines[0].startswith("GET /api/v2/users-by-email 200 x-ratelimit-limit=1 x-ratelimit-remaining=0")
    assert [line.split()[2] for line in lines[:3]] == ["200", "429", "429"]
    assert lines[-1] == "3 requests made, 2 answered 429 Too Many Requests"


def test_python_m_https_log_requests_prints_trust_and_a_summary_at_stop() -> None:
    command = [sys.executable, "-m", "auth0_users.sandbox", "--https", "--log-requests", "--index-lag", "0"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        banner = [process.stdout.readline() for _ in range(10)]
        base_url = banner[0].split()[-1]
        token = banner[1].split()[-1]
        assert base_url.startswith("https://127.0.0.1:")
        exports = dict(line.split()[1].split("=", 1) for line in banner if line.strip().startswith("export "))
        assert set(exports) == {"SSL_CERT_FILE", "REQUESTS_CA_BUNDLE", "NODE_EXTRA_CA_CERTS"}
        assert "user search sees writes after 0 s (--index-lag)\n" in banner
        trusting = ssl.create_default_context(cafile=exports["SSL_CERT_FILE"])
        answer = httpx.get(base_url + "/users", headers={"Authorization": f"Bearer {token}"}, verify=trusting)
        assert answer.status_code == 200
        process.send_signal(signal.SIGINT)
        _, errors = process.communicate(timeout=20)
        assert process.returncode == 0
        assert "GET /api/v2/users 200 x-ratelimit-limit=" in errors
        assert errors.rstrip().endswith("1 requests made, 0 answered 429 Too Many Requests")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.parametrize("bad", ["-1", "soon"])
def test_python_m_refuses_a_bad_index_lag(bad: str) -> None:
    command = [sys.executable, "-m", "auth0_users.sandbox", "--index-lag", bad]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)
    assert completed.returncode == 2
    assert "expected a number of seconds, 0 or more" in completed.stderr


def test_a_restart_on_the_same_port_binds_at_once() -> None:
    first = SandboxServer()
    port = first.port
    first.start()
    with httpx.Client() as client:  # a kept-alive connection: the server closes it, so its side lingers
        assert client.get(first.base_url + "/users", headers=bearer(first)).status_code == 200
        first.stop()
    second = SandboxServer(port)  # without SO_REUSEADDR: OSError, address already in use
    try:
        second.start()
        assert httpx.get(second.base_url + "/users", headers=bearer(second)).status_code == 200
    finally:
        second.stop()


def test_repr_says_where_it_listens() -> None:
    server = SandboxServer()
    assert repr(server) == f"<SandboxServer http://127.0.0.1:{server.port}/api/v2 (not running)>"
    with server:
        assert repr(server) == f"<SandboxServer http://127.0.0.1:{server.port}/api/v2 (running)>"
