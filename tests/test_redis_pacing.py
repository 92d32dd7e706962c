"""A shared rate budget: RedisPacer against a real Redis server, worker processes and the sandbox's bucket."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import subprocess
import sys
import textwrap
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import redis
from auth0_users import AsyncManagementClient, InvalidAddressError, ManagementClient
from auth0_users.pacing import BucketState, Mark, PacingState, RateLimits, RedisPacer
from auth0_users.pacing._redis_pacer import tenant_origin
from auth0_users.pacing._redis_store import decode, encode
from auth0_users.sandbox import SandboxServer
from fleet import Fleet
from redis_server import RedisServer, redis_server_binary

BURST, RATE = 10, 40.0
PASSWORD = "pacing-redis-password-7f3a"


@pytest.fixture
def bucket(sandbox: SandboxServer) -> SandboxServer:
    """The sandbox, limiting like Auth0: 10 at once, refilled at 40/s."""
    sandbox.faults.token_bucket(BURST, RATE)
    return sandbox


@pytest.fixture
def own_redis() -> Iterator[RedisServer]:
    """A Redis server of this test's own, to stop or to lock with a password."""
    if redis_server_binary() is None:
        pytest.skip("redis-server is not installed: apt-get install redis-server (.ci/run does it)")
    with RedisServer() as server:
        yield server


def worker_config(sandbox: SandboxServer, redis_url: str, mode: str = "sync") -> dict[str, Any]:
    return {
        "base_url": sandbox.base_url,
        "client_id": sandbox.client_id,
        "client_secret": sandbox.client_secret,
        "mode": mode,
        "cache": {"kind": "memory"},
        "pacing": {"kind": "redis", "url": redis_url, "key": sandbox.base_url},
    }


def closed_port() -> int:
    """A port of 127.0.0.1 that nothing listens on (it was free a moment ago)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def pacing_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if "paces on its own" in record.getMessage()]


def test_a_fleet_through_one_bucket_gets_almost_no_429s_and_applies_every_write_once(
    bucket: SandboxServer, redis_url: str
) -> None:
    users, processes, threads = 160, 4, 4
    configs = [worker_config(bucket, redis_url, mode) for mode in ("sync", "async", "sync", "async")]
    with Fleet(configs) as fleet:
        log = bucket.requests.start()
        answers = fleet.ask_all(f"create {users // processes} {threads} shared")
    creates = [entry for entry in log if entry.method == "POST" and entry.path == "/api/v2/users"]
    rate_limited = sum(entry.status == 429 for entry in creates)
    assert [answer["failed"] for answer in answers] == [0] * processes
    assert sum(answer["created"] for answer in answers) == users
    emails = Counter(str(user["email"]) for user in bucket.backend.users.values())
    assert sum(email.startswith("shared-") for email in emails) == users
    assert set(emails.values()) == {1}  # no write applied twice
    assert rate_limited <= 0.03 * len(creates), f"{rate_limited} of {len(creates)} creates answered 429"


def test_processes_share_one_state_per_tenant(bucket: SandboxServer, redis_url: str) -> None:
    uid = str(bucket.seed(1)[0]["user_id"])
    here = RedisPacer(redis_url, key=bucket.base_url)
    other_tenant = RedisPacer(redis_url, key="other.eu.auth0.com")
    with Fleet([worker_config(bucket, redis_url)] * 2) as fleet:
        first, second = fleet.workers
        for _ in range(3):
            assert first.ask(f"get {uid}") == {"ok": True}
        assert (here.state.bucket("*").sent, here.state.bucket("*").limit) == (3, BURST)
        for _ in range(2):
            assert second.ask(f"get {uid}") == {"ok": True}
    assert (here.state.bucket("*").sent, here.state.bucket("*").issued) == (5, 5)
    assert other_tenant.state == PacingState.known(RateLimits(), 0.0)
    with redis.Redis.from_url(redis_url) as client:
        assert client.keys() == [f"auth0-users:pacing:{bucket.origin}".encode()]
        assert 0 < client.pttl(client.keys()[0]) <= 600_000
        assert json.loads(client.get(client.keys()[0]) or b"")["buckets"]["*"]["sent"] == 5
    here.close()
    other_tenant.close()


UPDATER = """
import sys
from concurrent.futures import ThreadPoolExecutor
from auth0_users.pacing import RedisPacer

