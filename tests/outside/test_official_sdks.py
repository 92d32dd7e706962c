"""The official SDKs, unchanged, against the HTTPS sandbox: auth0-python from PyPI, node `auth0` from npm.

Each runs as its own process (auth0-python in .venv-sdk, node with the pinned node_modules/), is
given only ``domain=127.0.0.1:PORT`` and credentials, and trusts the sandbox's CA through the
environment. Each script prints what the SDK returned and raised; the assertions are here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from auth0_users.sandbox import SandboxServer
from loopback import ROOT

HERE = Path(__file__).resolve().parent
SDK_PYTHON = ROOT / ".venv-sdk" / "bin" / "python"
NODE_AUTH0 = ROOT / "node_modules" / "auth0" / "package.json"
EDITOR_ROLE = "rol_0000000000000002"
SEEDED = 25


def run(command: list[str], sandbox: SandboxServer) -> dict[str, Any]:
    env = {
        **os.environ,
        **sandbox.trust_environment(),
        "SANDBOX_DOMAIN": sandbox.domain,
        "SANDBOX_TOKEN": sandbox.token,
        "SANDBOX_CLIENT_ID": sandbox.client_id,
        "SANDBOX_CLIENT_SECRET": sandbox.client_secret,
        "SANDBOX_ROLE": EDITOR_ROLE,
    }
    completed = subprocess.run(command, env=env, capture_output=True, text=True, timeout=90, check=False)
    assert completed.returncode == 0, completed.stderr
    report: dict[str, Any] = json.loads(completed.stdout)
    return report


def check(report: dict[str, Any], seeded: list[str], sandbox: SandboxServer) -> None:
    assert report["pages"] == 3  # 25 users, 10 a page
    assert sorted(report["listed"]) == sorted(seeded)
    created = report["created"]
    assert created["user_id"].startswith("auth0|")
    assert created["email"] == "ada.lovelace@example.com"
    assert created["user_metadata"] == {"theme": "dark", "lang": "en"}
    assert report["fetched"] == {"email": "ada.lovelace@example.com", "user_metadata": {"theme": "dark", "lang": "en"}}
    assert report["updated"] == {"name": "Ada", "user_metadata": {"lang": "fr"}}  # merged; null removed a key
    assert report["roles"] == [EDITOR_ROLE]
    assert report["conflict"] == {"type": "ConflictError", "status": 409}
    assert report["not_found"] == {"type": "NotFoundError", "status": 404}
    assert created["user_id"] not in sandbox.backend.users
    answered = [(exchange.method, exchange.status) for exchange in sandbox.traffic.latest]
    assert ("DELETE", 204) in answered
    assert ("POST", 409) in answered


@pytest.fixture
def seeded(sandbox_https: SandboxServer) -> list[str]:
    return [user["user_id"] for user in sandbox_https.seed(SEEDED)]


def test_auth0_python(sandbox_https: SandboxServer, seeded: list[str]) -> None:
    if not SDK_PYTHON.exists():
        pytest.fail(f"{SDK_PYTHON} is missing: run `make sdk` (make test does it)")
    report = run([str(SDK_PYTHON), str(HERE / "auth0_python_run.py")], sandbox_https)
    check(report, seeded, sandbox_https)


def test_node_auth0(sandbox_https: SandboxServer, seeded: list[str]) -> None:
    node = shutil.which("node")
    if node is None or not NODE_AUTH0.exists():
        pytest.fail("node and the pinned node `auth0` are needed: run `make node_modules/.installed` (make test does)")
    report = run([node, str(HERE / "auth0_node_run.mjs")], sandbox_https)
    check(report, seeded, sandbox_https)
    assert sandbox_https.token_requests == 1  # it signed in with client credentials at /oauth/token
