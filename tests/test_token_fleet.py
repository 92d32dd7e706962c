"""Many processes, one token: worker processes sharing a file or Redis token cache against the sandbox."""

from __future__ import annotations

import fcntl
import os
import stat
import time
from pathlib import Path
from typing import Any

import pytest
import redis
from auth0_users.sandbox import SandboxServer
from fleet import Fleet, Worker

LOCK_TIMEOUT = 2.0


def a_user(sandbox: SandboxServer) -> str:
    return str(sandbox.seed(1)[0]["user_id"])


@pytest.fixture(params=["file", "redis"])
def cache_spec(request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, Any]:
    if request.param == "file":
        return {"kind": "file", "path": str(tmp_path / "tokens.json"), "lock_timeout": LOCK_TIMEOUT}
    return {"kind": "redis", "url": request.getfixturevalue("redis_url"), "lock_timeout": LOCK_TIMEOUT}


def config(sandbox: SandboxServer, cache: dict[str, Any], mode: str = "sync") -> dict[str, Any]:
    return {
        "base_url": sandbox.base_url,
        "client_id": sandbox.client_id,
        "client_secret": sandbox.client_secret,
        "mode": mode,
        "cache": cache,
    }


def fleet_of_four(sandbox: SandboxServer, cache: dict[str, Any]) -> Fleet:
    """Two sync and two async workers."""
    return Fleet([config(sandbox, cache, mode) for mode in ("sync", "async", "sync", "async")])


def test_four_cold_processes_make_one_token_request(sandbox: SandboxServer, cache_spec: dict[str, Any]) -> None:
    uid = a_user(sandbox)
    with fleet_of_four(sandbox, cache_spec) as fleet:
        # The first token request takes a while: the others must wait for it, not fetch their own.
        sandbox.faults.delay(0.5, n=1)
        answers = fleet.ask_all(f"get {uid}")
    assert answers == [{"ok": True}] * 4
    assert sandbox.token_requests == 1


def test_the_next_run_of_a_script_reuses_the_file_cache(sandbox: SandboxServer, tmp_path: Path) -> None:
    uid = a_user(sandbox)
    path = tmp_path / "state" / "tokens.json"
    spec = {"kind": "file", "path": str(path)}
    for _ in range(3):
        worker = Worker(config(sandbox, spec))
        try:
            worker.wait_ready()
            assert worker.ask(f"get {uid}") == {"ok": True}
        finally:
            worker.close()
    assert sandbox.token_requests == 1
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.with_name("tokens.json.lock").stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert sorted(entry.name for entry in path.parent.iterdir()) == ["tokens.json", "tokens.json.lock"]  # no temp file


def test_a_revoked_token_costs_the_whole_fleet_one_new_token(
    sandbox: SandboxServer, cache_spec: dict[str, Any]
) -> None:
    uid = a_user(sandbox)
    with fleet_of_four(sandbox, cache_spec) as fleet:
        assert fleet.ask_all(f"get {uid}") == [{"ok": True}] * 4
        assert sandbox.token_requests == 1
        sandbox.tokens.issued.clear()  # the server revokes the token every worker holds
        first, *others = fleet.workers
        assert first.ask(f"get {uid}") == {"ok": True}  # 401, a new token, stored
        assert sandbox.token_requests == 2
        # The others hold the revoked token: each gets a 401 and must take the stored new
        # token, not throw it away as if it were the one refused.
        assert fleet.ask_all(f"get {uid}", others) == [{"ok": True}] * 3
        sandbox.tokens.issued.clear()
        assert fleet.ask_all(f"get {uid}") == [{"ok": True}] * 4  # all four refused at once
    assert sandbox.token_requests == 3
    assert sandbox.token_rejections == 8


def hold_the_lock_then_die(sandbox: SandboxServer, holder: Worker, uid: str) -> None:
    """Make ``holder`` take the fetch lock (its token request hangs), then SIGKILL it."""
    log = sandbox.requests.start()
    sandbox.faults.delay(5.0, n=1)
    holder.send(f"get {uid}")
    deadline = time.monotonic() + 30
    while not any(request.path == "/oauth/token" for request in log):
        assert time.monotonic() < deadline, "the holder never asked for a token"
        time.sleep(0.01)
    holder.kill()


def test_a_killed_redis_lock_holder_blocks_the_others_only_until_the_lock_times_out(
    sandbox: SandboxServer, redis_url: str
) -> None:
    uid = a_user(sandbox)
    spec = {"kind": "redis", "url": redis_url, "lock_timeout": LOCK_TIMEOUT}
    with Fleet([config(sandbox, spec), config(sandbox, spec, "async")]) as fleet:
        holder, waiter = fleet.workers
        hold_the_lock_then_die(sandbox, holder, uid)
        with redis.Redis.from_url(redis_url) as client:
            (lock,) = client.keys("*:lock")
            left = client.pttl(lock) / 1000
        assert 0 < left <= LOCK_TIMEOUT  # the dead holder's lock expires by itself
        started = time.monotonic()
        assert waiter.ask(f"get {uid}") == {"ok": True}
        waited = time.monotonic() - started
    assert waited >= left - 0.05  # it respected the lock while it was alive
    assert waited < LOCK_TIMEOUT + 10  # and was not held up past its timeout (generous for slow machines)


def test_a_killed_file_lock_holder_releases_the_lock_at_once(sandbox: SandboxServer, tmp_path: Path) -> None:
    uid = a_user(sandbox)
    path = tmp_path / "tokens.json"
    spec = {"kind": "file", "path": str(path), "lock_timeout": 60.0}
    with Fleet([config(sandbox, spec), config(sandbox, spec, "async")]) as fleet:
        holder, waiter = fleet.workers
        lock_file = os.open(path.with_name("tokens.json.lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            hold_the_lock_then_die(sandbox, holder, uid)
            fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)  # the system freed it with the process
            fcntl.flock(lock_file, fcntl.LOCK_UN)
        finally:
            os.close(lock_file)
        assert waiter.ask(f"get {uid}") == {"ok": True}


def test_the_file_lock_is_held_while_a_token_is_fetched(sandbox: SandboxServer, tmp_path: Path) -> None:
    uid = a_user(sandbox)
    path = tmp_path / "tokens.json"
    worker = Worker(config(sandbox, {"kind": "file", "path": str(path)}))
    try:
        worker.wait_ready()
        log = sandbox.requests.start()
        sandbox.faults.delay(1.0, n=1)
        worker.send(f"get {uid}")
        while not any(request.path == "/oauth/token" for request in log):
            time.sleep(0.01)
        lock_file = os.open(path.with_name("tokens.json.lock"), os.O_RDWR)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(lock_file)
        assert worker.answer() == {"ok": True}
    finally:
        worker.close()
