"""Everything the package raises about a call.

    Auth0Error
    ├── APIStatusError              a non-2xx answer: status, error_code, message, headers, body
    │   ├── BadRequestError         400
    │   │   └── SearchLimitError    Auth0 serves only the first 1000 results of a search
    │   ├── UnauthorizedError       401
    │   ├── ForbiddenError          403
    │   ├── NotFoundError           404
    │   ├── ConflictError           409
    │   ├── RateLimitError          429, with the reset time
    │   ├── ServerError             5xx
    │   └── TokenError              the token endpoint refused the client or gave no usable token
    ├── APITransportError           no usable answer: connection, timeout, unreadable body
    │   ├── APIConnectionError
    │   │   └── APITimeoutError
    │   └── ResponseParseError      a 2xx whose body is not what the spec says (truncated, HTML, empty)
    ├── OperationUnavailableError   the spec the package was generated from lacks an operation a feature needs
    └── SearchSplitError            search_all cannot cut a search into ranges Auth0 serves in full

Messages carry the method, path, status and Auth0's own message; never a token or secret.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import httpx

from ._ratelimit import Quota

_EXCERPT = 200


def excerpt(content: bytes) -> str:
    """A short, printable start of a body, for messages."""
    text = content[:_EXCERPT].decode("utf-8", errors="replace")
    return text + ("…" if len(content) > _EXCERPT else "")


class Auth0Error(Exception):
    """Base class of every error this package raises about a call."""

    attempts: int = 1

    def __reduce__(self) -> tuple[Any, ...]:
        # Subclasses take a response, not a message: rebuild from the state, not from __init__.
        return (_restore, (type(self), self.args, self.__dict__))


def _restore(cls: type[Auth0Error], args: tuple[Any, ...], state: dict[str, Any]) -> Auth0Error:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class APIStatusError(Auth0Error):
    """The API answered with a non-2xx status."""

    def __init__(self, response: httpx.Response, *, attempts: int = 1) -> None:
        self.response = response
        self.status_code = response.status_code
        self.headers: Mapping[str, str] = response.headers
        self.attempts = attempts
        self.body: Any = None
        try:
            self.body = response.json()
        except ValueError:
            self.body = response.text or None
        details = self.body if isinstance(self.body, dict) else {}
        self.error_code: str | None = details.get("errorCode")
        self.error: str | None = details.get("error")
        described = details.get("message") or details.get("error_description") or details.get("error")
        self.message: str = str(described or excerpt(response.content) or "")
        request = response.request
        where = f"{request.method} {request.url.path}"
        tries = f" after {attempts} attempts" if attempts > 1 else ""
        code = f" [{self.error_code}]" if self.error_code else ""
        super().__init__(f"{where} → {self.status_code}{code}{tries}: {self.message}".rstrip(": "))


class BadRequestError(APIStatusError):
    """400: the request was not valid (Auth0's message says why)."""


class SearchLimitError(BadRequestError):
    """Auth0 serves only the first 1000 results of a user search, however it is paged."""

    HINT = (
        "Auth0 serves only the first 1000 results of a search: narrow the query, or stream every "
        "match with mgmt.users.search_all(q=...), or use a users export job."
    )

    def __init__(self, response: httpx.Response, *, attempts: int = 1) -> None:
        super().__init__(response, attempts=attempts)
        self.args = (f"{self.args[0]} ({self.HINT})",)


class UnauthorizedError(APIStatusError):
    """401: the token is missing, invalid or expired."""


class ForbiddenError(APIStatusError):
    """403: the token lacks a scope the operation needs."""


class NotFoundError(APIStatusError):
    """404: no such user or resource."""


class ConflictError(APIStatusError):
    """409: the resource already exists."""


def _at(when: float) -> str:
    return time.strftime("%H:%M:%S", time.localtime(when))


class RateLimitError(APIStatusError):
    """429: too many requests; ``reset_at`` is when the budget refills (epoch seconds), if known.

    ``expected_at`` is when the budget is expected back on this machine's clock (the reset read
    against the server's ``Date``), if known. A request the pacer did not send because its wait
    would be longer than ``Pacing.max_wait`` raises one too, its message starting "not sent".
    """

    expected_at: float | None = None

    def expect(self, at: float | None) -> RateLimitError:
        """Note when the budget is expected back, in the message too; returns the error."""
        self.expected_at = at
        if at is not None:
            back = f"the server expects the budget back at {_at(at)} (in {max(0.0, at - time.time()):.0f} s)"
            self.args = (f"{self.args[0]}; {back}",)
        return self

    @property
    def reset_at(self) -> float | None:
        """The ``X-RateLimit-Reset`` time, in epoch seconds, if the answer carried one."""
        value = self.headers.get("x-ratelimit-reset")
        try:
            return float(value) if value is not None else None
        except ValueError:
            return None


class ServerError(APIStatusError):
    """5xx, or any status above 599 (a proxy's 520 is a 5xx too)."""


class TokenError(APIStatusError):
    """The token endpoint refused the client, failed, or answered without a usable token.

    The message names the client id and the reason; never the secret, an assertion or a token
    (the body of a successful answer is not kept).
    """

    def __init__(
        self, response: httpx.Response, *, client_id: str, reason: str | None = None, attempts: int = 1
    ) -> None:
        super().__init__(response, attempts=attempts)
        self.client_id = client_id
        if response.is_success:
            self.body = None
        self.message = reason or self.message
        where = f"{response.request.method} {response.request.url.path}"
        self.args = (f"token request for client {client_id!r} failed: {where} → {self.status_code}: {self.message}",)


class TokenQuotaError(TokenError):
    """The token endpoint answered 429 for a used-up M2M token quota (``Auth0-Client-Quota-Limit``).

    ``quota`` names it (``client per_hour``, ``client per_day``, or an organization's), ``limit`` is
    its size and ``resets_at`` when it resets (epoch seconds). It is not retried: asking again
    before then only fails again. Keep tokens in a ``token_cache=`` so that fewer are requested.
    """

    def __init__(self, response: httpx.Response, *, client_id: str, quota: Quota, attempts: int = 1) -> None:
        super().__init__(response, client_id=client_id, attempts=attempts)
        self.quota, self.limit = quota.name, quota.quota
        self.resets_at = time.time() + quota.resets_in
        self.args = (
            f"token request for client {client_id!r} refused: the {quota.name.replace('_', ' ')} token quota"
            f" ({quota.quota} tokens) is used up until {_at(self.resets_at)} (in {quota.resets_in:.0f} s);"
            " share tokens between workers with token_cache=",
        )


class APITransportError(Auth0Error):
    """No usable answer came back.

    ``method`` is the request's HTTP method. ``sent`` is ``False`` when the request never left (the
    connection could not be made), so the server cannot have acted on it, and ``True`` when it
    left and no usable answer came back, so the server may have. The client repeats a POST or
    PATCH only after attempts that never left, so for those ``sent`` covers every attempt.
    """

    def __init__(self, message: str, *, attempts: int = 1, method: str | None = None, sent: bool = True) -> None:
        self.attempts = attempts
        self.method = method
        self.sent = sent
        super().__init__(message)


class APIConnectionError(APITransportError):
    """The connection failed or was dropped."""


class APITimeoutError(APIConnectionError):
    """The server did not answer within the timeout."""


class ResponseParseError(APITransportError):
    """A 2xx answer whose body could not be read as the spec describes."""

    def __init__(self, response: httpx.Response, reason: str) -> None:
        self.response = response
        self.status_code = response.status_code
        kind = response.headers.get("content-type", "no content type")
        body = excerpt(response.content) if response.content else "(empty body)"
        request = response.request
        super().__init__(
            f"{request.method} {request.url.path} → {response.status_code} ({kind}), unreadable body: {reason}; "
            f"body starts: {body!r}",
            method=request.method,
        )


class OperationUnavailableError(Auth0Error, NotImplementedError):
    """A feature needs an operation that the spec this package was generated from does not have."""


class SearchSplitError(Auth0Error):
    """``search_all`` cannot read every match; raised by the package itself, no request failed.

    Either over 1000 matches share one ``created_at`` millisecond (``created_at`` and ``matches``
    say which, and how many), or the matches carry no readable ``created_at`` or ``user_id``.
    """

    def __init__(self, message: str, *, created_at: datetime | None = None, matches: int | None = None) -> None:
        super().__init__(message)
        self.created_at = created_at
        self.matches = matches


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: UnauthorizedError,
    403: ForbiddenError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}


def error_for(response: httpx.Response, *, attempts: int = 1) -> APIStatusError:
    """The error for a non-2xx response: one table, statuses outside it by class."""
    cls = _BY_STATUS.get(response.status_code)
    if cls is None:
        cls = APIStatusError if 300 <= response.status_code < 500 else ServerError
    if cls is BadRequestError and b"first 1000" in response.content:
        cls = SearchLimitError
    return cls(response, attempts=attempts)
