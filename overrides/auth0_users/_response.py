"""A parsed result together with the HTTP response it came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

import httpx

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RawResponse(Generic[T]):
    """What ``with_raw_response`` calls return: the parsed result and the response itself."""

    parsed: T
    http_response: httpx.Response

    @property
    def status_code(self) -> int:
        """The HTTP status."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response headers (rate-limit headers among them)."""
        return self.http_response.headers
