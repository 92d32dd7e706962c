"""The auth0-users command, run as users run it: a subprocess against the sandbox over HTTP."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from auth0_users.cli import ExitStatus
from auth0_users.sandbox import SandboxServer

ROLE = "rol_0000000000000003"
CACHE_HOME = Path(__file__).resolve().parents[2] / "build" / "test-cache"


def auth0_users(
    sandbox: SandboxServer, *args: str, secret: bool = False, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """Run the command with the sandbox's address and credentials in the environment."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("AUTH0_")}
    env["AUTH0_BASE_URL"] = sandbox.base_url
    env["XDG_CACHE_HOME"] = str(CACHE_HOME)  # never the developer's own token cache
    if secret:
        env |= {"AUTH0_CLIENT_ID": sandbox.client_id, "AUTH0_CLIENT_SECRET": sandbox.client_secret}
    else:
        env["AUTH0_TOKEN"] = sandbox.token
    command = [sys.executable, "-m", "auth0_users", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, input=stdin, timeout=120, check=False)


def lines(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines()]


def test_search_stops_at_the_cap_and_says_how_to_get_everything(sandbox: SandboxServer) -> None:
    sandbox.seed(1200)
    capped = auth0_users(sandbox, "users", "search", "email:*", "--fields", "user_id")
    assert capped.returncode == ExitStatus.REFUSED
    assert len(lines(capped.stdout)) == 1000
    assert "--all" in capped.stderr
    assert "Traceback" not in capped.stderr
    every = auth0_users(sandbox, "users", "search", "email:*", "--all", "--fields", "user_id,created_at")
    assert every.returncode == ExitStatus.OK, every.stderr
    ids = [user["user_id"] for user in lines(every.stdout)]
    assert len(ids) == len(set(ids)) == 1200
    limited = auth0_users(sandbox, "users", "search", "--limit", "7")
    assert limited.returncode == ExitStatus.OK
    assert len(lines(limited.stdout)) == 7


@pytest.mark.parametrize("form", ["jsonl", "csv"])
def test_export_writes_every_match_once(sandbox: SandboxServer, tmp_path: Path, form: str) -> None:
    seeded = sandbox.seed(1500)
    expected = {user["user_id"] for user in seeded if "email" in user}
    target = tmp_path / f"users.{form}"
    done = auth0_users(sandbox, "users", "export", "email:*", "--format", form, "-o", str(target),
                       "--fields", "user_id,email,user_metadata")  # fmt: skip
    assert done.returncode == ExitStatus.OK, done.stderr
    with target.open(newline="") as exported:
        rows = list(csv.DictReader(exported)) if form == "csv" else lines(exported.read())
    ids = [row["user_id"] for row in rows]
    assert len(ids) == len(set(ids))
    assert set(ids) == expected
    assert len(expected) > 1000
    first = rows[0]["user_metadata"]
    assert isinstance(json.loads(first) if form == "csv" else first, dict)
    assert not list(tmp_path.glob("*.part"))
    assert f"exported {len(expected)} users" in done.stderr


def test_get_by_email_and_unknown_users(sandbox: SandboxServer) -> None:
    user = sandbox.seed(3)[1]
    got = auth0_users(sandbox, "users", "get", user["user_id"], "--fields", "email")
    assert got.returncode == ExitStatus.OK
    assert lines(got.stdout) == [{"email": user["email"]}]
    found = auth0_users(sandbox, "users", "by-email", user["email"].upper())
    assert [u["user_id"] for u in lines(found.stdout)] == [user["user_id"]]
    missing = auth0_users(sandbox, "users", "get", "auth0|000000000000000000000000")
    assert missing.returncode == ExitStatus.NOT_FOUND
    assert missing.stderr.count("\n") == 1
    assert "inexistent_user" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_bad_input_gives_usage_status_and_one_line(sandbox: SandboxServer) -> None:
    bad_query = auth0_users(sandbox, "users", "search", "email:(")
    assert bad_query.returncode == ExitStatus.USAGE
    assert "400" in bad_query.stderr
    assert "Traceback" not in bad_query.stderr
    unknown_field = auth0_users(sandbox, "users", "update", "auth0|1", "--set", "nmae=Ada")
    assert unknown_field.returncode == ExitStatus.USAGE
    assert "no field nmae" in unknown_field.stderr
    bad_json = auth0_users(sandbox, "users", "merge-metadata", "auth0|1", "--user-metadata", "{nope")
    assert bad_json.returncode == ExitStatus.USAGE
    unconfirmed = auth0_users(sandbox, "users", "delete", "auth0|1")
    assert unconfirmed.returncode == ExitStatus.USAGE
    assert "--yes" in unconfirmed.stderr


