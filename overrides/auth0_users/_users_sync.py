"""``mgmt.users``: the generated synchronous operations plus what Auth0 users need on top."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from auth0_users_api._resources import UsersResource
from auth0_users_api.types import UNSET, Unset

from ._users import MERGE_DOC, SEARCH_ALL_DOC, as_read, metadata_patch, retry_lowercase

if TYPE_CHECKING:
    from auth0_users_api.models import GetUserResponseContent, UserResponseSchema

    from ._search import SearchAllPager


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
    ) -> list[UserResponseSchema]:
        """Find users by email address (``GET /users-by-email``; scope ``read:users``).

        The address is sent exactly as given first, since identity providers other than Auth0
        keep its case. When that finds nobody and the address has upper-case letters, it is asked
        once more in lower case, since Auth0 stores the addresses it owns lower-cased. Pass
        ``lowercase_fallback=False`` to send only the first request.
        """
        found = super().list_users_by_email(email=email, fields=fields, include_fields=include_fields)
        if retry_lowercase(email, found, lowercase_fallback):
            return super().list_users_by_email(email=email.lower(), fields=fields, include_fields=include_fields)
        return found

    def merge_metadata(
        self,
        id: str,
        /,
        *,
        user_metadata: Mapping[str, Any] | Unset = UNSET,
        app_metadata: Mapping[str, Any] | Unset = UNSET,
    ) -> GetUserResponseContent:
        user = self.get(id)
        patch = metadata_patch(user, {"user_metadata": user_metadata, "app_metadata": app_metadata})
        return as_read(self.update(id, **patch)) if patch else user

    merge_metadata.__doc__ = MERGE_DOC

    def search_all(self, *, q: str | None = None, **list_arguments: Any) -> SearchAllPager:
        from ._search import SearchAllPager

        return SearchAllPager(self, q, list_arguments)

    search_all.__doc__ = SEARCH_ALL_DOC
