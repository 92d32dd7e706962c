"""The fleet benchmark: worker processes with threads, sharing a token cache and a rate budget, writing users.

4 processes x 8 threads create 400 users through the sandbox's token bucket (10 at once, refilled
at 40/s, like Auth0's) and tokens that live a few seconds, so the run spans several token
lifetimes. For each set-up (a token cache, and each process pacing on its own or all through
``RedisPacer``) it reports the token requests against the token lifetimes the run spanned (the
target is one per lifetime across all processes; a lifetime that starts after the last call
needs none), the share of creates answered 429, the wall time against the least the bucket
allows, (N - burst) / rate, the calls that failed (with their error types) and lost writes
(neither stored nor reported as failed). Targets for the shared set-up: one token per lifetime,
429s <= 1%, wall <= 1.10x, 0 lost.

On split buckets (``run_split``), the same fleet reads then updates ``SPLIT_USERS`` seeded users
(a quarter each) under the sandbox's Essentials plan, refill rates scaled by ``SPLIT_SCALE``: Read
Users and Write Users draw from buckets of their own; the least time is the binding (write)
bucket's. Targets with RedisPacer: 1 token, 429s <= 1%, wall <= 1.10x.
"""

from __future__ import annotations

import json
import math
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS))

from auth0_users import RateLimitState  # noqa: E402
from auth0_users.pacing import Pacer  # noqa: E402
from fleet import Fleet  # noqa: E402
from redis_server import RedisServer, redis_server_binary  # noqa: E402

PROCESSES = 4
THREADS = 8
USERS = 400
BURST = 10
RATE = 40.0
TOKEN_LIFETIME = 4
SPLIT_USERS = 200
SPLIT_PLAN = "essentials"
SPLIT_SCALE = 12


def _configs(sandbox: Any, cache: dict[str, Any], redis_pacing: str | None) -> list[dict[str, Any]]:
    """One configuration per process: client credentials, the token cache, and RedisPacer if asked for."""
    config = {
        "base_url": sandbox.base_url,
        "client_id": sandbox.client_id,
        "client_secret": sandbox.client_secret,
        "mode": "sync",
        "cache": cache,
    }
    if redis_pacing is not None:
        config["pacing"] = {"kind": "redis", "url": redis_pacing, "key": sandbox.base_url}
    return [config] * PROCESSES


def one_run(kind: str, cache: dict[str, Any], redis_pacing: str | None = None) -> dict[str, Any]:
    """Run the fleet once against a fresh sandbox; the figures of that run.

    With ``redis_pacing`` (a Redis URL) the processes share one ``RedisPacer``; else each paces on its own.
    """
    from auth0_users.sandbox import SandboxServer

    with SandboxServer(token_expires_in=TOKEN_LIFETIME) as sandbox:
        with Fleet(_configs(sandbox, cache, redis_pacing)) as fleet:
            sandbox.faults.token_bucket(BURST, RATE)
            log = sandbox.requests.start()
            started = time.perf_counter()
            answers = fleet.ask_all(f"create {USERS // PROCESSES} {THREADS} fleet-{kind}")
            wall = time.perf_counter() - started
        stored = len(sandbox.backend.users)
        stored_once = len({str(user["email"]) for user in sandbox.backend.users.values()})
        creates = [request for request in log if request.method == "POST" and request.path == "/api/v2/users"]
        writes = len(creates)
        refresh_every = TOKEN_LIFETIME - min(60.0, TOKEN_LIFETIME / 10)
        return {
            "cache": kind,
            "pacing": "RedisPacer, shared" if redis_pacing else "each process its own",
            "token_requests": sandbox.token_requests,
            "token_lifetimes": math.floor(wall / refresh_every) + 1,
            "requests": writes,
            "rate_limited_share": sum(request.status == 429 for request in creates) / writes if writes else 0.0,
            "wall_seconds": wall,
            "minimum_seconds": (USERS - BURST) / RATE,
            "failed": sum(answer["failed"] for answer in answers),
            "errors": dict(sum((Counter(answer["errors"]) for answer in answers), Counter())),
            "lost_writes": USERS - stored - sum(answer["failed"] for answer in answers),
            "duplicated_writes": stored - stored_once,
        }


