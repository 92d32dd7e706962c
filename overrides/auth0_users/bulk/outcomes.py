"""What became of each item: its :class:`Outcome`, the run's :class:`Report` and its :class:`Progress`.

:func:`status_of` decides whether an error leaves a write failed or its effect unknown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from enum import StrEnum
from typing import Any, Final, Generic, NamedTuple, TypeVar, overload

import attrs

from .._core.errors import APIStatusError, APITransportError, TokenError
from .._core.retry import IDEMPOTENT_METHODS

ItemT = TypeVar("ItemT")
ResultT = TypeVar("ResultT")


class Status(StrEnum):
    """What became of one item."""

    DONE = "done"
    FAILED = "failed"
    UNKNOWN = "unknown"
    NOT_ATTEMPTED = "not_attempted"


@attrs.frozen
class Outcome(Generic[ItemT, ResultT]):
    """One item's outcome.

    ``index`` is the item's position in the input; ``result`` is what the operation (or a settle
    function) returned, for ``done``; ``error`` is what the operation raised in this run and
    ``reason`` a one-line account of it (kept in the journal, so resumed outcomes have it too);
    ``key`` is the journal key (``None`` without a journal); ``resumed`` marks an outcome taken
    from the journal of an earlier run; ``settled`` one that a settle function decided.
    """

    index: int
    item: ItemT
    status: Status
    result: ResultT | None = None
    error: BaseException | None = None
    reason: str | None = None
    key: str | None = None
    resumed: bool = False
    settled: bool = False


class Progress(NamedTuple):
    """Counts so far, given to the ``progress`` callback after each outcome, with that outcome.

    ``total`` is the number of items when known (``len(items)`` or the ``total=`` given);
    ``resumed`` counts the outcomes taken from the journal (included in the other counts).
    """

    done: int
    failed: int
    unknown: int
    not_attempted: int
    resumed: int
    total: int | None
    outcome: Outcome[Any, Any]

    @property
    def completed(self) -> int:
        """How many items have an outcome."""
        return self.done + self.failed + self.unknown + self.not_attempted


class Report(Sequence[Outcome[ItemT, ResultT]]):
    """Every item's :class:`Outcome`, in input order, with counts by status."""

    def __init__(self, outcomes: list[Outcome[ItemT, ResultT]], *, stopped: bool) -> None:
        self.outcomes = outcomes
        #: Whether ``stop_on_error`` ended the run early.
        self.stopped = stopped
        counted = Counter(outcome.status for outcome in outcomes)
        #: How many outcomes have each status (every status is present).
        self.counts: dict[Status, int] = {status: counted[status] for status in Status}

    @overload
    def __getitem__(self, index: int) -> Outcome[ItemT, ResultT]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Outcome[ItemT, ResultT]]: ...
    def __getitem__(self, index: int | slice) -> Outcome[ItemT, ResultT] | Sequence[Outcome[ItemT, ResultT]]:
        return self.outcomes[index]

    def __len__(self) -> int:
        return len(self.outcomes)

    def __repr__(self) -> str:
        return f"<Report {self.summary()}>"

    @property
    def ok(self) -> bool:
        """Whether every item is done."""
        return self.counts[Status.DONE] == len(self.outcomes)

    def with_status(self, status: Status) -> list[Outcome[ItemT, ResultT]]:
        """The outcomes with ``status``, in input order."""
        return [outcome for outcome in self.outcomes if outcome.status is status]

    def summary(self) -> str:
        """One line: ``"10 done (4 in an earlier run), 1 failed, 0 unknown"`` (and not attempted, if any)."""
        resumed = sum(1 for outcome in self.outcomes if outcome.resumed and outcome.status is Status.DONE)
        parts = [f"{self.counts[Status.DONE]} done" + (f" ({resumed} in an earlier run)" if resumed else "")]
        parts += [f"{self.counts[Status.FAILED]} failed", f"{self.counts[Status.UNKNOWN]} unknown"]
        if self.counts[Status.NOT_ATTEMPTED]:
            parts.append(f"{self.counts[Status.NOT_ATTEMPTED]} not attempted")
        return ", ".join(parts)


class _NotApplied:
    def __repr__(self) -> str:
        return "NOT_APPLIED"


NOT_APPLIED: Final = _NotApplied()
"""What a settle function returns when the operation certainly did not apply."""


class Unsettled(Exception):
    """Raised by a settle function that cannot tell whether the operation applied."""


def status_of(error: BaseException) -> Status:
    """``FAILED`` or ``UNKNOWN``: whether an error leaves the effect of the request behind it unknown.

    Unknown means a POST or PATCH that may have reached Auth0 with no usable answer: a 5xx, or a
    transport error after the request left (a dropped connection, a read timeout, an unreadable
    body). Everything else did not apply (a 4xx, a connection that was never made, an error
    raised before sending) or is safe to repeat (GET, PUT, DELETE): failed.
    """
    if isinstance(error, TokenError):
        return Status.FAILED  # the token endpoint, not the API, failed: nothing was written
    if isinstance(error, APIStatusError):
        method: str | None = error.method
        may_have_acted = error.status_code >= 500
    elif isinstance(error, APITransportError):
        method, may_have_acted = error.method, error.sent
    else:
        return Status.FAILED
    if may_have_acted and method not in IDEMPOTENT_METHODS:
        return Status.UNKNOWN
    return Status.FAILED


def one_line(error: BaseException) -> str:
    """An error as one line: its type and its message with the whitespace folded."""
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
