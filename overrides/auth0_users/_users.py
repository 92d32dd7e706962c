"""The ``users`` resource: the generated operations plus what Auth0 users need on top."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from auth0_users_api._resources import AsyncUsersResource, UsersResource
from auth0_users_api.models import GetUserResponseContent, UpdateUserResponseContent
from auth0_users_api.types import UNSET, Unset

from ._search import AsyncSearchAllPager, SearchAllPager
from .metadata import deep_merge_patch

_SEARCH_ALL_DOC = """Stream every user matching ``q``, past the 1000 results Auth0 serves per search.

        The query is split into ranges of ``created_at`` that each hold at most 1000 matches
        (halving any that hold more) and each range is paged in turn, oldest first: no user twice,
        none left out, one page in memory. Other keyword arguments (``fields``, ``connection``,
        ...) pass through to ``list``. Costs a request per range on top of the pages; users
        created while it runs may or may not appear. To copy a whole large tenant, a users export
        job (``POST /jobs/users-exports``) is cheaper. Raises ``SearchLimitError`` if over 1000
        matches share one millisecond. Scope: read:users.
        """

_MERGE_DOC = """Deep-merge changes into a user's metadata, keeping every key they do not mention.

        Reads the user, builds with ``metadata.deep_merge_patch`` the smallest first-level patch
        for ``user_metadata`` and/or ``app_metadata`` (``metadata.DELETE`` removes a nested key),
        and sends it; returns the updated user, or the user as read when nothing changes.
        Auth0 has no conditional update, so a concurrent writer can still race: the read happens
        right before the write and only the first-level keys that change are sent, so writers of
        other keys are never overwritten. Scopes: read:users and update:users (or
        update:users_app_metadata).
        """


def _retry_lowercase(email: str, found: list[Any], enabled: bool) -> bool:
    return enabled and not found and email != email.lower()


def _metadata_patch(user: GetUserResponseContent, changes: Mapping[str, Any]) -> dict[str, Any]:
    patch: dict[str, Any] = {}
    for field, change in changes.items():
        if isinstance(change, Unset):
            continue
        stored = getattr(user, field)
        field_patch = deep_merge_patch({} if isinstance(stored, Unset) else stored.to_dict(), change)
        if field_patch:
            patch[field] = field_patch
    return patch


class Users(UsersResource):
    """``mgmt.users``: every Users operation, with the case-insensitive email lookup."""

    __slots__ = ()

    def list_users_by_email(
        self,
        *,
        email: str,
        fields: str | Unset = UNSET,
        include_fields: bool | Unset = UNSET,
        lowercase_fallback: bool = True,
    ) -> list[Any]:
        """Find users by email address (``GET /users-by-email``; scope ``read:users``).

        The address is sent exactly as given first, since identity providers other than Auth0
        keep its case. When that finds nobody and the address has upper-case letters, it is asked
        once more in lower case, since Auth0 stores the addresses it owns lower-cased. Pass
        ``lowercase_fallback=False`` to send only the first request.
        """
        found = super().list_users_by_email(email=email, fields=fields, include_fields=include_fields)
        if _retry_lowercase(email, found, lowercase_fallback):
            return super().list_users_by_email(email=email.lower(), fields=fields, include_fields=include_fields)
        return found

    def merge_metadata(
        self,
        id: str,
        /,
        *,
        user_metadata: Mapping[str, Any] | Unset = UNSET,
        app_metadata: Mapping[str, Any] | Unset = UNSET,
    ) -> GetUserResponseContent | UpdateUserResponseContent:
        user = self.get(id)
        patch = _metadata_patch(user, {"user_metadata": user_metadata, "app_metadata": app_metadata})
        return self.update(id, **patch) if patch else user

    merge_metadata.__doc__ = _MERGE_DOC

    def search_all(self, *, q: str | None = None, **list_arguments: Any) -> SearchAllPager:
        return SearchAllPager(self, q, list_arguments)

    search_all.__doc__ = _SEARCH_ALL_DOC


class AsyncUsers(AsyncUsersResource):
    """``amgmt.users``: every Users operation, with the case-insensitive email lookup."""

    __slots__ = ()

    async def list_users_by_email(
        self,
        *,
        email: str,
        fields: str | Unset = UNSET,
        include_fields: bool | Unset = UNSET,
        lowercase_fallback: bool = True,
    ) -> list[Any]:
        """Find users by email address; see ``ManagementClient.users.list_users_by_email``."""
        found = await super().list_users_by_email(email=email, fields=fields, include_fields=include_fields)
        if _retry_lowercase(email, found, lowercase_fallback):
            return await super().list_users_by_email(email=email.lower(), fields=fields, include_fields=include_fields)
        return found

    async def merge_metadata(
        self,
        id: str,
        /,
        *,
        user_metadata: Mapping[str, Any] | Unset = UNSET,
        app_metadata: Mapping[str, Any] | Unset = UNSET,
    ) -> GetUserResponseContent | UpdateUserResponseContent:
        user = await self.get(id)
        patch = _metadata_patch(user, {"user_metadata": user_metadata, "app_metadata": app_metadata})
        return await self.update(id, **patch) if patch else user

    merge_metadata.__doc__ = _MERGE_DOC

    def search_all(self, *, q: str | None = None, **list_arguments: Any) -> AsyncSearchAllPager:
        return AsyncSearchAllPager(self, q, list_arguments)

    search_all.__doc__ = _SEARCH_ALL_DOC