def test_create_update_merge_roles_and_delete(sandbox: SandboxServer) -> None:
    created = auth0_users(
        sandbox, "users", "create", "--connection", "Username-Password-Authentication", "--email", "Ada@Example.com",
        "--password", "-", "--set", "user_metadata.home.city=Paris", "--set", 'user_metadata.home.zip="75001"',
        stdin="Correct horse battery staple\n",
    )  # fmt: skip
    assert created.returncode == ExitStatus.OK, created.stderr
    user_id = lines(created.stdout)[0]["user_id"]
    assert sandbox.backend.users[user_id]["user_metadata"] == {"home": {"city": "Paris", "zip": "75001"}}

    updated = auth0_users(sandbox, "users", "update", user_id, "--set", "name=Ada Lovelace", "--set", "blocked=true")
    assert lines(updated.stdout)[0]["blocked"] is True

    change = '{"home": {"country": "FR"}}'
    preview = auth0_users(sandbox, "users", "merge-metadata", user_id, "--user-metadata", change, "--dry-run")
    expected = {"home": {"city": "Paris", "zip": "75001", "country": "FR"}}
    assert lines(preview.stdout)[0]["user_metadata"] == expected
    assert sandbox.backend.users[user_id]["user_metadata"] != expected
    merged = auth0_users(sandbox, "users", "merge-metadata", user_id, "--user-metadata", change)
    assert lines(merged.stdout)[0]["user_metadata"] == expected == sandbox.backend.users[user_id]["user_metadata"]

    assert auth0_users(sandbox, "users", "roles", "assign", user_id, ROLE).returncode == ExitStatus.OK
    listed = auth0_users(sandbox, "users", "roles", "list", user_id)
    assert [role["id"] for role in lines(listed.stdout)] == [ROLE]
    assert auth0_users(sandbox, "users", "roles", "remove", user_id, ROLE).returncode == ExitStatus.OK

    deleted = auth0_users(sandbox, "users", "delete", user_id, "--yes")
    assert deleted.returncode == ExitStatus.OK
    assert user_id not in sandbox.backend.users


def test_no_secret_or_traceback_in_errors(sandbox: SandboxServer) -> None:
    sandbox.faults.fail_next(10, status=503)
    failed = auth0_users(sandbox, "users", "get", "auth0|1", secret=True)
    assert failed.returncode == ExitStatus.UNAVAILABLE
    assert sandbox.client_secret not in failed.stderr + failed.stdout
    assert "Traceback" not in failed.stderr


def test_repeated_runs_share_one_token_through_the_file_cache(sandbox: SandboxServer, tmp_path: Path) -> None:
    sandbox.seed(2)
    cache = tmp_path / "cache" / "tokens.json"
    for _ in range(3):
        done = auth0_users(sandbox, "--token-cache", str(cache), "users", "search", "--limit", "1", secret=True)
        assert done.returncode == ExitStatus.OK, done.stderr
    assert sandbox.token_requests == 1
    assert cache.stat().st_mode & 0o777 == 0o600
    assert sandbox.client_secret not in cache.read_text()
    auth0_users(sandbox, "--no-token-cache", "users", "search", "--limit", "1", secret=True)
    assert sandbox.token_requests == 2


def test_embedded_sandbox(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "auth0_users", "--sandbox", "--seed", "20", "users", "search", "--limit", "5"]
    env = {key: value for key, value in os.environ.items() if not key.startswith("AUTH0_")}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60, check=False)
    assert done.returncode == ExitStatus.OK, done.stderr
    assert len(lines(done.stdout)) == 5


def test_fields_are_exactly_the_ones_asked_for(sandbox: SandboxServer, tmp_path: Path) -> None:
    sandbox.seed(5)
    asked = ["user_id", "email"]
    for every in ([], ["--all"]):
        found = auth0_users(sandbox, "users", "search", "email:*", *every, "--fields", ",".join(asked))
        assert found.returncode == ExitStatus.OK, found.stderr
        assert [list(user) for user in lines(found.stdout)] == [asked] * 5  # no created_at added by --all
    target = tmp_path / "users.jsonl"
    exported = auth0_users(sandbox, "users", "export", "email:*", "-o", str(target), "--fields", "email")
    assert exported.returncode == ExitStatus.OK, exported.stderr
    assert [list(user) for user in lines(target.read_text())] == [["email"]] * 5


def test_debug_shows_the_client_and_its_requests_not_httpcore(sandbox: SandboxServer) -> None:
    user_id = sandbox.seed(1)[0]["user_id"]
    debug = auth0_users(sandbox, "--debug", "users", "get", user_id, secret=True)
    assert debug.returncode == ExitStatus.OK, debug.stderr
    loggers = {line.split(":", 1)[0] for line in debug.stderr.splitlines()}
    assert loggers == {"auth0_users", "httpx"}, debug.stderr
    assert "httpx: HTTP Request: GET" in debug.stderr
    everything = auth0_users(sandbox, "--debug-all", "users", "get", user_id)
    assert "httpcore" in {line.split(".", 1)[0] for line in everything.stderr.splitlines()}


def test_counts_are_in_the_right_number(sandbox: SandboxServer, tmp_path: Path) -> None:
    user_id = sandbox.seed(1)[0]["user_id"]
    one = tmp_path / "one.jsonl"
    one.write_text(json.dumps({"op": "update", "user_id": user_id, "nickname": "ada"}) + "\n")
    preview = auth0_users(sandbox, "users", "apply", str(one), "--dry-run")
    assert "dry run: 1 line to send, 0 done in an earlier run" in preview.stderr
    assigned = auth0_users(sandbox, "users", "roles", "assign", user_id, ROLE)
    assert f"1 role assigned to {user_id}" in assigned.stderr
    exported = auth0_users(sandbox, "users", "export", "-o", str(tmp_path / "u.jsonl"))
    assert "exported 1 user to" in exported.stderr
