"""Fixtures for tests/sandbox/: direct clients, and Stoplight Prism validating in front of the sandbox."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx
import jsonschema
import pytest
from auth0_users.sandbox import SandboxServer
from slice import cut_users_slice, load_spec, prefix_paths

ROOT = Path(__file__).resolve().parents[1]
PRISM = ROOT / "node_modules" / ".bin" / "prism"
PRISM_STARTUP_DEADLINE = 60.0
METHODS = ("get", "post", "put", "patch", "delete")
ERROR_KEYS = {"statusCode", "error", "message"}


@pytest.fixture(scope="session")
def users_slice() -> dict[str, Any]:
    """The raw Users slice of the pinned spec (no generator overlay), paths as Auth0 spells them."""
    return cut_users_slice(load_spec())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def prism(
    sandbox_server: SandboxServer, users_slice: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """Run ``prism proxy --errors`` in front of the session sandbox; yield its ``/api/v2`` base URL."""
    if not PRISM.exists():
        pytest.fail(f"{PRISM} is missing: run `make prism` (make test does it)")
    workdir = tmp_path_factory.mktemp("prism")
    spec_file = workdir / "users-slice.json"
    spec_file.write_text(json.dumps(prefix_paths(users_slice, "/api/v2")))
    port = _free_port()
    log_path = workdir / "prism.log"
    command = [
        str(PRISM),
        "proxy",
        str(spec_file),
        sandbox_server.origin,
        "--errors",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    origin = f"http://127.0.0.1:{port}"
    try:
        _wait_until_listening(origin, process, log_path)
        yield origin + "/api/v2"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_listening(origin: str, process: subprocess.Popen[bytes], log_path: Path) -> None:
    deadline = time.monotonic() + PRISM_STARTUP_DEADLINE
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            httpx.get(origin + "/", timeout=1.0)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    print(log_path.read_text(errors="replace"))
    pytest.fail(f"Prism did not start listening on {origin} (exit code {process.poll()}); its log is above")


@pytest.fixture
def api(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    """An httpx client straight to the (freshly reset) sandbox, with its bearer token."""
    with httpx.Client(base_url=sandbox.base_url, headers={"Authorization": f"Bearer {sandbox.token}"}) as client:
        yield client


@pytest.fixture
def proxied(sandbox: SandboxServer, prism: str) -> Iterator[httpx.Client]:
    """An httpx client to the sandbox through the validating Prism proxy."""
    with httpx.Client(base_url=prism, headers={"Authorization": f"Bearer {sandbox.token}"}, timeout=30) as client:
        yield client


def _strict_uri(value: object) -> bool:
    parsed = urlparse(str(value))
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


# Auth0's own formats, which no JSON Schema validator (Prism's included) knows; defined here from
# the spec's descriptions and Auth0's documented id shapes.
AUTH0_FORMATS = {
    "strict-uri": _strict_uri,
    "strict-https-uri-or-null": lambda v: v is None or (_strict_uri(v) and str(v).startswith("https://")),
    "authenticator-id": lambda v: re.fullmatch(r"[a-z-]+\|dev_[A-Za-z0-9]+", str(v)) is not None,
    "session-id": lambda v: re.fullmatch(r"[A-Za-z0-9_-]{1,50}", str(v)) is not None,
    "organization-id": lambda v: re.fullmatch(r"org_[A-Za-z0-9]+", str(v)) is not None,
    "organization-name": lambda v: re.fullmatch(r"[a-z0-9][a-z0-9_-]*", str(v)) is not None,
    "connection-id": lambda v: re.fullmatch(r"con_[A-Za-z0-9]+", str(v)) is not None,
    "html-color": lambda v: re.fullmatch(r"#[0-9A-Fa-f]{3}([0-9A-Fa-f]{3})?", str(v)) is not None,
}


@dataclass
class SpecCheck:
    """What Prism cannot check, checked in Python: Auth0's custom formats, and error bodies' shape."""

    document: dict[str, Any]

    def __post_init__(self) -> None:
        checker = jsonschema.FormatChecker()
        for name, check in AUTH0_FORMATS.items():
            checker.checks(name)(check)
        self.format_checker = checker
        self.templates = [
            (re.compile("^" + re.sub(r"\{\w+\}", "[^/]+", path) + "$"), path) for path in self.document["paths"]
        ]

    def template(self, path: str) -> str:
        """Return the spec path (``/users/{id}``) a request path (``/users/auth0|1``) matches."""
        matches = [template for pattern, template in self.templates if pattern.match(path)]
        assert matches, f"no spec path matches {path}"
        return min(matches, key=lambda template: template.count("{"))

    def request(self, request: httpx.Request) -> None:
        """Validate a request's JSON body against its schema with Auth0's formats (Prism skips them)."""
        if not request.content:
            return
        path = request.url.path.removeprefix("/api/v2")
        operation = self.document["paths"][self.template(path)][request.method.lower()]
        schema = operation["requestBody"]["content"]["application/json"]["schema"]
        schema = {**schema, "components": self.document["components"]}
        validator = jsonschema.Draft202012Validator(schema, format_checker=self.format_checker)
        validator.validate(json.loads(request.content))

    def response(self, method: str, path: str, response: httpx.Response) -> None:
        """Validate a response's body against its schema, with Auth0's formats, or its error shape."""
        if response.status_code >= 400:
            body = response.json()
            assert set(body) >= ERROR_KEYS, body
            assert body["statusCode"] == response.status_code, body
            return
        operation = self.document["paths"][self.template(path)][method.lower()]
        content = operation["responses"][str(response.status_code)].get("content")
        if not content:
            assert not response.content, f"{method} {path} answered {response.status_code} with a body"
            return
        schema = {**content["application/json"]["schema"], "components": self.document["components"]}
        jsonschema.Draft202012Validator(schema, format_checker=self.format_checker).validate(response.json())


@pytest.fixture(scope="session")
def spec_check(users_slice: dict[str, Any]) -> SpecCheck:
    """The Python-side checks of responses."""
    return SpecCheck(users_slice)
