"""The Users slice: exactly the 42 Users operations and what they reach, from a checked spec."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from slice import PINNED_SHA256, SHARED_COPY, SpecError, build_slice, cut_users_slice, load_spec, prefix_paths

METHODS = {"get", "put", "post", "delete", "patch", "options", "head", "trace"}


@pytest.fixture(scope="module")
def spec() -> dict:
    return load_spec()


@pytest.fixture(scope="module")
def users_slice(spec: dict) -> dict:
    return cut_users_slice(spec)


def operations(document: dict) -> list[tuple[str, str]]:
    return [(path, method) for path, item in document["paths"].items() for method in item if method in METHODS]


def test_slice_holds_exactly_the_42_users_operations(spec: dict, users_slice: dict) -> None:
    expected = [(p, m) for p, m in operations(spec) if p == "/users" or p.startswith(("/users/", "/users-by-email"))]
    assert len(expected) == 42
    assert sorted(operations(users_slice)) == sorted(expected)
    assert all(path in ("/users", "/users-by-email") or path.startswith("/users/") for path in users_slice["paths"])


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
    assert "GetUserResponseContent" in schemas
    assert not any(name.startswith(("GetClient", "CreateClient", "GetStats")) for name in schemas)


def test_spec_with_wrong_sha256_is_refused(tmp_path: Path) -> None:
    tampered = tmp_path / "spec.json"
    tampered.write_bytes(SHARED_COPY.read_bytes().replace(b'"Auth0 Management API"', b'"Tampered API"', 1))
    with pytest.raises(SpecError, match="sha256"):
        load_spec(str(tampered), expected_sha256=PINNED_SHA256)


def test_prism_slice_carries_the_api_prefix() -> None:
    prefixed = prefix_paths(build_slice(), "/api/v2")
    assert "/api/v2/users/{id}" in prefixed["paths"]
    assert all(path.startswith("/api/v2/users") for path in prefixed["paths"])


def test_slice_is_deterministic() -> None:
    assert json.dumps(build_slice()) == json.dumps(build_slice())
