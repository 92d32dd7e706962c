"""The Users slice: exactly the pinned Users operations and what they reach, from a checked spec."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from loopback import ROOT, RecordingServer
from pin import read_pin, users_operations
from slice import SHARED_COPY, SpecError, build_slice, cut_users_slice, load_spec, pinned_spec_bytes, prefix_paths

METHODS = {"get", "put", "post", "delete", "patch", "options", "head", "trace"}


@pytest.fixture(scope="module")
def spec() -> dict:
    return load_spec()


@pytest.fixture(scope="module")
def users_slice(spec: dict) -> dict:
    return cut_users_slice(spec)


def operations(document: dict) -> list[tuple[str, str]]:
    return [(path, method) for path, item in document["paths"].items() for method in item if method in METHODS]


def test_slice_holds_exactly_the_users_operations_the_pin_lists(spec: dict, users_slice: dict) -> None:
    expected = [(p, m) for p, m in operations(spec) if p == "/users" or p.startswith(("/users/", "/users-by-email"))]
    assert expected
    assert sorted(operations(users_slice)) == sorted(expected)
    assert all(path in ("/users", "/users-by-email") or path.startswith("/users/") for path in users_slice["paths"])
    assert users_operations(users_slice) == read_pin().operations
    assert sorted((op.path, op.method.lower()) for op in read_pin().operations) == sorted(expected)


def _refs(node: object) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"]} if isinstance(node.get("$ref"), str) else set()
        return found.union(*(_refs(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_refs(value) for value in node))
    return set()


def test_slice_components_are_exactly_those_reached(users_slice: dict) -> None:
    reached: set[str] = set()
    pending = _refs(users_slice["paths"])
    while pending:
        ref = pending.pop()
        if ref in reached:
            continue
        reached.add(ref)
        section, name = ref.removeprefix("#/components/").split("/", 1)
        pending |= _refs(users_slice["components"][section][name])  # KeyError means a dangling reference
    present = {
        f"#/components/{section}/{name}"
        for section, items in users_slice["components"].items()
        if section != "securitySchemes"
        for name in items
    }
    assert present == reached
    assert set(users_slice["components"]["securitySchemes"]) == {"bearerAuth", "oAuth2ClientCredentials"}


def test_slice_leaves_out_other_sections(users_slice: dict) -> None:
    schemas = users_slice["components"]["schemas"]
    assert schemas
    assert not any(name.startswith(("GetClient", "CreateClient", "GetStats")) for name in schemas)


def tampered(data: bytes) -> bytes:
    changed = data.replace(b'"Auth0 Management API"', b'"Tampered API"', 1)
    assert changed != data
    return changed


@pytest.fixture(scope="module")
def pinned() -> bytes:
    return pinned_spec_bytes()


def test_spec_with_wrong_sha256_is_refused(tmp_path: Path, pinned: bytes) -> None:
    path = tmp_path / "spec.json"
    path.write_bytes(tampered(pinned))
    with pytest.raises(SpecError, match=r"has sha256 \w+: not the spec generated/ was made from"):
        pinned_spec_bytes(source=str(path))
    path.write_bytes(pinned)
    assert pinned_spec_bytes(source=str(path)) == pinned


def elsewhere(tmp_path: Path, source: str, shared: bytes | None = None) -> Path:
    """A copy of openapi/ in a checkout with no ``../shared`` (or one holding ``shared``), pinned to ``source``."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "openapi", repo / "openapi", ignore=shutil.ignore_patterns("__pycache__"))
    pin = json.loads((repo / "openapi" / "pin.json").read_text())
    pin_file = repo / "openapi" / "pin.json"
    pin_file.write_text(pin_file.read_text().replace(json.dumps(pin["source"]), json.dumps(source)))
    if shared is not None:
        (tmp_path / "shared" / "spec").mkdir(parents=True)
        (tmp_path / "shared" / "spec" / SHARED_COPY.name).write_bytes(shared)
    return repo


def cut_slice(repo: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "openapi/slice.py", "--out", "slice.json"]
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, check=False)


def test_without_shared_the_pinned_url_is_fetched_and_its_sha256_checked(
    tmp_path: Path, recording_server: RecordingServer, pinned: bytes
) -> None:
    url = recording_server.base_url.replace("/api/v2", "/management-api-oas.json")
    repo = elsewhere(tmp_path, url)
    recording_server.respond(200, pinned)
    result = cut_slice(repo)
    assert result.returncode == 0, result.stderr
    assert json.loads((repo / "slice.json").read_text()) == build_slice()
    assert [r.path for r in recording_server.requests] == ["/management-api-oas.json"]

    recording_server.respond(200, tampered(pinned))
    result = cut_slice(repo)
    assert result.returncode == 1
    assert f"{url} has sha256" in result.stderr
    assert "not the spec generated/ was made from" in result.stderr


def test_a_shared_copy_that_is_another_spec_is_passed_over(tmp_path: Path, pinned: bytes) -> None:
    (tmp_path / "pinned.json").write_bytes(pinned)
    repo = elsewhere(tmp_path, "../pinned.json", shared=tampered(pinned))
    result = cut_slice(repo)
    assert result.returncode == 0, result.stderr
    assert json.loads((repo / "slice.json").read_text()) == build_slice()


def test_a_pin_naming_a_file_this_machine_lacks_says_what_to_do(tmp_path: Path) -> None:
    pin = read_pin()
    result = cut_slice(elsewhere(tmp_path, "../downloads/management-api-oas.json"))
    assert result.returncode == 1
    assert "the pinned spec cannot be read: spec not found: ../downloads/management-api-oas.json" in result.stderr
    assert f"pins the spec with sha256 {pin.sha256} ({pin.size:,} bytes)" in result.stderr
    assert "Put that spec at ../downloads/management-api-oas.json" in result.stderr
    assert "`make generate SPEC=path-or-url`" in result.stderr
    assert "`make update-spec SPEC=path-or-url`" in result.stderr


def test_prism_slice_carries_the_api_prefix() -> None:
    prefixed = prefix_paths(build_slice(), "/api/v2")
    assert "/api/v2/users/{id}" in prefixed["paths"]
    assert all(path.startswith("/api/v2/users") for path in prefixed["paths"])


def test_slice_is_deterministic() -> None:
    assert json.dumps(build_slice()) == json.dumps(build_slice())
