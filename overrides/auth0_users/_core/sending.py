"""The send loop: pace, send, observe, decide whether to retry, wait; one description, two drivers.

``send_steps`` describes a call as a generator of steps and makes every decision; the sync and
async drivers (``send``, ``asend``) only perform the steps (the pacer's, the HTTP client's, a
sleep), each in its own way.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Generator
from typing import TYPE_CHECKING, Any, NamedTuple

import httpx

from .._ratelimit import RateLimitState
from .deadline import Attempt, AttemptLimits, DeadlineExceeded, bound_new_connections
from .errors import (
    APIConnectionError,
    APITimeoutError,
    APITransportError,
    Auth0Error,
    RateLimitError,
    TokenError,
    TokenQuotaError,
    error_for,
    redact,
)
from .operation import Operation
from .retry import RetryPolicy, is_idempotent, retry_delay
from .transport import httpx_equivalent, sent_to, without_query

if TYPE_CHECKING:
    from ..pacing import Pacer, Ticket, WaitTooLong
    from .connections import Connections

logger = logging.getLogger("auth0_users")
logger.addHandler(logging.NullHandler())

Outcome = httpx.Response | httpx.RequestError | TokenError


class Reserve(NamedTuple):
    """Take a ticket from the pacer for ``endpoint``; the driver answers with it."""

    endpoint: str


class WaitTurn(NamedTuple):
    """Wait until the pacer lets ``ticket`` go; the driver answers None, or the ``WaitTooLong`` it raised."""

    ticket: Ticket


class Send(NamedTuple):
    """Send the request once, under the attempt's deadline; the driver answers ``(outcome, attempt)``."""


class Observe(NamedTuple):
    """Tell the pacer how ``ticket`` went; the driver answers None."""

    ticket: Ticket
    state: RateLimitState | None
    status: int | None


class Sleep(NamedTuple):
    """Wait ``seconds`` before the next try; the driver answers None."""

    seconds: float


Step = Reserve | WaitTurn | Send | Observe | Sleep


class Sender(NamedTuple):
    """What the send loop reads of its client."""

    connections: Connections[Any]
    auth: httpx.Auth
    retry: RetryPolicy
    limits: AttemptLimits
    random: random.Random


def send_steps(sender: Sender, op: Operation, request: httpx.Request) -> Generator[Step, Any, httpx.Response]:
    """Send ``request`` for ``op`` until it succeeds or a typed error says why it cannot."""
    pacer = sender.connections.pacer
    endpoint, started, tries, refusals = f"{op.http_method} {op.path}", time.time(), 0, 0
    while True:
        tries += 1
        # Steps the pacer would answer at once (no ticket needed, no wait, nothing to learn) are not asked for.
        ticket = pacer.free_ticket() or (yield Reserve(endpoint))
        if ticket.wait:
            too_long = yield WaitTurn(ticket)
            if too_long is not None:
                raise _not_sent(request, too_long, tries) from None
        outcome, current = yield Send()
        if isinstance(outcome, httpx.Response):
            reading = RateLimitState.from_headers(outcome.headers)
            if reading is not None:
                sender.connections.rate_limit_seen(outcome)
            if logger.isEnabledFor(logging.DEBUG):
                logger.debug("%s %s → %s (attempt %d)", request.method, request.url.path, outcome.status_code, tries)
            if reading is not None or ticket.sent:
                yield Observe(ticket, reading, outcome.status_code)
            if outcome.is_success:
                return outcome
            refusals += outcome.status_code == 429
        elif ticket.sent:
            yield Observe(ticket, None, None)
        when = _Retry(started=started, refusals=refusals, ticket=ticket)
        yield Sleep(_delay_or_raise(sender, pacer, op, current, tries, outcome, when))


def send(sender: Sender, op: Operation, http: httpx.Client, request: httpx.Request) -> httpx.Response:
    """Drive ``send_steps`` with blocking I/O."""
    pacer = sender.connections.pacer
    request.extensions["trace"] = bound_new_connections  # the deadline, read by read
    steps = send_steps(sender, op, request)
    answer: Any = None
    while True:
        try:
            step = steps.send(answer)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]
        answer = None
        if isinstance(step, Send):
            with Attempt(sender.limits, request) as current:
                try:
                    outcome: Outcome = http.send(request, auth=sender.auth, follow_redirects=False)
                except (httpx.RequestError, TokenError) as error:
                    outcome = error
            answer = (outcome, current)
        elif isinstance(step, Reserve):
            answer = pacer.reserve(step.endpoint)
        elif isinstance(step, WaitTurn):
            from ..pacing import WaitTooLong

            try:
                pacer.wait_turn(step.ticket)
            except WaitTooLong as error:
                answer = error
        elif isinstance(step, Observe):
            pacer.observe(step.ticket, step.state, step.status)
        else:
            time.sleep(step.seconds)


