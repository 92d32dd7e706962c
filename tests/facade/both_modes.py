"""Helpers that let one test body drive the sync and the async client alike."""

from __future__ import annotations

import inspect
from typing import Any


async def run(result: Any) -> Any:
    """The value of a sync call, or of an async one once awaited."""
    return await result if inspect.isawaitable(result) else result


async def collect(iterable: Any) -> list[Any]:
    """Every item of a sync or async pager."""
    if hasattr(iterable, "__aiter__"):
        return [item async for item in iterable]
    return list(iterable)


async def pages(pager: Any) -> list[Any]:
    """Every page of a sync or async pager."""
    if hasattr(pager, "__aiter__"):
        return [page async for page in pager.iter_pages()]
    return list(pager.iter_pages())
