"""The Users operations of the spec that generated/ was made from (``openapi/pin.json``).

Tests about every operation take them from here; a test that needs one operation is skipped,
naming it, when the pinned spec lacks it::

    @requires_operation("users.roles.assign")
    def test_assigning_roles(...): ...

A required argument that a newer spec adds to an operation is a breaking change: code calling it
the old way fails, as it should. Tests that call every operation pass what they know and take the
rest of what the pinned spec requires from here (``with_required``, ``required_query``), so that
they keep testing the calls on any spec.
"""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Mapping
from typing import Any

import pytest
from pin import read_pin

PIN = read_pin()
OPERATIONS = {op.facade: op for op in PIN.operations}


def missing_operations(*names: str) -> list[str]:
    """Which of the facade names (``users.roles.assign``) the pinned spec does not have."""
    return [name for name in names if name not in OPERATIONS]


def requires_operation(*names: str) -> pytest.MarkDecorator:
    """Skip the test when the pinned spec lacks any of these operations, naming them."""
    missing = missing_operations(*names)
    return pytest.mark.skipif(bool(missing), reason=f"the pinned spec has no {', '.join(missing)}")


PLACEHOLDERS: dict[Any, Any] = {str: "placeholder", int: 1, bool: True}
"""A value of each type for a required argument a test does not know (the sandbox ignores it)."""


def _placeholder(hint: Any, what: str) -> Any:
    for kind in (hint, *typing.get_args(hint)):
        if kind in PLACEHOLDERS:
            return PLACEHOLDERS[kind]
    raise TypeError(f"no placeholder for {what}: {hint}")


def with_required(node: Any) -> Any:
    """``node`` (``mgmt.users``) whose methods, and those of its sub-resources, add a placeholder for
    each keyword argument the pinned spec requires and the caller leaves out."""
    if not hasattr(node, "_operations"):
        return node
    return _Required(node)


class _Required:
    def __init__(self, node: Any) -> None:
        self._node = node

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._node, name)
        if not inspect.ismethod(attribute):
            return with_required(attribute)
        method = attribute
        hints = typing.get_type_hints(method)

        @functools.wraps(method)
        def call(*args: Any, **given: Any) -> Any:
            for argument, parameter in inspect.signature(method).parameters.items():
                required = parameter.kind is parameter.KEYWORD_ONLY and parameter.default is parameter.empty
                if required and argument not in given:
                    given[argument] = _placeholder(hints[argument], f"{name}({argument}=...)")
            return method(*args, **given)

        return call


def required_query(operation: Mapping[str, Any], given: Mapping[str, Any]) -> dict[str, Any]:
    """``given`` query parameters, with a placeholder for each the spec's ``operation`` requires and they lack."""
    types = {"string": str, "integer": int, "boolean": bool}
    query = dict(given)
    for parameter in operation.get("parameters", []):
        if parameter.get("in") == "query" and parameter.get("required") and parameter["name"] not in query:
            kind = types.get(parameter.get("schema", {}).get("type"), str)
            query[parameter["name"]] = str(_placeholder(kind, parameter["name"])).lower()
    return query
