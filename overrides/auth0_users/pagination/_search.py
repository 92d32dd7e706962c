"""Every match of a user search, beyond the 1000 results Auth0 serves for one query.

Auth0 serves the first 1000 results of any search, however many match. search_all asks for
the matches oldest first (``sort=created_at:1``) and reads them page by page, up to that window.
When a range holds more, the 1000th match served marks where the next range starts: its
``created_at`` millisecond, read from the answer itself, so no request is spent finding edges or
testing a range's size, and every page fetched is yielded. The matches of that boundary
millisecond already yielded are remembered by ``user_id`` and skipped when the next range serves
them again, so each user comes once, whatever order Auth0 gives users who share a millisecond.

Ranges are half-open (``created_at:[low TO high}``). The next range's upper end is set from how
long the last 1000 matches took, with room to spare, so each range holds a full window but not
the rest of the tenant; near the end (by the last ``total``) or after an empty range it is left
open, and an open range that ends ends the search.

``SearchPlan`` makes every decision and sends nothing; the sync and async pagers only fetch the
pages it asks for. It reads ``created_at`` and ``user_id`` through ``created_at_of`` and
``user_id_of``, which accept what the generated models hold for them under any version of the
spec, so nothing here depends on the generated model types.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from contextlib import aclosing, closing
from datetime import UTC, datetime, timedelta
from typing import Any, Generic, NamedTuple, TypeVar

from auth0_users_facade.shapes import AsyncPagerShape, PageShape, SyncPagerShape

from .._core.errors import SearchSplitError
from .._core.operation import check_bounds
from ._pager import SEARCH_CAP, _unset

T = TypeVar("T")
PagerT = TypeVar("PagerT")

PER_PAGE = 100
MAX_PER_PAGE = 100
SORT = "created_at:1"
MARGIN = 2
"""A bounded range spans this many times the time the last 1000 matches took."""
NEEDED_FIELDS = ("created_at", "user_id")
"""What search_all reads from each match; added to a caller's ``fields`` that leave them out."""
_TICK = timedelta(milliseconds=1)


class Span(NamedTuple):
    """The half-open range ``[low, high)`` of ``created_at``; ``None`` is unbounded."""

    low: datetime | None = None
    high: datetime | None = None

    def query(self, q: str | None) -> str:
        """``q`` restricted to this span."""
        if self.low is None and self.high is None:
            return q or ""
        low = "*" if self.low is None else _escape(self.low)
        high = "*" if self.high is None else _escape(self.high)
        span = f"created_at:[{low} TO {high}}}"
        return f"({q}) AND {span}" if q else span

    @property
    def is_millisecond(self) -> bool:
        """Whether the span is one millisecond, which cannot be split further."""
        return self.low is not None and self.high is not None and self.high - self.low <= _TICK


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _escape(moment: datetime) -> str:
    return _iso(moment).replace(":", "\\:")


def _millisecond(moment: datetime) -> datetime:
    moment = moment.astimezone(UTC)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def _value(record: Any, name: str) -> Any:
    """A field of a match: a model attribute, a dict key, or one of the model's additional properties.

    A field the spec does not type lands among the additional properties.
    """
    if isinstance(record, Mapping):
        return record.get(name)
    value = getattr(record, name, None)
    if not _unset(value):
        return value
    extra = getattr(record, "additional_properties", None)
    return extra.get(name) if isinstance(extra, Mapping) else None


def moment_of(value: Any, depth: int = 0) -> datetime | None:
    """A point in time from what a generated model may hold for one, or None.

    A ``datetime`` (naive ones read as UTC), ISO 8601 text, or an object or dict carrying one of
    those among its values (the object form of older specs' ``oneOf`` of string and object).
    """
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, str):
        try:
            return moment_of(datetime.fromisoformat(value.strip()))
        except ValueError:
            return None
    if depth < 2 and not _unset(value):
        to_dict = getattr(value, "to_dict", None)
        fields = value if isinstance(value, Mapping) else to_dict() if callable(to_dict) else {}
        for inner in fields.values() if isinstance(fields, Mapping) else ():
            found = moment_of(inner, depth + 1)
            if found is not None:
                return found
    return None


