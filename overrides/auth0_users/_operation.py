"""How one API operation is described: enough for the client to build, send, parse and page it."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import NamedTuple


class Argument(NamedTuple):
    """A keyword argument of an operation: a query parameter, a header or a body field."""

    name: str
    wire: str
    kind: str
    nullable: bool = False
    minimum: int | None = None
    maximum: int | None = None


class Paging(NamedTuple):
    """How a list operation pages: by offset, by checkpoint, or either; ``items`` names the list."""

    offset: bool
    checkpoint: bool
    items: str


class Operation(NamedTuple):
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
    returns_body: bool = False

    @property
    def endpoint(self) -> ModuleType:
        """The generated endpoint module, imported on first use.

        ``import_module`` waits while another thread is still importing the module; a bare
        ``sys.modules`` lookup would hand out the half-initialised module.
        """
        return importlib.import_module(self.module)

    @property
    def idempotent(self) -> bool:
        """Whether repeating the request cannot change the outcome (Auth0 has no idempotency keys)."""
        return self.http_method in ("GET", "HEAD", "PUT", "DELETE", "OPTIONS")
