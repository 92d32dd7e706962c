"""The runners: ``run`` on threads, ``arun`` on tasks, both making the calls one :class:`Run` plans."""

from __future__ import annotations

import inspect
import os
import threading
from collections.abc import AsyncIterable, Awaitable, Callable, Collection, Iterable
from typing import Any, TypeVar

from ..resources._clients import AsyncManagementClient, ManagementClient
from .journal import Journal
from .operation import job_of
from .outcomes import Progress, Report
from .plan import Run

ClientT = TypeVar("ClientT")
ItemT = TypeVar("ItemT")
ResultT = TypeVar("ResultT")

DEFAULT_CONCURRENCY = 8


Settle = Callable[[Any, Any], Any]


def _plan(
    items: object,
    operation: Callable[..., Any],
    settle: Settle | None,
    *,
    concurrency: int,
    journal: str | os.PathLike[str] | None,
    job: str | None,
    dry_run: bool,
    total: int | None,
    **choices: Any,
) -> tuple[Run, Settle | None]:
    """Check what both runners take, open and claim the journal, and plan a run over ``items``.

    Returns the plan and the settle function: ``settle``, else the operation's own, if any.
    """
    settle = settle or getattr(operation, "settle", None)
    job = job_of(operation) if job is None else job
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise ValueError(f"concurrency must be a positive integer, got {concurrency!r}")
    if total is None and isinstance(items, Collection):
        total = len(items)
    if not isinstance(job, str) or not job:
        raise TypeError(f"job= must be a non-empty string naming the job, got {job!r}")
    opened = None if journal is None else Journal(journal, readonly=dry_run)
    if opened is not None:
        try:
            opened.claim(job)
        except BaseException:
            opened.close()
            raise
    return Run(journal=opened, can_settle=settle is not None and not dry_run, total=total, **choices), settle


def _not_awaitable(value: Any) -> Any:
    if inspect.isawaitable(value):
        if inspect.iscoroutine(value):
            value.close()
        raise TypeError("the operation returned an awaitable: use bulk.arun with an AsyncManagementClient")
    return value


def run(
    client: ClientT,
    items: Iterable[ItemT],
    operation: Callable[[ClientT, ItemT], ResultT],
    *,
    key: Callable[[ItemT], str] | None = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    stop_on_error: bool = False,
    progress: Callable[[Progress], object] | None = None,
    journal: str | os.PathLike[str] | None = None,
    job: str | None = None,
    retry_unknown: bool = False,
    settle: Callable[[ClientT, ItemT], Any] | None = None,
    total: int | None = None,
    dry_run: bool = False,
) -> Report[ItemT, ResultT]:
    """Apply ``operation(client, item)`` to every item from ``concurrency`` threads; see the module doc.

    ``key`` gives each item its journal key; ``progress`` is called after each outcome with a
    :class:`Progress`; ``journal`` names the journal file, and ``job`` the job it is for (by
    default :func:`job_of` the operation): a journal of another job raises :class:`JournalError`
    before anything is sent. ``retry_unknown`` repeats unknown
    outcomes of earlier runs that cannot be settled; ``settle`` overrides the operation's own
    settle function; ``total`` is the item count when ``items`` has no ``len``. ``dry_run`` reads
    the journal without writing it and settles nothing: pass an operation that sends nothing (a
    preview), and ``job=`` the real run's job, to see what a real run would do for the items it
    would not skip.

    Ctrl-C starts nothing new, lets the items in flight finish and reach the journal, and then
    raises ``KeyboardInterrupt``. Returns the :class:`Report`.
    """
    if isinstance(client, AsyncManagementClient):
        raise TypeError("an AsyncManagementClient needs bulk.arun")
    state, settle = _plan(
        items,
        operation,
        settle,
        key=key,
        concurrency=concurrency,
        journal=journal,
        job=job,
        stop_on_error=stop_on_error,
        retry_unknown=retry_unknown,
        dry_run=dry_run,
        progress=progress,
        total=total,
    )
    source = enumerate(items)
    source_lock = threading.Lock()

    def take() -> tuple[int, Any] | None:
        with source_lock:  # an iterator is not thread-safe, and the index must follow input order
            return next(source, None)

    running = 0
    idle = threading.Condition()

    def work() -> None:
        nonlocal running
        try:
            while not state.stopping and (taken := take()) is not None:
                step = state.admit(*taken)
                while step is not None:
                    call: Callable[[ClientT, ItemT], Any] = settle if step.settling and settle else operation
                    state.persist(step)
                    try:
                        value = call(client, step.item)
                    except Exception as error:
                        step = state.advance(step, error=error)
                        continue
                    step = state.advance(step, value=_not_awaitable(value))
        except BaseException as error:  # not an item's error: stop the run and raise it
            state.abort(error)
        finally:
            with idle:
                running -= 1
                idle.notify_all()

    # Waiting on a condition, not Thread.join: a join interrupted by Ctrl-C can mark a thread
    # that is still running as finished, and the journal must stay open until it has.
    try:
        for n in range(concurrency):
            threading.Thread(target=work, name=f"auth0-users-bulk-{n}", daemon=True).start()
            with idle:
                running += 1
        with idle:
            idle.wait_for(lambda: running <= 0)
    except BaseException:  # Ctrl-C: let what is in flight finish and be journaled, then raise
        state.stop()
        with idle:
            idle.wait_for(lambda: running <= 0)
        raise
    finally:
        state.close()
    return state.finish(source if isinstance(items, Collection) else None)


