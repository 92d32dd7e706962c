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

    InvalidArgumentError            a ValueError: an argument that cannot be sent, refused before sending

Messages carry the method, path, status and Auth0's own message, cut short when long; never a
token or secret: ``redact`` takes them out of every text an error is made of. Errors pickle
(for process pools, Celery, multiprocessing) without the request they answer.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import httpx

from .._ratelimit import Quota

_EXCERPT = 200
MESSAGE_LIMIT = 1000
"""Characters of Auth0's message an error's text keeps; the whole answer stays in ``body``."""
REDACTED = "<redacted>"
SECRET_FIELDS = ("client_secret", "client_assertion", "access_token", "id_token", "refresh_token", "password")
_SHORTEST_SECRET = 8
_SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})
_FIELD = re.compile(r"(?i)\b(" + "|".join(SECRET_FIELDS) + r")(\\?[\"']?\s*[:=]\s*(?:\\?[\"'])?)([^\s\"'\\&,;}<>]+)")
_BEARER = re.compile(r"(?i)\b(bearer\s+)[\w.~+/=-]+")
_JWT = re.compile(r"\beyJ[\w-]*\.[\w-]+\.[\w-]*")


def redact(text: str, known: Iterable[str] = ()) -> str:
    """``text`` without secrets: the ``known`` values, secret fields' values, bearer tokens and JWTs."""
    for secret in known:
        text = text.replace(secret, REDACTED)
    text = _FIELD.sub(lambda match: match[1] + match[2] + REDACTED, text)
    text = _BEARER.sub(lambda match: match[1] + REDACTED, text)
    return _JWT.sub(REDACTED, text)


def secrets_sent(request: httpx.Request) -> tuple[str, ...]:
    """The secrets ``request`` carried: its credentials, and secret fields of a JSON body."""
    found = []
    credentials = request.headers.get("authorization", "").partition(" ")[2].strip()
    if credentials:
        found.append(credentials)
    if b'"' in request.content and any(name.encode() in request.content for name in SECRET_FIELDS):
        try:
            body = json.loads(request.content)
        except (ValueError, RecursionError):
            body = None
        if isinstance(body, dict):
            found += [value for name in SECRET_FIELDS if isinstance(value := body.get(name), str) and value]
    # Longest first, so that a secret inside another goes after it; too short a value (a test's "t")
    # would blank out ordinary text, and the patterns still catch it in the usual places.
    return tuple(sorted((value for value in found if len(value) >= _SHORTEST_SECRET), key=len, reverse=True))


def _redacted(value: Any, known: tuple[str, ...]) -> Any:
    """A parsed JSON value with every string redacted, and every secret field's value replaced."""
    if isinstance(value, str):
        return redact(value, known)
    if isinstance(value, list):
        return [_redacted(item, known) for item in value]
    if isinstance(value, dict):
        return {
            key: REDACTED if key in SECRET_FIELDS and item is not None else _redacted(item, known)
            for key, item in value.items()
        }
    return value


