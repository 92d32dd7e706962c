"""``amgmt.users``: the generated asynchronous operations plus what Auth0 users need on top."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from auth0_users_api._resources_async import AsyncUsersResource
from auth0_users_api.types import UNSET, Unset

from ._users import MERGE_DOC, SEARCH_ALL_DOC, as_read, metadata_patch, retry_lowercase

if TYPE_CHECKING:
    from auth0_users_api.models import GetUserResponseContent, UserResponseSchema

    from ._search import AsyncSearchAllPager


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
    ) -> list[UserResponseSchema]:
        """Find users by email address; see ``ManagementClient.users.list_users_by_email``."""
        found = await super().list_users_by_email(email=email, fields=fields, include_fields=include_fields)
        if retry_lowercase(email, found, lowercase_fallback):
            return await super().list_users_by_email(email=email.lower(), fields=fields, include_fields=include_fields)
        return found

    async def merge_metadata(
        self,
        id: str,
        /,
        *,
        user_metadata: Mapping[str, Any] | Unset = UNSET,
        app_metadata: Mapping[str, Any] | Unset = UNSET,
    ) -> GetUserResponseContent:
        user = await self.get(id)
        patch = metadata_patch(user, {"user_metadata": user_metadata, "app_metadata": app_metadata})
        return as_read(await self.update(id, **patch)) if patch else user

    merge_metadata.__doc__ = MERGE_DOC

    def search_all(self, *, q: str | None = None, **list_arguments: Any) -> AsyncSearchAllPager:
        from ._search import AsyncSearchAllPager

        return AsyncSearchAllPager(self, q, list_arguments)

    search_all.__doc__ = SEARCH_ALL_DOC
