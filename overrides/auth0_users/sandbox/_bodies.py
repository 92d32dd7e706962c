"""Request bodies checked as the spec's request schemas check them, with Auth0's messages."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from ._errors import bad_body
from ._records import JsonObject

EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE_PATTERN = re.compile(r"^\+[0-9]{1,15}$")

STRING = (str,)
BOOL = (bool,)
OBJECT = (dict,)
NULLABLE_STRING = (str, type(None))


def check_body(body: Any, allowed: Mapping[str, tuple[type, ...]], required: Iterable[str] = ()) -> JsonObject:
    """Return ``body`` when it is an object of the allowed properties and types; 400 otherwise."""
    if not isinstance(body, dict):
        raise bad_body("Expected type object but found type " + type(body).__name__)
    for name in required:
        if name not in body:
            raise bad_body(f"Missing required property: {name}")
    for name, value in body.items():
        if name not in allowed:
            raise bad_body(f"Additional properties not allowed: {name}")
        types = allowed[name]
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise bad_body(
                f"Expected type {types[0].__name__} but found type {type(value).__name__} on property {name}"
            )
    return body


def valid_email(email: str) -> str:
    """``email`` lower-cased, as Auth0 stores it; 400 when it is not an email address."""
    if not EMAIL_PATTERN.match(email):
        raise bad_body(f"Object didn't pass validation for format email: {email}")
    return email.lower()
