"""The rate-limited benchmark: PATCH writes through one client under a bucket that limits like Auth0.

The sandbox serves in this process and enforces a token bucket (``BURST`` at once, refilled at
``RATE`` per second, ``X-RateLimit-Reset`` as Auth0 documents it today: when the next token comes;
no ``Retry-After``). Each run writes ``WRITES`` users from 1, 8 or 32 threads (sync) or tasks
(async) sharing one client, in a fresh child process, with each client's default settings. From
the sandbox's request log it reports the wall time as a multiple of the least the bucket allows,
(N - burst) / rate; the share of requests answered 429; calls that raised; writes lost (never
applied) and duplicated (applied twice). ``python tests/bench/ratelimit_bench.py`` runs it alone.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
WRITES = 300
BURST = 10
RATE = 30.0
WORKERS = (1, 8, 32)
MINIMUM = (WRITES - BURST) / RATE
#: (client, mode, workers): this package with pacing, the same without, and the official SDK.
RUNS = [
    *((client, mode, workers) for client in ("facade", "sdk") for mode in ("sync", "async") for workers in WORKERS),
    *(("facade, pacing=False", mode, 8) for mode in ("sync", "async")),
]


def _users(client: str, mode: str, base_url: str, token: str) -> Any:
    """The ``users`` resource of a new client: the SDK's, or this package's with pacing on or off."""
    if client == "sdk":
        from auth0.management import AsyncAuth0, Auth0

        return (AsyncAuth0 if mode == "async" else Auth0)(base_url=base_url, token=token).users
    from auth0_users import AsyncManagementClient, ManagementClient

    cls = AsyncManagementClient if mode == "async" else ManagementClient
    return cls(base_url=base_url, token=token, pacing=client == "facade").users


def child(client: str, mode: str, workers: int, base_url: str, token: str, users_file: str) -> None:
    """Write every user in ``users_file``; print the seconds it took and the errors, as JSON."""
    users = _users(client, mode, base_url, token)
    pending = iter(json.loads(Path(users_file).read_text()))
    errors: Counter[str] = Counter()

    def worker() -> None:
        for uid in pending:
            try:
                users.update(uid, user_metadata={"bench": uid})
            except Exception as error:  # a write that failed: counted, by type
                errors[type(error).__name__] += 1

    async def task() -> None:
        for uid in pending:
            try:
                await users.update(uid, user_metadata={"bench": uid})
            except Exception as error:  # a write that failed: counted, by type
                errors[type(error).__name__] += 1

    async def tasks() -> None:
        await asyncio.gather(*(task() for _ in range(workers)))

    started = time.perf_counter()
    if mode == "async":
        asyncio.run(tasks())
    else:
        with ThreadPoolExecutor(workers) as pool:
            for done in [pool.submit(worker) for _ in range(workers)]:
                done.result()
    print(json.dumps({"seconds": time.perf_counter() - started, "errors": dict(errors)}))


def one_run(sandbox: Any, users_file: Path, client: str, mode: str, workers: int) -> dict[str, Any]:
    """One run against a fresh bucket; the figures of that run."""
    sandbox.reset()
    users = [user["user_id"] for user in sandbox.seed(WRITES)]
    users_file.write_text(json.dumps(users))
    log = sandbox.requests.start()
    sandbox.faults.token_bucket(BURST, RATE, reset="next")
    command = [sys.executable, str(HERE), client, mode, str(workers), sandbox.base_url, sandbox.token, str(users_file)]
    outcome = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    patches = [entry for entry in log if entry.method == "PATCH"]
    applied = Counter(entry.path.rsplit("/", 1)[1] for entry in patches if entry.status == 200)
    return {
        "client": client,
        "mode": mode,
        "workers": workers,
        "seconds": outcome["seconds"],
        "x_minimum": outcome["seconds"] / MINIMUM,
        "requests": len(patches),
        "share_429": sum(entry.status == 429 for entry in patches) / len(patches),
        "failed": sum(outcome["errors"].values()),
        "errors": outcome["errors"],
        "lost": sum(uid not in applied for uid in users),
        "duplicated": sum(count > 1 for count in applied.values()),
    }


def run() -> list[dict[str, Any]]:
    """Every run of ``RUNS``, against one sandbox."""
    import tempfile

    from auth0_users.sandbox import SandboxServer

    with SandboxServer() as sandbox, tempfile.TemporaryDirectory() as directory:
        return [one_run(sandbox, Path(directory) / "users.json", *spec) for spec in RUNS]


def table(rows: list[dict[str, Any]]) -> str:
    """The runs as a Markdown table."""
    lines = [
        f"**rate-limited writes: {WRITES} PATCH /users/{{id}} through one client; a bucket of {BURST} refilled at "
        f"{RATE:g}/s; least possible (N - burst)/rate = {MINIMUM:.2f} s** (target with 8 and 32 workers: "
        "≤ 1.05x, ≤ 1% 429s, 0 lost, 0 duplicated)",
        "",
        "| client | mode | workers | wall s | x (N - burst)/rate | requests | 429 share | failed | lost | duplicated |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        kinds = ", ".join(f"{name} {count}" for name, count in sorted(row["errors"].items()))
        failed = f"{row['failed']} ({kinds})" if kinds else "0"
        lines.append(
            f"| {row['client']} | {row['mode']} | {row['workers']} | {row['seconds']:.2f} | {row['x_minimum']:.2f} | "
            f"{row['requests']} | {row['share_429']:.1%} | {failed} | {row['lost']} | {row['duplicated']} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        client_name, run_mode, worker_count, *address = sys.argv[1:]
        child(client_name, run_mode, int(worker_count), *address)
    else:
        print(table(run()))
