"""The core clients: configuration, then one operation sent and parsed; sync and async I/O drivers."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, Self

import httpx

from .._ratelimit import RateLimitState
from .config import NOT_GIVEN, Shared, check_max_retries, connect, request_headers, timeout_of
from .connections import Connections, H
from .deadline import AttemptLimits
from .operation import Operation
from .requests import parse, prepare
from .response import RawResponse
from .retry import RetryPolicy
from .sending import Sender, asend, send
from .transport import default_async_http_client, default_http_client

if TYPE_CHECKING:
    from ..pacing import Pacer, RateLimits
    from ..token_cache import TokenCache


class CoreClient(Generic[H]):
    """Configuration, request building and response parsing, shared by both clients."""

    _http_factory: Callable[..., H]

    def __init__(
        self,
        *,
        domain: str | None = None,
        base_url: str | None = None,
        token: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        client_assertion_signing_key: str | None = None,
        audience: str | None = None,
        token_url: str | None = None,
        allow_insecure_http: bool = False,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = 3,
        telemetry: bool = True,
        headers: Mapping[str, str] | None = None,
        http_client: H | None = None,
        token_cache: TokenCache | None = None,
        pacing: bool | RateLimits | Pacer = True,
        _shared: Shared[H] | None = None,
    ) -> None:
        # ``_shared`` is how ``with_options`` makes a copy: the original's address, auth and connections.
        self._owns_http = _shared is None
        self._headers = request_headers(telemetry, headers)
        if _shared is None:
            _shared = connect(
                self._http_factory,
                self._headers,
                domain=domain,
                base_url=base_url,
                token=token,
                client_id=client_id,
                client_secret=client_secret,
                client_assertion_signing_key=client_assertion_signing_key,
                audience=audience,
                token_url=token_url,
                allow_insecure_http=allow_insecure_http,
                http_client=http_client,
                token_cache=token_cache,
                pacing=pacing,
            )
        self._shared: Shared[H] = _shared
        self.base_url = _shared.base_url
        self._auth = _shared.auth
        self._http: Connections[H] = _shared.connections
        self._retry = RetryPolicy(max_retries=check_max_retries(max_retries))
        self._timeout = timeout_of(timeout)
        # The HTTP client made here carries the headers of the client that made it; a request sends
        # its own only when they differ (a copy's, or any with an HTTP client passed in).
        same = _shared.connections.default_headers == self._headers
        self._sent_headers = None if same else httpx.Headers(self._headers)
        self._sender = Sender(self._http, self._auth, self._retry, AttemptLimits.of(self._timeout), random.Random())

    def __repr__(self) -> str:
        return f"<{type(self).__name__} base_url={self.base_url!r} auth={self._auth!r}>"

    @property
    def rate_limit(self) -> RateLimitState | None:
        """The rate-limit headers of the latest response that carried any."""
        headers = self._http.rate_limit_headers
        return None if headers is None else RateLimitState.from_headers(headers)

    @property
    def pacer(self) -> Pacer:
        """The pacer of this client and its copies; pass it as ``pacing=`` to share it with another client."""
        return self._http.pacer

    def with_options(self, *, timeout: Any = NOT_GIVEN, max_retries: Any = NOT_GIVEN, headers: Any = NOT_GIVEN) -> Self:
        """A copy with other per-call options, sharing this client's connections and token."""
        return type(self)(
            timeout=self._timeout if timeout is NOT_GIVEN else timeout,
            max_retries=self._retry.max_retries if max_retries is NOT_GIVEN else max_retries,
            headers=self._headers if headers is NOT_GIVEN else {**self._headers, **(headers or {})},
            telemetry=False,  # the headers above carry this client's telemetry, or none
            _shared=self._shared,
        )

    def _prepare(self, op: Operation, path_args: tuple[str, ...], kwargs: Mapping[str, Any]) -> dict[str, Any]:
        """Check the arguments and describe the request; raises before anything is sent."""
        return prepare(op, path_args, kwargs, base_url=self.base_url, headers=self._sent_headers, timeout=self._timeout)


class SyncCoreClient(CoreClient[httpx.Client]):
    """Sends one operation at a time, blocking."""

    _http_factory = staticmethod(default_http_client)

    def close(self) -> None:
        """Close the connections (not those of an ``http_client`` you passed in)."""
        http = self._http.made() if self._owns_http else None
        if http is not None:
            http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _fetch(
        self, op: Operation, path_args: tuple[str, ...], kwargs: Mapping[str, Any], parse_as: Operation | None = None
    ) -> tuple[Any, httpx.Response]:
        http = self._http.get()
        response = send(self._sender, op, http, http.build_request(**self._prepare(op, path_args, kwargs)))
        return parse(parse_as or op, response), response

    def _call(
        self, op: Operation, path_args: tuple[str, ...], kwargs: Mapping[str, Any], parse_as: Operation | None = None
    ) -> Any:
        """Send one operation and return its result, parsed as ``parse_as``'s when given."""
        return self._fetch(op, path_args, kwargs, parse_as)[0]

    def _call_raw(self, op: Operation, path_args: tuple[str, ...], kwargs: Mapping[str, Any]) -> RawResponse[Any]:
        """Send one operation and return the parsed result with the response."""
        return RawResponse(*self._fetch(op, path_args, kwargs))


class AsyncCoreClient(CoreClient[httpx.AsyncClient]):
    """Sends one operation at a time, with asyncio."""

    _http_factory = staticmethod(default_async_http_client)

    async def aclose(self) -> None:
        """Close the connections (not those of an ``http_client`` you passed in)."""
        http = self._http.made() if self._owns_http else None
        if http is not None:
            await http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def _fetch(
        self, op: Operation, path_args: tuple[str, ...], kwargs: Mapping[str, Any], parse_as: Operation | None = None
    ) -> tuple[Any, httpx.Response]:
        http = self._http.get()
        response = await asend(self._sender, op, http, http.build_request(**self._prepare(op, path_args, kwargs)))
        return parse(parse_as or op, response), response

    async def _call(
        self, op: Operation, path_args: tuple[str, ...], kwargs: Mapping[str, Any], parse_as: Operation | None = None
    ) -> Any:
        """Send one operation and return its result, parsed as ``parse_as``'s when given."""
        return (await self._fetch(op, path_args, kwargs, parse_as))[0]

    async def _call_raw(self, op: Operation, path_args: tuple[str, ...], kwargs: Mapping[str, Any]) -> RawResponse[Any]:
        """Send one operation and return the parsed result with the response."""
        return RawResponse(*(await self._fetch(op, path_args, kwargs)))
