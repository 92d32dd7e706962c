"""The clients: configuration, request building and parsing shared; only the I/O loop twice."""

from __future__ import annotations

import base64
import functools
import json
import logging
import random
import sys
import threading
import time
from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

import httpx
from auth0_users_api.types import UNSET, Unset

from ._address import client_addresses
from ._auth import BearerToken, ClientCredentials
from ._deadline import Attempt, DeadlineExceeded, attempt, bound_new_connections
from ._errors import (
    APIConnectionError,
    APITimeoutError,
    APITransportError,
    Auth0Error,
    InvalidArgumentError,
    RateLimitError,
    ResponseParseError,
    TokenError,
    TokenQuotaError,
    error_for,
    redact,
)
from ._operation import Operation, check_bounds, endpoint, query_value
from ._pager import AsyncPager, SyncPager
from ._ratelimit import RateLimitState
from ._response import RawResponse
from ._retry import RetryPolicy, retry_delay
from ._transport import as_httpx_names_it, default_async_http_client, sent_to, without_query
from ._version import __version__

if TYPE_CHECKING:
    from ._users_async import AsyncUsers
    from ._users_sync import Users
    from .pacing import Pacer, RateLimits, Ticket, WaitTooLong
    from .token_cache import TokenCache

logger = logging.getLogger("auth0_users")
logger.addHandler(logging.NullHandler())

DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=5.0)
_PYTHON = "{}.{}.{}".format(*sys.version_info[:3])


class _ParseContext:
    """What the generated parsers read of their client: statuses are checked before parsing."""

    raise_on_unexpected_status = False


_PARSE_CONTEXT: Any = _ParseContext()


class _NotGiven:
    """Marks an option the caller did not pass, as opposed to one passed as ``None``."""

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Any = _NotGiven()


def _jsonable(value: Any) -> Any:
    """The JSON form of what a caller may pass: models, enums, mappings, sequences, dates."""
    if isinstance(value, Enum):
        return value.value
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, Mapping):
        for key in value:
            if not isinstance(key, str):  # str() would turn 1 and "1" into one key, losing a value
                raise TypeError(f"JSON object keys are strings, got the key {key!r} ({type(key).__name__})")
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _never_sent(outcome: object, current: Attempt) -> bool:
    """Whether a failed attempt cannot have reached the API: it never left, or no connection was made."""
    if isinstance(outcome, TokenError) or not current.api_request_out:
        return True
    return isinstance(outcome, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)


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


H = TypeVar("H", httpx.Client, httpx.AsyncClient)


class _Connections(Generic[H]):
    """What a client shares with its ``with_options`` copies: the HTTP client, rate-limit state, pacer.

    The HTTP client is the caller's, or one made on first use (httpx imports its transport when
    a client is built), which only the client that made this object closes. The pacer is the
    caller's, or made on first use too, so that importing the package and making a client cost
    nothing for it.
    """

    def __init__(
        self, given: H | None, factory: Callable[[], H], pacing: bool | RateLimits | Pacer, tenant: str
    ) -> None:
        self._made_here = given is None
        self._client: H | None = given
        self._factory: Callable[[], H] = factory
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
        from .pacing import Pacer

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
                    self._client = self._factory()
                client = self._client
        return client

    def made(self) -> H | None:
        """The HTTP client to close: one made here, if it was made."""
        return self._client if self._made_here else None


def _check_max_retries(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"max_retries must be an integer of zero or more, got {value!r}")
    return value


def _telemetry() -> str:
    info = {"name": "auth0-users", "version": __version__, "env": {"python": _PYTHON}}
    return base64.urlsafe_b64encode(json.dumps(info, separators=(",", ":")).encode()).decode()


