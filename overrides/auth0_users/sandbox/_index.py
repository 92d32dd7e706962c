"""What user searches look up instead of testing every user: dates in order, values, prefixes.

:class:`UserIndex` answers the lookups of :class:`._query.Index` for the fields searches use most:
``created_at`` as a sorted list (ranges by bisection), and the bare-term fields plus the identities'
connection and provider as a map from case-folded value to users (exact terms), whose sorted keys
also serve prefixes. Each answer is a superset of the matches; a user whose value the index cannot
judge exactly (a number, text a wildcard reads differently from its case fold, several dates) is
always a candidate and makes the answer inexact, so the predicate still decides. The backend calls
:meth:`UserIndex.add` and :meth:`UserIndex.remove` around every change of a stored user.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Set
from datetime import datetime
from typing import Any

from ._query import BARE_TERM_FIELDS, Narrowing, as_date, as_text, field_values

TEXT_FIELDS = (*BARE_TERM_FIELDS, "identities.connection", "identities.provider")
DATE_FIELDS = ("created_at",)

_NOBODY: frozenset[str] = frozenset()
_MISSING = object()


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _values(user: Any, path: str) -> Iterable[Any]:
    """``field_values(user, path)``, without a generator for the plain top-level values."""
    if "." not in path and isinstance(user, dict):
        value = user.get(path, _MISSING)
        if value is _MISSING:
            return ()
        if not isinstance(value, list):
            return (value,)
    return field_values(user, path)


def _plain(text: str) -> bool:
    """Whether a wildcard pattern reads this text as its case fold does (ASCII, one line)."""
    return text.isascii() and "\n" not in text


class _Texts:
    """One text field: users by case-folded value, and who has values the index cannot judge.

    A value held by one user maps to its id, by several to a set of ids: most values (emails,
    ids) are unique, and a set per value would double the index's memory.
    """

    def __init__(self) -> None:
        self.by_value: dict[str, str | set[str]] = {}
        self.valued: set[str] = set()  # users with at least one text value
        self.numeric: set[str] = set()  # users with a number, which terms compare as numbers
        self.unplain: set[str] = set()  # users with a value a prefix lookup cannot judge exactly
        self._sorted: list[str] | None = None

    @staticmethod
    def _fold(value: Any) -> tuple[str | None, bool]:
        """The value's key (None for an object or a number), and whether lookups judge it exactly."""
        if isinstance(value, str):
            text = value
        elif isinstance(value, dict):
            return None, True
        elif _number(value):
            return None, False
        else:
            text = as_text(value)
        folded = text.casefold()
        return (text if folded == text else folded), _plain(text)  # the stored string when already folded

    def add(self, user_id: str, values: Iterable[Any]) -> None:
        for value in values:
            key, exact = self._fold(value)
            if not exact:
                self.unplain.add(user_id)
                if key is None:
                    self.numeric.add(user_id)
            if key is None:
                continue
            holders = self.by_value.get(key)
            if holders is None:
                self.by_value[key] = user_id
                self._sorted = None
            elif isinstance(holders, str):
                if holders != user_id:
                    self.by_value[key] = {holders, user_id}
            else:
                holders.add(user_id)
            self.valued.add(user_id)

    def remove(self, user_id: str, values: Iterable[Any]) -> None:
        for value in values:
            key, _ = self._fold(value)
            holders = None if key is None else self.by_value.get(key)
            if holders is None:
                continue
            if isinstance(holders, set):
                holders.discard(user_id)
            if holders == user_id or not holders:
                del self.by_value[key]  # type: ignore[arg-type]
                self._sorted = None
        for users in (self.valued, self.numeric, self.unplain):
            users.discard(user_id)

    def _holders(self, key: str) -> Set[str]:
        holders = self.by_value.get(key)
        return _NOBODY if holders is None else {holders} if isinstance(holders, str) else holders

    def term(self, text: str) -> Narrowing:
        found = self._holders(text.casefold())
        return Narrowing(found | self.numeric if self.numeric else found, not self.numeric)

    def prefix(self, text: str) -> Narrowing:
        stem = text.casefold()
        found: Set[str] = self.valued
        if stem:
            if self._sorted is None:
                self._sorted = sorted(self.by_value)
            keys, found = self._sorted, set()
            position = bisect_left(keys, stem)
            while position < len(keys) and keys[position].startswith(stem):
                found |= self._holders(keys[position])
                position += 1
        return Narrowing(found | self.unplain if self.unplain else found, not self.unplain)


