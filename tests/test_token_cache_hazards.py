"""Token caches under hostile conditions: a frozen Redis, special and damaged files, a worker without the key."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
import stat
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import redis
import redis.asyncio
from auth0_users import AsyncManagementClient, ManagementClient
from auth0_users.sandbox import SandboxServer
from auth0_users.token_cache import (
    FileTokenCache,
    RedisTokenCache,
    TokenCache,
    TokenCacheError,
    generate_encryption_key,
)
from fleet import Fleet
from redis_server import RedisServer, redis_server_binary

HANG = 20.0
"""Seconds after which a call counts as hung: far above the second a frozen Redis may cost, far below forever."""


def a_user(sandbox: SandboxServer) -> str:
    return str(sandbox.seed(1)[0]["user_id"])


def client(sandbox: SandboxServer, cache: TokenCache, cls: type = ManagementClient) -> Any:
    return cls(
        base_url=sandbox.base_url,
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        token_cache=cache,
    )


def messages(caplog: pytest.LogCaptureFixture, part: str) -> list[str]:
    return [record.getMessage() for record in caplog.records if part in record.getMessage()]


def finishes(work: Callable[[], Any]) -> Any:
    """``work()``, failing the test if it is still running after ``HANG`` seconds (it goes on in its thread)."""
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        return pool.submit(work).result(timeout=HANG)
    finally:
        pool.shutdown(wait=False)


# --- a frozen Redis --------------------------------------------------------------------------------


@pytest.fixture
def own_redis() -> Iterator[RedisServer]:
    """A Redis server of this test's own, to freeze."""
    if redis_server_binary() is None:
        pytest.skip("redis-server is not installed: apt-get install redis-server (.ci/run does it)")
    with RedisServer() as server:
        yield server


@contextlib.contextmanager
def frozen(server: RedisServer) -> Iterator[None]:
    """The server stopped with SIGSTOP: connections are accepted by the kernel, nothing is answered."""
    assert server.process is not None
    server.process.send_signal(signal.SIGSTOP)
    try:
        yield
    finally:
        server.process.send_signal(signal.SIGCONT)


def redis_cache(server: RedisServer, mode: str, given: str) -> tuple[RedisTokenCache, Any]:
    """A cache made from the URL, or from a client the caller made with a socket timeout (also returned)."""
    if given == "url":
        return RedisTokenCache(server.url), None
    module = redis if mode == "sync" else redis.asyncio
    own = module.Redis.from_url(server.url, socket_timeout=1, socket_connect_timeout=1)
    return RedisTokenCache(own), own


def through_an_outage(sandbox: SandboxServer, server: RedisServer, mode: str, given: str, uid: str) -> list[str]:
    """Three new clients while Redis is frozen, then one after it thawed and was due to be asked again.

    Each client makes one call, its first, so each asks the cache for a token.
    """
    from auth0_users.token_cache import _redis_cache

    cache, own = redis_cache(server, mode, given)

    def due_again_at_once() -> None:
        _redis_cache.RETRY_AFTER = 0.0

    if mode == "sync":

        def call() -> str:
            with client(sandbox, cache) as mgmt:
                return str(mgmt.users.get(uid).user_id)

        with frozen(server):
            ids = [call() for _ in range(3)]
        due_again_at_once()
        ids.append(call())
        cache.close()
        if own is not None:
            own.close()
        return ids

    async def calls() -> list[str]:
        async def call() -> str:
            async with client(sandbox, cache, AsyncManagementClient) as amgmt:
                return str((await amgmt.users.get(uid)).user_id)

        with frozen(server):
            ids = [await call() for _ in range(3)]
        due_again_at_once()
        ids.append(await call())
        await cache.aclose()  # async Redis clients belong to this event loop
        if own is not None:
            await own.aclose()
        return ids

    return asyncio.run(calls())


@pytest.mark.parametrize("given", ["url", "client"])
@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_frozen_redis_costs_one_bounded_wait_and_one_warning_per_outage(
    sandbox: SandboxServer,
    own_redis: RedisServer,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    mode: str,
    given: str,
) -> None:
    from auth0_users.token_cache import _redis_cache

    monkeypatch.setattr(_redis_cache, "RETRY_AFTER", _redis_cache.RETRY_AFTER)  # restored
    uid = a_user(sandbox)
    with caplog.at_level(logging.WARNING, logger="auth0_users"):
        assert finishes(lambda: through_an_outage(sandbox, own_redis, mode, given, uid)) == [uid] * 4
    # The first client waited for Redis once; the next two did not ask it again and shared the
    # token kept in memory meanwhile; the fourth found Redis again and stored its token there.
    assert sandbox.token_requests == 2
    assert len(messages(caplog, "kept in this process's memory")) == 1
    assert messages(caplog, "is unavailable") == []  # no warning per cache operation
    assert len(messages(caplog, "shared again")) == 1
    with redis.Redis.from_url(own_redis.url) as admin:
        assert len([name for name in admin.scan_iter("auth0-users:token:*") if name.count(b":") == 2]) == 1