class _BaseClient(Generic[H]):
    """Configuration, request building and response parsing, shared by both clients."""

    _http_factory: Callable[[], H]

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
    ) -> None:
        addresses = client_addresses(
            domain=domain, base_url=base_url, token_url=token_url, allow_insecure_http=allow_insecure_http
        )
        self._http: _Connections[H] = _Connections(http_client, self._http_factory, pacing, addresses.origin)
        self._owns_http = True
        self.base_url = addresses.base_url
        if token is not None:
            if not isinstance(token, str) or not token:
                raise TypeError("token must be a non-empty string")
            if token_url is not None:
                raise TypeError("token_url is for client_id= and client_secret=; a static token is sent as given")
            if token_cache is not None:
                raise TypeError("token_cache= keeps client-credentials tokens; it has no use with a static token=")
            self._auth: httpx.Auth = BearerToken(token)
        elif client_id and (client_secret or client_assertion_signing_key):
            self._auth = ClientCredentials(
                token_url=addresses.token_url,
                client_id=client_id,
                client_secret=client_secret,
                signing_key=client_assertion_signing_key,
                audience=audience or addresses.origin + "/api/v2/",
                cache=token_cache,
            )
        else:
            raise TypeError("pass token=..., or client_id=... with client_secret=... (or a client assertion key)")
        self._retry = RetryPolicy(max_retries=_check_max_retries(max_retries))
        self._timeout = DEFAULT_TIMEOUT if timeout is None else httpx.Timeout(timeout)
        self._headers = {"User-Agent": f"auth0-users/{__version__} python/{_PYTHON}"}
        if telemetry:
            self._headers["Auth0-Client"] = _telemetry()
        self._headers.update(headers or {})
        self._random = random.Random()

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
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone.__dict__.pop("users", None)  # the copy's resources call the copy
        clone._owns_http = False  # closing a copy leaves the connections to the original
        if timeout is not NOT_GIVEN:
            clone._timeout = DEFAULT_TIMEOUT if timeout is None else httpx.Timeout(timeout)
        if max_retries is not NOT_GIVEN:
            clone._retry = self._retry._replace(max_retries=_check_max_retries(max_retries))
        if headers is not NOT_GIVEN:
            clone._headers = {**self._headers, **(headers or {})}
        return clone

    def _prepare(self, op: Operation, path_args: tuple[str, ...], kwargs: Mapping[str, Any]) -> dict[str, Any]:
        """Check the arguments and describe the request; raises before anything is sent."""
        for name, value in zip(op.path_params, path_args, strict=True):
            if not isinstance(value, str):
                raise TypeError(f"{op.key}: {name} must be a string, got {type(value).__name__}")
            if not value.strip():
                raise InvalidArgumentError(f"{op.key}: {name} must not be empty")
            if value in (".", ".."):
                # No Auth0 id is a dot segment; "../roles" and the like stay encoded in one segment.
                raise InvalidArgumentError(f"{op.key}: {name} cannot be {value!r}")
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
                array_body = [_jsonable(item) for item in value]
            elif argument.kind == "body":
                try:
                    body[argument.wire] = _jsonable(value)
                except TypeError as error:
                    raise TypeError(f"{op.key}: {argument.name}: {error}") from None
            else:
                endpoint_args[argument.field] = query_value(op, argument, value)
        described: dict[str, Any] = endpoint(op)._get_kwargs(*path_args, **endpoint_args)
        if op.body == "array":
            described["json"] = array_body
        elif op.body == "object":
            described["json"] = body
        described["headers"] = {**self._headers, **described.get("headers", {})}
        try:  # parsed here, once: arguments that make no URL fail before anything is sent, pagers too
            described["url"] = httpx.URL(self.base_url + described["url"], params=described.pop("params", None))
        except httpx.InvalidURL as error:
            raise _unsendable(op, path_args, kwargs, error) from None
        described["method"] = described["method"].upper()
        described["timeout"] = self._timeout
        return described

    def _parse(self, op: Operation, response: httpx.Response) -> Any:
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

    def _answered(self, response: httpx.Response, attempt: int) -> None:
        self._http.rate_limit_seen(response)
        if logger.isEnabledFor(logging.DEBUG):
            request = response.request
            logger.debug("%s %s → %s (attempt %d)", request.method, request.url.path, response.status_code, attempt)

    def _delay_or_raise(
        self,
        op: Operation,
        current: Attempt,
        tries: int,
        outcome: httpx.Response | httpx.RequestError | TokenError,
        *,
        ticket: Ticket,
        started: float,
        refusals: int,
    ) -> float:
        """Seconds to wait before the next try of ``op``; raises the typed error when there is none."""
        if isinstance(outcome, TokenQuotaError):
            outcome.attempts = tries
            raise outcome  # asking again before the quota resets only fails again
        if isinstance(outcome, httpx.RequestError):
            outcome = as_httpx_names_it(outcome)
        answer = outcome.response if isinstance(outcome, TokenError) else outcome
        response = answer if isinstance(answer, httpx.Response) else None
        pacer = self._http.pacer
        reset_at = None
        if response is not None and response.status_code == 429 and not isinstance(outcome, TokenError):
            reset_at = pacer.local_reset(RateLimitState.from_headers(response.headers))
        delay = retry_delay(
            self._retry,
            attempt=tries,
            # Asking the token endpoint again is always safe, whatever the API request is.
            idempotent=op.idempotent or isinstance(outcome, TokenError),
            status=None if response is None else response.status_code,
            headers=None if response is None else response.headers,
            connect_failed=_never_sent(outcome, current),
            paced=pacer.paces,
            reset_at=reset_at,
            # A second 429 says a learned rate was wrong; a given one is trusted to be the tenant's.
            refusals=1 if pacer.rate_given(ticket.bucket) else refusals,
            sent_at=ticket.sent_at or None,
            deadline=started + pacer.limits.max_wait,
            now=time.time(),
            jitter=self._random.random(),
        )
        if delay is None:
            if isinstance(outcome, Auth0Error):
                outcome.attempts = tries
                raise outcome
            if isinstance(outcome, httpx.RequestError):
                raise self._transport_error(op, current, outcome, tries) from outcome
            error = error_for(outcome, attempts=tries)
            raise error.expect(reset_at) if isinstance(error, RateLimitError) else error
        why = type(outcome).__name__ if response is None else f"status {response.status_code}"
        where = "token endpoint" if isinstance(outcome, TokenError) else f"{op.http_method} {op.path}"
        logger.info("%s: %s, retry %d in %.2fs", where, why, tries, delay)
        return delay

    @staticmethod
    def _not_sent(request: httpx.Request, error: WaitTooLong, attempts: int) -> RateLimitError:
        """The error for a request the pacer would have held longer than ``max_wait``."""
        response = httpx.Response(429, request=request, json={"error": "Too Many Requests", "message": str(error)})
        return RateLimitError(response, attempts=attempts).expect(error.ready_at)

    @staticmethod
    def _transport_error(op: Operation, current: Attempt, error: httpx.RequestError, attempts: int) -> Auth0Error:
        cls: type[APITransportError] = APITransportError  # an undecodable body, too many redirects
        if isinstance(error, httpx.TimeoutException):
            cls = APITimeoutError
        elif isinstance(error, httpx.TransportError):
            cls = APIConnectionError
        tries = f" after {attempts} attempts" if attempts > 1 else ""
        sent = not _never_sent(error, current)
        if isinstance(error, DeadlineExceeded) or (cls is APITimeoutError and current.expired()):
            if current.request is None:
                what = "still waiting for a token at"
            elif current.api_request_out:
                what = "no complete answer within"
            else:
                what = f"the token request ({without_query(current.request)}) did not finish within"
            message = (
                f"{without_query(current.api_request)}: {what} timeout={current.seconds:g} s, the deadline for "
                f"each attempt (connect, send, headers and body){tries}"
            )
            return APITimeoutError(message, attempts=attempts, method=op.http_method, sent=sent)
        where = sent_to(error, unknown=f"{op.http_method} {op.path}")
        message = f"{where}: {type(error).__name__}{tries}: {redact(str(error))}"
        return cls(message, attempts=attempts, method=op.http_method, sent=sent)


