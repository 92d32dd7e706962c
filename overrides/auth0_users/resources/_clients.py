"""The public clients: the core clients with the users resource tree and pagination on top."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from .._core.client import AsyncCoreClient, SyncCoreClient
from .._core.operation import Operation
from ..pagination._pager import AsyncPager, SyncPager
from ._users_async import AsyncUsers
from ._users_sync import Users


class ManagementClient(SyncCoreClient):
    """Synchronous client for the Users API of an Auth0 tenant.

    Pass ``domain`` (``TENANT.REGION.auth0.com``) or ``base_url`` (``https://HOST/api/v2``), and
    either a ``token`` or ``client_id`` with ``client_secret`` for the client-credentials grant
    (tokens from ``/oauth/token`` on the API's origin, or from ``token_url``). Addresses are checked
    before anything is sent; plain ``http://`` is refused beyond loopback unless
    ``allow_insecure_http=True``, which logs a warning. Redirects are never followed.
    ``max_retries`` bounds retries of rate-limited, failed idempotent or unsent requests.
    Pass ``http_client`` to reuse your own ``httpx.Client`` (it is not closed by ``close()``), and
    ``token_cache`` (``auth0_users.token_cache``) to share client-credentials tokens across clients
    and processes. ``pacing`` spaces requests to the tenant's rate limit: ``True`` learns it from
    the responses, ``False`` turns pacing off, a ``RateLimits(burst=..., rate=...)`` gives it, and a
    ``Pacer`` (``mgmt.pacer``) is shared with another client.
    """

    @functools.cached_property
    def users(self) -> Users:
        """Operations on users: ``mgmt.users.get(...)``, ``mgmt.users.roles.assign(...)``, ..."""
        return Users(self)

    def _paginate(self, op: Operation, path_args: tuple[str, ...], kwargs: Mapping[str, Any]) -> SyncPager[Any]:
        """A lazy pager over a list operation."""
        self._prepare(op, path_args, kwargs)  # bad arguments fail here, not at the first page
        return SyncPager(self._fetch, op, path_args, kwargs)


class AsyncManagementClient(AsyncCoreClient):
    """Asynchronous client for the Users API of an Auth0 tenant; see ``ManagementClient``.

    With the ``fast`` extra installed it sends on httpx's aiohttp transport, unless you pass an
    ``http_client`` of your own.
    """

    @functools.cached_property
    def users(self) -> AsyncUsers:
        """Operations on users: ``await amgmt.users.get(...)``, ``async for u in amgmt.users.list()``."""
        return AsyncUsers(self)

    def _paginate(self, op: Operation, path_args: tuple[str, ...], kwargs: Mapping[str, Any]) -> AsyncPager[Any]:
        """A lazy pager over a list operation."""
        self._prepare(op, path_args, kwargs)  # bad arguments fail here, not at the first page
        return AsyncPager(self._fetch, op, path_args, kwargs)