def created_at_of(user: Any) -> datetime | None:
    """The ``created_at`` of a match, whatever type the generated model gives it; None if absent."""
    return moment_of(_value(user, "created_at"))


def user_id_of(user: Any) -> str | None:
    """The ``user_id`` of a match; None if absent."""
    value = _value(user, "user_id")
    return value if isinstance(value, str) and value else None


def _field_names(fields: Any) -> list[str]:
    """The names in ``fields``: comma-separated text, or a list or tuple of names."""
    if isinstance(fields, str):
        fields = fields.split(",")
    if not isinstance(fields, list | tuple) or not all(isinstance(name, str) for name in fields):
        return []
    return [name.strip() for name in fields if name.strip()]


def _checked(given: Mapping[str, Any]) -> dict[str, Any]:
    """The caller's ``list`` arguments, with the page size checked and the fields search_all reads.

    What search_all sets itself (``sort``, ``page``, ``include_totals``, ``primary_order``) its
    signature leaves out.
    """
    arguments = {key: value for key, value in given.items() if not _unset(value)}
    check_bounds("users.search_all", "per_page", arguments.setdefault("per_page", PER_PAGE), 1, MAX_PER_PAGE)
    names = _field_names(arguments.get("fields"))
    if not names:
        return arguments
    if arguments.get("include_fields") is False:
        kept = [name for name in names if name not in NEEDED_FIELDS]
        if kept:
            return {**arguments, "fields": ",".join(kept)}
        return {key: value for key, value in arguments.items() if key not in ("fields", "include_fields")}
    return {**arguments, "fields": ",".join([*names, *(name for name in NEEDED_FIELDS if name not in names)])}


