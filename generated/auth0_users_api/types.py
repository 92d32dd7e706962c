"""Contains some shared types for properties"""

import json
import logging
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, NamedTuple, TypeVar
from urllib.parse import quote

import httpx

logger = logging.getLogger("auth0_users_api")


class Unset:
    """The type of ``UNSET``: a field or argument that is absent, as opposed to ``None`` (null)."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

# What httpx.Client(files=) accepts.
FileContent = IO[bytes] | bytes | str
FileTypes = tuple[str | None, FileContent, str | None] | tuple[str | None, FileContent, str | None, Mapping[str, str]]
RequestFiles = list[tuple[str, FileTypes]]


class File(NamedTuple):
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


# Named tuples, not attrs classes: importing this module (and the package) stays free of attrs,
# which the models need only once a response is parsed.
class Response(NamedTuple, Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


_loads: Callable[[bytes], Any] | None = None


def json_body(response: httpx.Response) -> Any:
    """The response's JSON, decoded with orjson when it is installed (the "fast" extra)."""
    global _loads
    if _loads is None:
        try:
            import orjson

            _loads = orjson.loads
        except ImportError:
            _loads = json.loads
    return _loads(response.content)


ModelT = TypeVar("ModelT")
FieldSpec = tuple[str, str, bool, Callable[[Any], Any] | None]
"""How to read one field: its JSON name, its attribute, whether it is required, its conversion."""


def parse_leniently(cls: type[ModelT], src_dict: Mapping[str, Any], specs: Sequence[FieldSpec]) -> ModelT:
    """Build ``cls`` field by field, when building it at once failed.

    A value that does not convert (an empty date, a string where an object goes) leaves its field
    unset and is kept as it came, in ``additional_properties``, so one odd field does not lose the
    whole answer; a missing or unreadable required field still raises.
    """
    data = dict(src_dict)
    values: dict[str, Any] = {}
    kept: dict[str, Any] = {}
    for wire, name, required, convert in specs:
        if wire not in data:
            if required:
                raise KeyError(wire)
            continue
        raw = data.pop(wire)
        if convert is None:
            values[name] = raw
            continue
        try:
            values[name] = convert(raw)
        except (ValueError, TypeError, AttributeError, KeyError) as error:
            if required:
                raise
            kept[wire] = raw
            logger.debug("%s.%s: kept as sent, it does not parse (%s)", cls.__name__, wire, type(error).__name__)
    instance = cls(**values)
    if hasattr(instance, "additional_properties"):
        instance.additional_properties = {**data, **kept}
    return instance


def model_repr(model: Any) -> str:
    """A model's repr with only the fields that are set (and any extra ones)."""
    from attrs import fields  # a model exists, so attrs is imported already

    shown = [
        f"{field.name}={value!r}"
        for field in fields(type(model))
        if field.name != "additional_properties" and not isinstance(value := getattr(model, field.name), Unset)
    ]
    extra = getattr(model, "additional_properties", None)
    if extra:
        shown.append(f"additional_properties={extra!r}")
    return f"{type(model).__name__}({', '.join(shown)})"


def path_segment(value: object) -> str:
    """``value`` as one percent-encoded path segment; "." and ".." too, which URLs would resolve."""
    text = str(value)
    return text.replace(".", "%2E") if text in (".", "..") else quote(text, safe="")


def http_status(code: int) -> HTTPStatus:
    """The HTTPStatus for ``code``, also for one the standard library does not list (a proxy's 520)."""
    try:
        return HTTPStatus(code)
    except ValueError:
        status = int.__new__(HTTPStatus, code)
        status._name_ = f"STATUS_{code}"
        status._value_ = code
        vars(status).update(phrase="", description="")  # HTTPStatus declares them read-only
        return status


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "http_status",
    "json_body",
    "model_repr",
    "parse_leniently",
    "path_segment",
]
