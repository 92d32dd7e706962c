"""Token caches in one process: refresh before expiry, sharing, encryption at rest, failures, secrecy."""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis
from auth0_users import APIConnectionError, AsyncManagementClient, ManagementClient, TokenError
from auth0_users.sandbox import SandboxServer
from auth0_users.token_cache import (
    FileTokenCache,
    MemoryTokenCache,
    RedisTokenCache,
    TokenCache,
    _entry_key,
    _Token,
    generate_encryption_key,
)

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def a_user(sandbox: SandboxServer) -> str:
    return str(sandbox.seed(1)[0]["user_id"])


def client(sandbox: SandboxServer, cache: TokenCache | None, cls: type = ManagementClient, **options: Any) -> Any:
    return cls(
        base_url=sandbox.base_url,
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        token_cache=cache,
        **options,
    )


def issued_tokens(sandbox: SandboxServer) -> list[str]:
    return list(sandbox.tokens.issued)


def revoke_all(sandbox: SandboxServer, seen: list[str]) -> None:
    """Revoke every token the sandbox issued, noting them in ``seen``."""
    seen += issued_tokens(sandbox)
    sandbox.tokens.issued.clear()


# --- refresh before expiry ---------------------------------------------------------------------


def test_the_sandbox_counts_a_request_with_an_expired_token(sandbox: SandboxServer) -> None:
    """What the refresh test relies on: using a token past its lifetime is seen and counted."""
    a_user(sandbox)
    sandbox.tokens.expires_in = 1
    form = {"grant_type": "client_credentials", "client_id": sandbox.client_id, "client_secret": sandbox.client_secret}
    token = httpx.post(sandbox.origin + "/oauth/token", json=form).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert httpx.get(sandbox.base_url + "/users", headers=headers).status_code == 200
    time.sleep(1.05)
    assert httpx.get(sandbox.base_url + "/users", headers=headers).status_code == 401
    assert sandbox.token_rejections == 1


@pytest.mark.parametrize(("mode", "kind"), [("sync", "memory"), ("async", "redis")])
async def test_tokens_are_refreshed_before_they_expire(
    request: pytest.FixtureRequest, sandbox: SandboxServer, mode: str, kind: str
) -> None:
    """Two token lifetimes of steady calls: no call may ever reach the server with an expired token."""
    uid = a_user(sandbox)
    sandbox.tokens.expires_in = 3
    cache = RedisTokenCache(request.getfixturevalue("redis_url")) if kind == "redis" else None
    deadline = time.monotonic() + 6.5
    calls = 0
    if mode == "sync":
        with client(sandbox, cache) as mgmt:
            while time.monotonic() < deadline:
                mgmt.users.get(uid)
                calls += 1
                time.sleep(0.05)
    else:
        assert cache is not None
        async with client(sandbox, cache, AsyncManagementClient) as amgmt:
            while time.monotonic() < deadline:
                await amgmt.users.get(uid)
                calls += 1
                await asyncio.sleep(0.05)
        await cache.aclose()
    assert calls > 20
    assert sandbox.token_rejections == 0  # a client that waited for the 401 would show one per lifetime
    assert sandbox.token_requests == 3


# --- sharing in one process --------------------------------------------------------------------


def test_threads_of_two_clients_sharing_a_file_cache_fetch_one_token(sandbox: SandboxServer, tmp_path: Path) -> None:
    uid = a_user(sandbox)
    path = tmp_path / "tokens.json"
    clients = [client(sandbox, FileTokenCache(path)) for _ in range(2)]
    start = threading.Barrier(40)

    def call(index: int) -> str:
        start.wait()
        return str(clients[index % 2].users.get(uid).user_id)

    sandbox.faults.delay(0.3, n=1)
    with ThreadPoolExecutor(max_workers=40) as pool:
        assert list(pool.map(call, range(40))) == [uid] * 40
    assert sandbox.token_requests == 1


