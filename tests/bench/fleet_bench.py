"""The fleet benchmark: worker processes with threads, sharing one token cache, writing users.

4 processes x 8 threads create 400 users through the sandbox, which limits the tenant to 10
requests per quarter second (about 40/s) and issues tokens that live a few seconds, so the run
spans several token lifetimes. For each cache it reports the token requests against the token
lifetimes the run spanned (the target is one per lifetime across all processes; a lifetime that
starts after the last call needs none), the share of
answers that were 429, the wall time against the least the rate allows, the calls that failed
(with their error types; the clients do not pace yet, so 429s outlast the retries) and lost
writes (neither stored nor reported as failed).
"""

from __future__ import annotations

import math
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS))

from fleet import Fleet  # noqa: E402
from redis_server import RedisServer, redis_server_binary  # noqa: E402

PROCESSES = 4
THREADS = 8
USERS = 400
BURST = 10
WINDOW = 0.25
TOKEN_LIFETIME = 4


def one_run(kind: str, cache: dict[str, Any]) -> dict[str, Any]:
    """Run the fleet once against a fresh sandbox; the figures of that run."""
    from auth0_users.sandbox import SandboxServer

    with SandboxServer(token_expires_in=TOKEN_LIFETIME) as sandbox:
        config = {
            "base_url": sandbox.base_url,
            "client_id": sandbox.client_id,
            "client_secret": sandbox.client_secret,
            "mode": "sync",
            "cache": cache,
        }
        with Fleet([config] * PROCESSES) as fleet:
            sandbox.faults.rate_limit(BURST, WINDOW)
            log = sandbox.requests.start()
            started = time.perf_counter()
            answers = fleet.ask_all(f"create {USERS // PROCESSES} {THREADS} fleet-{kind}")
            wall = time.perf_counter() - started
        stored = len(sandbox.backend.users)
        writes = sum(request.method == "POST" and request.path == "/api/v2/users" for request in log)
        refresh_every = TOKEN_LIFETIME - min(60.0, TOKEN_LIFETIME / 10)
        return {
            "cache": kind,
            "token_requests": sandbox.token_requests,
            "token_lifetimes": math.floor(wall / refresh_every) + 1,
            "requests": writes,
            "rate_limited_share": (writes - stored) / writes if writes else 0.0,
            "wall_seconds": wall,
            "minimum_seconds": (USERS - BURST) / (BURST / WINDOW),
            "failed": sum(answer["failed"] for answer in answers),
            "errors": dict(sum((Counter(answer["errors"]) for answer in answers), Counter())),
            "lost_writes": USERS - stored - sum(answer["failed"] for answer in answers),
        }


def run() -> list[dict[str, Any]]:
    """One run per cache: today's per-process memory, a file, and Redis when redis-server exists."""
    rows = [one_run("memory (one per process)", {"kind": "memory"})]
    with tempfile.TemporaryDirectory() as directory:
        rows.append(one_run("file", {"kind": "file", "path": str(Path(directory) / "tokens.json")}))
    if redis_server_binary() is None:
        print("no redis-server: the Redis row is left out (Debian: apt-get install redis-server)")
    else:
        with RedisServer() as server:
            rows.append(one_run("redis", {"kind": "redis", "url": server.url}))
    return rows


def failures(row: dict[str, Any]) -> str:
    """``75 (RateLimitError 75)``: the failed calls and what they raised."""
    kinds = ", ".join(f"{name} {count}" for name, count in sorted(row["errors"].items()))
    return f"{row['failed']} ({kinds})" if kinds else "0"


def table(rows: list[dict[str, Any]]) -> str:
    """The runs as a Markdown table."""
    lines = [
        f"**fleet: {PROCESSES} processes x {THREADS} threads create {USERS} users; {BURST} requests per "
        f"{WINDOW} s; tokens live {TOKEN_LIFETIME} s** (target: one token request per lifetime across all processes)",
        "",
        "| cache | token requests | lifetimes spanned | requests | 429 share | wall s | x (N - burst)/rate | failed "
        "| lost |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['cache']} | {row['token_requests']} | {row['token_lifetimes']} | {row['requests']} | "
            f"{row['rate_limited_share']:.0%} | {row['wall_seconds']:.2f} | "
            f"{row['wall_seconds'] / row['minimum_seconds']:.2f} | {failures(row)} | {row['lost_writes']} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(run()))