class ManagementClient(_BaseClient[httpx.Client]):
    """Synchronous client for the Users API of an Auth0 tenant.

    Pass ``domain`` (``TENANT.REGION.auth0.com``) or ``base_url`` (``https://HOST/api/v2``), and
    either a ``token`` or ``client_id`` with ``client_secret`` for the client-credentials grant
    (tokens from ``/oauth/token`` on the API's origin, or from ``token_url``). Addresses are checked
    before anything is sent; plain ``http://`` is refused beyond loopback unless
    ``allow_insecure_http=True``, which logs a warning. Redirects are never followed.
    ``max_retries`` bounds retries of rate-limited, failed idempotent or unsent requests.
    Pass ``http_client`` to reuse your own ``httpx.Client`` (it is not closed by ``close()``), and
    ``token_cache`` (``auth0_users.token_cache``) to share client-credentials tokens across clients
    and processes. ``pacing`` spaces requests to the tenant's rate limit: ``True`` learns it from
    the responses, ``False`` turns pacing off, a ``RateLimits(burst=..., rate=...)`` gives it, and a
    ``Pacer`` (``mgmt.pacer``) is shared with another client.
    """

    _http_factory = httpx.Client

    @functools.cached_property
    def users(self) -> Users:
        """Operations on users: ``mgmt.users.get(...)``, ``mgmt.users.roles.assign(...)``, ..."""
        from ._users_sync import Users

        return Users(self)

    def close(self) -> None:
        """Close the connections (not those of an ``http_client`` you passed in)."""
        http = self._http.made() if self._owns_http else None
        if http is not None:
            http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _send(self, op: Operation, http: httpx.Client, request: httpx.Request) -> httpx.Response:
        from .pacing import WaitTooLong

        pacer = self._http.pacer
        request.extensions["trace"] = bound_new_connections  # the deadline, read by read
        endpoint, started, tries, refusals = f"{op.http_method} {op.path}", time.time(), 0, 0
        while True:
            tries += 1
            ticket = pacer.reserve(endpoint)
            try:
                pacer.wait_turn(ticket)
            except WaitTooLong as error:
                raise self._not_sent(request, error, tries) from None
            with attempt(self._timeout, request) as current:
                try:
                    response = http.send(request, auth=self._auth, follow_redirects=False)
                except (httpx.RequestError, TokenError) as error:
                    outcome: httpx.Response | httpx.RequestError | TokenError = error
                else:
                    outcome = response
            if isinstance(outcome, httpx.Response):
                self._answered(outcome, tries)
                pacer.observe(ticket, RateLimitState.from_headers(outcome.headers), outcome.status_code)
                if outcome.is_success:
                    return outcome
                refusals += outcome.status_code == 429
            else:
                pacer.observe(ticket, None, None)
            delay = self._delay_or_raise(op, current, tries, outcome, ticket=ticket, started=started, refusals=refusals)
            time.sleep(delay)

    def _fetch(
        self, op: Operation, path_args: tuple[str, ...], kwargs: Mapping[str, Any], parse_as: Operation | None = None
    ) -> tuple[Any, httpx.Response]:
        http = self._http.get()
        response = self._send(op, http, http.build_request(**self._prepare(op, path_args, kwargs)))
        return self._parse(parse_as or op, response), response

    def _call(
        self, op: Operation, path_args: tuple[str, ...], kwargs: Mapping[str, Any], parse_as: Operation | None = None
    ) -> Any:
        """Send one operation and return its result, parsed as ``parse_as``'s when given."""
        return self._fetch(op, path_args, kwargs, parse_as)[0]

    def _call_raw(self, op: Operation, path_args: tuple[str, ...], kwargs: Mapping[str, Any]) -> RawResponse[Any]:
        """Send one operation and return the parsed result with the response."""
        return RawResponse(*self._fetch(op, path_args, kwargs))

    def _paginate(self, op: Operation, path_args: tuple[str, ...], kwargs: Mapping[str, Any]) -> SyncPager[Any]:
        """A lazy pager over a list operation."""
        self._prepare(op, path_args, kwargs)  # bad arguments fail here, not at the first page
        return SyncPager(self._fetch, op, path_args, kwargs)


