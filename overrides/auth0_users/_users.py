"""The ``users`` resource: the generated operations plus what Auth0 users need on top."""

from __future__ import annotations

from typing import Any

from auth0_users_api._resources import AsyncUsersResource, UsersResource
from auth0_users_api.types import UNSET, Unset


def _retry_lowercase(email: str, found: list[Any], enabled: bool) -> bool:
    return enabled and not found and email != email.lower()


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
