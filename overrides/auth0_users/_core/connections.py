"""What a client shares with its ``with_options`` copies: the HTTP client, rate-limit state, pacer."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Generic, TypeVar

import httpx

if TYPE_CHECKING:
    from ..pacing import Pacer, RateLimits

H = TypeVar("H", httpx.Client, httpx.AsyncClient)


class Connections(Generic[H]):
    """The HTTP client, the latest rate-limit headers and the pacer of a client and its copies.

    The HTTP client is the caller's, or one made on first use (httpx imports its transport when
    a client is built), which only the client that made this object closes. The pacer is the
    caller's, or made on first use too, so that importing the package and making a client cost
    nothing for it.
    """

    def __init__(
        self,
        given: H | None,
        factory: Callable[..., H],
        headers: Mapping[str, str],
        pacing: bool | RateLimits | Pacer,
        tenant: str,
    ) -> None:
        self._made_here = given is None
        self._client: H | None = given
        self._factory: Callable[..., H] = factory
        self.default_headers: Mapping[str, str] | None = dict(headers) if given is None else None
        """The headers the HTTP client made here sends by default (``None``: the client was given)."""
        self._lock = threading.Lock()
        self.rate_limit_headers: httpx.Headers | None = None
        self._pacing = pacing
        self._tenant = tenant
        self._pacer: Pacer | None = None
        if not isinstance(pacing, bool):  # an object was passed: check it now, not at the first call
            self._pacer = self._make_pacer()

    @property
    def pacer(self) -> Pacer:
        pacer = self._pacer
        if pacer is None:
            with self._lock:
                if self._pacer is None:
                    self._pacer = self._make_pacer()
                pacer = self._pacer
        return pacer

    def _make_pacer(self) -> Pacer:
        from ..pacing import Pacer

        pacer = Pacer.from_option(self._pacing)
        pacer.bind(self._tenant)
        return pacer

    def rate_limit_seen(self, response: httpx.Response) -> None:
        """Keep the headers of an answer that carried rate-limit headers (``client.rate_limit``)."""
        if "x-ratelimit-remaining" in response.headers:
            self.rate_limit_headers = response.headers

    def get(self) -> H:
        client = self._client
        if client is None:
            with self._lock:
                if self._client is None:
                    self._client = self._factory(headers=self.default_headers)
                client = self._client
        return client

    def made(self) -> H | None:
        """The HTTP client to close: one made here, if it was made."""
        return self._client if self._made_here else None