async def test_tasks_of_two_async_clients_sharing_redis_fetch_one_token(sandbox: SandboxServer, redis_url: str) -> None:
    uid = a_user(sandbox)
    cache = RedisTokenCache(redis_url)
    sandbox.faults.delay(0.3, n=1)
    async with (
        client(sandbox, cache, AsyncManagementClient) as one,
        client(sandbox, cache, AsyncManagementClient) as two,
    ):
        users = await asyncio.gather(*(mgmt.users.get(uid) for _ in range(50) for mgmt in (one, two)))
    await cache.aclose()
    assert {user.user_id for user in users} == {uid}
    assert sandbox.token_requests == 1


def test_a_shared_memory_cache_serves_several_clients(sandbox: SandboxServer) -> None:
    uid = a_user(sandbox)
    cache = MemoryTokenCache()
    for _ in range(3):
        with client(sandbox, cache) as mgmt:
            mgmt.users.get(uid)
    with client(sandbox, None) as separate:
        separate.users.get(uid)
    assert sandbox.token_requests == 2


def test_clients_of_other_tenants_or_audiences_get_their_own_entries(sandbox: SandboxServer, tmp_path: Path) -> None:
    uid = a_user(sandbox)
    path = tmp_path / "tokens.json"
    audience = sandbox.origin + "/api/v2/"
    for other in (audience, "https://other-api.example.com/"):
        with client(sandbox, FileTokenCache(path), audience=other) as mgmt:
            mgmt.users.get(uid)
    assert sandbox.token_requests == 2
    assert len(json.loads(path.read_text())["entries"]) == 2
    assert _entry_key("https://a/oauth/token", "id", "aud") != _entry_key("https://a/oauth/token", "id", "aud2")


# --- encryption at rest ------------------------------------------------------------------------


def everything_in_redis(url: str) -> bytes:
    with redis.Redis.from_url(url) as server:
        keys = list(server.scan_iter("*"))
        assert keys, "nothing was stored"
        return b"\n".join([*keys, *(server.dump(key) or b"" for key in keys)])


@pytest.mark.parametrize("kind", ["file", "redis"])
@pytest.mark.parametrize("encrypted", [True, False])
def test_encrypted_caches_hold_no_token_or_secret(
    request: pytest.FixtureRequest, sandbox: SandboxServer, tmp_path: Path, kind: str, encrypted: bool
) -> None:
    uid = a_user(sandbox)
    key = generate_encryption_key() if encrypted else None
    path = tmp_path / "tokens.json"
    url = request.getfixturevalue("redis_url") if kind == "redis" else ""
    cache = FileTokenCache(path, encryption_key=key) if kind == "file" else RedisTokenCache(url, encryption_key=key)
    with client(sandbox, cache) as mgmt:
        mgmt.users.get(uid)
        sandbox.tokens.issued.clear()  # a 401, and a second token written over the first
        mgmt.users.get(uid)
    stored = path.read_bytes() if kind == "file" else everything_in_redis(url)
    (token,) = issued_tokens(sandbox)
    assert sandbox.client_id.encode() not in stored  # keys are digests
    assert sandbox.client_secret.encode() not in stored
    # Without a key the token is there in the clear, which shows the scan would see it.
    assert (token.encode() in stored) is not encrypted
    if encrypted:
        assert key is not None
        assert key.encode() not in stored


