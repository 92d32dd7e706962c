"""The journal against a real kill: a bulk job in its own process, killed half-way, then run again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from auth0_users.sandbox import SandboxServer
from loopback import ROOT

JOB = ROOT / "tests" / "bulk_job.py"
DATABASE = "Username-Password-Authentication"
N = 40
DEADLINE = 60.0


def start_job(sandbox: SandboxServer, items: Path, journal: Path, mode: str, operation: str) -> subprocess.Popen[str]:
    command = [sys.executable, str(JOB), sandbox.base_url, str(items), str(journal), "--mode", mode]
    return subprocess.Popen(
        [*command, "--operation", operation],
        env={**os.environ, "AUTH0_TOKEN": sandbox.token},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def lines(journal: Path) -> list[dict[str, Any]]:
    if not journal.exists():
        return []
    return [json.loads(line) for line in journal.read_text().splitlines()[1:] if line.endswith("}")]


def interrupt_half_way(job: subprocess.Popen[str], journal: Path, how: signal.Signals) -> None:
    """Send ``how`` once about a third of the items are done, while others are in flight."""
    deadline = time.monotonic() + DEADLINE
    while sum(1 for line in lines(journal) if line["status"] == "done") < N // 3:
        if job.poll() is not None or time.monotonic() > deadline:
            job.kill()
            pytest.fail(f"the job ended or stalled before it was interrupted: {job.communicate()}")
        time.sleep(0.005)
    job.send_signal(how)
    job.communicate(timeout=DEADLINE)


def wait_until(condition: Any, what: str) -> None:
    deadline = time.monotonic() + DEADLINE
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.02)


def writes(sandbox: SandboxServer, method: str) -> Counter[str]:
    """Writes the sandbox received whole (a body that parses), counted by path or by email."""
    counted: Counter[str] = Counter()
    for request in sandbox.requests:
        if request.method != method:
            continue
        try:
            body = json.loads(request.body)
        except ValueError:
            continue
        counted[body.get("email", request.path) if method == "POST" else request.path] += 1
    return counted


def users(sandbox: SandboxServer) -> list[dict[str, Any]]:
    with sandbox.app.lock:
        return [dict(user) for user in sandbox.backend.users.values()]


@pytest.mark.parametrize(
    ("mode", "operation", "how"),
    [
        ("sync", "update", signal.SIGKILL),
        ("async", "update", signal.SIGKILL),
        ("sync", "create", signal.SIGKILL),
        ("async", "create", signal.SIGKILL),
        ("sync", "update", signal.SIGINT),
    ],
)
def test_a_rerun_after_an_interruption_applies_every_item_exactly_once(
    sandbox: SandboxServer, tmp_path: Path, mode: str, operation: str, how: signal.Signals
) -> None:
    if operation == "update":
        ids = [str(user["user_id"]) for user in sandbox.seed(N)]
        items: list[dict[str, Any]] = [{"user_id": uid, "app_metadata": {"batch": 7}} for uid in ids]
        expected = {f"/api/v2/users/{uid}" for uid in ids}
    else:
        items = [
            {"connection": DATABASE, "email": f"kill{i}@example.com", "password": "Passw0rd!kill"} for i in range(N)
        ]
        expected = {str(item["email"]) for item in items}
    items_file, journal = tmp_path / "items.json", tmp_path / "journal.jsonl"
    items_file.write_text(json.dumps(items))
    sandbox.requests.start()
    sandbox.faults.delay(0.05, n=10 * N)  # slow enough to interrupt in the middle

    interrupt_half_way(start_job(sandbox, items_file, journal, mode, operation), journal, how)
    first = lines(journal)
    done = {line["key"] for line in first if line["status"] == "done"}
    started = {line["key"] for line in first if line["status"] == "started"}
    assert N // 3 <= len(done) < N
    if how == signal.SIGINT:
        assert started == done, [
            line for line in first if line["key"] in started - done
        ]  # Ctrl-C let the items in flight finish
    else:
        assert started - done, "nothing was in flight at the kill: the test proves less than it should"
    sandbox.faults.clear()
    # Let what the killed process sent land before running again, as it would long have at Auth0.
    method = "PATCH" if operation == "update" else "POST"
    if operation == "update":
        wait_until(
            lambda: all(
                u["app_metadata"].get("batch") == 7
                for u in users(sandbox)
                if f"/api/v2/users/{u['user_id']}" in writes(sandbox, method)
            ),
            "the killed job's writes never landed",
        )
    else:
        wait_until(
            lambda: {u["email"] for u in users(sandbox)} >= set(writes(sandbox, method)), "the creates never landed"
        )

    again = start_job(sandbox, items_file, journal, mode, operation)
    out, err = again.communicate(timeout=DEADLINE)
    assert again.returncode == 0, err
    counts = json.loads(out)
    assert counts.get("done") == N, (counts, err)
    assert counts["resumed"] == len(done)
    applied = writes(sandbox, method)
    assert set(applied) == expected
    assert set(applied.values()) == {1}, {key: n for key, n in applied.items() if n != 1}
    if operation == "update":
        assert all(u["app_metadata"]["batch"] == 7 for u in users(sandbox))
    else:
        assert sorted(u["email"] for u in users(sandbox)) == sorted(expected)
    assert all(line["status"] in ("started", "done") for line in lines(journal))
