"""A parsed result together with the HTTP response it came from."""

from __future__ import annotations

from typing import Generic, TypeVar

import httpx

T = TypeVar("T")


class RawResponse(Generic[T]):
    """What ``with_raw_response`` calls return: the parsed result and the response itself."""

    __slots__ = ("http_response", "parsed")

    def __init__(self, parsed: T, http_response: httpx.Response) -> None:
        self.parsed = parsed
        self.http_response = http_response

    def __repr__(self) -> str:
        return f"RawResponse(status_code={self.status_code}, parsed={self.parsed!r})"

    @property
    def status_code(self) -> int:
        """The HTTP status."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response headers (rate-limit headers among them)."""
        return self.http_response.headers