def test_a_list_of_keys_rotates_encryption(
    sandbox: SandboxServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    uid = a_user(sandbox)
    path = tmp_path / "tokens.json"
    old, new, unrelated = (generate_encryption_key() for _ in range(3))
    with client(sandbox, FileTokenCache(path, encryption_key=old)) as mgmt:
        mgmt.users.get(uid)
    with client(sandbox, FileTokenCache(path, encryption_key=[new, old])) as mgmt:
        mgmt.users.get(uid)  # reads the entry made with the old key
    assert sandbox.token_requests == 1
    with (
        caplog.at_level(logging.WARNING, logger="auth0_users"),
        client(sandbox, FileTokenCache(path, encryption_key=unrelated)) as mgmt,
    ):
        mgmt.users.get(uid)  # cannot read it: fetches and replaces it
    assert sandbox.token_requests == 2
    assert any("not encrypted with this key" in record.getMessage() for record in caplog.records)
    with client(sandbox, FileTokenCache(path)) as mgmt:
        mgmt.users.get(uid)  # no key: an encrypted entry is unreadable too
    assert sandbox.token_requests == 3


KEY = _entry_key("http://127.0.0.1/oauth/token", "client", "aud")


@pytest.mark.parametrize(
    "stored",
    [
        b"not json",
        b"[]",
        b'{"key": "other", "access_token": "t", "refresh_at": 9e9}',
        json.dumps({"key": KEY, "access_token": 5, "refresh_at": 9e9}).encode(),
        json.dumps({"key": KEY, "access_token": "t", "refresh_at": "later"}).encode(),
        json.dumps({"key": KEY, "access_token": "t"}).encode(),
    ],
)
def test_an_unusable_entry_reads_as_missing(stored: bytes) -> None:
    assert MemoryTokenCache()._decode(KEY, stored) is None


def test_an_entry_reads_back_as_written_with_and_without_encryption(tmp_path: Path) -> None:
    token = _Token("value", 1234.5)
    for cache in (MemoryTokenCache(), FileTokenCache(tmp_path / "t.json", encryption_key=generate_encryption_key())):
        assert cache._decode(KEY, cache._encode(KEY, token)) == token


# --- failures and bad configuration -------------------------------------------------------------


def closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


async def test_an_unreachable_redis_costs_a_warning_not_the_call(
    sandbox: SandboxServer, caplog: pytest.LogCaptureFixture
) -> None:
    uid = a_user(sandbox)
    url = f"redis://127.0.0.1:{closed_port()}/0"
    with caplog.at_level(logging.WARNING, logger="auth0_users"):
        with client(sandbox, RedisTokenCache(url)) as mgmt:
            assert mgmt.users.get(uid).user_id == uid
            assert mgmt.users.get(uid).user_id == uid  # the token is kept in memory meanwhile
        cache = RedisTokenCache(url)
        async with client(sandbox, cache, AsyncManagementClient) as amgmt:
            assert (await amgmt.users.get(uid)).user_id == uid
        await cache.aclose()
    assert sandbox.token_requests == 2
    assert any("cannot be used (ConnectionError" in record.getMessage() for record in caplog.records)


def test_an_unwritable_file_costs_a_warning_not_the_call(
    sandbox: SandboxServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    uid = a_user(sandbox)
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    with (
        caplog.at_level(logging.WARNING, logger="auth0_users"),
        client(sandbox, FileTokenCache(blocker / "tokens.json")) as mgmt,
    ):
        assert mgmt.users.get(uid).user_id == uid
    assert any("is unavailable" in record.getMessage() for record in caplog.records)


def test_the_lock_is_given_back_when_the_token_request_fails(sandbox: SandboxServer, tmp_path: Path) -> None:
    uid = a_user(sandbox)
    cache = FileTokenCache(tmp_path / "tokens.json", lock_timeout=30)
    with client(sandbox, cache, max_retries=0) as mgmt:
        sandbox.faults.fail_next(1, status=503, methods=["POST"])
        with pytest.raises(TokenError):
            mgmt.users.get(uid)
        sandbox.faults.drop_next(1)  # the token answer is cut off
        with pytest.raises(APIConnectionError):
            mgmt.users.get(uid)
    lease = cache.try_lock(KEY)  # neither failure left the lock held
    assert lease is not None
    cache.unlock(lease)


def test_bad_configuration_is_a_clear_error(sandbox: SandboxServer, redis_url: str) -> None:
    with pytest.raises(TypeError, match="no use with a static token"):
        ManagementClient(base_url=sandbox.base_url, token="t", token_cache=MemoryTokenCache())
    with pytest.raises(TypeError, match="token_cache must be"):
        client(sandbox, "redis://localhost")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="Fernet key") as caught:
        FileTokenCache("tokens.json", encryption_key="too-short-secret")
    assert "too-short-secret" not in str(caught.value)
    with pytest.raises(ValueError, match="lock_timeout"):
        RedisTokenCache(redis_url, lock_timeout=0)
    with pytest.raises(ValueError, match="expected a redis://"):
        RedisTokenCache("localhost:6379")
    with pytest.raises(TypeError, match="a Redis URL"):
        RedisTokenCache(42)  # type: ignore[arg-type]


async def test_a_redis_client_of_the_other_mode_is_refused_clearly(sandbox: SandboxServer, redis_url: str) -> None:
    uid = a_user(sandbox)
    sync_redis = redis.Redis.from_url(redis_url)
    async_redis = redis.asyncio.Redis.from_url(redis_url)
    with (
        pytest.raises(TypeError, match=r"needs a redis\.Redis or a URL"),
        client(sandbox, RedisTokenCache(async_redis)) as mgmt,
    ):
        mgmt.users.get(uid)
    async with client(sandbox, RedisTokenCache(sync_redis), AsyncManagementClient) as amgmt:
        with pytest.raises(TypeError, match=r"async code needs a redis\.asyncio"):
            await amgmt.users.get(uid)
    async with client(sandbox, RedisTokenCache(async_redis), AsyncManagementClient) as amgmt:
        assert (await amgmt.users.get(uid)).user_id == uid  # each in its own mode works
    with client(sandbox, RedisTokenCache(sync_redis)) as mgmt:
        assert mgmt.users.get(uid).user_id == uid
    assert sandbox.token_requests == 1
    sync_redis.close()
    await async_redis.aclose()


# --- nothing secret in logs or reprs -------------------------------------------------------------


async def test_no_token_secret_or_key_in_any_log_line_or_repr(
    sandbox: SandboxServer, redis_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    uid = a_user(sandbox)
    key = generate_encryption_key()
    password_url = "redis://worker:hunter2-password@127.0.0.1:6379/0"
    caches: list[TokenCache] = [
        FileTokenCache(tmp_path / "tokens.json", encryption_key=key),
        RedisTokenCache(redis_url, encryption_key=key),
        RedisTokenCache(redis_url),
        MemoryTokenCache(),
    ]
    texts = [repr(cache) for cache in [*caches, RedisTokenCache(password_url)]]
    tokens: list[str] = []
    with caplog.at_level(logging.DEBUG):
        for cache in caches:
            with client(sandbox, cache) as mgmt:
                mgmt.users.get(uid)
                revoke_all(sandbox, tokens)
                mgmt.users.get(uid)  # a 401, a refresh
                texts += [repr(mgmt), repr(mgmt._auth)]
            async with client(sandbox, cache, AsyncManagementClient) as amgmt:
                await amgmt.users.get(uid)
                texts.append(repr(amgmt))
            if isinstance(cache, RedisTokenCache):
                await cache.aclose()
        with client(sandbox, RedisTokenCache(f"redis://127.0.0.1:{closed_port()}/0", encryption_key=key)) as mgmt:
            mgmt.users.get(uid)  # warnings about the unreachable cache
        with client(
            sandbox, FileTokenCache(tmp_path / "tokens.json", encryption_key=generate_encryption_key())
        ) as mgmt:
            mgmt.users.get(uid)  # a warning about an entry under another key
    texts += [record.getMessage() for record in caplog.records] + [str(record.args) for record in caplog.records]
    assert any("cannot be used" in text for text in texts)
    assert any("not encrypted with this key" in text for text in texts)
    revoke_all(sandbox, tokens)
    assert len(tokens) == sandbox.token_requests == 10
    secrets = [sandbox.client_secret, key, "hunter2-password", *tokens]
    assert [text for text in texts if any(secret in text for secret in secrets)] == []
