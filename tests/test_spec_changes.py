"""The change report's rules, as tables over small hand-made slices."""

from __future__ import annotations

from typing import Any

import pytest
from pin import Pin, PinnedOperation
from spec_changes import Change, Field, Flattener, compare, field_changes, render

REF = "#/components/schemas/"
STRING, DATE = frozenset({"string"}), frozenset({"string<date-time>"})


def operation(
    name: str = "get",
    *,
    group: Any = "users",
    parameters: list[dict[str, Any]] | None = None,
    body: Any = None,
    response: Any = None,
    **extra: Any,
) -> dict[str, Any]:
    op: dict[str, Any] = {"operationId": f"op_{name}", "x-operation-group": group, "x-operation-name": name, **extra}
    if parameters is not None:
        op["parameters"] = parameters
    if body is not None:
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
    content = {"content": {"application/json": {"schema": response}}} if response is not None else {}
    op["responses"] = {"200": {"description": "ok", **content}, "404": {"description": "missing"}}
    return op


def document(paths: dict[str, dict[str, Any]], **schemas: Any) -> dict[str, Any]:
    return {"paths": paths, "components": {"schemas": schemas}}


def query(name: str, required: bool = False, **schema: Any) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": required, "schema": schema or {"type": "string"}}


def obj(*required: str, **properties: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties, **({"required": list(required)} if required else {})}


TEXT = {"type": "string"}
WHEN = {"type": "string", "format": "date-time"}
USER = obj("user_id", user_id=TEXT, created_at=WHEN, provider={"$ref": REF + "Provider"})
PROVIDER = {"type": "string", "enum": ["auth0", "google-oauth2"]}


def one(method: str = "get", path: str = "/users/{id}", **op: Any) -> dict[str, Any]:
    return document({path: {method: operation(**op)}}, User=USER, Provider=PROVIDER)


def changed(change: str, *, breaking: bool, location: str = "response", field: str = "") -> Change:
    return Change("users.get", location, field, change, breaking)