def one_split_run(redis_url: str, redis_pacing: bool) -> dict[str, Any]:
    """The fleet reads then updates users on split buckets, with a Redis token cache; the figures of that run."""
    from auth0_users.sandbox import PLANS, SandboxServer

    plan = PLANS[SPLIT_PLAN].scaled(SPLIT_SCALE)
    write = plan.bucket_for("PATCH", "/api/v2/users/x")
    with SandboxServer() as sandbox, tempfile.TemporaryDirectory() as directory:
        ids = [str(user["user_id"]) for user in sandbox.seed(SPLIT_USERS)]
        files = []
        for index in range(PROCESSES):
            files.append(Path(directory) / f"ids-{index}.json")
            files[-1].write_text(json.dumps(ids[index::PROCESSES]))
        cache = {"kind": "redis", "url": redis_url}
        minimum = (SPLIT_USERS - write.burst) / write.per_second
        with Fleet(_configs(sandbox, cache, redis_url if redis_pacing else None)) as fleet:
            sandbox.faults.plan(plan)
            log = sandbox.requests.start()
            started = time.perf_counter()
            for worker, file in zip(fleet.workers, files, strict=True):
                worker.send(f"mixed {file} {THREADS}")
            # A fleet that outlasts the deadline is stopped, so that make bench ends.
            deadline = threading.Timer(max(30.0, 6 * minimum), lambda: [worker.kill() for worker in fleet.workers])
            deadline.start()
            try:
                answers, stopped = [worker.answer() for worker in fleet.workers], False
            except RuntimeError:
                answers, stopped = [], True
            finally:
                deadline.cancel()
            wall = time.perf_counter() - started
        calls = [request for request in log if request.method in ("GET", "PATCH") and request.status is not None]
        applied = Counter(request.path for request in calls if request.method == "PATCH" and request.status == 200)
        failed = sum(answer["failed"] for answer in answers)
        return {
            "pacing": "RedisPacer, shared" if redis_pacing else "each process its own",
            "token_requests": sandbox.token_requests,
            "requests": len(calls),
            "rate_limited_share": sum(request.status == 429 for request in calls) / len(calls) if calls else 0.0,
            "wall_seconds": wall,
            "minimum_seconds": minimum,
            "stopped": stopped,
            "failed": failed,
            "errors": dict(sum((Counter(answer["errors"]) for answer in answers), Counter())),
            "lost_writes": 0 if stopped else SPLIT_USERS - len(applied) - failed,
            "duplicated_writes": sum(count > 1 for count in applied.values()),
        }


def run_split() -> list[dict[str, Any]]:
    """The fleet on split buckets, each process pacing on its own and all through RedisPacer (needs redis-server)."""
    if redis_server_binary() is None:
        print("no redis-server: the split-bucket fleet is left out (Debian: apt-get install redis-server)")
        return []
    rows = []
    for shared in (False, True):
        with RedisServer() as server:
            rows.append(one_split_run(server.url, redis_pacing=shared))
    return rows


