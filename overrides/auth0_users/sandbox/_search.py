"""``GET /users``: user search over the index, in sort order, as it sees writes after the index lag.

The index (:mod:`._index`) narrows the users to test; the query (:mod:`._query`) decides; the lag
(:mod:`._lag`) swaps in the version of a recently written user that search still sees.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping, Set
from typing import Any

from ._errors import ApiError
from ._query import Narrowing, QueryError, compile_search, field_values
from ._records import JsonObject
from ._tenant import Tenant


class SearchOperations(Tenant):
    """User search."""

    def search_users(
        self, q: str | None = None, sort: str | None = None, connection: str | None = None
    ) -> list[JsonObject]:
        """``GET /users``: every user matching ``q`` (and ``connection``), in ``sort`` order.

        The index narrows the users to test (see :mod:`._index`); the result is the one testing
        every user would give.
        """
        try:
            search = compile_search(q) if q else None
        except QueryError as exc:
            raise ApiError(400, str(exc), "invalid_query_string") from exc
        ordered = self._ordered_ids(sort)
        narrowing = search.narrow(self.index) if search else None
        predicate = None if search is None or (narrowing and narrowing.exact) else search.matches
        on_connection = self.index.term("identities.connection", connection) if connection else None
        if on_connection is not None:  # a superset: the test of the first identity below decides
            narrowing = Narrowing(on_connection.ids & narrowing.ids if narrowing else on_connection.ids, False)
        candidates = ordered if narrowing is None else self._in_order(narrowing.ids, sort, ordered)
        matches = []
        for user_id in candidates:
            user = self.users[user_id]
            if connection and user["identities"][0]["connection"] != connection:
                continue
            if predicate is None or predicate(user):
                matches.append(user)
        stale = self.lag.stale()
        if stale:
            return _as_searched(matches, stale, search.matches if search else None, connection, sort)
        return matches

    def _in_order(self, ids: Set[str], sort: str | None, ordered: list[str]) -> Iterable[str]:
        """``ids`` in the order of ``ordered``: sorted by rank when few, else filtered in one pass."""
        if len(ids) * 8 >= len(ordered):
            return [user_id for user_id in ordered if user_id in ids]
        cached = self._ranks.get(sort or "")
        if cached is None or cached[0] != self._version:
            cached = (self._version, {user_id: rank for rank, user_id in enumerate(ordered)})
            self._ranks[sort or ""] = cached
        return sorted(ids, key=cached[1].__getitem__)

    def _ordered_ids(self, sort: str | None) -> list[str]:
        if sort:
            name, _, direction = sort.partition(":")
            if direction not in ("1", "-1") or not name:
                raise ApiError(400, "Query validation error: 'sort' must be field:1 or field:-1.",
                               "invalid_query_string")  # fmt: skip
        cached = self._sorted.get(sort or "")
        if cached and cached[0] == self._version:
            return cached[1]
        ordered = _sorted_ids(self.users.items(), sort) if sort else list(self.users)
        self._sorted[sort or ""] = (self._version, ordered)
        return ordered


def _sort_key(user: JsonObject, name: str, descending: bool) -> tuple[Any, ...]:
    """Where ``user`` goes in a search sorted by ``name``: users without a plain value come last."""
    value = next(field_values(user, name), None)
    if value is None or isinstance(value, dict | list):
        return (0,) if descending else (2,)
    return (1, isinstance(value, str), value, user["user_id"])


class _Descending:
    """A sort key compared the other way round, so that bisection works on a descending order."""

    __slots__ = ("key",)

    def __init__(self, key: tuple[Any, ...]) -> None:
        self.key = key

    def __lt__(self, other: _Descending) -> bool:
        return other.key < self.key


def _sorted_ids(users: Iterable[tuple[str, JsonObject]], sort: str) -> list[str]:
    """User ids in ``sort`` order (``field:1`` or ``field:-1``); users without a plain value come last."""
    name, _, direction = sort.partition(":")
    descending = direction == "-1"
    ordered = sorted(users, key=lambda item: _sort_key(item[1], name, descending), reverse=descending)
    return [user_id for user_id, _ in ordered]


def _as_searched(
    matches: list[JsonObject],
    stale: Mapping[str, JsonObject | None],
    matching: Callable[[JsonObject], bool] | None,
    connection: str | None,
    sort: str | None,
) -> list[JsonObject]:
    """The matching users as search sees them while some writes are not searchable yet.

    Users in ``stale`` are swapped for the version search sees (see :mod:`._lag`), put in ``sort``
    order among the others (at the end without a sort).
    """
    result = [user for user in matches if user["user_id"] not in stale]
    late = [
        user
        for user in stale.values()
        if user is not None
        and (not connection or user["identities"][0]["connection"] == connection)
        and (matching is None or matching(user))
    ]
    if not sort:
        return result + late
    name, _, direction = sort.partition(":")
    descending = direction == "-1"

    def key(user: JsonObject) -> Any:
        found = _sort_key(user, name, descending)
        return _Descending(found) if descending else found

    for user in late:
        bisect.insort_right(result, user, key=key)
    return result