class _Dates:
    """One date field: users in date order, and those whose value is not one date."""

    def __init__(self) -> None:
        self.moments: list[datetime] = []
        self.ids: list[str] = []
        self.undated: set[str] = set()  # a value that compares as text or a number, or several values

    @staticmethod
    def _moment(values: Iterable[Any]) -> tuple[datetime | None, bool]:
        """The user's one date, or whether its values can match a range some other way."""
        found = [value for value in values if not isinstance(value, bool | dict) and value is not None]
        if len(found) == 1 and isinstance(found[0], str):
            moment = as_date(found[0])
            if moment is not None:
                return moment, False
        return None, bool(found)

    def add(self, user_id: str, values: Iterable[Any]) -> None:
        moment, undated = self._moment(values)
        if moment is not None:
            position = bisect_right(self.moments, moment)
            self.moments.insert(position, moment)
            self.ids.insert(position, user_id)
        elif undated:
            self.undated.add(user_id)

    def remove(self, user_id: str, values: Iterable[Any]) -> None:
        moment, _ = self._moment(values)
        self.undated.discard(user_id)
        if moment is None:
            return
        position = bisect_left(self.moments, moment)
        while position < len(self.moments) and self.moments[position] == moment:
            if self.ids[position] == user_id:
                del self.moments[position], self.ids[position]
                return
            position += 1

    def between(self, low: datetime | None, high: datetime | None, include_low: bool, include_high: bool) -> Narrowing:
        start = 0 if low is None else (bisect_left if include_low else bisect_right)(self.moments, low)
        end = len(self.moments) if high is None else (bisect_right if include_high else bisect_left)(self.moments, high)
        found = set(self.ids[start:end])
        return Narrowing(found | self.undated if self.undated else found, not self.undated)


class UserIndex:
    """The lookups of :class:`._query.Index` over a backend's users."""

    def __init__(self, users: Mapping[str, Any]) -> None:
        self._users = users
        self._texts = {path: _Texts() for path in TEXT_FIELDS}
        self._dates = {path: _Dates() for path in DATE_FIELDS}
        self._fields: list[tuple[str, _Texts | _Dates]] = [*self._texts.items(), *self._dates.items()]

    def add(self, user_id: str, user: Any) -> None:
        """Index a stored user as it is now."""
        for path, index in self._fields:
            index.add(user_id, _values(user, path))

    def remove(self, user_id: str, user: Any) -> None:
        """Forget a user as it was indexed (call before changing or deleting it)."""
        for path, index in self._fields:
            index.remove(user_id, _values(user, path))

    def everyone(self) -> Narrowing:
        """Every stored user."""
        return Narrowing(self._users.keys(), True)

    def term(self, path: str, text: str) -> Narrowing | None:
        """Users with a value at ``path`` equal to ``text`` (case-folded); None if ``path`` is not indexed."""
        index = self._texts.get(path)
        return None if index is None else index.term(text)

    def prefix(self, path: str, text: str) -> Narrowing | None:
        """Users with a value at ``path`` starting with ``text`` (ASCII); None if ``path`` is not indexed."""
        index = self._texts.get(path)
        return None if index is None or not text.isascii() else index.prefix(text)

    def dates(
        self, path: str, low: datetime | None, high: datetime | None, include_low: bool, include_high: bool
    ) -> Narrowing | None:
        """Users with a date at ``path`` within the bounds; None if ``path`` is not indexed."""
        index = self._dates.get(path)
        return None if index is None else index.between(low, high, include_low, include_high)
