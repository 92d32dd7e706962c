"""The plan of a run: every decision about every item, made here once for both runners.

:class:`Run` decides what each item needs (skip it as done in an earlier run, settle an unknown
outcome, attempt it, or report it not attempted), records outcomes and progress, and writes the
journal lines through the :class:`~auth0_users.bulk.journal.Journal` it is given. It makes no
call of its own: a runner asks it for the next :class:`Step` and makes that call.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from .journal import STARTED, Journal, default_key
from .outcomes import NOT_APPLIED, Outcome, Progress, Report, Status, one_line, status_of


@attrs.frozen
class Step:
    """The next call for an item: its operation, or its settle function for an unknown outcome."""

    index: int
    item: Any
    key: str | None
    unknown: Outcome[Any, Any] | None = None  # set: settle this outcome instead of attempting
    started_line: int = 0  # the journal line that must be on disk before the call (0: none)

    @property
    def settling(self) -> bool:
        """Whether the call settles an unknown outcome rather than attempts the item."""
        return self.unknown is not None


class Run:
    """The state and every decision of one run; the executors only make the calls it asks for.

    Its methods are safe to call from several threads; the progress callback is called under its
    lock, one outcome at a time.
    """

    def __init__(
        self,
        *,
        journal: Journal | None,
        key: Callable[[Any], str] | None,
        stop_on_error: bool,
        retry_unknown: bool,
        can_settle: bool,
        progress: Callable[[Progress], object] | None,
        total: int | None,
    ) -> None:
        self._journal = journal
        self._key = key or default_key
        self._stop_on_error = stop_on_error
        self._retry_unknown = retry_unknown
        self._can_settle = can_settle
        self._progress = progress
        self._total = total
        self._lock = threading.Lock()
        self._outcomes: dict[int, Outcome[Any, Any]] = {}
        self._counts: Counter[Status] = Counter()
        self._resumed = 0
        self._first_index: dict[str, int] = {}
        self._error_stop: int | None = None
        self._abort: BaseException | None = None
        self.stopping = False

    def admit(self, index: int, item: Any) -> Step | None:
        """The first call to make for a newly taken item, or ``None`` when it needs none."""
        with self._lock:
            return self._plan(index, item)

    def advance(self, step: Step, *, value: Any = None, error: Exception | None = None) -> Step | None:
        """Take the value or error of ``step``'s call; return the next call for the item, if any."""
        with self._lock:
            return self._settled(step, value, error) if step.settling else self._attempted(step, value, error)

    def persist(self, step: Step) -> None:
        """Return once ``step``'s started line is on disk; call it before the call, outside any lock.

        Callers that arrive while an fsync runs share the next one, so the journal costs about one
        fsync per batch of items in flight, not one per item.
        """
        if step.started_line and self._journal is not None:
            self._journal.sync(step.started_line)

    def stop(self) -> None:
        """Start nothing new (items in flight finish and are recorded)."""
        self.stopping = True

    def abort(self, error: BaseException) -> None:
        """Stop because of an error that is not an item's (the progress callback, the journal, a key)."""
        with self._lock:
            if self._abort is None:
                self._abort = error
        self.stop()

    def _plan(self, index: int, item: Any) -> Step | None:
        if self.stopping:
            self._record(Outcome(index, item, Status.NOT_ATTEMPTED, reason=self._stop_reason()))
            return None
        if self._journal is None:
            return Step(index, item, None)
        key = self._key(item)
        if not isinstance(key, str) or not key:
            raise TypeError(f"key= must give a non-empty string for each item, gave {key!r} for item {index}")
        first = self._first_index.setdefault(key, index)
        if first != index:
            duplicate = ValueError(f"item {first} has the same key {key!r}: give key= to tell them apart")
            # Not journaled: the line would stand for the first item.
            self._record(Outcome(index, item, Status.FAILED, error=duplicate, reason=one_line(duplicate), key=key))
            return None
        entry = self._journal.entries.get(key)
        if entry is None or entry.status == Status.FAILED:
            return self._attempt(index, item, key)
        if entry.status == Status.DONE:
            self._record(Outcome(index, item, Status.DONE, key=key, resumed=True))
            return None
        reason = entry.reason if entry.status == Status.UNKNOWN else "in flight when an earlier run ended"
        unknown: Outcome[Any, Any] = Outcome(index, item, Status.UNKNOWN, reason=reason, key=key, resumed=True)
        if self._can_settle:
            return Step(index, item, key, unknown)
        if self._retry_unknown:
            return self._attempt(index, item, key)
        self._record(unknown)
        return None

    def _attempt(self, index: int, item: Any, key: str | None) -> Step:
        if self._journal is not None and key is not None:
            return Step(index, item, key, started_line=self._journal.append(key, STARTED))
        return Step(index, item, key)

    def _attempted(self, step: Step, value: Any, error: Exception | None) -> Step | None:
        if error is None:
            self._record(Outcome(step.index, step.item, Status.DONE, value, key=step.key), journal=True)
            return None
        outcome: Outcome[Any, Any] = Outcome(
            step.index, step.item, status_of(error), error=error, reason=one_line(error), key=step.key
        )
        if outcome.status is Status.UNKNOWN and self._can_settle:
            return attrs.evolve(step, unknown=outcome)
        self._record(outcome, journal=True)
        return None

    def _settled(self, step: Step, value: Any, error: Exception | None) -> Step | None:
        unknown = step.unknown
        assert unknown is not None
        if error is None and value is not NOT_APPLIED:
            reason = f"settled as applied after {unknown.reason}"
            done = attrs.evolve(unknown, status=Status.DONE, result=value, reason=reason, resumed=False, settled=True)
            self._record(done, journal=True)
            return None
        if error is None and unknown.resumed:
            return self._attempt(step.index, step.item, step.key)  # the earlier run's request has landed
        if error is None:
            why = "not applied yet as far as a read shows, but the request may still be in flight; a re-run settles it"
        else:
            if unknown.resumed and self._retry_unknown:
                return self._attempt(step.index, step.item, step.key)
            why = f"settling could not tell: {one_line(error)}"
        self._record(attrs.evolve(unknown, reason=f"{unknown.reason}; {why}"), journal=True)
        return None

    def _record(self, outcome: Outcome[Any, Any], *, journal: bool = False) -> None:
        """Keep an outcome, write its line if ``journal``, and report progress."""
        self._outcomes[outcome.index] = outcome
        self._counts[outcome.status] += 1
        self._resumed += outcome.resumed
        if journal and self._journal is not None and outcome.key is not None:
            self._journal.append(outcome.key, outcome.status, outcome.reason)
        failing = outcome.status in (Status.FAILED, Status.UNKNOWN) and not outcome.resumed  # this run's
        if self._stop_on_error and failing and self._error_stop is None:
            self._error_stop = outcome.index
            self.stop()
        if self._progress is not None:
            counts = self._counts
            self._progress(
                Progress(
                    counts[Status.DONE],
                    counts[Status.FAILED],
                    counts[Status.UNKNOWN],
                    counts[Status.NOT_ATTEMPTED],
                    self._resumed,
                    self._total,
                    outcome,
                )
            )

    def _stop_reason(self) -> str:
        if self._error_stop is not None:
            return f"the run stopped at the error of item {self._error_stop}"
        return "the run stopped"

    def close(self) -> None:
        """Close the journal (fsync'd first); a later write raises."""
        if self._journal is not None:
            with self._lock:
                self._journal.close()

    def finish(self, rest: Iterator[tuple[int, Any]] | None) -> Report[Any, Any]:
        """The report, once every call has returned; ``rest``, if given, is reported not attempted."""
        if self._abort is not None:
            raise self._abort
        if rest is not None and self.stopping:
            for index, item in rest:
                with self._lock:
                    self._record(Outcome(index, item, Status.NOT_ATTEMPTED, reason=self._stop_reason()))
        return Report([self._outcomes[index] for index in sorted(self._outcomes)], stopped=self._error_stop is not None)
