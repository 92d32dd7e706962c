"""Helpers that let one test body drive the sync and the async client alike."""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable
from typing import Any

import anyio


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


async def eventually(search: Callable[[], Any], done: Callable[[list[Any]], bool], within: float = 30.0) -> list[Any]:
    """The items of ``search()``, repeated until ``done`` accepts them or ``within`` seconds pass.

    User search is eventually consistent, at Auth0 and in the sandbox: a write shows after a while.
    """
    give_up = time.monotonic() + within
    while True:
        found = await collect(search())
        if done(found) or time.monotonic() > give_up:
            return found
        await anyio.sleep(0.05)
