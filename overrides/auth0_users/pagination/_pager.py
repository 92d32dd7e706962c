"""Lazy pagers over Auth0's two pagination styles, offset and checkpoint.

A strategy answers two questions, purely: what the first request's parameters are, and, given a
page, what the next request's parameters are (or that there is none). The sync and async pagers
only add the loop that sends requests.
"""

from __future__ import annotations

import copy
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Coroutine, Generator, Iterator, Mapping
from typing import Any, Generic, Self, TypeVar

import httpx
from auth0_users_api.types import Unset

from .._core.errors import ResponseParseError
from .._core.operation import Operation

T = TypeVar("T")

SEARCH_CAP = 1000
"""Auth0 serves only the first 1000 results of ``GET /users``, however they are paged; past them
it answers 400, which the client raises as ``SearchLimitError``."""
DEFAULT_PER_PAGE = 50


class Page(Generic[T]):
    """One page: its items, the total when the API reports it, the next cursor, and the response."""

    __slots__ = ("http_response", "items", "next_cursor", "total")

    def __init__(
        self, items: list[T], total: int | None, next_cursor: str | None, http_response: httpx.Response
    ) -> None:
        self.items = items
        self.total = total
        self.next_cursor = next_cursor
        self.http_response = http_response

    def __repr__(self) -> str:
        return f"Page(items=<{len(self.items)}>, total={self.total}, next_cursor={self.next_cursor!r})"

    @property
    def headers(self) -> httpx.Headers:
        """The page's response headers (rate-limit headers among them)."""
        return self.http_response.headers


def _unset(value: Any) -> bool:
    return value is None or isinstance(value, Unset)


class _Strategy:
    """Which parameters fetch the first page, and which the next one."""

    def __init__(self, operation: Operation, arguments: Mapping[str, Any]) -> None:
        assert operation.paging is not None
        self.operation = operation
        self.items_key = operation.paging.items
        self.arguments = dict(arguments)

    def first(self) -> dict[str, Any]:
        raise NotImplementedError

    def next(self, arguments: dict[str, Any], page: Page[Any]) -> dict[str, Any] | None:
        raise NotImplementedError

    def read(self, parsed: Any, response: httpx.Response) -> Page[Any]:
        if isinstance(parsed, list):
            return Page(parsed, None, None, response)
        items: Any = getattr(parsed, self.items_key, None)
        total: Any = getattr(parsed, "total", None)
        cursor: Any = getattr(parsed, "next_", None)  # the models' name for the "next" field
        return Page(
            [] if _unset(items) else list(items),
            None if _unset(total) else int(total),
            None if _unset(cursor) or not cursor else str(cursor),
            response,
        )


class OffsetStrategy(_Strategy):
    """``page``/``per_page``, asking for totals so the last page is known without an extra request."""

    def first(self) -> dict[str, Any]:
        arguments = dict(self.arguments)
        if _unset(arguments.get("page")):
            arguments["page"] = 0
        if _unset(arguments.get("per_page")):
            arguments["per_page"] = DEFAULT_PER_PAGE
        if _unset(arguments.get("include_totals")):
            arguments["include_totals"] = True
        return arguments

    def next(self, arguments: dict[str, Any], page: Page[Any]) -> dict[str, Any] | None:
        per_page, number = int(arguments["per_page"]), int(arguments["page"])
        end = (number + 1) * per_page
        if not page.items or len(page.items) < per_page or (page.total is not None and end >= page.total):
            return None
        return {**arguments, "page": number + 1}


class CheckpointStrategy(_Strategy):
    """``from``/``take``, following each page's ``next`` cursor."""

    def first(self) -> dict[str, Any]:
        return dict(self.arguments)

    def next(self, arguments: dict[str, Any], page: Page[Any]) -> dict[str, Any] | None:
        if not page.items or page.next_cursor is None:
            return None
        if page.next_cursor == arguments.get("from_"):
            raise ResponseParseError(page.http_response, "the next cursor is the one just used; paging would not end")
        return {**arguments, "from_": page.next_cursor}


