"""``amgmt.users``: the generated asynchronous operations plus what Auth0 users need on top."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from auth0_users_api.types import UNSET, Unset
from auth0_users_facade import aliases as _aliases
from auth0_users_facade.resources_async import AsyncUsersResource

from .._core.operation import Operation
from ..pagination._search import AsyncSearchAllPager
from ._users import (
    BY_EMAIL_DOC,
    MERGE_DOC,
    AsyncUsersClient,
    by_email_operation,
    count_arguments,
    merge_operations,
    metadata_patch,
    retry_lowercase,
    total_of,
)


class AsyncUsers(AsyncUsersResource):
    """``amgmt.users``: every Users operation, plus an email lookup, metadata merge, search_all and count."""

    __slots__ = ()
    _client: AsyncUsersClient

    async def list_users_by_email(
        self,
        *,
        email: str,
        fields: str | Sequence[str] | Unset = UNSET,
        include_fields: bool | Unset = UNSET,
        lowercase_fallback: bool = True,
    ) -> _aliases.UsersListUsersByEmailResult:
        op, arguments = by_email_operation(), {"fields": fields, "include_fields": include_fields}
        found: _aliases.UsersListUsersByEmailResult = await self._client._call(op, (), {**arguments, "email": email})
        if retry_lowercase(email, found, lowercase_fallback):
            found = await self._client._call(op, (), {**arguments, "email": email.lower()})
        return found

    list_users_by_email.__doc__ = BY_EMAIL_DOC

    async def merge_metadata(
        self,
        id: str,
        /,
        *,
        user_metadata: Mapping[str, Any] | Unset = UNSET,
        app_metadata: Mapping[str, Any] | Unset = UNSET,
    ) -> _aliases.UsersGetResult:
        get, update = merge_operations()
        user: _aliases.UsersGetResult = await self._client._call(get, (id,), {})
        patch = metadata_patch(user, {"user_metadata": user_metadata, "app_metadata": app_metadata})
        if not patch:
            return user
        updated: _aliases.UsersGetResult = await self._client._call(update, (id,), patch, parse_as=get)
        return updated

    merge_metadata.__doc__ = MERGE_DOC

    def _search_all(self, op: Operation, arguments: Mapping[str, Any]) -> AsyncSearchAllPager[Any]:
        return AsyncSearchAllPager(lambda page: self._client._paginate(op, (), page), arguments)

    async def _count(self, op: Operation, arguments: Mapping[str, Any]) -> int:
        return total_of(*(await self._client._fetch(op, (), count_arguments(arguments))))
