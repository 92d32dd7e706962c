"""``auth0-users users apply``: dry run, real run, a run killed half-way and resumed, bad input."""

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
from auth0_users.cli import ExitStatus
from auth0_users.sandbox import SandboxServer
from test_commands import auth0_users, lines

ROLE = "rol_0000000000000003"


def write(path: Path, operations: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(op) + "\n" for op in operations))
    return path


def writes_per_user(sandbox: SandboxServer) -> Counter[str]:
    """How many writes (anything but GET) the sandbox received for each user path."""
    return Counter(
        entry.path.split("/")[4] for entry in sandbox.requests if entry.method != "GET" and entry.path.count("/") >= 4
    )


@pytest.mark.sandbox_index_lag(3600)  # writes never reach search here: apply and its settling must not need it
def test_dry_run_then_real_run(sandbox: SandboxServer, tmp_path: Path) -> None:
    users = sandbox.seed(3)
    first, second, third = (user["user_id"] for user in users)
    before = sandbox.backend.users[first]["user_metadata"]
    operations = [
        {"op": "merge-metadata", "user_id": first, "user_metadata": {"preferences": {"theme": "solarized"}}},
        {"op": "update", "user_id": second, "blocked": True, "app_metadata": {"plan": "pro"}},
        {"op": "assign-roles", "user_id": third, "roles": [ROLE]},
        {
            "op": "create",
            "connection": "Username-Password-Authentication",
            "email": "new@example.com",
            "password": "Correct horse battery staple",
        },
    ]
    path = write(tmp_path / "changes.jsonl", operations)

    preview = auth0_users(sandbox, "users", "apply", str(path), "--dry-run")
    assert preview.returncode == ExitStatus.OK, preview.stderr
    shown = lines(preview.stdout)
    assert [item["line"] for item in shown] == [1, 2, 3, 4]
    expected_preferences = {**before["preferences"], "theme": "solarized"}
    assert shown[0]["user_metadata"] == {**before, "preferences": expected_preferences}
    assert shown[1]["app_metadata"]["plan"] == "pro"
    assert shown[3]["send"]["password"] == "***"
    assert "correct horse" not in preview.stdout + preview.stderr
    assert sandbox.backend.users[first]["user_metadata"] == before  # nothing sent
    assert not (tmp_path / "changes.jsonl.journal").exists() or not (tmp_path / "changes.jsonl.journal").read_text()

    applied = auth0_users(sandbox, "users", "apply", str(path))
    assert applied.returncode == ExitStatus.OK, applied.stderr
    assert "apply: 4 done, 0 failed, 0 unknown" in applied.stderr
    assert sandbox.backend.users[first]["user_metadata"]["preferences"] == expected_preferences
    assert sandbox.backend.users[second]["blocked"] is True
    assert [role["id"] for role in lines(auth0_users(sandbox, "users", "roles", "list", third).stdout)] == [ROLE]

    again = auth0_users(sandbox, "users", "apply", str(path))
    assert "4 done (4 in an earlier run)" in again.stderr


@pytest.mark.sandbox_index_lag(3600)  # writes never reach search here: apply and its settling must not need it
def test_a_killed_run_resumes_and_applies_every_line_once(sandbox: SandboxServer, tmp_path: Path) -> None:
    users = [user["user_id"] for user in sandbox.seed(40)]
    operations = [{"op": "update", "user_id": user, "app_metadata": {"plan": "b"}} for user in users]
    path = write(tmp_path / "plan.jsonl", operations)
    journal = tmp_path / "plan.jsonl.journal"
    sandbox.requests.start()
    sandbox.faults.delay(0.1, n=1000)
    env = {key: value for key, value in os.environ.items() if not key.startswith("AUTH0_")}
    env |= {"AUTH0_BASE_URL": sandbox.base_url, "AUTH0_TOKEN": sandbox.token}
    command = [sys.executable, "-m", "auth0_users", "users", "apply", str(path), "--concurrency", "2"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not journal.exists() or journal.read_text().count('"done"') < 8):
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    interrupted = journal.read_text().count('"done"')
    assert 8 <= interrupted < len(users)
    sandbox.faults.clear()

    resumed = auth0_users(sandbox, "users", "apply", str(path))
    assert resumed.returncode == ExitStatus.OK, resumed.stderr
    assert "40 done" in resumed.stderr
    assert all(sandbox.backend.users[u]["app_metadata"]["plan"] == "b" for u in users)
    sent = writes_per_user(sandbox)
    assert set(sent) == {u.replace("|", "%7C") for u in users} or set(sent) == set(users)
    assert max(sent.values()) == 1, sent.most_common(3)


def test_bad_input_sends_nothing_and_says_which_line(sandbox: SandboxServer, tmp_path: Path) -> None:
    user = sandbox.seed(1)[0]["user_id"]
    sandbox.requests.start()
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"op": "update", "user_id": user, "blocked": True}) + "\n{not json\n")
    malformed = auth0_users(sandbox, "users", "apply", str(path))
    assert malformed.returncode == ExitStatus.USAGE
    assert "line 2: not JSON" in malformed.stderr
    unknown_field = write(tmp_path / "field.jsonl", [{"op": "update", "user_id": user, "nmae": "x"}])
    refused = auth0_users(sandbox, "users", "apply", str(unknown_field))
    assert refused.returncode == ExitStatus.USAGE
    assert "line 1: update has no field nmae" in refused.stderr
    assert not [entry for entry in sandbox.requests if entry.method != "GET"]

    missing = write(tmp_path / "missing.jsonl", [
        {"op": "update", "user_id": user, "nickname": "ok"},
        {"op": "update", "user_id": "auth0|000000000000000000000000", "nickname": "nobody"},
    ])  # fmt: skip
    partly = auth0_users(sandbox, "users", "apply", str(missing))
    assert partly.returncode == ExitStatus.SOME_FAILED
    assert "line 2 (update auth0|000000000000000000000000): failed" in partly.stderr
    assert "1 done, 1 failed, 0 unknown" in partly.stderr
    assert "Traceback" not in partly.stderr
