"""Pagination as Auth0 does it, declared per operation rather than coded in each.

Offset pagination takes ``page``, ``per_page`` and ``include_totals`` and answers a bare array, or an
object with ``start``, ``limit`` (``length`` where the spec has it), ``total`` and the items under the
operation's key. Checkpoint pagination takes ``from`` (an opaque cursor) and ``take`` and answers an
object with the items and, when more remain, ``next``. What a parameter may be (``per_page`` at most
100, ``take`` at least 1, ...) is the spec's to say and is checked before paging (``_validate``); a
page is never longer than the operation's documented page size.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ._errors import ApiError

MAX_PER_PAGE = 100
SEARCH_RESULT_LIMIT = 1000
SEARCH_LIMIT_MESSAGE = (
    "You can only page through the first 1000 records. "
    "See https://auth0.com/docs/users/search/v3/view-search-results-by-page#limitation"
)


class Paging(Protocol):
    """How an operation turns its full result list into one response body."""

    def apply(self, items: Sequence[Any], query: Mapping[str, Any]) -> Any:
        """Return the response body for the page the query asks for."""


@dataclass(frozen=True)
class Offset:
    """``page``/``per_page``/``include_totals``; ``cap`` refuses pages past the search result limit."""

    key: str
    length: bool = False
    cap: bool = False
    default_per_page: int | None = 50

    def apply(self, items: Sequence[Any], query: Mapping[str, Any]) -> Any:
        """Return the page as a bare array or, with ``include_totals``, the totals object."""
        page: int = query.get("page", 0)
        per_page: int | None = query.get("per_page", self.default_per_page)
        if per_page is None:
            start, chunk = 0, list(items)
        else:
            if self.cap and page * per_page + per_page > SEARCH_RESULT_LIMIT:
                raise ApiError(400, SEARCH_LIMIT_MESSAGE, "invalid_paging")
            start = page * per_page
            chunk = list(items[start : start + per_page])
        if not query.get("include_totals", False):
            return chunk
        body: dict[str, Any] = {"start": start, "limit": len(chunk) if per_page is None else per_page}
        if self.length:
            body["length"] = len(chunk)
        body["total"] = len(items)
        body[self.key] = chunk
        return body


@dataclass(frozen=True)
class Checkpoint:
    """``from``/``take``; the cursor is opaque to clients and names where the next page starts.

    A ``take`` above ``page_size`` (that the spec allows) gets a page of ``page_size`` items.
    """

    key: str
    default_take: int = 50
    page_size: int = MAX_PER_PAGE

    def apply(self, items: Sequence[Any], query: Mapping[str, Any]) -> Any:
        """Return ``{key: items, next?}`` (and ``total`` when ``include_totals`` is asked for)."""
        take: int = min(query.get("take", self.default_take), self.page_size)
        start = decode_cursor(query["from"]) if query.get("from") else 0
        body: dict[str, Any] = {self.key: list(items[start : start + take])}
        if start + take < len(items):
            body["next"] = encode_cursor(start + take)
        if query.get("include_totals", False):
            body["total"] = len(items)
        return body


@dataclass(frozen=True)
class OffsetOrCheckpoint:
    """Operations that accept both: ``from`` or ``take`` selects checkpoint pagination."""

    offset: Offset
    checkpoint: Checkpoint

    def apply(self, items: Sequence[Any], query: Mapping[str, Any]) -> Any:
        """Page with whichever strategy the query's parameters select."""
        strategy: Paging = self.checkpoint if "from" in query or "take" in query else self.offset
        return strategy.apply(items, query)


def encode_cursor(position: int) -> str:
    """Return the opaque cursor for a position in a result list."""
    return base64.urlsafe_b64encode(f"pos:{position}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    """Return the position a cursor from :func:`encode_cursor` names; 400 for anything else."""
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        kind, _, number = text.partition(":")
        if kind == "pos" and number.isdigit():
            return int(number)
    except ValueError:  # not base64 (non-ASCII included), or not UTF-8 inside
        pass
    raise ApiError(400, "Query validation error: 'Invalid checkpoint' on property from.", "invalid_query_string")
