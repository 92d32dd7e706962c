"""Starting and stopping the sandbox, and seeding it."""

from __future__ import annotations

import signal
import subprocess
import sys

import httpx
from auth0_users.sandbox import SandboxBackend, SandboxServer, serve


def test_python_m_prints_its_url_and_stops_on_ctrl_c() -> None:
    command = [sys.executable, "-m", "auth0_users.sandbox", "--seed", "5"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        first = process.stdout.readline().split()
        token = process.stdout.readline().split()[-1]
        base_url = first[-1]
        assert base_url.startswith("http://127.0.0.1:")
        assert base_url.endswith("/api/v2")
        users = httpx.get(base_url + "/users", headers={"Authorization": f"Bearer {token}"}, timeout=10).json()
        assert len(users) == 5
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_serve_binds_loopback_on_a_free_port_and_stops() -> None:
    with serve(seed=3) as server:
        assert server.origin.startswith("http://127.0.0.1:")
        assert server.port > 0
        assert server.base_url == server.origin + "/api/v2"
        assert (
            len(httpx.get(server.base_url + "/users", headers={"Authorization": f"Bearer {server.token}"}).json()) == 3
        )
    try:
        httpx.get(server.base_url + "/users", timeout=2)
    except httpx.ConnectError:
        pass
    else:
        raise AssertionError("the sandbox still answers after the with block")


def test_seeding_is_deterministic_and_varied() -> None:
    first, second = SandboxBackend(), SandboxBackend()
    assert first.seed(200, seed=1) == second.seed(200, seed=1)
    assert SandboxBackend().seed(5, seed=2) != first.seed(5, seed=1)[:5]
    users = first.search_users()
    assert {u["identities"][0]["provider"] for u in users} >= {"auth0", "google-oauth2", "github"}
    assert all(isinstance(u["user_metadata"]["preferences"]["notifications"], dict) for u in users)
    created = [u["created_at"] for u in SandboxBackend().seed(40, same_created_at=4)]
    assert created == sorted(created)
    assert len(set(created)) == 10


def test_ten_thousand_users_seed_and_search(sandbox: SandboxServer) -> None:
    sandbox.seed(10_000)
    headers = {"Authorization": f"Bearer {sandbox.token}"}
    params = {
        "q": "user_metadata.plan:premium AND logins_count:[5 TO *]",
        "sort": "created_at:-1",
        "include_totals": "true",
    }
    page = httpx.get(sandbox.base_url + "/users", params=params, headers=headers).json()
    assert 0 < page["total"] < 10_000
    assert len(page["users"]) == 50


def test_reset_forgets_state(sandbox_server: SandboxServer) -> None:
    sandbox_server.seed(2)
    sandbox_server.faults.fail_next(1)
    sandbox_server.reset()
    assert sandbox_server.backend.users == {}
    assert (
        httpx.get(
            sandbox_server.base_url + "/users", headers={"Authorization": f"Bearer {sandbox_server.token}"}
        ).json()
        == []
    )


def test_server_object_is_reusable_via_start_stop() -> None:
    server = SandboxServer()
    server.start()
    try:
        assert httpx.get(server.origin + "/api/v2/users").status_code == 401
    finally:
        server.stop()
