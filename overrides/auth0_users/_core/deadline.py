"""``timeout`` as a deadline for each attempt of a call: connect, send, headers and body together.

httpx applies its timeouts to each network operation, so a server that sends a byte a second
never trips them. So every attempt gets a deadline, token request included when one is needed.
Async code enforces it by cancelling (``asyncio.timeout``), whatever the transport. Sync code
cannot be cancelled: a trace hook bounds each read and write on the connections its requests
open (httpx's own transport, or any ``httpx.Client`` on it) by the time left. The auth flows
note which request is out (``sending``), so that an expired attempt can say what it was waiting for
and whether the API request had left.
"""

from __future__ import annotations

import time
from contextvars import ContextVar, Token
from typing import Any, NamedTuple

import httpx

_CURRENT: ContextVar[Attempt | None] = ContextVar("auth0_users_attempt", default=None)
_STREAM_EVENTS = (".connect_tcp.complete", ".connect_unix_socket.complete", ".start_tls.complete")


class DeadlineExceeded(httpx.TimeoutException):
    """An attempt outlasted its deadline."""


class AttemptLimits(NamedTuple):
    """What a client's ``timeout`` allows each attempt, worked out once per client."""

    seconds: float | None
    """The deadline: the longest of ``timeout``'s limits, or ``None`` when one is unlimited."""
    phases: dict[str, float | None]
    """httpx's limit per phase (``connect``, ``read``, ``write``, ``pool``)."""

    @classmethod
    def of(cls, timeout: httpx.Timeout) -> AttemptLimits:
        """The limits ``timeout`` sets."""
        phases = timeout.as_dict()
        unlimited = any(limit is None for limit in phases.values())
        return cls(None if unlimited else max(limit for limit in phases.values() if limit is not None), phases)


class Attempt:
    """One attempt of a call, and the context it runs in: when it must end, and the request out now.

    ``request`` is ``None`` while a token is awaited.
    """

    __slots__ = ("_token", "api_request", "ends_at", "limits", "request", "seconds")

    def __init__(self, limits: AttemptLimits, api_request: httpx.Request) -> None:
        self.seconds = limits.seconds
        self.ends_at = None if self.seconds is None else time.monotonic() + self.seconds
        self.limits = limits.phases
        self.api_request = api_request
        self.request: httpx.Request | None = api_request
        self._token: Token[Attempt | None] | None = None

    def __enter__(self) -> Attempt:
        self._token = _CURRENT.set(self)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._token is not None:
            _CURRENT.reset(self._token)

    @property
    def api_request_out(self) -> bool:
        """Whether the API request has gone out (as far as anyone noted; with no note, it has)."""
        return self.request is self.api_request

    def expired(self) -> bool:
        """Whether the deadline has passed."""
        return self.ends_at is not None and time.monotonic() >= self.ends_at

    def phase_limits(self) -> dict[str, float | None]:
        """The limit of each of httpx's phases, cut to the time left; raises ``DeadlineExceeded`` when none is."""
        left = self.left(None)
        if left is None:
            return dict(self.limits)
        return {phase: left if limit is None or limit > left else limit for phase, limit in self.limits.items()}

    def left(self, limit: float | None) -> float | None:
        """``limit`` cut to the time left; raises ``DeadlineExceeded`` when none is."""
        if self.ends_at is None:
            return limit
        left = self.ends_at - time.monotonic()
        if left <= 0:
            raise DeadlineExceeded(f"the {self.seconds:g} s deadline passed")
        return left if limit is None else min(limit, left)


def sending(request: httpx.Request | None) -> None:
    """Note that ``request`` goes out now (``None``: a token is awaited), its time limits cut to the time left."""
    current = _CURRENT.get()
    if current is None:
        return
    current.request = request
    if request is not None:
        request.extensions["timeout"] = current.phase_limits()


def bound_new_connections(event: str, info: dict[str, Any]) -> None:
    """The ``trace`` hook for httpcore: bound every read and write of a new connection by the attempt's time left."""
    if not event.endswith(_STREAM_EVENTS):
        return
    stream = info["return_value"]
    # httpcore passes these arguments by position and by name alike: the same names as its NetworkStream.
    read, write, start_tls = stream.read, stream.write, stream.start_tls

    def bounded_read(max_bytes: int, timeout: float | None = None) -> bytes:
        return read(max_bytes, _time_left(timeout))  # type: ignore[no-any-return]

    def bounded_write(buffer: bytes, timeout: float | None = None) -> None:
        write(buffer, _time_left(timeout))

    def bounded_start_tls(ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None) -> Any:
        return start_tls(ssl_context, server_hostname, _time_left(timeout))

    stream.read, stream.write, stream.start_tls = bounded_read, bounded_write, bounded_start_tls


def _time_left(limit: float | None) -> float | None:
    # The connection serves whichever attempt uses it now: the one current in this thread, if any.
    current = _CURRENT.get()
    return limit if current is None else current.left(limit)
