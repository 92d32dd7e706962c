"""``auth0-users users apply``: dry run, real run, a run killed half-way and resumed, bad input."""

from __future__ import annotations

import hashlib
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
from auth0_users import bulk
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


def journal_entries(journal: Path) -> list[dict[str, Any]]:
    header, *entries = (json.loads(line) for line in journal.read_text().splitlines())
    assert "job" in header
    return entries


def test_a_journal_belongs_to_its_file_as_it_was(sandbox: SandboxServer, tmp_path: Path) -> None:
    users = [user["user_id"] for user in sandbox.seed(3)]
    updates = [{"op": "update", "user_id": user, "app_metadata": {"plan": "pro"}} for user in users]
    path = write(tmp_path / "changes.jsonl", updates)
    assert auth0_users(sandbox, "users", "apply", str(path)).returncode == ExitStatus.OK
    journal = tmp_path / "changes.jsonl.journal"
    sandbox.requests.start()

    # Another file's journal: refused, naming both jobs; nothing is sent, no user deleted.
    deletes = write(tmp_path / "cleanup.jsonl", [{"op": "delete", "user_id": user} for user in users])
    other = auth0_users(sandbox, "users", "apply", str(deletes), "--journal", str(journal))
    assert other.returncode == ExitStatus.USAGE, other.stderr
    assert "'users apply changes.jsonl'" in other.stderr
    assert "'users apply cleanup.jsonl'" in other.stderr
    # The same name used again for other changes, which share its first line: refused too.
    reused = write(path, [updates[0], {"op": "update", "user_id": users[1], "blocked": True}])
    changed = auth0_users(sandbox, "users", "apply", str(reused))
    assert changed.returncode == ExitStatus.USAGE, changed.stderr
    assert "changes.jsonl has changed since" in changed.stderr
    assert "line 2 (done), line 3 (done)" in changed.stderr
    assert len(sandbox.requests) == 0
    assert all(user in sandbox.backend.users for user in users)
    assert changed.stderr.count("\n") == other.stderr.count("\n") == 1


def test_a_failed_line_may_be_fixed_and_lines_added(sandbox: SandboxServer, tmp_path: Path) -> None:
    users = [user["user_id"] for user in sandbox.seed(2)]
    lines = [
        {"op": "update", "user_id": users[0], "nickname": "ada"},
        {"op": "update", "user_id": users[1], "phone_number": "not a number"},  # refused: 400
    ]
    path = write(tmp_path / "changes.jsonl", lines)
    assert auth0_users(sandbox, "users", "apply", str(path)).returncode == ExitStatus.SOME_FAILED
    sandbox.requests.start()
    fixed = [lines[0], {**lines[1], "phone_number": "+14155550100"}, {"op": "delete", "user_id": users[0]}]
    rerun = auth0_users(sandbox, "users", "apply", str(write(path, fixed)))
    assert rerun.returncode == ExitStatus.OK, rerun.stderr
    assert "3 done (1 in an earlier run)" in rerun.stderr
    assert writes_per_user(sandbox) == Counter({users[1]: 1, users[0]: 1})  # the fixed line, the new one


def test_the_journal_key_holds_no_form_of_a_password(sandbox: SandboxServer, tmp_path: Path) -> None:
    line = {"op": "create", "connection": "Username-Password-Authentication", "email": "weak@example.com"}
    path = write(tmp_path / "new.jsonl", [{**line, "password": "Passw0rd!"}])
    assert auth0_users(sandbox, "users", "apply", str(path)).returncode == ExitStatus.OK
    journal = (tmp_path / "new.jsonl.journal").read_text()
    raw = path.read_text().strip().encode()
    assert hashlib.sha256(raw).hexdigest()[:16] not in journal  # a digest of the password, among the rest
    keys = {entry["key"] for entry in map(json.loads, journal.splitlines()) if "key" in entry}
    assert keys == {f"1:{bulk.default_key({'op': 'create', **line})}"}  # as bulk keys a mapping: no password


def test_hostile_input_gets_one_line_and_a_usage_status(sandbox: SandboxServer, tmp_path: Path) -> None:
    user = sandbox.seed(1)[0]["user_id"]
    sandbox.requests.start()
    deep = tmp_path / "deep.jsonl"
    deep.write_text('{"op": "update", "user_id": "x", "user_metadata": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    string_metadata = write(tmp_path / "merge.jsonl", [{"op": "merge-metadata", "user_id": user, "user_metadata": "x"}])
    damaged = write(tmp_path / "damaged.jsonl", [{"op": "delete", "user_id": user}])
    journal = tmp_path / "damaged.jsonl.journal"
    journal.write_text('{"job": "users apply damaged.jsonl", "format": 2}\n{"key": "1:x", "status": ["done"]}\n')
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    cases = {
        deep: ([], "line 1: nested too deeply"),
        string_metadata: ([], "line 1: user_metadata must be a JSON object, got str"),
        damaged: ([], "journal: line 2 is not a journal line"),
        write(tmp_path / "fifo.jsonl", [{"op": "delete", "user_id": user}]): (
            ["--journal", str(fifo)],
            f"journal: {fifo} is not a regular file (a FIFO)",
        ),
    }
    for path, (options, message) in cases.items():
        done = auth0_users(sandbox, "users", "apply", str(path), *options)
        assert done.returncode == ExitStatus.USAGE, done.stderr
        assert message in done.stderr
        assert "Traceback" not in done.stderr
    assert len(sandbox.requests) == 0
    assert user in sandbox.backend.users


def test_ctrl_c_finishes_what_is_in_flight_and_exits_130(sandbox: SandboxServer, tmp_path: Path) -> None:
    users = [user["user_id"] for user in sandbox.seed(30)]
    operations = [{"op": "update", "user_id": user, "app_metadata": {"plan": "c"}} for user in users]
    path = write(tmp_path / "plan.jsonl", operations)
    journal = tmp_path / "plan.jsonl.journal"
    sandbox.faults.delay(0.2, n=1000)
    env = {key: value for key, value in os.environ.items() if not key.startswith("AUTH0_")}
    env |= {"AUTH0_BASE_URL": sandbox.base_url, "AUTH0_TOKEN": sandbox.token}
    command = [sys.executable, "-m", "auth0_users", "users", "apply", str(path), "--concurrency", "4"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not journal.exists() or journal.read_text().count('"done"') < 4):
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert (process.returncode, stderr.splitlines()) == (130, ["auth0-users: interrupted"])
    assert ExitStatus.INTERRUPTED == 130
    entries = journal_entries(journal)
    started = {entry["key"] for entry in entries if entry["status"] == "started"}
    finished = {entry["key"] for entry in entries if entry["status"] == "done"}
    assert started == finished  # what was in flight finished and reached the journal
    assert 4 <= len(finished) < len(users)
