"""The operations the client sends, as the facade codegen describes them, and their endpoints."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from auth0_users_facade.operations import OPERATIONS
from auth0_users_facade.shapes import Argument, Operation, Paging

from .errors import InvalidArgumentError, OperationUnavailableError

__all__ = ["Argument", "Operation", "Paging", "check_bounds", "endpoint", "query_value", "require"]


_ENDPOINTS: dict[str, ModuleType] = {}


def endpoint(op: Operation) -> ModuleType:
    """The generated endpoint module of ``op``, imported on first use.

    ``import_module`` waits while another thread is still importing the module; a bare
    ``sys.modules`` lookup would hand out the half-initialised module. So only modules it has
    returned are kept here.
    """
    module = _ENDPOINTS.get(op.module)
    if module is None:
        module = _ENDPOINTS[op.module] = importlib.import_module(op.module)
    return module


def require(key: str, feature: str) -> Operation:
    """The operation ``key`` (``users.get``), or a clear error when the spec in use has none."""
    op = OPERATIONS.get(key)
    if op is None:
        raise OperationUnavailableError(
            f"{feature} needs the operation {key}, which the Management API spec this package was generated "
            "from does not have; regenerate from a spec that has it (make update-spec SPEC=...)"
        )
    return op


def check_bounds(where: str, name: str, value: Any, minimum: int | None, maximum: int | None) -> None:
    """Refuse an integer argument of another type or out of its bounds: one message for every caller."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{where}: {name} must be an integer, got {value!r}")
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        low = "" if minimum is None else f" at least {minimum}"
        high = "" if maximum is None else f" at most {maximum}"
        joined = " and".join(part for part in (low, high) if part)
        raise InvalidArgumentError(f"{where}: {name} must be{joined}, got {value}")


def query_value(op: Operation, argument: Argument, value: Any) -> Any:
    """What to send for a query parameter: a list or tuple of names joined with commas.

    Only where the spec describes the parameter as comma-separated (``fields``): Auth0 reads that
    form, not a repeated parameter.
    """
    if not argument.comma_separated or not isinstance(value, list | tuple):
        return value
    if not all(isinstance(name, str) for name in value):
        raise TypeError(f"{op.key}: {argument.name} takes a string or a list of strings, got {value!r}")
    return ",".join(value)
