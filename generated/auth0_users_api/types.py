"""Contains some shared types for properties"""

import json
from collections.abc import Callable, Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar
from urllib.parse import quote

import httpx
from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# What httpx.Client(files=) accepts.
FileContent = IO[bytes] | bytes | str
FileTypes = tuple[str | None, FileContent, str | None] | tuple[str | None, FileContent, str | None, Mapping[str, str]]
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
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
            from orjson import loads
        except ImportError:
            loads = json.loads
        _loads = loads
    return _loads(response.content)


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
        status.phrase = status.description = ""
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
    "path_segment",
]
