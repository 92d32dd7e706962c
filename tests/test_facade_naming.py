"""Every Users operation is reachable by the naming rule, sync and async."""

from __future__ import annotations

import inspect
import keyword
import re
from typing import Any

import pytest
from auth0_users import AsyncManagementClient, ManagementClient
from auth0_users_facade.operations import OPERATIONS as DESCRIBED
from slice import cut_users_slice, load_spec
from spec_pin import OPERATIONS as PINNED
from spec_pin import requires_operation


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


SLICE = cut_users_slice(load_spec())


def spec_operations() -> list[tuple[str, str, list[str], str]]:
    found = []
    for path, item in SLICE["paths"].items():
        for method, op in item.items():
            group = op["x-operation-group"]
            parts = [snake(g) for g in ([group] if isinstance(group, str) else group)]
            found.append((f"{method.upper()} {path}", op["operationId"], parts, snake(op["x-operation-name"])))
    return found


OPERATIONS = spec_operations()


def test_the_pin_lists_the_spec_s_users_operations() -> None:
    assert OPERATIONS
    assert {".".join([*parts, name]): (where, operation_id) for where, operation_id, parts, name in OPERATIONS} == {
        facade: (f"{op.method} {op.path}", op.operation_id) for facade, op in PINNED.items()
    }


@pytest.mark.parametrize("client_class", [ManagementClient, AsyncManagementClient])
def test_every_operation_is_reachable_by_the_naming_rule(client_class: type) -> None:
    client = client_class(base_url="http://127.0.0.1:9/api/v2", token="t")
    missing = []
    for where, _, parts, name in OPERATIONS:
        node = client
        try:
            for part in parts:
                node = getattr(node, part)
            method = getattr(node, name)
        except AttributeError:
            missing.append(f"{where}: {'.'.join(['mgmt', *parts, name])}")
            continue
        returns = str(inspect.signature(method).return_annotation)
        if client_class is AsyncManagementClient:
            assert inspect.iscoroutinefunction(method) or returns.startswith("_shapes.AsyncPagerShape["), where
        else:
            assert not inspect.iscoroutinefunction(method), where
    assert not missing, "unreachable operations:\n" + "\n".join(missing)


def test_each_operation_calls_its_own_generated_endpoint() -> None:
    assert len(DESCRIBED) == len(OPERATIONS)
    for where, operation_id, parts, name in OPERATIONS:
        op = DESCRIBED[".".join([*parts, name])]
        assert op.module.rsplit(".", 1)[1] == operation_id.replace("-", "_").lower(), where
        assert f"{op.http_method} {op.path}" == where


@requires_operation("users.identities.delete", "users.list", "users.sessions.list")
def test_path_parameters_are_positional_and_the_rest_keyword_only() -> None:
    mgmt = ManagementClient(base_url="http://127.0.0.1:9/api/v2", token="t")
    parameters = inspect.signature(mgmt.users.identities.delete).parameters
    assert [p.name for p in parameters.values()] == ["id", "provider", "user_id"]
    assert all(p.kind is p.POSITIONAL_ONLY for p in parameters.values())
    list_parameters = inspect.signature(mgmt.users.list).parameters
    assert all(p.kind is p.KEYWORD_ONLY for p in list_parameters.values())
    assert "from_" in inspect.signature(mgmt.users.sessions.list).parameters


@requires_operation("users.get", "users.roles.assign")
def test_public_methods_have_docstrings_naming_scopes() -> None:
    mgmt = ManagementClient(base_url="http://127.0.0.1:9/api/v2", token="t")
    assert "read:users" in (mgmt.users.get.__doc__ or "")
    assert "update:users" in (mgmt.users.roles.assign.__doc__ or "")


def python_name(name: str) -> str:
    """The rule: a Python keyword gets a trailing underscore; a header's dashes become underscores."""
    return name + "_" if keyword.iskeyword(name) else name.replace("-", "_")


def _schema(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = SLICE["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _spec_keywords(operation: dict[str, Any]) -> set[str]:
    """What the spec calls an operation's query parameters and body fields."""
    names = {p["name"] for p in operation.get("parameters", []) if p["in"] != "path"}
    body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    if body is not None:
        schema = _schema(body)
        names |= set(schema.get("properties", {})) if schema.get("type") != "array" else {"body"}
    return names


def test_every_argument_is_named_as_in_the_spec() -> None:
    mgmt = ManagementClient(base_url="http://127.0.0.1:9/api/v2", token="t")
    mismatched = []
    for path, item in SLICE["paths"].items():
        for method, operation in item.items():
            group = operation["x-operation-group"]
            node: Any = mgmt
            for part in [snake(g) for g in ([group] if isinstance(group, str) else group)]:
                node = getattr(node, part)
            signature = inspect.signature(getattr(node, snake(operation["x-operation-name"])))
            keywords = {p.name for p in signature.parameters.values() if p.kind is p.KEYWORD_ONLY}
            expected = {python_name(name) for name in _spec_keywords(operation)}
            if keywords - {"lowercase_fallback"} != expected:
                mismatched.append(f"{method.upper()} {path}: {sorted(keywords ^ expected)}")
    assert not mismatched, "arguments not named as in the spec:\n" + "\n".join(mismatched)


@requires_operation("users.authentication_methods.create")
def test_a_python_keyword_gets_a_trailing_underscore_and_nothing_else_does() -> None:
    mgmt = ManagementClient(base_url="http://127.0.0.1:9/api/v2", token="t")
    assert "type" in inspect.signature(mgmt.users.authentication_methods.create).parameters
    assert (
        "from_" in inspect.signature(mgmt.users.logs.list).parameters
        or "from_" in inspect.signature(mgmt.users.sessions.list).parameters
    )
