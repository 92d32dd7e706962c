"""Eventual consistency: user search sees each write ``seconds`` after it was made.

Auth0 documents ``GET /users`` as eventually consistent (a search may not reflect a write that
just completed; repeated a little later, it does), while ``GET /users/{id}`` and
``GET /users-by-email`` are immediately consistent. :class:`IndexLag` keeps, for each user written
within the last ``seconds``, the versions search still sees: what the user was before those
writes, and a copy of the user after each of them with the moment it becomes searchable. Only
those users cost anything; once every write of a user is old enough, search reads the stored
user again, through the backend's own index.
"""

from __future__ import annotations

import contextlib
import copy
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

JsonObject = dict[str, Any]


@dataclass
class _Versions:
    """One user's unsettled writes: what search saw before them, and each write's copy and due time."""

    before: JsonObject | None
    writes: list[tuple[float, JsonObject | None]] = field(default_factory=list)

    def settled_by(self, moment: float) -> bool:
        """Whether search sees the user as stored at ``moment`` (every write due, or none made)."""
        return not self.writes or self.writes[-1][0] <= moment

    def seen_at(self, moment: float) -> JsonObject | None:
        """The version search sees at ``moment``: the newest write that is due, else ``before``."""
        seen = self.before
        for due, version in self.writes:
            if due > moment:
                break
            seen = version
        return seen


class IndexLag:
    """The delay between a write and the moment search sees it; 0 makes search immediate."""

    def __init__(self, seconds: float = 0.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = self._checked(seconds)
        self._clock = clock
        self._unsettled: dict[str, _Versions] = {}

    @staticmethod
    def _checked(seconds: float) -> float:
        if not seconds >= 0:  # also refuses NaN
            raise ValueError(f"an index lag is a number of seconds, 0 or more, got {seconds!r}")
        return float(seconds)

    def set(self, seconds: float) -> None:
        """Change the lag for writes from now on; writes already made keep their due times."""
        self.seconds = self._checked(seconds)

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        """Within the block, writes are searchable at once (and cost nothing to track)."""
        seconds, self.seconds = self.seconds, 0.0
        try:
            yield
        finally:
            self.seconds = seconds

    def settle(self) -> None:
        """Make every write searchable now."""
        self._unsettled.clear()

    def before_write(self, user_id: str, user: JsonObject | None) -> None:
        """Call before changing, creating (``user`` None) or deleting a stored user."""
        if self.seconds and user_id not in self._unsettled:
            self._unsettled[user_id] = _Versions(copy.deepcopy(user))

    def after_write(self, user_id: str, user: JsonObject | None) -> None:
        """Call after the write, with the user as now stored (None once deleted)."""
        versions = self._unsettled.get(user_id)
        if versions is not None:
            versions.writes.append((self._clock() + self.seconds, copy.deepcopy(user)))

    def stale(self) -> dict[str, JsonObject | None]:
        """The users search does not yet see as stored, each as search sees it (None: not at all)."""
        if not self._unsettled:
            return {}
        moment = self._clock()
        for user_id in [user_id for user_id, versions in self._unsettled.items() if versions.settled_by(moment)]:
            del self._unsettled[user_id]
        return {user_id: versions.seen_at(moment) for user_id, versions in self._unsettled.items()}