def split_table(rows: list[dict[str, Any]]) -> str:
    """The split-bucket runs as a Markdown table."""
    lines = [
        f"**fleet on split buckets: {PROCESSES} processes x {THREADS} threads read then update {SPLIT_USERS} users; "
        f"{SPLIT_PLAN} x{SPLIT_SCALE:g} (Read Users 40 at once, Write Users 20, rates x{SPLIT_SCALE:g}); tokens "
        "cached in Redis, one lifetime** (targets with RedisPacer: 1 token, 429s <= 1%, wall <= 1.10x)",
        "",
        "| pacing | token requests | requests | 429 share | wall s | x least (write bucket) | failed | lost "
        "| duplicated |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        wall, ratio = f"{row['wall_seconds']:.2f}", f"{row['wall_seconds'] / row['minimum_seconds']:.2f}"
        if row["stopped"]:
            wall, ratio = f"> {wall} (stopped)", f"> {ratio}"
        lines.append(
            f"| {row['pacing']} | {row['token_requests']} | {row['requests']} | {row['rate_limited_share']:.1%} | "
            f"{wall} | {ratio} | {failures(row)} | {row['lost_writes']} | {row['duplicated_writes']} |"
        )
    return "\n".join(lines)


def pacer_cost(pacer: Pacer, rounds: int = 2000) -> float:
    """Microseconds one request spends in the pacer (reserve, then observe an answer with tokens to spare).

    This is the time a request blocks its thread, or an async client's event loop, for the pacer.
    """
    reading = RateLimitState(limit=1_000_000, remaining=999_999, reset=None)
    started = time.perf_counter()
    for _ in range(rounds):
        pacer.observe(pacer.reserve(), reading, 200)
    return (time.perf_counter() - started) / rounds * 1e6


def pacer_costs(redis_url: str) -> dict[str, float]:
    """The pacer's time per request with its state in this process and in Redis on loopback."""
    from auth0_users.pacing import RedisPacer

    shared = RedisPacer(redis_url, key="https://bench.example.com")
    costs = {"local": pacer_cost(Pacer()), "redis": pacer_cost(shared)}
    shared.close()
    return costs


def run() -> list[dict[str, Any]]:
    """Per-process memory, a file, Redis, and Redis with RedisPacer (the Redis rows need redis-server)."""
    rows = [one_run("memory (one per process)", {"kind": "memory"})]
    with tempfile.TemporaryDirectory() as directory:
        rows.append(one_run("file", {"kind": "file", "path": str(Path(directory) / "tokens.json")}))
    if redis_server_binary() is None:
        print("no redis-server: the Redis rows are left out (Debian: apt-get install redis-server)")
    else:
        with RedisServer() as server:
            rows.append(one_run("redis", {"kind": "redis", "url": server.url}))
        with RedisServer() as server:
            rows.append(one_run("redis", {"kind": "redis", "url": server.url}, redis_pacing=server.url))
            costs = pacer_costs(server.url)
        print(
            f"time a request spends in the pacer: {costs['local']:.1f} us with LocalStore, {costs['redis']:.0f} us "
            "with RedisPacer on loopback (synchronous: an async client's event loop waits that long)"
        )
    return rows


def failures(row: dict[str, Any]) -> str:
    """``75 (RateLimitError 75)``: the failed calls and what they raised."""
    kinds = ", ".join(f"{name} {count}" for name, count in sorted(row["errors"].items()))
    return f"{row['failed']} ({kinds})" if kinds else "0"


def table(rows: list[dict[str, Any]]) -> str:
    """The runs as a Markdown table."""
    lines = [
        f"**fleet: {PROCESSES} processes x {THREADS} threads create {USERS} users; a bucket of {BURST} refilled at "
        f"{RATE:g}/s; tokens live {TOKEN_LIFETIME} s** (targets with RedisPacer: one token request per lifetime "
        "across all processes, 429s <= 1%, wall <= 1.10x, 0 lost)",
        "",
        "| cache | pacing | token requests | lifetimes spanned | requests | 429 share | wall s | x (N - burst)/rate "
        "| failed | lost | duplicated |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['cache']} | {row['pacing']} | {row['token_requests']} | {row['token_lifetimes']} | "
            f"{row['requests']} | {row['rate_limited_share']:.1%} | {row['wall_seconds']:.2f} | "
            f"{row['wall_seconds'] / row['minimum_seconds']:.2f} | {failures(row)} | {row['lost_writes']} | "
            f"{row['duplicated_writes']} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    if sys.argv[1:] == ["split"]:
        print(split_table(run_split()))
    else:
        print(table(run()))
