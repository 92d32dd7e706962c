"""A new client's first calls, from many threads or tasks at once, in fresh processes, repeated.

Lazy imports (endpoint modules, models) and lazily built state (the HTTP client, the token) are
first touched here by many callers together; each run is a new interpreter so nothing is warm.
"""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from auth0_users.sandbox import SandboxServer

SCRIPT = Path(__file__).with_name("first_calls.py")
RUNS = {"sync": 50, "async": 10}
WORKERS = 16


def _run(sandbox: SandboxServer, mode: str, user_id: str) -> dict[str, object]:
    command = [sys.executable, str(SCRIPT), mode, sandbox.base_url, sandbox.client_id, sandbox.client_secret, user_id]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_first_calls_in_fresh_processes(sandbox: SandboxServer, mode: str) -> None:
    user_id = sandbox.seed(1)[0]["user_id"]
    tokens_before = sandbox.token_requests
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda _: _run(sandbox, mode, user_id), range(RUNS[mode])))
    failures = [error for result in results for error in result["errors"]]  # type: ignore[attr-defined]
    assert failures == [], f"{len(failures)} failed first calls, e.g. {failures[0]}"
    assert all(result["calls"] == 3 * WORKERS for result in results)
    # Each fresh process fetched its token once, however many of its threads or tasks needed it.
    assert sandbox.token_requests - tokens_before == RUNS[mode]
