"""Benchmarks against limits the way Auth0 sets them: buckets per endpoint group, and a skewed clock.

The sandbox serves in this process and limits like an Auth0 plan, its refill rates scaled up so
that a run takes seconds (``X-RateLimit-Reset`` as Auth0 documents it today: when the next token
comes; no ``Retry-After``). Each run reads then updates each of ``USERS`` users (``GET`` then
``PATCH /users/{id}``) from threads (sync) or tasks (async) sharing one client, in a fresh child
process, with each client's default settings. From the sandbox's request log it reports the wall
time as a multiple of the least the binding bucket allows, max over buckets of
(requests drawn - burst) / rate; the share of requests answered 429; calls that raised; writes
lost and duplicated. A run that outlasts ``deadline`` is stopped and says so.

- ``mixed``: 8 and 32 workers, sync and async, on split buckets (Essentials: Read Users, Write
  Users) and on one shared bucket (Enterprise).
- ``skewed_clock``: the same on the shared bucket, 8 workers, with the server's clock an hour
  ahead and an hour behind (its ``Date`` and ``X-RateLimit-Reset`` on that clock).
- ``async_lag``: an async client, 32 tasks, on the split buckets, with its pacer in Redis
  (``RedisPacer``) or in the process, while a probe measures how late the event loop wakes it:
  the p99 of that lag is what every other task of the loop waits at worst, most of the time.

``python tests/bench/buckets_bench.py [mixed|skewed_clock|async_lag]`` runs them alone.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parent.parent))

USERS = 160
#: How often the lag probe asks the event loop to wake it.
PROBE_EVERY = 0.001


@dataclass(frozen=True)
class Limits:
    """A sandbox plan, its refill rates scaled up, and the server's clock offset."""

    plan: str
    scale: float
    clock_offset: float = 0.0

    @property
    def label(self) -> str:
        offset = f", clock {self.clock_offset / 3600:+g} h" if self.clock_offset else ""
        return f"{self.plan} x{self.scale:g}{offset}"

    def minimum(self, users: int) -> tuple[float, str]:
        """The least time ``users`` reads and writes take under these limits, and the bucket that binds."""
        from auth0_users.sandbox import PLANS

        plan = PLANS[self.plan].scaled(self.scale)
        drawn = Counter(plan.bucket_for(method, "/api/v2/users/x").name for method in ("GET", "PATCH"))
        return max(
            (max(0.0, (count * users - bucket.burst) / bucket.per_second), bucket.name)
            for bucket in plan.buckets
            if (count := drawn[bucket.name])
        )


# Scaled so that the buckets, not this machine's CPU, set the pace: both stay under 100 requests a second.
#: Essentials: Read Users 40 at once, 500/min; Write Users 20, 200/min (x12: 100/s and 40/s).
SPLIT = Limits("essentials", 12)
#: Enterprise: one bucket of 50, 16/s, for everything (x4: 64/s).
SHARED = Limits("enterprise", 4)

MIXED = [
    (limits, client, mode, workers)
    for limits in (SPLIT, SHARED)
    for client in ("facade", "sdk")
    for mode in ("sync", "async")
    for workers in (8, 32)
]
SKEWED = [
    (Limits(SHARED.plan, SHARED.scale, offset), client, mode, 8)
    for offset in (3600, -3600)
    for client in ("facade", "sdk")
    for mode in ("sync", "async")
]
LAGGED = [(SPLIT, client, "async", 32) for client in ("facade, RedisPacer", "facade", "sdk")]


def _users(client: str, mode: str, base_url: str, token: str, redis_url: str | None) -> Any:
    """The ``users`` resource of a new client: the SDK's, or this package's with its pacer here or in Redis."""
    if client == "sdk":
        from auth0.management import AsyncAuth0, Auth0

        return (AsyncAuth0 if mode == "async" else Auth0)(base_url=base_url, token=token).users
    from auth0_users import AsyncManagementClient, ManagementClient

    pacing: Any = True
    if client == "facade, RedisPacer":
        from auth0_users.pacing import RedisPacer

        pacing = RedisPacer(redis_url or "", key=base_url)
    cls = AsyncManagementClient if mode == "async" else ManagementClient
    return cls(base_url=base_url, token=token, pacing=pacing).users


