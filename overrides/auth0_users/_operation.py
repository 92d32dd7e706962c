"""How one API operation is described: enough for the client to build, send, parse and page it."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True, slots=True)
class Argument:
    """A keyword argument of an operation: a query parameter, a header or a body field."""

    name: str
    wire: str
    kind: str
    nullable: bool = False
    minimum: int | None = None
    maximum: int | None = None


@dataclass(frozen=True, slots=True)
class Paging:
    """How a list operation pages: by offset, by checkpoint, or either; ``items`` names the list."""

    offset: bool
    checkpoint: bool
    items: str


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation of the Users API, derived from the spec (see ``auth0_users_api._resources``)."""

    key: str
    module: str
    http_method: str
    path: str
    path_params: tuple[str, ...]
    arguments: tuple[Argument, ...]
    body: str
    paging: Paging | None
    scopes: tuple[str, ...]

    @property
    def endpoint(self) -> ModuleType:
        """The generated endpoint module, imported on first use."""
        return importlib.import_module(self.module)

    @property
    def idempotent(self) -> bool:
        """Whether repeating the request cannot change the outcome (Auth0 has no idempotency keys)."""
        return self.http_method in ("GET", "HEAD", "PUT", "DELETE", "OPTIONS")