def strategy_for(operation: Operation, arguments: Mapping[str, Any]) -> _Strategy:
    """Checkpoint when the call asks for it (``from_``/``take``) or the operation has only that."""
    paging = operation.paging
    assert paging is not None
    wants_checkpoint = not _unset(arguments.get("from_")) or not _unset(arguments.get("take"))
    if paging.checkpoint and (wants_checkpoint or not paging.offset):
        return CheckpointStrategy(operation, arguments)
    return OffsetStrategy(operation, arguments)


Fetch = Callable[[Operation, tuple[str, ...], dict[str, Any]], tuple[Any, httpx.Response]]
AsyncFetch = Callable[[Operation, tuple[str, ...], dict[str, Any]], Coroutine[Any, Any, tuple[Any, httpx.Response]]]


class _PagerBase(Generic[T]):
    def __init__(
        self,
        operation: Operation,
        path_args: tuple[str, ...],
        arguments: Mapping[str, Any],
        limit: int | None = None,
    ) -> None:
        self._operation = operation
        self._path_args = path_args
        self._arguments = dict(arguments)
        self._limit = limit

    def limit(self, count: int) -> Self:
        """A pager that stops after ``count`` items, fetching no page beyond them."""
        if count < 0:
            raise ValueError(f"limit must be zero or more, got {count}")
        clone = copy.copy(self)
        clone._limit = count
        return clone

    def _trim(self, page: Page[T], seen: int) -> Page[T]:
        if self._limit is None or seen + len(page.items) <= self._limit:
            return page
        return Page(page.items[: self._limit - seen], page.total, page.next_cursor, page.http_response)

    def _done(self, seen: int) -> bool:
        return self._limit is not None and seen >= self._limit

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._operation.key} limit={self._limit}>"


class SyncPager(_PagerBase[T]):
    """Iterate to get every item across pages, fetched lazily; ``iter_pages()`` for whole pages.

    Each iteration starts again from the first page, so iterating twice gives the same items
    (as of the time of each request). Memory holds one page at a time.
    """

    def __init__(
        self,
        fetch: Fetch,
        operation: Operation,
        path_args: tuple[str, ...],
        arguments: Mapping[str, Any],
        limit: int | None = None,
    ) -> None:
        super().__init__(operation, path_args, arguments, limit)
        self._fetch = fetch

    def iter_pages(self) -> Generator[Page[T]]:
        """Yield each page in turn."""
        strategy = strategy_for(self._operation, self._arguments)
        arguments: dict[str, Any] | None = strategy.first()
        seen = 0
        while arguments is not None and not self._done(seen):
            parsed, response = self._fetch(self._operation, self._path_args, arguments)
            page: Page[T] = strategy.read(parsed, response)
            yield self._trim(page, seen)
            seen += len(page.items)
            if self._done(seen):
                return
            arguments = strategy.next(arguments, page)

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            yield from page.items


class AsyncPager(_PagerBase[T]):
    """``async for`` gets every item across pages, fetched lazily; ``iter_pages()`` for whole pages."""

    def __init__(
        self,
        fetch: AsyncFetch,
        operation: Operation,
        path_args: tuple[str, ...],
        arguments: Mapping[str, Any],
        limit: int | None = None,
    ) -> None:
        super().__init__(operation, path_args, arguments, limit)
        self._fetch = fetch

    async def iter_pages(self) -> AsyncGenerator[Page[T]]:
        """Yield each page in turn."""
        strategy = strategy_for(self._operation, self._arguments)
        arguments: dict[str, Any] | None = strategy.first()
        seen = 0
        while arguments is not None and not self._done(seen):
            parsed, response = await self._fetch(self._operation, self._path_args, arguments)
            page: Page[T] = strategy.read(parsed, response)
            yield self._trim(page, seen)
            seen += len(page.items)
            if self._done(seen):
                return
            arguments = strategy.next(arguments, page)

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item