def child(client: str, mode: str, workers: int, base_url: str, token: str, users_file: str, redis: str = "",
          probe: str = "") -> None:  # fmt: skip
    """Read then update every user in ``users_file``; print the seconds, the errors and the loop's lag, as JSON.

    The lag is measured (async only) when ``probe`` is set; ``redis`` is the URL for ``RedisPacer``.
    """
    users = _users(client, mode, base_url, token, redis or None)
    pending = iter(json.loads(Path(users_file).read_text()))
    errors: Counter[str] = Counter()
    lags: list[float] = []

    def worker() -> None:
        for uid in pending:
            try:
                users.get(uid)
                users.update(uid, user_metadata={"bench": uid})
            except Exception as error:  # a call that failed: counted, by type
                errors[type(error).__name__] += 1

    async def task() -> None:
        for uid in pending:
            try:
                await users.get(uid)
                await users.update(uid, user_metadata={"bench": uid})
            except Exception as error:  # a call that failed: counted, by type
                errors[type(error).__name__] += 1

    async def probe_loop(done: asyncio.Event) -> None:
        while not done.is_set():
            asked = time.perf_counter()
            await asyncio.sleep(PROBE_EVERY)
            lags.append(time.perf_counter() - asked - PROBE_EVERY)

    async def tasks() -> None:
        done = asyncio.Event()
        probing = asyncio.create_task(probe_loop(done)) if probe else None
        await asyncio.gather(*(task() for _ in range(workers)))
        done.set()
        if probing is not None:
            await probing

    started = time.perf_counter()
    if mode == "async":
        asyncio.run(tasks())
    else:
        with ThreadPoolExecutor(workers) as pool:
            for done in [pool.submit(worker) for _ in range(workers)]:
                done.result()
    seconds = time.perf_counter() - started
    lag = {}
    if lags:
        cuts = statistics.quantiles(lags, n=100)
        lag = {"p50_ms": cuts[49] * 1e3, "p99_ms": cuts[98] * 1e3, "max_ms": max(lags) * 1e3}
    print(json.dumps({"seconds": seconds, "errors": dict(errors), "lag": lag}))


def one_run(sandbox: Any, directory: Path, limits: Limits, client: str, mode: str, workers: int,
            redis_url: str | None = None, probe: bool = False) -> dict[str, Any]:  # fmt: skip
    """One run against fresh, full buckets; the figures of that run."""
    sandbox.reset()
    users = [user["user_id"] for user in sandbox.seed(USERS)]
    users_file = directory / "users.json"
    users_file.write_text(json.dumps(users))
    minimum, binding = limits.minimum(USERS)
    deadline = max(20.0, 6 * minimum)
    log = sandbox.requests.start()
    sandbox.faults.offset_clock(limits.clock_offset)
    sandbox.faults.plan(limits.plan, scale=limits.scale, reset="next")
    command = [sys.executable, str(HERE), "child", client, mode, str(workers), sandbox.base_url, sandbox.token,
               str(users_file), redis_url or "", "probe" if probe else ""]  # fmt: skip
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=deadline)
        outcome = json.loads(done.stdout)
    except subprocess.TimeoutExpired:
        outcome = {"seconds": time.perf_counter() - started, "errors": {}, "lag": {}, "stopped": True}
    log.stop()
    calls = [entry for entry in log if entry.method in ("GET", "PATCH")]
    patches = [entry for entry in calls if entry.method == "PATCH"]
    applied = Counter(entry.path.rsplit("/", 1)[1] for entry in patches if entry.status == 200)
    return {
        "limits": limits.label,
        "binding": binding,
        "client": client,
        "mode": mode,
        "workers": workers,
        "seconds": outcome["seconds"],
        "minimum": minimum,
        "x_minimum": outcome["seconds"] / minimum,
        "stopped": outcome.get("stopped", False),
        "requests": len(calls),
        "share_429": sum(entry.status == 429 for entry in calls) / len(calls) if calls else 0.0,
        "failed": sum(outcome["errors"].values()),
        "errors": outcome["errors"],
        "updated": len(applied),
        "lost": 0 if outcome.get("stopped") else sum(uid not in applied for uid in users),
        "duplicated": sum(count > 1 for count in applied.values()),
        "lag": outcome["lag"],
    }


@contextmanager
def _sandbox() -> Iterator[tuple[Any, Path]]:
    from auth0_users.sandbox import SandboxServer

    with SandboxServer() as sandbox, tempfile.TemporaryDirectory() as directory:
        yield sandbox, Path(directory)