CASES = [
    # (what, old, new, expected changes)
    ("nothing", one(response={"$ref": REF + "User"}), one(response={"$ref": REF + "User"}), []),
    (
        "an operation added and one removed",
        document({"/users": {"get": operation("list")}}),
        document({"/users/{id}": {"get": operation("get")}}),
        [
            Change("users.get", "operation", "", "added", False),
            Change("users.list", "operation", "", "removed", True),
        ],
    ),
    (
        "a nested group names the operation",
        document({}),
        document({"/users/{id}/roles": {"post": operation("assign", group=["users", "roles"])}}),
        [Change("users.roles.assign", "operation", "", "added", False)],
    ),
    (
        "an optional parameter added",
        one(parameters=[]),
        one(parameters=[query("fields")]),
        [changed("added", breaking=False, location="query parameter `fields`")],
    ),
    (
        "a required parameter added",
        one(parameters=[]),
        one(parameters=[query("organization_id", required=True)]),
        [changed("added, required", breaking=True, location="query parameter `organization_id`")],
    ),
    (
        "a parameter removed",
        one(parameters=[query("fields")]),
        one(parameters=[]),
        [changed("removed", breaking=True, location="query parameter `fields`")],
    ),
    (
        "a parameter made required",
        one(parameters=[query("q")]),
        one(parameters=[query("q", required=True)]),
        [changed("now required", breaking=True, location="query parameter `q`")],
    ),
    (
        "a request enum loses a value and gains one",
        one(parameters=[query("engine", type="string", enum=["v1", "v2"])]),
        one(parameters=[query("engine", type="string", enum=["v2", "v3"])]),
        [
            changed("enum values removed: `v1`", breaking=True, location="query parameter `engine`"),
            changed("enum values added: `v3`", breaking=False, location="query parameter `engine`"),
        ],
    ),
    (
        "a path parameter renamed: still the same positional argument",
        document({"/users/{id}": {"get": operation()}}),
        document({"/users/{user_id}": {"get": operation()}}),
        [Change("users.get", "operation", "", "now `GET /users/{user_id}` (was `GET /users/{id}`)", False)],
    ),
    (
        "a path parameter added",
        document({"/users/{id}": {"get": operation()}}),
        document({"/users/{id}/{kind}": {"get": operation()}}),
        [Change("users.get", "operation", "", "now `GET /users/{id}/{kind}` (was `GET /users/{id}`)", True)],
    ),
    (
        "request fields: optional and required added, one removed, one nested",
        one("patch", body=obj(name=TEXT, nickname=TEXT)),
        one("patch", body=obj("email", name=TEXT, email=TEXT, meta=obj(plan=TEXT))),
        [
            changed("added, required", breaking=True, location="request body", field="email"),
            changed("added", breaking=False, location="request body", field="meta"),
            changed("removed", breaking=True, location="request body", field="nickname"),
        ],
    ),
    (
        "a request field that takes null no longer does",
        one("patch", body=obj(phone={"type": ["string", "null"]})),
        one("patch", body=obj(phone=TEXT)),
        [changed("no longer nullable", breaking=True, location="request body", field="phone")],
    ),
    (
        "a request field widened from integer to number",
        one("patch", body=obj(count={"type": "integer"})),
        one("patch", body=obj(count={"type": "number"})),
        [changed("type `integer` → `number`", breaking=False, location="request body", field="count")],
    ),
    (
        "a response field widened from integer to number",
        one(response=obj(count={"type": "integer"})),
        one(response=obj(count={"type": "number"})),
        [changed("type `integer` → `number`", breaking=True, field="count")],
    ),
    (
        "created_at turned into a oneOf of string and object",
        one(response={"$ref": REF + "User"}),
        document(
            {"/users/{id}": {"get": operation(response={"$ref": REF + "User"})}},
            User={
                **USER,
                "properties": {**USER["properties"], "created_at": {"oneOf": [TEXT, {"$ref": REF + "Date"}]}},
            },
            Date={"type": "object", "additionalProperties": True},
            Provider=PROVIDER,
        ),
        [changed("type `string<date-time>` → `object | string`", breaking=True, field="created_at")],
    ),
    (
        "response fields added, removed, made optional or nullable",
        one(response=obj("id", "email", id=TEXT, email=TEXT, name=TEXT)),
        one(response=obj("id", id={"type": ["string", "null"]}, email=TEXT, picture=TEXT)),
        [
            changed("now optional", breaking=True, field="email"),
            changed("now nullable", breaking=True, field="id"),
            changed("removed", breaking=True, field="name"),
            changed("added", breaking=False, field="picture"),
        ],
    ),
    (
        "response enums are open: values added or removed break nothing",
        one(response=obj(provider={"enum": ["auth0", "sms"]})),
        one(response=obj(provider={"enum": ["auth0", "email"]})),
        [
            changed("enum values removed: `sms`", breaking=False, field="provider"),
            changed("enum values added: `email`", breaking=False, field="provider"),
        ],
    ),
    (
        "a response that is a list or a totals object: both are compared",
        one(response={"oneOf": [{"type": "array", "items": USER}, obj(users={"type": "array", "items": USER})]}),
        one(
            response={
                "oneOf": [
                    {"type": "array", "items": obj(user_id=TEXT)},
                    obj(users={"type": "array", "items": obj(user_id=TEXT)}, total={"type": "integer"}),
                ]
            }
        ),
        [
            changed("removed", breaking=True, field="[].created_at"),
            changed("removed", breaking=True, field="[].provider"),
            changed("now optional", breaking=True, field="[].user_id"),
            changed("added", breaking=False, field="total"),
            changed("removed", breaking=True, field="users[].created_at"),
            changed("removed", breaking=True, field="users[].provider"),
            changed("now optional", breaking=True, field="users[].user_id"),
        ],
    ),
    (
        "allOf parts are merged",
        one(response={"allOf": [{"$ref": REF + "User"}, obj(group=TEXT)]}),
        one(response={"allOf": [{"$ref": REF + "User"}, obj(group=TEXT, since=WHEN)]}),
        [changed("added", breaking=False, field="since")],
    ),
    (
        "the response body dropped",
        one(response=obj(id=TEXT)),
        one(),
        [changed("removed", breaking=True)],
    ),
    (
        "a 200 becoming a 201 is hidden by the facade",
        one(response=obj(id=TEXT)),
        document(
            {
                "/users/{id}": {
                    "get": {
                        **operation(),
                        "responses": {"201": {"content": {"application/json": {"schema": obj(id=TEXT)}}}},
                    }
                }
            }
        ),
        [changed("success status 200 → 201", breaking=False)],
    ),
    (
        "a model renamed with the same shape is only a rename",
        document({"/users/{id}": {"get": operation(response={"$ref": REF + "User"})}}, User=USER, Provider=PROVIDER),
        document(
            {"/users/{id}": {"get": operation(response={"$ref": REF + "Person"})}}, Person=USER, Provider=PROVIDER
        ),
        [Change("", "model", "", "`User` is now `Person`", False)],
    ),
    (
        "a model swapped for another that already existed is not a rename",
        document({"/users/{id}": {"get": operation(response={"$ref": REF + "A"})}}, A=obj(id=TEXT), B=obj(id=TEXT)),
        document({"/users/{id}": {"get": operation(response={"$ref": REF + "B"})}}, A=obj(id=TEXT), B=obj(id=TEXT)),
        [],
    ),
    (
        "an operation deprecated, and its generated module renamed",
        one(),
        document({"/users/{id}": {"get": {**operation(), "deprecated": True, "operationId": "get_user"}}}),
        [
            Change("users.get", "operation", "", "operationId `op_get` → `get_user` (generated module renamed)", False),
            Change("users.get", "operation", "", "deprecated", False),
        ],
    ),
]


