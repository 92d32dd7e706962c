"""Where a pacer's state lives: the store protocol, and the store of one process."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol, TypeVar

from ._tenant import PacingState

_T = TypeVar("_T")
Step = Callable[[PacingState], tuple[_T, PacingState]]
"""A pure step on the state: what it returns, and the state after it."""


class PacingStore(Protocol):
    """Where a pacer's :class:`PacingState` lives.

    ``read`` returns the current state; ``update`` applies ``step`` to it atomically (no other
    update in between, in any thread or process sharing the store), stores the second item of
    what ``step`` returns and returns the first. ``aread`` and ``aupdate`` do the same for async
    code, without blocking the event loop.
    """

    def read(self) -> PacingState:
        """The current state."""
        ...

    def update(self, step: Step[_T]) -> _T:
        """Apply ``step`` atomically; return its result."""
        ...

    async def aread(self) -> PacingState:
        """The current state, for async code."""
        ...

    async def aupdate(self, step: Step[_T]) -> _T:
        """Apply ``step`` atomically, for async code; return its result."""
        ...


class LocalStore:
    """The state in this process, behind a lock: shared by threads and by asyncio tasks."""

    def __init__(self, state: PacingState) -> None:
        self._lock = threading.Lock()
        self._state = state

    def read(self) -> PacingState:
        """The current state."""
        return self._state

    def update(self, step: Step[_T]) -> _T:
        """Apply ``step`` under the lock; return its result."""
        with self._lock:
            result, self._state = step(self._state)
        return result

    async def aread(self) -> PacingState:
        """The current state (no I/O: the same as ``read``)."""
        return self._state

    async def aupdate(self, step: Step[_T]) -> _T:
        """Apply ``step`` under the lock (held for microseconds; no I/O)."""
        return self.update(step)