class SearchPlan(Generic[T]):
    """What search_all asks for and yields, with no I/O: a state machine both pagers drive.

    ``request()`` gives the arguments of the next ``users.list`` page, or None once every match
    was yielded; ``receive(page)`` takes that page and returns its items to yield, in order.
    """

    def __init__(self, q: str | None, arguments: Mapping[str, Any]) -> None:
        self._q = q
        self._arguments = dict(arguments)
        self._per_page: int = self._arguments["per_page"]
        self._last_page = SEARCH_CAP // self._per_page - 1
        self._window = (self._last_page + 1) * self._per_page
        self._left: int | None = None  # matches not yet served, from the last open range's total
        self._width: timedelta | None = None  # how long a range of created_at held one window lately
        self._done = False
        self._begin(Span(), frozenset())

    def _begin(self, span: Span, seen: frozenset[str]) -> None:
        self._span = span
        self._seen = seen  # ids at span.low that an earlier range yielded
        self._page = 0
        self._served = 0
        self._first: datetime | None = None
        self._run_at: datetime | None = None  # the latest created_at served, and who has it
        self._run_ids: set[str] = set()
        self._unreadable: str | None = None

    def request(self) -> dict[str, Any] | None:
        """The ``list`` arguments of the next page to fetch, or None when the search is complete."""
        if self._done:
            return None
        query = self._span.query(self._q)
        return {**self._arguments, **({"q": query} if query else {}), "sort": SORT, "include_totals": True,
                "page": self._page}  # fmt: skip

    def receive(self, page: PageShape[T]) -> list[T]:
        """The items of the page just fetched that search_all yields; moves on to the next page."""
        total = page.total
        if self._page == 0:
            if self._span.is_millisecond and total is not None and total > self._window:
                raise self._flood(total)
            if self._span.high is None and total is not None:
                self._left = total
        items = [item for item in page.items if self._fresh(item)]
        self._served += len(page.items)
        if self._left is not None:
            self._left -= len(page.items)
        end = (self._page + 1) * self._per_page
        # A millisecond whose users were all yielded already needs no more of its pages.
        read = total is not None and (end >= total or (self._span.is_millisecond and total <= len(self._seen)))
        if len(page.items) < self._per_page or read:
            self._exhausted()
        elif self._page < self._last_page:
            self._page += 1
        else:
            self._cut(total)
        return items

    def _fresh(self, item: T) -> bool:
        """Note the item's millisecond and id; whether it was not yielded by an earlier range."""
        at, user_id = created_at_of(item), user_id_of(item)
        if at is None or user_id is None:
            self._unreadable = "created_at" if at is None else "user_id"
            if self._seen:
                raise self._missing()
            return True
        at = _millisecond(at)
        if self._first is None:
            self._first = at
        if at != self._run_at:
            self._run_at, self._run_ids = at, set()
        self._run_ids.add(user_id)
        return not (at == self._span.low and user_id in self._seen)

    def _exhausted(self) -> None:
        """The range served all its matches: on to the next one, or done if it was open."""
        low, high = self._span
        if high is None:
            self._done = True
            return
        if low is not None and not self._span.is_millisecond:
            self._width = (high - low) * self._window / self._served if self._served else None
        self._begin(Span(high, self._bound(high)), frozenset())

    def _cut(self, total: int | None) -> None:
        """The range holds more than Auth0 serves: the next one starts at the last match served."""
        if self._unreadable is not None:
            raise self._missing()
        at, first, ids = self._run_at, self._first, frozenset(self._run_ids)
        assert at is not None
        assert first is not None
        if at == first:  # a whole window in one millisecond: read that millisecond alone
            if self._span.is_millisecond:
                raise self._flood(total)
            self._begin(Span(at, at + _TICK), ids | self._seen if at == self._span.low else ids)
            return
        self._width = at - first
        if self._left is not None:
            self._left += len(ids)
        self._begin(Span(at, self._bound(at)), ids)

    def _bound(self, low: datetime) -> datetime | None:
        """Where the range from ``low`` ends: open near the end, else twice the last window's span."""
        if self._width is None or (self._left is not None and self._left <= MARGIN * self._window):
            return None
        return low + max(_TICK, _millisecond(low + MARGIN * self._width) - low)

    def _flood(self, total: int | None) -> SearchSplitError:
        assert self._span.low is not None
        count = f"{total} users" if total is not None else f"Over {self._window} users"
        paged = f" at per_page={self._per_page}" if self._window < SEARCH_CAP else ""
        return SearchSplitError(
            f"{count} match this search with created_at {_iso(self._span.low)}, more than the {self._window} "
            f"results Auth0 serves for one query{paged}, and a range cannot be split below one millisecond. Add "
            "a condition to q that tells these users apart (a connection, a metadata field), or read them with "
            "a users export job (POST /jobs/users-exports).",
            created_at=self._span.low,
            matches=total,
        )

    def _missing(self) -> SearchSplitError:
        return SearchSplitError(
            f"the matches of this search carry no readable {self._unreadable}, which reading past Auth0's "
            f"{SEARCH_CAP}-result cap needs; keep it in fields, or use a users export job (POST /jobs/users-exports)."
        )


class _SearchAll(Generic[PagerT]):
    """What both search_all pagers hold: how to list users, the query and the other arguments."""

    def __init__(self, list_users: Callable[[dict[str, Any]], PagerT], arguments: Mapping[str, Any]) -> None:
        checked = _checked(arguments)
        self._list, self._q, self._arguments = list_users, checked.pop("q", None), checked

    def __repr__(self) -> str:
        extra = "".join(f" {name}={value!r}" for name, value in self._arguments.items())
        return f"<{type(self).__name__} q={self._q!r}{extra}: every match, oldest first>"


class SearchAllPager(_SearchAll[SyncPagerShape[T]], Generic[T]):
    """Iterate to stream every user matching ``q``, oldest first; see ``Users.search_all``."""

    def __iter__(self) -> Iterator[T]:
        plan: SearchPlan[T] = SearchPlan(self._q, self._arguments)
        while (arguments := plan.request()) is not None:
            with closing(self._list(arguments).iter_pages()) as pages:
                page = next(pages)
            yield from plan.receive(page)


class AsyncSearchAllPager(_SearchAll[AsyncPagerShape[T]], Generic[T]):
    """``async for`` streams every user matching ``q``, oldest first; see ``Users.search_all``."""

    async def __aiter__(self) -> AsyncIterator[T]:
        plan: SearchPlan[T] = SearchPlan(self._q, self._arguments)
        while (arguments := plan.request()) is not None:
            async with aclosing(self._list(arguments).iter_pages()) as pages:
                page = await anext(pages)
            for item in plan.receive(page):
                yield item
