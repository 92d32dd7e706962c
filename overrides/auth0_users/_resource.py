"""Base classes of the resource tree; the tree itself is generated (``auth0_users_api._resources``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._client import AsyncManagementClient, ManagementClient


class SyncResource:
    """A node of the synchronous resource tree, bound to a client."""

    __slots__ = ("_client",)

    def __init__(self, client: ManagementClient) -> None:
        self._client = client


class AsyncResource:
    """A node of the asynchronous resource tree, bound to a client."""

    __slots__ = ("_client",)

    def __init__(self, client: AsyncManagementClient) -> None:
        self._client = client