def run(runs: list[tuple[Limits, str, str, int]]) -> list[dict[str, Any]]:
    """Every run of ``runs``, against one sandbox."""
    with _sandbox() as (sandbox, directory):
        return [one_run(sandbox, directory, *spec) for spec in runs]


def run_lag() -> list[dict[str, Any]]:
    """The ``LAGGED`` runs; the one on ``RedisPacer`` needs a redis-server."""
    from redis_server import RedisServer, redis_server_binary

    if redis_server_binary() is None:
        print("no redis-server: the RedisPacer row is left out (Debian: apt-get install redis-server)")
        with _sandbox() as (sandbox, directory):
            return [one_run(sandbox, directory, *spec, probe=True) for spec in LAGGED if "Redis" not in spec[1]]
    with RedisServer() as redis, _sandbox() as (sandbox, directory):
        return [one_run(sandbox, directory, *spec, redis_url=redis.url, probe=True) for spec in LAGGED]


def _wall(row: dict[str, Any]) -> tuple[str, str]:
    if row["stopped"]:
        return f"> {row['seconds']:.1f} (stopped)", f"> {row['x_minimum']:.2f}"
    return f"{row['seconds']:.2f}", f"{row['x_minimum']:.2f}"


def _failed(row: dict[str, Any]) -> str:
    kinds = ", ".join(f"{name} {count}" for name, count in sorted(row["errors"].items()))
    return f"{row['failed']} ({kinds})" if kinds else "0"


def table(title: str, rows: list[dict[str, Any]]) -> str:
    """The runs as a Markdown table."""
    lines = [
        title,
        "",
        "| limits | binding bucket | least s | client | mode | workers | wall s | x least | requests | 429 share "
        "| failed | updated | lost | duplicated |",
        "|---|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        wall, ratio = _wall(row)
        lines.append(
            f"| {row['limits']} | {row['binding']} | {row['minimum']:.2f} | {row['client']} | {row['mode']} | "
            f"{row['workers']} | {wall} | {ratio} | {row['requests']} | {row['share_429']:.1%} | {_failed(row)} | "
            f"{row['updated']} | {row['lost']} | {row['duplicated']} |"
        )
    return "\n".join(lines)


def lag_table(rows: list[dict[str, Any]]) -> str:
    """The event-loop lag runs as a Markdown table."""
    lines = [
        f"**event-loop lag while pacing: an async client, 32 tasks, reads then updates {USERS} users on "
        f"{SPLIT.label}; a probe sleeps {PROBE_EVERY * 1e3:g} ms at a time** (target with RedisPacer: "
        "p99 lag ≤ 5 ms)",
        "",
        "| client | wall s | x least | 429 share | failed | lag p50 ms | lag p99 ms | lag max ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        wall, ratio = _wall(row)
        lag = row["lag"]
        numbers = " | ".join(f"{lag[key]:.2f}" if key in lag else "n/a" for key in ("p50_ms", "p99_ms", "max_ms"))
        lines.append(f"| {row['client']} | {wall} | {ratio} | {row['share_429']:.1%} | {_failed(row)} | {numbers} |")
    return "\n".join(lines)


MIXED_TITLE = (
    f"**mixed reads and writes: GET then PATCH each of {USERS} users through one client; split buckets "
    f"({SPLIT.label}: Read Users 40, Write Users 20) and one shared bucket ({SHARED.label}: 50)** (targets with 8 "
    "and 32 workers: ≤ 1.05x the binding bucket's least, ≤ 1% 429s, 0 lost, 0 duplicated)"
)
SKEWED_TITLE = (
    f"**skewed clock: the mixed workload on {SHARED.label}, the server's clock an hour ahead or behind** "
    "(target: ≤ 1.05x, ≤ 1% 429s)"
)


def main(argv: list[str]) -> None:
    if argv and argv[0] == "child":
        client, mode, workers, *rest = argv[1:]
        child(client, mode, int(workers), *rest)
        return
    chosen = argv or ["mixed", "skewed_clock", "async_lag"]
    if "mixed" in chosen:
        print(table(MIXED_TITLE, run(MIXED)), flush=True)
    if "skewed_clock" in chosen:
        print(table(SKEWED_TITLE, run(SKEWED)), flush=True)
    if "async_lag" in chosen:
        print(lag_table(run_lag()), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
