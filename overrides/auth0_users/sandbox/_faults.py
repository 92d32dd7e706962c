"""Rate limits, injected faults and the request log: test controls, all off by default.

They are reachable only from Python (``server.faults``, ``server.requests``), never over HTTP.
Two rate limits can be set: a fixed window (``budget`` requests per ``reset_after`` seconds, for
simple fault tests) or token buckets like Auth0's (``burst`` at once, refilled at ``rate`` per
second): one for the tenant, or the buckets of a plan, per endpoint group (see ``_plans``). Either
answers 429 in Auth0's shape, with no ``Retry-After``, beyond its allowance. The server's clock can
be set off by ``clock_offset`` seconds: ``Date`` and ``X-RateLimit-Reset`` are read from it.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Literal

from ._plans import GLOBAL, Plan, rate_limit_plan

MalformedKind = Literal["truncated", "html", "empty"]
#: What a token bucket's ``X-RateLimit-Reset`` means: when the next token is added (Auth0's
#: current documentation), or when the bucket is full again (older documentation).
ResetMeaning = Literal["next", "full"]

#: What ``X-RateLimit-Limit`` reports when no budget is set; it is reported, not enforced.
DEFAULT_LIMIT = 1000


@dataclass
class _Countdown:
    remaining: int
    methods: frozenset[str] | None = None

    def take(self, method: str) -> bool:
        if self.remaining <= 0 or (self.methods is not None and method not in self.methods):
            return False
        self.remaining -= 1
        return True


@dataclass(frozen=True)
class RateLimitWindow:
    """The rate-limit headers of one response, and whether the request was over budget.

    ``bucket`` names the bucket the request drew from; ``now`` is the server's clock (epoch
    seconds, offset like ``reset``) when it did, for the ``Date`` header.
    """

    limit: int
    remaining: int
    reset: int
    exceeded: bool
    bucket: str = GLOBAL
    now: float = 0.0

    @property
    def message(self) -> str:
        """What a 429 from this bucket says, as Auth0 words it."""
        if self.bucket == GLOBAL:
            return "Global limit has been reached"
        return "Too many requests. Check the X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset headers."


@dataclass
class _Window:
    """``budget`` requests per window of ``reset_after`` seconds; ``None``: reported, not enforced."""

    budget: int | None
    reset_after: float
    start: float
    used: int = 0

    def admit(self, moment: float, offset: float) -> RateLimitWindow:
        if moment - self.start >= self.reset_after:
            windows = math.floor((moment - self.start) / self.reset_after)
            self.start += windows * self.reset_after
            self.used = 0
        self.used += 1
        limit = self.budget if self.budget is not None else DEFAULT_LIMIT
        exceeded = self.budget is not None and self.used > self.budget
        reset = math.ceil(self.start + self.reset_after + offset)
        return RateLimitWindow(limit, max(0, limit - self.used), reset, exceeded, now=moment + offset)


@dataclass
class _Bucket:
    """A token bucket of ``burst`` tokens refilled at ``rate`` per second; a request takes one."""

    name: str
    burst: int
    rate: float
    reset_means: ResetMeaning
    level: float
    at: float

    def admit(self, moment: float, offset: float) -> RateLimitWindow:
        self.level = min(float(self.burst), self.level + self.rate * (moment - self.at))
        self.at = moment
        exceeded = self.level < 1
        if not exceeded:
            self.level -= 1
        # Epoch seconds on the server's clock, rounded up: a token (or the full bucket) is there by then.
        missing = self.burst - self.level if self.reset_means == "full" else 1 - self.level % 1
        reset = math.ceil(moment + offset + missing / self.rate)
        return RateLimitWindow(self.burst, math.floor(self.level), reset, exceeded, self.name, moment + offset)


@dataclass
class _Buckets:
    """The buckets of a plan, each full at first; a request draws from the one its endpoint belongs to."""

    plan: Plan
    buckets: dict[str, _Bucket]

    @classmethod
    def full(cls, plan: Plan, reset_means: ResetMeaning, moment: float) -> _Buckets:
        buckets = [
            _Bucket(limit.name, limit.burst, float(limit.per_second), reset_means, float(limit.burst), moment)
            for limit in plan.buckets
        ]
        return cls(plan, {bucket.name: bucket for bucket in buckets})

    def admit(self, method: str, path: str, moment: float, offset: float) -> RateLimitWindow:
        return self.buckets[self.plan.bucket_for(method, path).name].admit(moment, offset)


@dataclass(frozen=True)
class Decision:
    """What to do with one request before (and after) the API handles it."""

    delay: float = 0.0
    drop: bool = False
    fail_status: int | None = None
    malformed: MalformedKind | None = None


class Faults:
    """Fault controls. Each ``*_next`` call queues faults for the next matching requests."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        #: Seconds the server's clock is ahead of this machine's (behind if negative); ``clear`` keeps it.
        self.clock_offset = 0.0
        self.clear()

    def clear(self) -> None:
        """Remove every fault and rate limit."""
        with self._lock:
            self._fails: list[tuple[_Countdown, int]] = []
            self._delays: list[tuple[_Countdown, float]] = []
            self._drops: list[_Countdown] = []
            self._malformed: list[tuple[_Countdown, MalformedKind]] = []
            self._limit: _Window | _Buckets = _Window(None, 1.0, time.time())
            self._token_endpoint = _Window(None, 1.0, time.time())

    def rate_limit(self, budget: int, reset_after: float = 1.0) -> None:
        """Allow ``budget`` requests per window of ``reset_after`` seconds; answer 429 beyond it."""
        with self._lock:
            self._limit = _Window(budget, reset_after, time.time())

    def token_bucket(self, burst: int, rate: float, *, reset: ResetMeaning = "next") -> None:
        """Limit like Auth0: ``burst`` requests at once, refilled at ``rate`` per second; 429 beyond.

        One bucket for every request. The bucket starts full. ``reset`` says what
        ``X-RateLimit-Reset`` reports: ``"next"``, the epoch second by which the next token is added,
        or ``"full"``, by which the bucket is full. ``POST /oauth/token`` is not counted (Auth0 limits
        its Authentication API separately).
        """
        self.plan(Plan.single(burst, rate), reset=reset)

    def plan(self, plan: Plan | str, *, reset: ResetMeaning = "next", scale: float = 1.0) -> None:
        """Limit like an Auth0 plan: its tenant-wide bucket and its buckets per endpoint group, all full.

        ``plan`` is a ``Plan``, a plan's name (``free``, ``enterprise``, ``essentials``...) or
        ``BURST/RATE``. ``scale`` refills every bucket that many times faster (bursts stay), so that
        tests and benchmarks run a plan faster than real time. ``reset`` is as for ``token_bucket``.
        """
        scaled = rate_limit_plan(plan).scaled(scale)
        if reset not in ("next", "full"):
            raise ValueError(f"reset must be 'next' or 'full', got {reset!r}")
        with self._lock:
            self._limit = _Buckets.full(scaled, reset, time.time())

    def offset_clock(self, seconds: float) -> None:
        """Run the server's clock ``seconds`` ahead of this machine's (behind if negative)."""
        if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not math.isfinite(seconds):
            raise ValueError(f"a clock offset is a number of seconds, got {seconds!r}")
        with self._lock:
            self.clock_offset = float(seconds)

    def fail_next(self, n: int = 1, status: int = 503, methods: Iterable[str] | None = None) -> None:
        """Answer the next ``n`` requests (of ``methods``, if given) with ``status``."""
        with self._lock:
            self._fails.append((_Countdown(n, _methods(methods)), status))

    def delay(self, seconds: float, n: int = 1) -> None:
        """Hold the next ``n`` requests for ``seconds`` before answering them."""
        with self._lock:
            self._delays.append((_Countdown(n), seconds))

    def drop_next(self, n: int = 1) -> None:
        """Close the connection in the middle of the next ``n`` responses."""
        with self._lock:
            self._drops.append(_Countdown(n))

    def malformed_next(self, n: int = 1, kind: MalformedKind = "truncated") -> None:
        """Spoil the body of the next ``n`` responses: cut JSON, an HTML page, or nothing."""
        if kind not in ("truncated", "html", "empty"):
            raise ValueError(f"unknown kind {kind!r}")
        with self._lock:
            self._malformed.append((_Countdown(n), kind))

    def decide(self, method: str) -> Decision:
        """Consume the faults that apply to one request and say what they are."""
        with self._lock:
            delay = next((seconds for count, seconds in self._delays if count.take(method)), 0.0)
            drop = any(count.take(method) for count in self._drops)
            status = next((status for count, status in self._fails if count.take(method)), None)
            kind = next((kind for count, kind in self._malformed if count.take(method)), None)
        return Decision(delay=delay, drop=drop, fail_status=status, malformed=kind)

    def admit(self, method: str, path: str) -> RateLimitWindow:
        """Count one request (``path`` as sent) against its bucket and return its headers' values.

        The token endpoint has a window of its own, reported and never enforced.
        """
        with self._lock:
            moment, offset = time.time(), self.clock_offset
            if path == "/oauth/token":
                return self._token_endpoint.admit(moment, offset)
            if isinstance(self._limit, _Window):
                return self._limit.admit(moment, offset)
            return self._limit.admit(method, path, moment, offset)


