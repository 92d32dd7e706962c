"""Every request checked against what the spec says it may carry, and refused the way Auth0 refuses.

The constraints are the spec's own (type, enum, bounds, lengths, format, required,
``additionalProperties``), generated into ``auth0_users_facade.request_schemas`` so that the
installed package needs no spec. Auth0 validates with z-schema and reports the first problem as
``<Part> validation error: '<what>' on property <name> (<its description>).``: ``Query`` with
``errorCode`` ``invalid_query_string``, ``Path`` with ``invalid_uri``, ``Payload`` with
``invalid_body``. The wording of each ``<what>`` is z-schema's.
"""

from __future__ import annotations

import functools
import json
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from auth0_users_facade.request_schemas import DEFINITIONS, REQUESTS
from jsonschema import Draft202012Validator, FormatChecker, ValidationError
from jsonschema.exceptions import best_match

from ._bodies import EMAIL_PATTERN
from ._errors import ApiError

_HOSTNAME = re.compile(r"^(?=.{1,253}$)(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*$")


def _string_check(test: Callable[[str], bool]) -> Callable[[object], bool]:
    """A format check that passes anything but a string (formats only constrain strings)."""
    return lambda value: not isinstance(value, str) or test(value)


def _uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _strict_uri(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not any(c.isspace() for c in value)


FORMATS = FormatChecker(formats=())
"""The formats the Users requests use; Auth0's ``session-id`` has no documented shape and is not checked."""
FORMATS.checks("email")(_string_check(lambda value: EMAIL_PATTERN.fullmatch(value) is not None))
FORMATS.checks("hostname")(_string_check(lambda value: _HOSTNAME.fullmatch(value) is not None))
FORMATS.checks("uuid")(_string_check(_uuid))
FORMATS.checks("strict-uri")(_string_check(_strict_uri))

_JSON_TYPES = {str: "string", bool: "boolean", int: "integer", float: "number", dict: "object", list: "array"}


def json_type(value: object) -> str:
    """The JSON type name z-schema reports for a decoded value."""
    return "null" if value is None else _JSON_TYPES.get(type(value), type(value).__name__)


def _describe(error: ValidationError) -> str:
    """z-schema's wording of one problem."""
    instance: Any = error.instance
    limit: Any = error.validator_value
    size = len(instance) if isinstance(instance, str | list | dict) else 0
    templates = {
        "type": f"Expected type {'/'.join(limit) if isinstance(limit, list) else limit} but found type "
        + json_type(instance),
        "enum": f"No enum match for: {instance if isinstance(instance, str) else json.dumps(instance)}",
        "minLength": f"String is too short ({size} chars), minimum {limit}",
        "maxLength": f"String is too long ({size} chars), maximum {limit}",
        "minimum": f"Value {instance} is less than minimum {limit}",
        "maximum": f"Value {instance} is greater than maximum {limit}",
        "minItems": f"Array is too short ({size}), minimum {limit}",
        "maxItems": f"Array is too long ({size}), maximum {limit}",
        "minProperties": f"Too few properties defined ({size}), minimum {limit}",
        "maxProperties": f"Too many properties defined ({size}), maximum {limit}",
        "uniqueItems": "Array items are not unique",
        "pattern": f"String does not match pattern {limit}: {instance}",
        "format": f"Object didn't pass validation for format {limit}: {instance}",
        "oneOf": "Data does not match any schemas from 'oneOf'",
        "anyOf": "Data does not match any schemas from 'anyOf'",
    }
    if error.validator == "required":
        missing = [name for name in limit if isinstance(instance, dict) and name not in instance]
        return f"Missing required property: {missing[0] if missing else error.message}"
    if error.validator == "additionalProperties":
        schema: Any = error.schema
        known = schema.get("properties", {}) if isinstance(schema, dict) else {}
        return "Additional properties not allowed: " + ",".join(sorted(set(instance) - set(known)))
    return templates.get(str(error.validator), error.message)


def _validator(schema: Mapping[str, Any]) -> Draft202012Validator:
    return Draft202012Validator({"$defs": DEFINITIONS, **schema}, format_checker=FORMATS)


def _resolved(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in schema:
        schema = DEFINITIONS[str(schema["$ref"]).rsplit("/", 1)[-1]]
    return schema


def _property_description(schema: Mapping[str, Any], path: tuple[str | int, ...]) -> str:
    """The description of the body property at ``path``, when the schema gives one."""
    node: Mapping[str, Any] = schema
    description = ""
    for step in path:
        node = _resolved(node)
        if isinstance(step, int):
            node = node.get("items", {})
            continue
        node = node.get("properties", {}).get(step, {})
        description = str(node.get("description") or _resolved(node).get("description", ""))
    return description


def _where(path: tuple[str | int, ...]) -> str:
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text


def _refusal(part: str, code: str, what: str, name: str = "", description: str = "") -> ApiError:
    where = f" on property {name}" + (f" ({description})" if description else "") if name else ""
    return ApiError(400, f"{part} validation error: '{what}'{where}.", code)


@dataclass(frozen=True)
class Parameter:
    """One path or query parameter of an operation, with its schema's validator."""

    name: str
    location: str
    required: bool
    description: str
    kind: str  # the JSON type a query string value is read as
    validator: Draft202012Validator

    def check(self, value: Any) -> None:
        """Raise Auth0's 400 when ``value`` breaks the parameter's schema."""
        error = best_match(self.validator.iter_errors(value))
        if error is not None:
            part, code = ("Path", "invalid_uri") if self.location == "path" else ("Query", "invalid_query_string")
            raise _refusal(part, code, _describe(error), self.name, self.description)

    def read(self, text: str) -> Any:
        """A query string value as the JSON type the schema wants, or Auth0's 400."""
        if self.kind == "integer" and re.fullmatch(r"-?\d+", text):
            return int(text)
        if self.kind == "boolean" and text in ("true", "false"):
            return text == "true"
        if self.kind in ("integer", "boolean"):
            what = f"Expected type {self.kind} but found type string"
            raise _refusal("Query", "invalid_query_string", what, self.name, self.description)
        return text


@dataclass(frozen=True)
class RequestCheck:
    """What one operation accepts: its parameters and its body."""

    parameters: tuple[Parameter, ...]
    body_required: bool
    body_schema: Mapping[str, Any] | None
    body_validator: Draft202012Validator | None

    def query(self, raw: str) -> dict[str, Any]:
        """The query string decoded and typed; 400 for a value the schema refuses or a required one missing.

        Parameters the operation does not take are kept as text, unchecked.
        """
        given = dict(parse_qsl(raw, keep_blank_values=True))
        typed: dict[str, Any] = dict(given)
        for parameter in self.parameters:
            if parameter.location != "query":
                continue
            if parameter.required and not given.get(parameter.name):
                what = f"Missing required property: {parameter.name}"
                raise _refusal("Query", "invalid_query_string", what)
            if parameter.name not in given:
                continue
            value = parameter.read(given[parameter.name])
            parameter.check(value)
            typed[parameter.name] = value
        return typed

    def path(self, values: Mapping[str, str]) -> None:
        """400 for a path parameter the schema refuses."""
        for parameter in self.parameters:
            if parameter.location == "path" and parameter.name in values:
                parameter.check(values[parameter.name])

    def body(self, body: Any) -> None:
        """400 for a body the schema refuses; no body is fine unless the operation requires one."""
        if self.body_validator is None or self.body_schema is None or (body is None and not self.body_required):
            return
        error = best_match(self.body_validator.iter_errors(body))
        if error is None:
            return
        path = tuple(error.absolute_path)
        if error.validator == "required" and path == ():
            raise _refusal("Payload", "invalid_body", _describe(error))
        description = _property_description(self.body_schema, path) if path else ""
        raise _refusal("Payload", "invalid_body", _describe(error), _where(path), description)


def _kind(schema: Mapping[str, Any]) -> str:
    kind = _resolved(schema).get("type", "string")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "string")
    return str(kind)


@functools.cache
def request_check(method: str, path: str) -> RequestCheck:
    """The check for the spec's operation ``METHOD path`` (``path`` as the spec spells it)."""
    described = REQUESTS[f"{method} {path}"]
    parameters = tuple(
        Parameter(p["name"], p["in"], p["required"], p["description"], _kind(p["schema"]), _validator(p["schema"]))
        for p in described["parameters"]
    )
    body = described["body"]
    if body is None:
        return RequestCheck(parameters, False, None, None)
    return RequestCheck(parameters, body["required"], body["schema"], _validator(body["schema"]))
