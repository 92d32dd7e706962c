"""Pacing over HTTP against the sandbox's token bucket: few 429s, every write once, and no cost without headers."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from auth0_users import APITimeoutError, AsyncManagementClient, ManagementClient
from auth0_users.pacing import Pacer, RateLimits
from auth0_users.sandbox import SandboxServer
from loopback import serve_recording

pytestmark = pytest.mark.anyio
WRITES = 60
WORKERS = 8


def seed_users(sandbox: SandboxServer, n: int) -> list[str]:
    return [str(user["user_id"]) for user in sandbox.seed(n)]


async def write_all(mode: str, sandbox: SandboxServer, users: list[str], **options: Any) -> Pacer:
    """PATCH each user once from ``WORKERS`` threads or tasks sharing one client; return its pacer."""
    options = {"base_url": sandbox.base_url, "token": sandbox.token, **options}
    if mode == "sync":
        with ManagementClient(**options) as mgmt, ThreadPoolExecutor(WORKERS) as pool:
            list(pool.map(lambda uid: mgmt.users.update(uid, user_metadata={"paced": uid}), users))
            return mgmt.pacer
    async with AsyncManagementClient(**options) as amgmt:
        pending = iter(users)

        async def worker() -> None:
            for uid in pending:
                await amgmt.users.update(uid, user_metadata={"paced": uid})

        await asyncio.gather(*(worker() for _ in range(WORKERS)))
        return amgmt.pacer


def patches(sandbox: SandboxServer) -> list[Any]:
    return [entry for entry in sandbox.requests if entry.method == "PATCH"]


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("meaning", ["next", "full"])
async def test_concurrent_writers_stay_under_the_bucket_and_write_each_user_once(
    sandbox: SandboxServer, mode: str, meaning: str
) -> None:
    users = seed_users(sandbox, WRITES)
    sandbox.faults.token_bucket(5, 40.0, reset=meaning)  # type: ignore[arg-type]
    log = sandbox.requests.start()
    pacer = await write_all(mode, sandbox, users)
    statuses = Counter(entry.status for entry in patches(sandbox))
    assert statuses[429] <= 2, statuses  # unpaced, such a run meets dozens
    applied = Counter(entry.path.rsplit("/", 1)[1] for entry in log if entry.method == "PATCH" and entry.status == 200)
    assert applied == Counter(users)  # every write applied, none twice
    assert all(sandbox.backend.users[uid]["user_metadata"]["paced"] == uid for uid in users)
    assert pacer.paces
    assert pacer.state.bucket("*").limit == 5
    assert 0 < pacer.state.bucket("*").rate <= 40  # guessed or measured, never above the truth


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("pacing", [True, RateLimits(burst=40, rate=4.0)], ids=["learned", "given"])
async def test_after_a_429_storm_waiters_wake_one_token_apart_not_at_a_far_reset(
    sandbox: SandboxServer, mode: str, pacing: bool | RateLimits
) -> None:
    users = seed_users(sandbox, WORKERS)
    # Read as "full again", the reset of an emptied bucket of 40 at 4/s is ten seconds away.
    sandbox.faults.token_bucket(40, 4.0, reset="full")
    with httpx.Client(base_url=sandbox.base_url, headers={"Authorization": f"Bearer {sandbox.token}"}) as other:
        while (refused := other.get("/users")).status_code != 429:  # another client empties the bucket
            pass
    reset = float(refused.headers["x-ratelimit-reset"])
    assert reset - time.time() > 8
    log = sandbox.requests.start()
    await write_all(mode, sandbox, users, pacing=pacing)
    answered = [entry for entry in log if entry.method == "PATCH"]
    first_success = min(entry.at for entry in answered if entry.status == 200)
    late_refusals = [entry for entry in answered if entry.status == 429 and entry.at > first_success]
    # Woken one token apart: had they woken together, seven would be refused. A loaded machine may
    # still wake one a little late and the next on time, so that two arrive within one token.
    assert len(late_refusals) <= 2, late_refusals
    assert sum(entry.status == 429 for entry in answered) <= WORKERS  # at most the first try of each
    assert all(entry.at < reset - 4 for entry in answered)  # eight tokens at 4/s: two seconds, not ten
    assert all(sandbox.backend.users[uid]["user_metadata"]["paced"] == uid for uid in users)


async def test_without_rate_limit_headers_pacing_stays_out_of_the_way() -> None:
    with serve_recording() as server:
        server.respond(200, {"user_id": "auth0|1", "email": "a@example.com"})
        with ManagementClient(base_url=server.base_url, token="t") as mgmt, ThreadPoolExecutor(16) as pool:
            users = list(pool.map(lambda _: mgmt.users.get("auth0|1"), range(64)))
            assert {user.user_id for user in users} == {"auth0|1"}
            pacer, state = mgmt.pacer, mgmt.pacer.state
            assert not pacer.paces
            # After the first answer nothing is queued or counted any more: no lock, no sleep.
            for _ in range(10):
                mgmt.users.get("auth0|1")
            assert pacer.state is state
            assert pacer.reserve().wait == 0.0
            assert state.bucket("*").issued <= 16  # only the requests that started before the first answer
        assert len(server.requests) == 74


async def test_a_client_its_copies_and_another_client_can_share_one_pacer(sandbox: SandboxServer) -> None:
    with ManagementClient(base_url=sandbox.base_url, token=sandbox.token) as mgmt:
        copy = mgmt.with_options(timeout=5, max_retries=1)
        assert copy.pacer is mgmt.pacer
        async with AsyncManagementClient(base_url=sandbox.base_url, token=sandbox.token, pacing=mgmt.pacer) as amgmt:
            assert amgmt.pacer is mgmt.pacer
            uid = seed_users(sandbox, 1)[0]
            copy.users.get(uid)
            await amgmt.users.get(uid)
        assert mgmt.pacer.state.bucket("*").sent == 2


def test_pacing_off_and_bad_values(sandbox: SandboxServer) -> None:
    uid = seed_users(sandbox, 1)[0]
    with ManagementClient(base_url=sandbox.base_url, token=sandbox.token, pacing=False) as mgmt:
        mgmt.users.get(uid)
        assert not mgmt.pacer.paces
        assert repr(mgmt.pacer) == "<Pacer off>"
    with pytest.raises(TypeError, match=r"pacing must be True .*, got str"):
        ManagementClient(base_url=sandbox.base_url, token=sandbox.token, pacing="on")  # type: ignore[arg-type]
    with ManagementClient(base_url=sandbox.base_url, token=sandbox.token, pacing=RateLimits.ENTERPRISE) as mgmt:
        assert mgmt.pacer.paces  # known limits pace from the first request
        assert repr(mgmt.pacer).startswith('<Pacer: bucket of 50, 16/s, 50.0 left; bucket "Read user\'s organizations"')
    with ManagementClient(base_url=sandbox.base_url, token=sandbox.token, pacing=RateLimits(burst=7)) as mgmt:
        assert repr(mgmt.pacer) == "<Pacer: bucket of 7, rate not yet measured, 7.0 left>"


def test_a_first_request_without_an_answer_holds_nobody_back(sandbox: SandboxServer) -> None:
    uid = seed_users(sandbox, 1)[0]
    sandbox.faults.delay(1.0, n=1)
    with ManagementClient(base_url=sandbox.base_url, token=sandbox.token, timeout=0.2, max_retries=0) as mgmt:
        with pytest.raises(APITimeoutError):
            mgmt.users.get(uid)
        assert mgmt.pacer.reserve().wait == 0.0  # not held for the first answer any more
        mgmt.users.get(uid)  # this answer carries the sandbox's headers: pacing starts
        assert mgmt.pacer.paces


async def test_rate_limit_headers_start_pacing_whenever_they_come() -> None:
    with serve_recording() as server:
        server.respond(200, {"user_id": "auth0|1"})
        with ManagementClient(base_url=server.base_url, token="t") as mgmt:
            mgmt.users.get("auth0|1")
            assert not mgmt.pacer.paces
            reset = str(int(time.time()) + 1)
            server.respond(200, {"user_id": "auth0|1"}, {"X-RateLimit-Limit": "5", "X-RateLimit-Remaining": "3",
                                                         "X-RateLimit-Reset": reset})  # fmt: skip
            mgmt.users.get("auth0|1")
            assert mgmt.pacer.paces
            assert (mgmt.pacer.state.bucket("*").limit, mgmt.pacer.state.bucket("*").level) == (5, 3)


def test_the_pacer_is_made_on_first_use_not_with_the_package() -> None:
    code = (
        "import sys, auth0_users;"
        "mgmt = auth0_users.ManagementClient(base_url='http://127.0.0.1:9/api/v2', token='t');"
        "mgmt.with_options(timeout=1).users.get;"
        "print('auth0_users.pacing' in sys.modules, mgmt.pacer.paces, 'auth0_users.pacing' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False", "True"]