def _methods(methods: Iterable[str] | None) -> frozenset[str] | None:
    return None if methods is None else frozenset(method.upper() for method in methods)


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the sandbox received it; ``path`` is decoded, ``raw_path`` as sent.

    ``at`` is when it arrived (epoch seconds) and ``status`` the status it was answered with.
    """

    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes
    raw_path: str = ""
    at: float = 0.0
    status: int | None = None


@dataclass
class RequestLog:
    """The requests the sandbox received while recording was on (it is off by default)."""

    enabled: bool = False
    entries: list[RecordedRequest] = field(default_factory=list)

    def start(self) -> RequestLog:
        """Start recording (keeping what was recorded so far) and return the log."""
        self.enabled = True
        return self

    def stop(self) -> None:
        """Stop recording."""
        self.enabled = False

    def clear(self) -> None:
        """Forget the recorded requests and stop recording."""
        self.enabled = False
        self.entries = []

    def add(self, request: RecordedRequest) -> None:
        """Record a request if recording is on."""
        if self.enabled:
            self.entries.append(request)

    def answered(self, request: RecordedRequest, status: int) -> None:
        """Note the status ``request`` (recorded on arrival) was answered with."""
        for index in range(len(self.entries) - 1, -1, -1):
            if self.entries[index] is request:
                self.entries[index] = replace(request, status=status)
                return

    def __iter__(self) -> Iterator[RecordedRequest]:
        return iter(list(self.entries))

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, index: int) -> RecordedRequest:
        return self.entries[index]
