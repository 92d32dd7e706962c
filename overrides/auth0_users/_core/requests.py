"""Request building and response parsing: pure, no I/O."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

import httpx
from auth0_users_api.types import UNSET, Unset

from .errors import InvalidArgumentError, ResponseParseError
from .operation import Operation, check_bounds, endpoint, query_value


class _ParseContext:
    """What the generated parsers read of their client: statuses are checked before parsing."""

    raise_on_unexpected_status = False


_PARSE_CONTEXT: Any = _ParseContext()


def jsonable(value: Any) -> Any:
    """The JSON form of what a caller may pass: models, enums, mappings, sequences, dates."""
    if isinstance(value, Enum):
        return value.value
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, Mapping):
        for key in value:
            if not isinstance(key, str):  # str() would turn 1 and "1" into one key, losing a value
                raise TypeError(f"JSON object keys are strings, got the key {key!r} ({type(key).__name__})")
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _unsendable(op: Operation, path_args: tuple[str, ...], kwargs: Mapping[str, Any], error: Exception) -> Exception:
    """The error for arguments that make no URL httpx sends (one too long, most likely)."""
    given = {**dict(zip(op.path_params, path_args, strict=True)), **kwargs}
    name, value = max(given.items(), key=lambda item: len(item[1]) if isinstance(item[1], str) else 0, default=("", 0))
    if isinstance(value, str) and len(value) > 1000:
        return InvalidArgumentError(
            f"{op.key}: {name} is {len(value):,} characters, too long for a request URL (httpx sends at most "
            "65,536); check that it is the value you meant"
        )
    return InvalidArgumentError(f"{op.key}: the arguments make no valid URL ({error}); check them")


def _check_path_args(op: Operation, path_args: tuple[str, ...]) -> None:
    for name, value in zip(op.path_params, path_args, strict=True):
        if not isinstance(value, str):
            raise TypeError(f"{op.key}: {name} must be a string, got {type(value).__name__}")
        if not value.strip():
            raise InvalidArgumentError(f"{op.key}: {name} must not be empty")
        if value in (".", ".."):
            # No Auth0 id is a dot segment; "../roles" and the like stay encoded in one segment.
            raise InvalidArgumentError(f"{op.key}: {name} cannot be {value!r}")


def prepare(
    op: Operation,
    path_args: tuple[str, ...],
    kwargs: Mapping[str, Any],
    *,
    base_url: str,
    headers: Mapping[str, str] | None,
    timeout: httpx.Timeout,
) -> dict[str, Any]:
    """Check the arguments and describe the request (``httpx.Client.build_request``'s arguments).

    Raises before anything is sent.
    """
    _check_path_args(op, path_args)
    endpoint_args: dict[str, Any] = {}
    body: dict[str, Any] = {}
    array_body: Any = UNSET
    for argument in op.arguments:
        value = kwargs.get(argument.name, UNSET)
        if isinstance(value, Unset):
            continue
        if value is None and not argument.nullable:
            if argument.kind == "body":
                raise TypeError(f"{op.key}: {argument.name} cannot be null; leave it out to keep it unchanged")
            continue
        if argument.minimum is not None or argument.maximum is not None:
            check_bounds(op.key, argument.name, value, argument.minimum, argument.maximum)
        if argument.array and isinstance(value, str | bytes):
            # A string is a sequence too, and would be sent as a list of its characters.
            raise TypeError(f"{op.key}: {argument.name} takes a list, got the string {value!r}; pass [{value!r}]")
        if argument.kind == "body" and argument.name == "body" and op.body == "array":
            array_body = [jsonable(item) for item in value]
        elif argument.kind == "body":
            try:
                body[argument.wire] = jsonable(value)
            except TypeError as error:
                raise TypeError(f"{op.key}: {argument.name}: {error}") from None
        else:
            endpoint_args[argument.field] = query_value(op, argument, value)
    described: dict[str, Any] = endpoint(op)._get_kwargs(*path_args, **endpoint_args)
    if op.body == "array":
        described["json"] = array_body
    elif op.body == "object":
        described["json"] = body
    extra_headers = described.get("headers")
    described["headers"] = {**(headers or {}), **extra_headers} if extra_headers else headers
    try:  # parsed here, once: arguments that make no URL fail before anything is sent, pagers too
        described["url"] = httpx.URL(base_url + described["url"], params=described.pop("params", None))
    except httpx.InvalidURL as error:
        raise _unsendable(op, path_args, kwargs, error) from None
    described["method"] = described["method"].upper()
    described["timeout"] = timeout
    return described


def parse(op: Operation, response: httpx.Response) -> Any:
    """The result of ``op`` from a successful ``response``, as the generated parser reads it."""
    if not response.content and response.status_code in (202, 204):
        return None
    try:
        parsed = endpoint(op)._parse_response(client=_PARSE_CONTEXT, response=response)
    except RecursionError:
        raise ResponseParseError(response, "JSON nested too deeply to read") from None
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        reason = "empty body" if not response.content else f"{type(exc).__name__}: {exc}"
        raise ResponseParseError(response, reason) from exc
    if parsed is None and op.returns_body:
        # The generated parsers answer None for a status the spec does not list.
        raise ResponseParseError(response, f"status {response.status_code} is not one the spec documents here")
    return parsed