pacing = RedisPacer(sys.argv[1], key="tenant.eu.auth0.com")

def one_more(state):
    bucket = state.bucket("*")
    return None, state.with_bucket("*", bucket._replace(issued=bucket.issued + 1))

def count(_: int) -> None:
    for _ in range({updates}):
        pacing.store.update(one_more)

with ThreadPoolExecutor({threads}) as pool:
    list(pool.map(count, range({threads})))
"""


def test_updates_from_many_processes_are_atomic(redis_url: str) -> None:
    processes, threads, updates = 4, 4, 100
    script = textwrap.dedent(UPDATER.format(updates=updates, threads=threads))
    runs = [subprocess.Popen([sys.executable, "-c", script, redis_url]) for _ in range(processes)]
    assert [run.wait(timeout=120) for run in runs] == [0] * processes
    pacing = RedisPacer(redis_url, key="https://tenant.eu.auth0.com/api/v2")
    assert pacing.state.bucket("*").issued == processes * threads * updates


def test_with_redis_down_calls_go_on_with_one_warning(
    sandbox: SandboxServer, own_redis: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    uid = str(sandbox.seed(1)[0]["user_id"])
    sandbox.faults.token_bucket(BURST, RATE)
    pacing = RedisPacer(own_redis.url, key=sandbox.base_url)
    with ManagementClient(base_url=sandbox.base_url, token=sandbox.token, pacing=pacing) as mgmt:
        mgmt.users.get(uid)
        own_redis.stop()
        with caplog.at_level(logging.WARNING, logger="auth0_users"):
            for _ in range(BURST + 5):  # past the burst: the local pacer still spaces them
                mgmt.users.get(uid)
    assert len(pacing_warnings(caplog)) == 1
    assert "ConnectionError" in pacing_warnings(caplog)[0]
    assert pacing.state.bucket("*").sent == BURST + 6  # the local state went on from the shared one
    assert pacing.paces


def test_an_async_client_falls_back_too(sandbox: SandboxServer, caplog: pytest.LogCaptureFixture) -> None:
    uid = str(sandbox.seed(1)[0]["user_id"])
    sandbox.faults.token_bucket(BURST, RATE)

    async def calls() -> None:
        pacing = RedisPacer(f"redis://127.0.0.1:{closed_port()}/0", key=sandbox.base_url)
        async with AsyncManagementClient(base_url=sandbox.base_url, token=sandbox.token, pacing=pacing) as amgmt:
            for _ in range(3):
                await amgmt.users.get(uid)

    with caplog.at_level(logging.WARNING, logger="auth0_users"):
        asyncio.run(calls())
    assert len(pacing_warnings(caplog)) == 1


def test_sharing_resumes_when_redis_answers_again(
    sandbox: SandboxServer, own_redis: RedisServer, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    from auth0_users.pacing import _redis_store

    monkeypatch.setattr(_redis_store, "RETRY_AFTER", 0.0)
    uid = str(sandbox.seed(1)[0]["user_id"])
    admin = redis.Redis.from_url(own_redis.url)
    pacing = RedisPacer(own_redis.url, key=sandbox.base_url)
    with (
        caplog.at_level(logging.WARNING, logger="auth0_users"),
        ManagementClient(base_url=sandbox.base_url, token=sandbox.token, pacing=pacing) as mgmt,
    ):
        admin.config_set("requirepass", PASSWORD)
        admin.client_kill_filter(_type="normal", skipme=True)  # the pacer reconnects, and gets NOAUTH
        mgmt.users.get(uid)
        redis.Redis.from_url(own_redis.url, password=PASSWORD).config_set("requirepass", "")
        mgmt.users.get(uid)
    messages = [record.getMessage() for record in caplog.records]
    assert sum("paces on its own" in message for message in messages) == 1
    assert sum("pacing is shared again" in message for message in messages) == 1
    assert json.loads(admin.get(pacing.store.name) or b"")["buckets"]["*"]["sent"] >= 1
    admin.close()
    pacing.close()


def test_no_redis_password_in_reprs_or_logs(
    sandbox: SandboxServer, own_redis: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    uid = str(sandbox.seed(1)[0]["user_id"])
    with redis.Redis.from_url(own_redis.url) as admin:
        admin.config_set("requirepass", PASSWORD)
    url = f"redis://:{PASSWORD}@127.0.0.1:{own_redis.port}/0"
    wrong = f"redis://:not-{PASSWORD}@127.0.0.1:{own_redis.port}/0"
    with caplog.at_level(logging.DEBUG, logger="auth0_users"):
        for address in (url, wrong):
            pacing = RedisPacer(address, key=sandbox.base_url)
            with ManagementClient(base_url=sandbox.base_url, token=sandbox.token, pacing=pacing) as mgmt:
                mgmt.users.get(uid)
                shown = [repr(pacing), repr(pacing.store), repr(mgmt.pacer), str(pacing), repr(pacing.state)]
            pacing.close()
            assert all(PASSWORD not in text for text in shown)
    assert len(pacing_warnings(caplog)) == 1  # the wrong password
    assert PASSWORD not in caplog.text


def test_a_stored_state_that_is_not_one_is_replaced_with_a_warning(
    redis_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    pacing = RedisPacer(redis_url, key="tenant.eu.auth0.com", limits=RateLimits(burst=5, rate=2.0))
    with redis.Redis.from_url(redis_url) as client:
        client.set(pacing.store.name, b'{"limit": "many"}')
        with caplog.at_level(logging.WARNING, logger="auth0_users"):
            ticket = pacing.reserve()
        assert "holds no pacing state" in caplog.text
        assert (ticket.wait, pacing.state.bucket("*").limit, pacing.state.bucket("*").issued) == (0.0, 5, 1)
    pacing.close()


@pytest.mark.parametrize(
    "state",
    [
        PacingState(),
        PacingState(
            buckets={
                "*": BucketState(limit=10, rate=37.5, level=-2.5, at=1.5, waiting=((3, 9.0), (4, 9.5)), sent=2),
                "Write Users": BucketState(limit=20, flying=((1, 2.5), (2, 3.0))),
            },
            routes={"GET /users": "limit 40"},
            marks={"*": ("PATCH /users/{id}", Mark("*", 1.5, 3, 1))},
        ),
    ],
)
def test_a_state_survives_its_json(state: PacingState) -> None:
    assert decode(encode(state)) == state
    assert all(isinstance(bucket.flying, tuple) for bucket in decode(encode(state)).buckets.values())


@pytest.mark.parametrize(
    "raw",
    [
        b"[]",
        b"not json",
        b'{"buckets": {"*": {"limit": true}}}',
        b'{"buckets": {"*": {"waiting": [1]}}}',
        b'{"buckets": {"*": {"flying": [1]}}}',
        b'{"buckets": {"*": {"rate": "1"}}}',
        b'{"buckets": []}',
        b'{"routes": {"GET /users": 3}}',
        b'{"marks": {"*": ["GET /users", [1, 2]]}}',
        b"\xff",
    ],
)
def test_what_is_not_a_state_is_refused(raw: bytes) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 (each is a different complaint)
        decode(raw)


def test_fields_a_state_does_not_know_are_left_out() -> None:
    raw = b'{"buckets": {"*": {"limit": 3, "from_a_later_version": 1}}, "later": 2}'
    assert decode(raw) == PacingState(buckets={"*": BucketState(limit=3)})


@pytest.mark.parametrize(
    ("key", "origin"),
    [
        ("TENANT.eu.auth0.com", "https://tenant.eu.auth0.com"),
        ("https://tenant.eu.auth0.com/api/v2/", "https://tenant.eu.auth0.com"),
        ("http://127.0.0.1:8080/api/v2", "http://127.0.0.1:8080"),
        ("login.example.com:8443", "https://login.example.com:8443"),
    ],
)
def test_the_state_is_filed_under_the_tenants_origin(key: str, origin: str) -> None:
    assert tenant_origin(key) == origin


def test_bad_arguments_say_what_is_expected(redis_url: str) -> None:
    with pytest.raises(InvalidAddressError, match="domain"):
        RedisPacer(redis_url, key="tenant.eu.auth0.com/api?secret=1")
    with pytest.raises(TypeError, match=r"limits must be a RateLimits"):
        RedisPacer(redis_url, key="tenant.eu.auth0.com", limits="enterprise")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="ttl must be a positive number"):
        RedisPacer(redis_url, key="tenant.eu.auth0.com", ttl=0)
    pacing = RedisPacer(redis_url, key="tenant.eu.auth0.com")
    with pytest.raises(ValueError, match=r"paces https://tenant\.eu\.auth0\.com; a client of https://other"):
        ManagementClient(domain="other.eu.auth0.com", token="t", pacing=pacing)
    pacing.close()


def test_the_tenant_comes_from_the_client_it_is_given_to(bucket: SandboxServer, redis_url: str) -> None:
    uid = str(bucket.seed(1)[0]["user_id"])
    pacing = RedisPacer(redis_url)
    assert pacing.tenant is None
    with ManagementClient(base_url=bucket.base_url, token=bucket.token, pacing=pacing) as mgmt:
        mgmt.users.get(uid)
    assert pacing.tenant == tenant_origin(bucket.base_url)
    with redis.Redis.from_url(redis_url) as client:
        assert json.loads(client.get(pacing.store.name) or b"")["buckets"]["*"]["sent"] == 1
    with pytest.raises(ValueError, match="needs a RedisPacer of its own"):
        ManagementClient(domain="other.eu.auth0.com", token="t", pacing=pacing)
    pacing.close()


def test_importing_pacing_imports_no_redis() -> None:
    code = "import sys, auth0_users.pacing; print('redis' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"


def test_an_async_client_talks_to_redis_without_blocking_the_event_loop(bucket: SandboxServer, redis_url: str) -> None:
    uid = str(bucket.seed(1)[0]["user_id"])
    ticks: list[float] = []

    async def tick(stop: asyncio.Event) -> None:
        while not stop.is_set():
            ticks.append(asyncio.get_running_loop().time())
            await asyncio.sleep(0.01)

    async def calls() -> tuple[int, int]:
        pacing = RedisPacer(redis.asyncio.Redis.from_url(redis_url))  # an async Redis client serves it
        async with AsyncManagementClient(base_url=bucket.base_url, token=bucket.token, pacing=pacing) as amgmt:
            await amgmt.users.get(uid)  # connections made, state stored
            stop = asyncio.Event()
            ticker = asyncio.create_task(tick(stop))
            await asyncio.sleep(0.05)
            with redis.Redis.from_url(redis_url) as admin:
                admin.execute_command("CLIENT", "PAUSE", "400", "ALL")  # Redis answers nobody for 0.4 s
            before = len(ticks)
            await amgmt.users.get(uid)  # its pacer waits for Redis...
            during = len(ticks) - before  # ...while the other task goes on
            stop.set()
            await ticker
        sent = (await pacing.store.aread()).bucket("*").sent
        await pacing.aclose()
        return during, sent

    during, sent = asyncio.run(calls())
    assert during >= 5  # a blocked loop would not have ticked at all during the pause
    assert sent == 2