@pytest.mark.parametrize(("what", "old", "new", "expected"), CASES, ids=[case[0] for case in CASES])
def test_compare(what: str, old: dict[str, Any], new: dict[str, Any], expected: list[Change]) -> None:
    assert compare(old, new) == expected


FIELD_CASES = [
    # (old, new, side, expected)
    (Field(STRING), Field(DATE), "request", [("type `string` → `string<date-time>`", True)]),
    (Field(STRING), Field(STRING | {"object"}), "request", [("type `string` → `object | string`", False)]),
    (Field(STRING | {"object"}), Field(STRING), "response", [("type `object | string` → `string`", False)]),
    (Field(STRING, required=True), Field(STRING, required=False), "request", [("now optional", False)]),
    (Field(STRING, required=False), Field(STRING, required=True), "response", [("now required", False)]),
    (Field(STRING), Field(STRING, nullable=True), "request", [("now nullable", False)]),
    (Field(STRING, nullable=True), Field(STRING), "response", [("no longer nullable", False)]),
    (Field(STRING), Field(STRING, enum=frozenset({"a"})), "request", [("now one of `a`", True)]),
    (Field(STRING), Field(STRING, enum=frozenset({"a"})), "response", [("now one of `a`", False)]),
    (Field(STRING, enum=frozenset({"a"})), Field(STRING), "request", [("any value now, not only the enum's", False)]),
    (Field(frozenset({"integer"})), Field(frozenset({"any"})), "request", [("type `integer` → `any`", False)]),
    (Field(STRING, models=frozenset({"A"})), Field(STRING, models=frozenset({"B"})), "response", []),
]


@pytest.mark.parametrize(("old", "new", "side", "expected"), FIELD_CASES)
def test_field_changes(old: Field, new: Field, side: str, expected: list[tuple[str, bool]]) -> None:
    assert field_changes(old, new, side) == expected  # type: ignore[arg-type]


def test_flattening_resolves_references_unions_and_recursion() -> None:
    node = {"$ref": REF + "Node"}
    flat = Flattener(
        document(
            {},
            Node=obj("name", name=TEXT, children={"type": "array", "items": node}),
            When={"oneOf": [WHEN, {"type": "object", "additionalProperties": True}, {"type": "null"}]},
            Tags={"type": "object", "additionalProperties": {"type": "string", "enum": ["a", "b", None]}},
        )
    )
    assert flat.fields({"$ref": REF + "Node"}) == {
        "": Field(frozenset({"object"}), models=frozenset({"Node"})),
        "name": Field(STRING),
        "children": Field(frozenset({"array"}), required=False),
        "children[]": Field(frozenset({"object"}), models=frozenset({"Node"})),
    }
    assert flat.fields({"$ref": REF + "When"}, required=False) == {
        "": Field(DATE | {"object"}, required=False, nullable=True, models=frozenset({"When"}))
    }
    assert flat.fields({"enum": [1, 2, None]}) == {
        "": Field(frozenset({"integer"}), nullable=True, enum=frozenset("12"))
    }
    assert flat.fields({"$ref": REF + "Tags"})["*"] == Field(
        STRING, required=False, nullable=True, enum=frozenset({"a", "b"})
    )


def pin(source: str, *operations: PinnedOperation) -> Pin:
    return Pin(source, "0" * 64, 1, operations)


GET = PinnedOperation("users.get", "GET", "/users/{id}", "op_get")
LIST = PinnedOperation("users.list", "GET", "/users", "op_list")


def test_the_report_says_when_nothing_changed() -> None:
    report = render([], pin("old.json", GET), pin("new.json", GET))
    assert "No changes to the Users API." in report
    assert "From `old.json` (sha256 `000000000000…`, 1 Users operations)" in report


def test_the_report_groups_changes_and_marks_what_breaks() -> None:
    old = document({"/users": {"get": operation("list")}, "/users/{id}": {"get": operation(response=obj(id=TEXT))}})
    new = document({"/users/{id}": {"get": operation(parameters=[query("q", True)], response=obj(id=TEXT, name=TEXT))}})
    changes = compare(old, new)
    report = render(changes, pin("old.json", GET, LIST), pin("new.json", GET))
    assert "3 changes, **2 breaking** (code using the facade may need changes)." in report
    assert "### Operations removed (**breaking**)\n\n- `users.list`: `GET /users`\n" in report
    assert (
        "### Operations changed\n\n"
        "- `users.get`: `GET /users/{id}`\n"
        "  - **breaking**: query parameter `q`: added, required\n"
        "  - response field `name`: added\n"
    ) in report
