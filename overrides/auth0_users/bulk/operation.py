"""A bulk operation that can settle its own unknown outcomes, and the job an operation does."""

from __future__ import annotations

import functools
import hashlib
import inspect
import json
from collections.abc import Callable
from typing import Any, Generic, TypeVar

ItemT = TypeVar("ItemT")


class BulkOperation(Generic[ItemT]):
    """An operation that knows how to settle an unknown outcome of itself.

    ``call(client, item)`` does the work. ``settle(client, item)`` finds out, without writing,
    whether it applied: it returns the result when it did, :data:`NOT_APPLIED` when it certainly
    did not, and raises (:class:`Unsettled` or any error) when it cannot tell. Both return
    awaitables when given an ``AsyncManagementClient``. ``name`` names the job in a journal's
    header (by default, what :func:`job_of` makes of ``call``).
    """

    __slots__ = ("call", "name", "settle")

    def __init__(
        self,
        call: Callable[[Any, ItemT], Any],
        settle: Callable[[Any, ItemT], Any] | None = None,
        *,
        name: str | None = None,
    ) -> None:
        self.call = call
        self.settle = settle
        self.name = name or job_of(call)

    def __call__(self, client: Any, item: ItemT) -> Any:
        """Do the work for one item."""
        return self.call(client, item)

    def __repr__(self) -> str:
        return f"<BulkOperation {self.name}>"


def job_of(operation: Callable[..., Any]) -> str:
    """The job an operation does, as a journal's header records it when ``job=`` is not given.

    A :class:`BulkOperation`'s name; else the function's qualified name. A lambda or a local function
    is not told apart by its name, so a digest of its source and of the values it uses (the ones
    it closes over and the globals it reads) follows: ``set_plan("pro")`` and ``set_plan("basic")``
    are two jobs, and so is a lambda whose code changed.
    """
    if isinstance(operation, BulkOperation):
        return operation.name
    if isinstance(operation, functools.partial):
        arguments = [_stable(list(operation.args)), {name: _stable(v) for name, v in operation.keywords.items()}]
        return f"{job_of(operation.func)} with {_digest(arguments)}"
    if not (inspect.isfunction(operation) or inspect.ismethod(operation)):
        operation = type(operation)
    name = f"{getattr(operation, '__module__', None) or '?'}.{getattr(operation, '__qualname__', '?')}"
    if inspect.isfunction(operation) and "<" in operation.__qualname__:
        return f"{name} {_digest(_source_and_values(operation))}"
    return name


def _source_and_values(function: Callable[..., Any]) -> list[Any]:
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):  # no source (a REPL): the compiled code stands for it
        source = function.__code__.co_code.hex()
    try:
        used = inspect.getclosurevars(function)
        values = {**used.globals, **used.nonlocals}
    except (TypeError, ValueError):
        values = {}
    return [source, {name: _stable(value) for name, value in sorted(values.items())}]


def _stable(value: Any) -> Any:
    """A value as JSON when it is plain data, else its type's name (a client, a module, a function)."""
    try:
        return json.loads(json.dumps(value, sort_keys=True))
    except (TypeError, ValueError, RecursionError):
        return type(value).__qualname__


def _digest(value: Any) -> str:
    return "#" + hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:12]