async def asend(sender: Sender, op: Operation, http: httpx.AsyncClient, request: httpx.Request) -> httpx.Response:
    """Drive ``send_steps`` with asyncio."""
    import asyncio  # here, so that the sync client never imports it

    pacer = sender.connections.pacer
    steps = send_steps(sender, op, request)
    answer: Any = None
    while True:
        try:
            step = steps.send(answer)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]
        answer = None
        if isinstance(step, Send):
            with Attempt(sender.limits, request) as current:
                try:
                    async with asyncio.timeout(current.seconds):  # cancels whatever the transport is doing
                        outcome: Outcome = await http.send(request, auth=sender.auth, follow_redirects=False)
                except (httpx.RequestError, TokenError) as error:
                    outcome = error
                except TimeoutError:
                    outcome = DeadlineExceeded(f"the {current.seconds:g} s deadline passed")
            answer = (outcome, current)
        elif isinstance(step, Reserve):
            answer = await pacer.areserve(step.endpoint)
        elif isinstance(step, WaitTurn):
            from ..pacing import WaitTooLong

            try:
                await pacer.await_turn(step.ticket)
            except WaitTooLong as error:
                answer = error
        elif isinstance(step, Observe):
            await pacer.aobserve(step.ticket, step.state, step.status)
        else:
            await asyncio.sleep(step.seconds)


class _Retry(NamedTuple):
    """Where a call stands for the retry decision: when it began, its 429s so far, its latest ticket."""

    started: float
    refusals: int
    ticket: Ticket


def _never_sent(outcome: object, current: Attempt) -> bool:
    """Whether a failed attempt cannot have reached the API: it never left, or no connection was made."""
    if isinstance(outcome, TokenError) or not current.api_request_out:
        return True
    return isinstance(outcome, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)


def _delay_or_raise(  # noqa: PLR0917 (the call's whole state, each a different thing)
    sender: Sender, pacer: Pacer, op: Operation, current: Attempt, tries: int, outcome: Outcome, when: _Retry
) -> float:
    """Seconds to wait before the next try of ``op``; raises the typed error when there is none."""
    if isinstance(outcome, TokenQuotaError):
        outcome.attempts = tries
        raise outcome  # asking again before the quota resets only fails again
    if isinstance(outcome, httpx.RequestError):
        outcome = httpx_equivalent(outcome)
    answer = outcome.response if isinstance(outcome, TokenError) else outcome
    response = answer if isinstance(answer, httpx.Response) else None
    reset_at = None
    if response is not None and response.status_code == 429 and not isinstance(outcome, TokenError):
        reset_at = pacer.local_reset(RateLimitState.from_headers(response.headers))
    delay = retry_delay(
        sender.retry,
        attempt=tries,
        # Asking the token endpoint again is always safe, whatever the API request is.
        idempotent=is_idempotent(op.http_method) or isinstance(outcome, TokenError),
        status=None if response is None else response.status_code,
        headers=None if response is None else response.headers,
        connect_failed=_never_sent(outcome, current),
        paced=pacer.paces,
        reset_at=reset_at,
        # A second 429 says a learned rate was wrong; a given one is trusted to be the tenant's.
        refusals=1 if pacer.rate_given(when.ticket.bucket) else when.refusals,
        sent_at=when.ticket.sent_at or None,
        deadline=when.started + pacer.limits.max_wait,
        now=time.time(),
        jitter=sender.random.random(),
    )
    if delay is None:
        if isinstance(outcome, Auth0Error):
            outcome.attempts = tries
            raise outcome
        if isinstance(outcome, httpx.RequestError):
            raise _transport_error(op, current, outcome, tries) from outcome
        error = error_for(outcome, attempts=tries)
        raise error.expect(reset_at) if isinstance(error, RateLimitError) else error
    why = type(outcome).__name__ if response is None else f"status {response.status_code}"
    where = "token endpoint" if isinstance(outcome, TokenError) else f"{op.http_method} {op.path}"
    logger.info("%s: %s, retry %d in %.2fs", where, why, tries, delay)
    return delay


def _not_sent(request: httpx.Request, error: WaitTooLong, attempts: int) -> RateLimitError:
    """The error for a request the pacer would have held longer than ``max_wait``."""
    response = httpx.Response(429, request=request, json={"error": "Too Many Requests", "message": str(error)})
    return RateLimitError(response, attempts=attempts).expect(error.ready_at)


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