class AsyncManagementClient(_BaseClient[httpx.AsyncClient]):
    """Asynchronous client for the Users API of an Auth0 tenant; see ``ManagementClient``.

    With the ``fast`` extra installed it sends on httpx's aiohttp transport, unless you pass an
    ``http_client`` of your own.
    """

    _http_factory = staticmethod(default_async_http_client)

    @functools.cached_property
    def users(self) -> AsyncUsers:
        """Operations on users: ``await amgmt.users.get(...)``, ``async for u in amgmt.users.list()``."""
        from ._users_async import AsyncUsers

        return AsyncUsers(self)

    async def aclose(self) -> None:
        """Close the connections (not those of an ``http_client`` you passed in)."""
        http = self._http.made() if self._owns_http else None
        if http is not None:
            await http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def _send(self, op: Operation, http: httpx.AsyncClient, request: httpx.Request) -> httpx.Response:
        import asyncio  # here, so that the sync client never imports it

        from .pacing import WaitTooLong

        pacer = self._http.pacer
        endpoint, started, tries, refusals = f"{op.http_method} {op.path}", time.time(), 0, 0
        while True:
            tries += 1
            ticket = await pacer.areserve(endpoint)
            try:
                await pacer.await_turn(ticket)
            except WaitTooLong as error:
                raise self._not_sent(request, error, tries) from None
            with attempt(self._timeout, request) as current:
                try:
                    async with asyncio.timeout(current.seconds):  # cancels whatever the transport is doing
                        response = await http.send(request, auth=self._auth, follow_redirects=False)
                except (httpx.RequestError, TokenError) as error:
                    outcome: httpx.Response | httpx.RequestError | TokenError = error
                except TimeoutError:
                    outcome = DeadlineExceeded(f"the {current.seconds:g} s deadline passed")
                else:
                    outcome = response
            if isinstance(outcome, httpx.Response):
                self._answered(outcome, tries)
                await pacer.aobserve(ticket, RateLimitState.from_headers(outcome.headers), outcome.status_code)
                if outcome.is_success:
                    return outcome
                refusals += outcome.status_code == 429
            else:
                await pacer.aobserve(ticket, None, None)
            delay = self._delay_or_raise(op, current, tries, outcome, ticket=ticket, started=started, refusals=refusals)
            await asyncio.sleep(delay)

    async def _fetch(
        self, op: Operation, path_args: tuple[str, ...], kwargs: Mapping[str, Any], parse_as: Operation | None = None
    ) -> tuple[Any, httpx.Response]:
        http = self._http.get()
        response = await self._send(op, http, http.build_request(**self._prepare(op, path_args, kwargs)))
        return self._parse(parse_as or op, response), response

    async def _call(
        self, op: Operation, path_args: tuple[str, ...], kwargs: Mapping[str, Any], parse_as: Operation | None = None
    ) -> Any:
        """Send one operation and return its result, parsed as ``parse_as``'s when given."""
        return (await self._fetch(op, path_args, kwargs, parse_as))[0]

    async def _call_raw(self, op: Operation, path_args: tuple[str, ...], kwargs: Mapping[str, Any]) -> RawResponse[Any]:
        """Send one operation and return the parsed result with the response."""
        return RawResponse(*(await self._fetch(op, path_args, kwargs)))

    def _paginate(self, op: Operation, path_args: tuple[str, ...], kwargs: Mapping[str, Any]) -> AsyncPager[Any]:
        """A lazy pager over a list operation."""
        self._prepare(op, path_args, kwargs)
        return AsyncPager(self._fetch, op, path_args, kwargs)
