"""Every Users operation is reachable by the naming rule, sync and async."""

from __future__ import annotations

import inspect
import re

import pytest
from auth0_users import AsyncManagementClient, ManagementClient
from auth0_users_api import _operations
from slice import cut_users_slice, load_spec


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def spec_operations() -> list[tuple[str, str, list[str], str]]:
    found = []
    for path, item in cut_users_slice(load_spec())["paths"].items():
        for method, op in item.items():
            group = op["x-operation-group"]
            parts = [snake(g) for g in ([group] if isinstance(group, str) else group)]
            found.append((f"{method.upper()} {path}", op["operationId"], parts, snake(op["x-operation-name"])))
    return found


OPERATIONS = spec_operations()


def test_the_spec_has_42_users_operations() -> None:
    assert len(OPERATIONS) == 42


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
            assert inspect.iscoroutinefunction(method) or returns.startswith("AsyncPager["), where
        else:
            assert not inspect.iscoroutinefunction(method), where
    assert not missing, "unreachable operations:\n" + "\n".join(missing)


def test_each_operation_calls_its_own_generated_endpoint() -> None:
    described = {v.key: v for v in vars(_operations).values() if type(v).__name__ == "Operation"}
    assert len(described) == 42
    for where, operation_id, parts, name in OPERATIONS:
        op = described[".".join([*parts, name])]
        assert op.module.rsplit(".", 1)[1] == operation_id.replace("-", "_").lower(), where
        assert f"{op.http_method} {op.path}" == where


def test_path_parameters_are_positional_and_the_rest_keyword_only() -> None:
    mgmt = ManagementClient(base_url="http://127.0.0.1:9/api/v2", token="t")
    parameters = inspect.signature(mgmt.users.identities.delete).parameters
    assert [p.name for p in parameters.values()] == ["id", "provider", "user_id"]
    assert all(p.kind is p.POSITIONAL_ONLY for p in parameters.values())
    list_parameters = inspect.signature(mgmt.users.list).parameters
    assert all(p.kind is p.KEYWORD_ONLY for p in list_parameters.values())
    assert "from_" in inspect.signature(mgmt.users.sessions.list).parameters


def test_public_methods_have_docstrings_naming_scopes() -> None:
    mgmt = ManagementClient(base_url="http://127.0.0.1:9/api/v2", token="t")
    assert "read:users" in (mgmt.users.get.__doc__ or "")
    assert "update:users" in (mgmt.users.roles.assign.__doc__ or "")