def test_a_given_redis_client_that_could_wait_forever_is_warned_about(
    own_redis: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    without = redis.Redis.from_url(own_redis.url, socket_timeout=None)
    with caplog.at_level(logging.WARNING, logger="auth0_users"):
        RedisTokenCache(without)
        RedisTokenCache(redis.Redis.from_url(own_redis.url, socket_timeout=1))
    assert len(messages(caplog, "socket_timeout")) == 1
    without.close()


# --- special files, symlinks and placement ----------------------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "directory", "device"])
def test_a_cache_path_that_is_no_regular_file_is_refused_up_front(tmp_path: Path, kind: str) -> None:
    path = Path("/dev/zero") if kind == "device" else tmp_path / "tokens.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        path.mkdir()
    with pytest.raises(TokenCacheError, match="not a regular file") as caught:
        FileTokenCache(path)
    assert str(path) in str(caught.value)


@contextlib.contextmanager
def unblocking(fifo: Path) -> Iterator[None]:
    """After the block, wake a reader stuck opening ``fifo`` (as the code before the fix was)."""
    try:
        yield
    finally:
        with contextlib.suppress(OSError):  # no reader is waiting
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


def test_a_cache_file_replaced_by_a_fifo_after_the_check_is_refused_at_use(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    uid = a_user(sandbox)
    path = tmp_path / "tokens.json"
    cache = FileTokenCache(path)
    os.mkfifo(path)
    with (
        unblocking(path),
        client(sandbox, cache) as mgmt,
        pytest.raises(TokenCacheError, match="not a regular file") as caught,
    ):
        finishes(lambda: mgmt.users.get(uid))
    assert str(path) in str(caught.value)


def test_a_symlinked_cache_file_is_refused_and_its_target_left_alone(sandbox: SandboxServer, tmp_path: Path) -> None:
    uid = a_user(sandbox)
    target = tmp_path / "elsewhere.json"
    target.write_text("{}")
    path = tmp_path / "tokens.json"
    path.symlink_to(target)
    with pytest.raises(TokenCacheError, match="symbolic link"):
        FileTokenCache(path)
    path.unlink()
    cache = FileTokenCache(path)
    path.symlink_to(target)  # after the constructor looked
    with client(sandbox, cache) as mgmt, pytest.raises(TokenCacheError, match="symbolic link") as caught:
        mgmt.users.get(uid)
    assert str(path) in str(caught.value)
    assert target.read_text() == "{}"
    assert path.is_symlink()


def test_a_symlinked_lock_file_is_refused_and_nothing_is_created_at_its_target(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    uid = a_user(sandbox)
    path = tmp_path / "tokens.json"
    target = tmp_path / "planted"
    cache = FileTokenCache(path)
    path.with_name("tokens.json.lock").symlink_to(target)
    with client(sandbox, cache) as mgmt, pytest.raises(TokenCacheError, match="symbolic link") as caught:
        mgmt.users.get(uid)
    assert "tokens.json.lock" in str(caught.value)
    assert not target.exists()


def test_missing_directories_are_made_private(sandbox: SandboxServer, tmp_path: Path) -> None:
    uid = a_user(sandbox)
    path = tmp_path / "a" / "b" / "c" / "tokens.json"
    with client(sandbox, FileTokenCache(path)) as mgmt:
        mgmt.users.get(uid)
    made = [tmp_path / "a", tmp_path / "a" / "b", path.parent]
    assert [oct(stat.S_IMODE(directory.stat().st_mode)) for directory in made] == [oct(0o700)] * 3
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


# --- damaged contents ------------------------------------------------------------------------------


NESTED = b"[" * 100_000 + b"]" * 100_000


@pytest.mark.parametrize(
    ("content", "warnings"),
    [
        (NESTED, 1),
        (b'{"version": 1, "entries": ' + NESTED + b"}", 1),
        (b"\xff\xfe not text", 1),
        (b'{"entries": {"k": []}}', 0),  # a file of this package's with an entry it ignores
    ],
    ids=["nested", "nested-entries", "binary", "odd-entry"],
)
def test_a_damaged_cache_file_is_a_miss_with_one_warning(
    sandbox: SandboxServer, tmp_path: Path, caplog: pytest.LogCaptureFixture, content: bytes, warnings: int
) -> None:
    uid = a_user(sandbox)
    path = tmp_path / "tokens.json"
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="auth0_users"), client(sandbox, FileTokenCache(path)) as mgmt:
        assert mgmt.users.get(uid).user_id == uid
    assert sandbox.token_requests == 1
    assert len(json.loads(path.read_bytes())["entries"]) == 1  # replaced by a good file
    assert len(messages(caplog, "counts as empty")) == warnings  # said once, not at each of the client's looks


def test_a_deeply_nested_redis_entry_is_a_miss_with_a_warning(
    sandbox: SandboxServer, redis_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    uid = a_user(sandbox)
    cache = RedisTokenCache(redis_url)
    with client(sandbox, cache) as mgmt:
        mgmt.users.get(uid)
    with redis.Redis.from_url(redis_url) as admin:
        (name,) = [name for name in admin.scan_iter("auth0-users:token:*") if name.count(b":") == 2]
        admin.set(name, NESTED)
    with caplog.at_level(logging.WARNING, logger="auth0_users"), client(sandbox, cache) as mgmt:
        assert mgmt.users.get(uid).user_id == uid
    assert sandbox.token_requests == 2
    assert messages(caplog, "not readable")
    cache.close()


# --- encryption at rest is not undone by a worker without the key ----------------------------------


def stored_bytes(kind: str, path: Path, url: str) -> bytes:
    if kind == "file":
        return path.read_bytes() if path.exists() else b""
    with redis.Redis.from_url(url) as server:
        return b"\n".join(server.get(name) or b"" for name in server.scan_iter("*"))


def worker_config(sandbox: SandboxServer, cache: dict[str, Any], mode: str) -> dict[str, Any]:
    return {
        "base_url": sandbox.base_url,
        "client_id": sandbox.client_id,
        "client_secret": sandbox.client_secret,
        "mode": mode,
        "cache": cache,
    }


@pytest.mark.parametrize("kind", ["file", "redis"])
def test_a_worker_without_the_key_writes_no_plaintext_into_an_encrypted_cache(
    request: pytest.FixtureRequest, sandbox: SandboxServer, tmp_path: Path, kind: str
) -> None:
    uid = a_user(sandbox)
    path = tmp_path / "tokens.json"
    url = request.getfixturevalue("redis_url") if kind == "redis" else ""
    keyless: dict[str, Any] = {"kind": kind, "path": str(path), "url": url}
    keyed = {**keyless, "encryption_key": generate_encryption_key()}
    sandbox.tokens.expires_in = 3  # entries leave the cache after 2.7 s
    configs = [worker_config(sandbox, cache, mode) for cache, mode in [(keyed, "sync"), (keyless, "async")] * 2]
    with Fleet(configs) as fleet:
        keyed_one, keyless_one, keyed_two, keyless_two = fleet.workers
        assert keyed_one.ask(f"get {uid}") == {"ok": True}
        # A worker without the key finds the encrypted entry: it must not write its token over it...
        assert keyless_one.ask(f"get {uid}") == {"ok": True}
        assert keyed_two.ask(f"get {uid}") == {"ok": True}  # ...so the keyed workers still share theirs
        assert sandbox.token_requests == 2
        time.sleep(3)
        # ...nor, once the entry expired, write a plaintext one where encryption was chosen.
        assert keyless_two.ask(f"get {uid}") == {"ok": True}
    tokens = list(sandbox.tokens.issued)
    assert len(tokens) == 3
    stored = stored_bytes(kind, path, url)
    assert [token for token in tokens if token.encode() in stored] == []


def test_a_client_without_the_key_warns_once_and_keeps_its_token_in_memory(
    sandbox: SandboxServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    uid = a_user(sandbox)
    path = tmp_path / "tokens.json"
    with client(sandbox, FileTokenCache(path, encryption_key=generate_encryption_key())) as mgmt:
        mgmt.users.get(uid)
    before = path.read_bytes()
    keyless = FileTokenCache(path)
    with caplog.at_level(logging.WARNING, logger="auth0_users"):
        for _ in range(2):
            with client(sandbox, keyless) as mgmt:
                mgmt.users.get(uid)
    assert sandbox.token_requests == 2  # the two keyless clients share one token through memory
    assert path.read_bytes() == before
    (warning,) = messages(caplog, "no encryption_key")
    assert "tokens.json" in warning


def test_threads_of_a_client_without_the_key_share_one_token_in_memory(sandbox: SandboxServer, tmp_path: Path) -> None:
    """Threads of one keyless client racing at its first call all end with one token."""
    uid = a_user(sandbox)
    path = tmp_path / "tokens.json"
    with client(sandbox, FileTokenCache(path, encryption_key=generate_encryption_key())) as mgmt:
        mgmt.users.get(uid)
    start = threading.Barrier(8)
    with client(sandbox, FileTokenCache(path)) as mgmt:

        def call(_: int) -> str:
            start.wait()
            return str(mgmt.users.get(uid).user_id)

        with ThreadPoolExecutor(max_workers=8) as pool:
            assert list(pool.map(call, range(8))) == [uid] * 8
    assert sandbox.token_requests == 2
