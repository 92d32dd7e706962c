"""The shapes the facade's resource tree is described and typed with.

Copied into ``auth0_users_facade`` by ``openapi/facade_codegen.py``. The tree imports nothing from
the hand-written ``auth0_users`` package: it names what it needs of it here, as protocols, and
``auth0_users`` provides the implementations (its clients, pagers and raw responses). A protocol
that ``auth0_users`` implements with a class of its own is named ``...Shape`` (``SyncPagerShape``
for the ``SyncPager`` class), so that no protocol and class share a name.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Generator, Iterator, Mapping
from typing import Any, NamedTuple, Protocol, TypeVar, runtime_checkable

import httpx

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class Argument(NamedTuple):
    """A keyword argument of an operation: a query parameter, a header or a body field.

    ``name`` is the facade's keyword (the spec's name; a Python keyword gets a trailing
    underscore), ``field`` the generated endpoint's keyword, ``wire`` the name sent; ``array``
    whether it takes a list; ``comma_separated`` whether it is a string of comma-separated names
    (``fields``), which the facade also takes as a list of strings and joins.
    """

    name: str
    field: str
    wire: str
    kind: str
    nullable: bool = False
    minimum: int | None = None
    maximum: int | None = None
    array: bool = False
    comma_separated: bool = False


class Paging(NamedTuple):
    """How a list operation pages: by offset, by checkpoint, or either; ``items`` names the list."""

    offset: bool
    checkpoint: bool
    items: str


class Operation(NamedTuple):
    """One operation of the Users API, derived from the spec."""

    key: str
    module: str
    http_method: str
    path: str
    path_params: tuple[str, ...]
    arguments: tuple[Argument, ...]
    body: str
    paging: Paging | None
    scopes: tuple[str, ...]
    returns_body: bool = False


@runtime_checkable
class PageShape(Protocol[T]):
    """One page: its items, the total when the API reports it, the next cursor, and the response."""

    @property
    def items(self) -> list[T]:
        """The page's items."""

    @property
    def total(self) -> int | None:
        """How many items there are in all, when the API says."""

    @property
    def next_cursor(self) -> str | None:
        """The checkpoint cursor of the next page, if any."""

    @property
    def http_response(self) -> httpx.Response:
        """The HTTP response the page came from."""

    @property
    def headers(self) -> httpx.Headers:
        """The page's response headers (rate-limit headers among them)."""


@runtime_checkable
class SyncPagerShape(Protocol[T]):
    """Iterate for every item across pages, fetched lazily; ``iter_pages()`` for whole pages."""

    def __iter__(self) -> Iterator[T]: ...

    def iter_pages(self) -> Generator[PageShape[T]]:
        """Yield each page in turn."""

    def limit(self, count: int) -> SyncPagerShape[T]:
        """A pager that stops after ``count`` items, fetching no page beyond them."""


@runtime_checkable
class AsyncPagerShape(Protocol[T]):
    """``async for`` gets every item across pages, fetched lazily; ``iter_pages()`` for whole pages."""

    def __aiter__(self) -> AsyncIterator[T]: ...

    def iter_pages(self) -> AsyncGenerator[PageShape[T]]:
        """Yield each page in turn."""

    def limit(self, count: int) -> AsyncPagerShape[T]:
        """A pager that stops after ``count`` items, fetching no page beyond them."""


@runtime_checkable
class SearchAll(Protocol[T_co]):
    """What ``users.search_all`` returns: iterate for every match, oldest first, each once."""

    def __iter__(self) -> Iterator[T_co]: ...


@runtime_checkable
class AsyncSearchAll(Protocol[T_co]):
    """What ``amgmt.users.search_all`` returns: ``async for`` every match, oldest first, each once."""

    def __aiter__(self) -> AsyncIterator[T_co]: ...


@runtime_checkable
class RawResponseShape(Protocol[T_co]):
    """What ``with_raw_response`` calls return: the parsed result and the HTTP response."""

    @property
    def parsed(self) -> T_co:
        """The parsed result, as the plain call returns it."""

    @property
    def http_response(self) -> httpx.Response:
        """The HTTP response."""

    @property
    def status_code(self) -> int:
        """The HTTP status."""

    @property
    def headers(self) -> httpx.Headers:
        """The response headers (rate-limit headers among them)."""


Arguments = Mapping[str, Any]


class SyncCaller(Protocol):
    """What the synchronous tree needs of its client."""

    def _call(self, op: Operation, path_args: tuple[str, ...], kwargs: Arguments) -> Any: ...

    def _call_raw(self, op: Operation, path_args: tuple[str, ...], kwargs: Arguments) -> RawResponseShape[Any]: ...

    def _paginate(self, op: Operation, path_args: tuple[str, ...], kwargs: Arguments) -> SyncPagerShape[Any]: ...


class AsyncCaller(Protocol):
    """What the asynchronous tree needs of its client."""

    async def _call(self, op: Operation, path_args: tuple[str, ...], kwargs: Arguments) -> Any: ...

    async def _call_raw(
        self, op: Operation, path_args: tuple[str, ...], kwargs: Arguments
    ) -> RawResponseShape[Any]: ...

    def _paginate(self, op: Operation, path_args: tuple[str, ...], kwargs: Arguments) -> AsyncPagerShape[Any]: ...


class _Resource:
    __slots__ = ("_client",)
    _path: str = ""
    _operations: tuple[str, ...] = ()
    _resources: tuple[str, ...] = ()

    def __repr__(self) -> str:
        """``<users: get(), ...; helpers: search_all(), ...; resources: roles, ...>``.

        Operations are the spec's; helpers, every other public method (the generated and the
        hand-written ones); resources, the nested nodes.
        """
        cls = type(self)
        listed = {*self._operations, *self._resources, "with_raw_response"}
        helpers = [n for n in dir(cls) if not n.startswith("_") and n not in listed and callable(getattr(cls, n))]
        parts = [", ".join(f"{name}()" for name in self._operations)]
        parts.append("helpers: " + ", ".join(f"{name}()" for name in helpers) if helpers else "")
        parts.append("resources: " + ", ".join(self._resources) if self._resources else "")
        described = "; ".join(part for part in parts if part)
        return f"<{self._path}: {described}>" if described else f"<{self._path}>"


class SyncResource(_Resource):
    """A node of the synchronous resource tree, bound to a client."""

    __slots__ = ()

    def __init__(self, client: SyncCaller) -> None:
        self._client = client


class AsyncResource(_Resource):
    """A node of the asynchronous resource tree, bound to a client."""

    __slots__ = ()

    def __init__(self, client: AsyncCaller) -> None:
        self._client = client
