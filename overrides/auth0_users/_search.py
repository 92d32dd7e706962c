"""Every match of a user search, beyond the 1000 results Auth0 serves for one query.

The query is split into half-open ranges of ``created_at`` (``[low TO high}``), each asked
separately; a range that still has more than 1000 matches is halved again. Ranges never overlap
and together cover every instant, so each user comes once. The planning is pure; the sync and
async pagers only send the requests.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

import httpx
from auth0_users_facade.shapes import Page

from ._errors import SearchLimitError
from ._pager import SEARCH_CAP

if TYPE_CHECKING:
    from auth0_users_api.models import UserResponseSchema

    from ._users_async import AsyncUsers
    from ._users_sync import Users

PER_PAGE = 100
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

    def halves(self, first: datetime, last: datetime) -> tuple[Span, Span] | None:
        """Two spans covering this one, split in the middle of what it holds; None if it cannot split.

        ``first`` and ``last`` are the earliest and latest ``created_at`` of all matches, standing
        in for an unbounded side.
        """
        low = self.low or first
        high = self.high or last + _TICK
        middle = low + (high - low) / 2
        middle = middle.replace(microsecond=middle.microsecond // 1000 * 1000)
        if middle <= low:
            return None
        return Span(self.low, middle), Span(middle, self.high)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _escape(moment: datetime) -> str:
    return _iso(moment).replace(":", "\\:")


def _created_at(user: Any) -> datetime | None:
    value = getattr(user, "created_at", None)
    return value if isinstance(value, datetime) else None


def _split(span: Span, page: Page[Any], low: datetime | None, high: datetime | None) -> list[Span]:
    """The halves of a span with too many matches, later half first (the stack pops the earlier)."""
    halves = span.halves(low, high) if low is not None and high is not None else None
    if halves is None:
        instant = span.low or low
        message = (
            f"over {SEARCH_CAP} users share one created_at ({_iso(instant)}); they cannot be split further"
            if instant is not None
            else "the matches carry no created_at to split the search by"
        )
        body = {"statusCode": 400, "error": "Bad Request", "message": message}
        raise SearchLimitError(httpx.Response(400, json=body, request=page.http_response.request))
    return [halves[1], halves[0]]


RESERVED = frozenset({"sort", "include_totals", "page", "from_", "take"})
"""``list`` arguments that search_all sets itself: ranges are paged oldest first, with totals."""


def _checked(extra: dict[str, Any]) -> dict[str, Any]:
    taken = sorted(RESERVED & extra.keys())
    if taken:
        raise TypeError(f"search_all sets {', '.join(taken)} itself; leave {'them' if len(taken) > 1 else 'it'} out")
    return extra


def _arguments(q: str | None, span: Span, extra: dict[str, Any], sort: str) -> dict[str, Any]:
    return {"per_page": PER_PAGE, **extra, "q": span.query(q), "include_totals": True, "sort": sort}


def _edge_arguments(q: str | None, extra: dict[str, Any], sort: str) -> dict[str, Any]:
    """The search for the earliest or latest match: one user, whatever fields the caller chose."""
    return {**_arguments(q, Span(), extra, sort), "per_page": 1, "fields": "created_at", "include_fields": True}


class SearchAllPager:
    """Iterate to stream every user matching ``q``, range by range; see ``Users.search_all``."""

    def __init__(self, users: Users, q: str | None, extra: dict[str, Any]) -> None:
        self._users, self._q, self._extra = users, q, _checked(extra)

    def _edge(self, sort: str) -> datetime | None:
        arguments = _edge_arguments(self._q, self._extra, sort)
        page = next(self._users.list(**arguments).iter_pages())
        return _created_at(page.items[0]) if page.items else None

    def __iter__(self) -> Iterator[UserResponseSchema]:
        stack: list[Span] = [Span()]
        edges: tuple[datetime | None, datetime | None] | None = None
        while stack:
            span = stack.pop()
            pages = self._users.list(**_arguments(self._q, span, self._extra, "created_at:1")).iter_pages()
            first = next(pages)
            if first.total is not None and first.total > SEARCH_CAP:
                pages.close()
                edges = edges or (self._edge("created_at:1"), self._edge("created_at:-1"))
                stack += _split(span, first, *edges)
                continue
            yield from first.items
            for page in pages:
                yield from page.items


class AsyncSearchAllPager:
    """``async for`` streams every user matching ``q``, range by range; see ``Users.search_all``."""

    def __init__(self, users: AsyncUsers, q: str | None, extra: dict[str, Any]) -> None:
        self._users, self._q, self._extra = users, q, _checked(extra)

    async def _edge(self, sort: str) -> datetime | None:
        arguments = _edge_arguments(self._q, self._extra, sort)
        async for page in self._users.list(**arguments).iter_pages():
            return _created_at(page.items[0]) if page.items else None
        return None

    async def __aiter__(self) -> AsyncIterator[UserResponseSchema]:
        stack: list[Span] = [Span()]
        edges: tuple[datetime | None, datetime | None] | None = None
        while stack:
            span = stack.pop()
            pages = self._users.list(**_arguments(self._q, span, self._extra, "created_at:1")).iter_pages()
            first = await anext(pages)
            if first.total is not None and first.total > SEARCH_CAP:
                await pages.aclose()
                edges = edges or (await self._edge("created_at:1"), await self._edge("created_at:-1"))
                stack += _split(span, first, *edges)
                continue
            for item in first.items:
                yield item
            async for page in pages:
                for item in page.items:
                    yield item
