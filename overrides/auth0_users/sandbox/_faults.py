"""Rate limits, injected faults and the request log: test controls, all off by default.

They are reachable only from Python (``server.faults``, ``server.requests``), never over HTTP.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

MalformedKind = Literal["truncated", "html", "empty"]

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
    """The rate-limit headers of one response, and whether the request was over budget."""

    limit: int
    remaining: int
    reset: int
    exceeded: bool


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
        self.clear()

    def clear(self) -> None:
        """Remove every fault and rate-limit budget."""
        with self._lock:
            self._fails: list[tuple[_Countdown, int]] = []
            self._delays: list[tuple[_Countdown, float]] = []
            self._drops: list[_Countdown] = []
            self._malformed: list[tuple[_Countdown, MalformedKind]] = []
            self._budget: int | None = None
            self._reset_after = 1.0
            self._window_start = time.time()
            self._used = 0

    def rate_limit(self, budget: int, reset_after: float = 1.0) -> None:
        """Allow ``budget`` requests per window of ``reset_after`` seconds; answer 429 beyond it."""
        with self._lock:
            self._budget, self._reset_after = budget, reset_after
            self._window_start, self._used = time.time(), 0

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

    def admit(self) -> RateLimitWindow:
        """Count one request against the rate-limit window and return its headers' values."""
        with self._lock:
            moment = time.time()
            if moment - self._window_start >= self._reset_after:
                windows = math.floor((moment - self._window_start) / self._reset_after)
                self._window_start += windows * self._reset_after
                self._used = 0
            self._used += 1
            limit = self._budget if self._budget is not None else DEFAULT_LIMIT
            exceeded = self._budget is not None and self._used > self._budget
            reset = math.ceil(self._window_start + self._reset_after)
            return RateLimitWindow(limit, max(0, limit - self._used), reset, exceeded)


def _methods(methods: Iterable[str] | None) -> frozenset[str] | None:
    return None if methods is None else frozenset(method.upper() for method in methods)


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the sandbox received it; ``path`` is decoded, ``raw_path`` as sent."""

    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes
    raw_path: str = ""


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

    def __iter__(self) -> Iterator[RecordedRequest]:
        return iter(list(self.entries))

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, index: int) -> RecordedRequest:
        return self.entries[index]