async def arun(
    client: ClientT,
    items: Iterable[ItemT] | AsyncIterable[ItemT],
    operation: Callable[[ClientT, ItemT], Awaitable[ResultT]],
    *,
    key: Callable[[ItemT], str] | None = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    stop_on_error: bool = False,
    progress: Callable[[Progress], object] | None = None,
    journal: str | os.PathLike[str] | None = None,
    job: str | None = None,
    retry_unknown: bool = False,
    settle: Callable[[ClientT, ItemT], Any] | None = None,
    total: int | None = None,
    dry_run: bool = False,
) -> Report[ItemT, ResultT]:
    """Apply ``operation(client, item)`` to every item from ``concurrency`` tasks; see :func:`run`.

    ``items`` may be an async iterable (an async pager). Cancelling the run cancels the calls in
    flight: their items read back from the journal as unknown, so a re-run settles them.
    """
    import asyncio

    if isinstance(client, ManagementClient):
        raise TypeError("a ManagementClient needs bulk.run")
    state, settle = _plan(
        items,
        operation,
        settle,
        key=key,
        concurrency=concurrency,
        journal=journal,
        job=job,
        stop_on_error=stop_on_error,
        retry_unknown=retry_unknown,
        dry_run=dry_run,
        progress=progress,
        total=total,
    )
    source = aiter(items) if isinstance(items, AsyncIterable) else enumerate(items)
    source_lock = asyncio.Lock()
    taken_so_far = 0

    async def take() -> tuple[int, Any] | None:
        nonlocal taken_so_far
        if isinstance(source, enumerate):
            return next(source, None)
        async with source_lock:  # one task at a time may wait on an async iterator
            try:
                item = await anext(source)
            except StopAsyncIteration:
                return None
            taken_so_far += 1
            return taken_so_far - 1, item

    async def work() -> None:
        try:
            while not state.stopping and (taken := await take()) is not None:
                step = state.admit(*taken)
                while step is not None:
                    call: Callable[[ClientT, ItemT], Any] = settle if step.settling and settle else operation
                    if step.started_line:  # an fsync in a thread, so that the loop runs on meanwhile
                        await asyncio.to_thread(state.persist, step)
                    try:
                        value = call(client, step.item)
                        if inspect.isawaitable(value):
                            value = await value
                    except Exception as error:
                        step = state.advance(step, error=error)
                        continue
                    step = state.advance(step, value=value)
        except Exception as error:  # not an item's error: stop the run and raise it
            state.abort(error)

    try:
        async with asyncio.TaskGroup() as group:
            for _ in range(concurrency):
                group.create_task(work())
    finally:
        state.close()
    return state.finish(source if isinstance(items, Collection) and isinstance(source, enumerate) else None)