def shorten(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """``text``, cut at ``limit`` characters with a marker saying how long it was."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… (cut short: {len(text):,} characters in all)"


def excerpt(content: bytes, known: tuple[str, ...] = ()) -> str:
    """A short, printable, redacted start of a body, for messages."""
    text = redact(content[: _EXCERPT * 4].decode("utf-8", errors="replace"), known)[:_EXCERPT]
    return text + ("…" if len(content) > _EXCERPT else "")


def _read_body(response: httpx.Response, known: tuple[str, ...]) -> tuple[Any, str | None]:
    """The redacted body (parsed JSON, else text, else ``None``) and why it could not be parsed, if so."""
    try:
        return _redacted(response.json(), known), None
    except RecursionError:
        return redact(response.text, known), "JSON nested too deeply to read; its text is in .body"
    except ValueError:
        return (redact(response.text, known) or None), None


def safe_headers(headers: httpx.Headers, known: tuple[str, ...]) -> httpx.Headers:
    """``headers`` without cookies or credentials, and with any secret in a value redacted."""
    return httpx.Headers(
        [(name, redact(value, known)) for name, value in headers.multi_items() if name.lower() not in _SECRET_HEADERS]
    )


class Auth0Error(Exception):
    """Base class of every error this package raises about a call."""

    attempts: int = 1

    def __reduce__(self) -> tuple[Any, ...]:
        # Subclasses take a response, not a message: rebuild from the state, not from __init__.
        # The response stays behind: its request carries the token, or the client secret.
        state = {**self.__dict__}
        if "response" in state:
            state["response"] = None
        return (_restore, (type(self), self.args, state))


def _restore(cls: type[Auth0Error], args: tuple[Any, ...], state: dict[str, Any]) -> Auth0Error:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class APIStatusError(Auth0Error):
    """The API answered with a non-2xx status.

    ``body`` is the answer, parsed if it is JSON, else its text; ``message`` is Auth0's message,
    cut short when long (``body`` keeps all of it). Both, and ``headers``, are redacted: no token or
    secret the request carried, and no cookie. ``response`` is the HTTP response, and ``None`` in
    an error that was pickled and unpickled.
    """

    def __init__(self, response: httpx.Response, *, attempts: int = 1) -> None:
        request = response.request
        known = secrets_sent(request)
        self.response: httpx.Response | None = response
        self.status_code = response.status_code
        self.method: str = request.method
        self.headers: httpx.Headers = safe_headers(response.headers, known)
        self.attempts = attempts
        self.body, unreadable = _read_body(response, known)
        details = self.body if isinstance(self.body, dict) else {}
        self.error_code: str | None = _text_or_none(details.get("errorCode"))
        self.error: str | None = _text_or_none(details.get("error"))
        described = details.get("message") or details.get("error_description") or details.get("error")
        self.message: str = shorten(unreadable or str(described or excerpt(response.content, known) or ""))
        where = f"{request.method} {request.url.path}"
        tries = f" after {attempts} attempts" if attempts > 1 else ""
        code = f" [{self.error_code}]" if self.error_code else ""
        super().__init__(f"{where} → {self.status_code}{code}{tries}: {self.message}".rstrip(": "))


def _text_or_none(value: Any) -> str | None:
    return shorten(value, 200) if isinstance(value, str) else None


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
    would be longer than ``RateLimits.max_wait`` raises one too, its message starting "not sent".
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

    The message names the client id and the reason, with a hint at what to check when the client
    was refused; never the secret, an assertion or a token (the body of a successful answer is
    not kept).
    """

    def __init__(
        self, response: httpx.Response, *, client_id: str, reason: str | None = None, attempts: int = 1
    ) -> None:
        super().__init__(response, attempts=attempts)
        self.client_id = client_id
        if response.is_success:
            self.body = None
        self.message = reason or self.message
        hint = _credentials_hint(self.status_code, client_id, assertion=b"client_assertion" in response.request.content)
        where = f"{response.request.method} {response.request.url.path}"
        self.args = (
            f"token request for client {client_id!r} failed: {where} → {self.status_code}: {self.message}{hint}",
        )


def _credentials_hint(status: int, client_id: str, *, assertion: bool) -> str:
    """What to check when the token endpoint refuses a client: Auth0 answers 401 or 403 ``access_denied``."""
    if status == 401:
        credential = "the key that signs the client assertion" if assertion else "client secret"
        return (
            f" (check the client id and {credential}, and that the application is authorized for the Auth0 "
            "Management API)"
        )
    if status == 403:
        return (
            f" (authorize the application {client_id!r} for the Auth0 Management API in the dashboard, under "
            "Applications → APIs → Auth0 Management API → Machine to Machine Applications, with the scopes it "
            "needs, such as read:users and update:users)"
        )
    return ""


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
    connection could not be made, or the token request before it failed), so the server cannot
    have acted on it, and ``True`` when it
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
        self.response: httpx.Response | None = response
        self.status_code = response.status_code
        kind = response.headers.get("content-type", "no content type")
        request = response.request
        known = secrets_sent(request)
        body = excerpt(response.content, known) if response.content else "(empty body)"
        super().__init__(
            f"{request.method} {request.url.path} → {response.status_code} ({kind}), unreadable body: "
            f"{redact(reason, known)}; body starts: {body!r}",
            method=request.method,
        )


class OperationUnavailableError(Auth0Error, NotImplementedError):
    """A feature needs an operation that the spec this package was generated from does not have."""


class InvalidArgumentError(ValueError):
    """An argument the client cannot send (an id too long for a URL, a number out of range); nothing was sent."""


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
