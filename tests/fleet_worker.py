"""One process of a fleet sharing a token cache, driven line by line on stdin (tests and benchmarks).

    python tests/fleet_worker.py CONFIG_JSON

CONFIG is ``{"base_url", "client_id", "client_secret", "mode": "sync" | "async", "cache": SPEC}``
with SPEC ``{"kind": "memory"}``, ``{"kind": "file", "path": ...}`` or ``{"kind": "redis", "url": ...}``,
each optionally with ``encryption_key`` and ``lock_timeout``, and optionally ``"pacing"``:
``{"kind": "redis", "url": ..., "key": TENANT}`` for a ``RedisPacer`` (``"limits": "BURST/RATE"``
optional), or by default the client's own pacer. The worker prints ``ready`` once its client is
built, then answers each command with one JSON line:

    get USER_ID                     {"ok": true} or {"ok": false, "error": "..."}
    create N THREADS EMAIL_PREFIX   {"created": k, "failed": f, "errors": {type: count}}
                                    (THREADS threads, or in async mode tasks;
                                    the emails carry the process id, so workers never collide)
    mixed IDS_FILE THREADS          {"created": k, ...}: k users read, then updated, of the JSON list
                                    of user ids in IDS_FILE
    quit
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from auth0_users import AsyncManagementClient, Auth0Error, ManagementClient
from auth0_users.pacing import Pacer, RateLimits, RedisPacer
from auth0_users.token_cache import FileTokenCache, MemoryTokenCache, RedisTokenCache, TokenCache

CONNECTION = "Username-Password-Authentication"


def make_cache(spec: dict[str, Any]) -> TokenCache:
    options = {name: spec[name] for name in ("encryption_key", "lock_timeout") if name in spec}
    if spec["kind"] == "file":
        return FileTokenCache(spec["path"], **options)
    if spec["kind"] == "redis":
        return RedisTokenCache(spec["url"], **options)
    return MemoryTokenCache()


def make_pacing(spec: dict[str, Any] | None) -> bool | Pacer:
    if spec is None:
        return True
    limits = RateLimits.parse(spec["limits"]) if "limits" in spec else None
    return RedisPacer(spec["url"], key=spec["key"], limits=limits)


def outcome(call: Any) -> dict[str, Any]:
    try:
        call()
    except Auth0Error as error:
        return {"ok": False, "error": f"{type(error).__name__}: {error}"}
    return {"ok": True}


def user_fields(prefix: str, index: int) -> dict[str, Any]:
    email = f"{prefix}-{os.getpid()}-{index}@example.com"
    return {"connection": CONNECTION, "email": email, "password": "Fleet-worker-1!"}


def tally(results: list[dict[str, Any]]) -> dict[str, Any]:
    """How many calls succeeded, and the error types of the others."""
    errors = Counter(result["error"].split(":", 1)[0] for result in results if not result["ok"])
    return {"created": sum(result["ok"] for result in results), "failed": sum(errors.values()), "errors": errors}


def close_pacing(pacer: Pacer) -> None:
    if isinstance(pacer, RedisPacer):
        pacer.close()


class SyncWorker:
    def __init__(self, options: dict[str, Any]) -> None:
        self.client = ManagementClient(**options)
        self.cache = options["token_cache"]

    def get(self, user_id: str) -> dict[str, Any]:
        return outcome(lambda: self.client.users.get(user_id))

    def create(self, n: int, threads: int, prefix: str) -> dict[str, Any]:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            results = list(pool.map(lambda i: outcome(lambda: self.client.users.create(**user_fields(prefix, i))),
                                    range(n)))  # fmt: skip
        return tally(results)

    def mixed(self, ids: list[str], threads: int) -> dict[str, Any]:
        def read_then_update(user_id: str) -> None:
            self.client.users.get(user_id)
            self.client.users.update(user_id, user_metadata={"fleet": user_id})

        with ThreadPoolExecutor(max_workers=threads) as pool:
            results = list(pool.map(lambda user_id: outcome(lambda: read_then_update(user_id)), ids))
        return tally(results)

    def close(self) -> None:
        self.client.close()
        if isinstance(self.cache, RedisTokenCache):
            self.cache.close()
        close_pacing(self.client.pacer)


class AsyncWorker:
    def __init__(self, options: dict[str, Any]) -> None:
        self.runner = asyncio.Runner()
        self.client = AsyncManagementClient(**options)
        self.cache = options["token_cache"]

    async def _outcome(self, call: Any) -> dict[str, Any]:
        try:
            await call
        except Auth0Error as error:
            return {"ok": False, "error": f"{type(error).__name__}: {error}"}
        return {"ok": True}

    def get(self, user_id: str) -> dict[str, Any]:
        return self.runner.run(self._outcome(self.client.users.get(user_id)))

    def create(self, n: int, tasks: int, prefix: str) -> dict[str, Any]:
        async def create_all() -> list[dict[str, Any]]:
            limit = asyncio.Semaphore(tasks)

            async def one(index: int) -> dict[str, Any]:
                async with limit:
                    return await self._outcome(self.client.users.create(**user_fields(prefix, index)))

            return await asyncio.gather(*(one(index) for index in range(n)))

        return tally(self.runner.run(create_all()))

    def mixed(self, ids: list[str], tasks: int) -> dict[str, Any]:
        async def read_then_update(user_id: str) -> None:
            await self.client.users.get(user_id)
            await self.client.users.update(user_id, user_metadata={"fleet": user_id})

        async def all_of_them() -> list[dict[str, Any]]:
            limit = asyncio.Semaphore(tasks)

            async def one(user_id: str) -> dict[str, Any]:
                async with limit:
                    return await self._outcome(read_then_update(user_id))

            return await asyncio.gather(*(one(user_id) for user_id in ids))

        return tally(self.runner.run(all_of_them()))

    def close(self) -> None:
        self.runner.run(self.client.aclose())
        if isinstance(self.cache, RedisTokenCache):
            self.runner.run(self.cache.aclose())
        close_pacing(self.client.pacer)
        self.runner.close()


def main() -> None:
    config = json.loads(sys.argv[1])
    options = {
        "base_url": config["base_url"],
        "client_id": config["client_id"],
        "client_secret": config["client_secret"],
        "token_cache": make_cache(config["cache"]),
        "pacing": make_pacing(config.get("pacing")),
    }
    worker = AsyncWorker(options) if config.get("mode") == "async" else SyncWorker(options)
    print("ready", flush=True)
    for line in sys.stdin:
        command, *args = line.split()
        if command == "quit":
            break
        if command == "get":
            answer = worker.get(args[0])
        elif command == "create":
            answer = worker.create(int(args[0]), int(args[1]), args[2])
        elif command == "mixed":
            answer = worker.mixed(json.loads(Path(args[0]).read_text()), int(args[1]))
        else:
            answer = {"ok": False, "error": f"unknown command {command!r}"}
        print(json.dumps(answer), flush=True)
    worker.close()


if __name__ == "__main__":
    main()
