"""Fixes applied to the Users slice before it reaches openapi-python-client.

Each fix is a function taking and returning the slice (modified in place), with the reason
in its docstring. ``FIXES`` lists them in the order they run; tests in
``tests/test_generated.py`` hold each one in place so that a regeneration cannot undo it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

Spec = dict[str, Any]

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SCHEMA_LISTS = ("oneOf", "anyOf", "allOf", "prefixItems")
SCHEMA_MAPS = ("properties", "patternProperties", "$defs")
SCHEMA_SINGLES = ("items", "additionalProperties", "not", "if", "then", "else", "contains")


def _operations(spec: Spec) -> Iterator[dict[str, Any]]:
    for item in spec["paths"].values():
        for method, operation in item.items():
            if method in HTTP_METHODS:
                yield operation


def _schemas(spec: Spec) -> Iterator[Any]:
    """Every top-level schema of the slice: components, parameters, bodies, responses."""
    yield from spec.get("components", {}).get("schemas", {}).values()
    for operation in _operations(spec):
        for parameter in operation.get("parameters", []):
            if "schema" in parameter:
                yield parameter["schema"]
        bodies = [operation.get("requestBody", {}), *operation.get("responses", {}).values()]
        for body in bodies:
            for media in body.get("content", {}).values():
                if "schema" in media:
                    yield media["schema"]


def _walk_schema(schema: Any, visit: Callable[[dict[str, Any]], None]) -> None:
    """Call ``visit`` on ``schema`` and every schema nested in it (not on property-name maps)."""
    if not isinstance(schema, dict):
        return
    visit(schema)
    for key in SCHEMA_LISTS:
        for sub in schema.get(key, []):
            _walk_schema(sub, visit)
    for key in SCHEMA_MAPS:
        for sub in schema.get(key, {}).values():
            _walk_schema(sub, visit)
    for key in SCHEMA_SINGLES:
        _walk_schema(schema.get(key), visit)


def drop_example_defaults(spec: Spec) -> Spec:
    """Remove ``default`` from every schema.

    The spec uses ``default`` for example values (``"john.doe@gmail.com"``,
    ``"auth0|507f1f77bcf86cd799439020"``, ``blocked: false``). The generator turns them into
    attribute defaults, so a request would send them as real values (an update that sets only
    ``user_metadata`` would also overwrite email, password and ``blocked``), and a response
    missing a field (``fields=email``) would claim the example value. A request body must carry
    exactly what the caller set, and a model exactly what the server sent.
    """

    def visit(schema: dict[str, Any]) -> None:
        schema.pop("default", None)

    for schema in _schemas(spec):
        _walk_schema(schema, visit)
    return spec


def json_request_bodies(spec: Spec) -> Spec:
    """Offer request bodies as ``application/json`` only.

    Most bodies are documented both as JSON and as ``application/x-www-form-urlencoded``; the
    generator then sends the form encoding, which flattens nested metadata into a Python repr
    and breaks ``PUT /users/{id}/authentication-methods`` (an array body) outright. Auth0 takes
    JSON for every one of these operations.
    """
    for operation in _operations(spec):
        content = operation.get("requestBody", {}).get("content")
        if content and "application/json" in content:
            operation["requestBody"]["content"] = {"application/json": content["application/json"]}
    return spec


def _response_schema_names(spec: Spec) -> set[str]:
    """Names of the component schemas reachable from any response."""
    schemas = spec.get("components", {}).get("schemas", {})
    prefix = "#/components/schemas/"
    pending: list[Any] = [
        media.get("schema")
        for operation in _operations(spec)
        for response in operation.get("responses", {}).values()
        for media in response.get("content", {}).values()
    ]
    names: set[str] = set()
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith(prefix) and ref[len(prefix) :] not in names:
                names.add(ref[len(prefix) :])
                pending.append(schemas.get(ref[len(prefix) :]))
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return names


def keep_unknown_response_fields(spec: Spec) -> Spec:
    """Let every object the server returns keep fields the spec does not list.

    Many response schemas say ``additionalProperties: false``; the generated models then drop
    any field Auth0 adds later, silently. With ``true`` they land in ``additional_properties``
    and stay readable. Request schemas keep their rule.
    """

    def visit(schema: dict[str, Any]) -> None:
        if schema.get("additionalProperties") is False:
            schema["additionalProperties"] = True

    schemas = spec.get("components", {}).get("schemas", {})
    for name in _response_schema_names(spec):
        _walk_schema(schemas[name], visit)
    for operation in _operations(spec):
        for response in operation.get("responses", {}).values():
            for media in response.get("content", {}).values():
                _walk_schema(media.get("schema"), visit)
    return spec


FIXES: tuple[Callable[[Spec], Spec], ...] = (drop_example_defaults, json_request_bodies, keep_unknown_response_fields)


def apply_overlay(spec: Spec) -> Spec:
    for fix in FIXES:
        spec = fix(spec)
    return spec
