"""What the ``users`` resource adds to the generated operations, shared by its sync and async forms.

The extras name operations by key (``users.get``) rather than by generated method or model, so
that they keep working on any spec that has the operations, and say so on one that lacks them.
``search_all`` and ``count`` are generated with ``users.list``'s arguments, typed; the resource
implements their hooks (``_search_all``, ``_count``) with what is here and in ``_search``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

import httpx
from auth0_users_api.types import Unset
from auth0_users_facade.shapes import AsyncCaller, SyncCaller

from .._core.errors import ResponseParseError
from .._core.operation import Operation, require
from ..metadata import checked, deep_merge_patch


class UsersClient(SyncCaller, Protocol):
    """What ``Users`` needs of its client beyond the generated tree's needs."""

    def _call(
        self, op: Operation, path_args: tuple[str, ...], kwargs: Mapping[str, Any], parse_as: Operation | None = None
    ) -> Any: ...

    def _fetch(
        self, op: Operation, path_args: tuple[str, ...], kwargs: Mapping[str, Any]
    ) -> tuple[Any, httpx.Response]: ...


class AsyncUsersClient(AsyncCaller, Protocol):
    """What ``AsyncUsers`` needs of its client beyond the generated tree's needs."""

    async def _call(
        self, op: Operation, path_args: tuple[str, ...], kwargs: Mapping[str, Any], parse_as: Operation | None = None
    ) -> Any: ...

    async def _fetch(
        self, op: Operation, path_args: tuple[str, ...], kwargs: Mapping[str, Any]
    ) -> tuple[Any, httpx.Response]: ...


MERGE_DOC = """Deep-merge changes into a user's metadata, keeping every key they do not mention.

        Reads the user, builds with ``metadata.deep_merge_patch`` the smallest first-level patch
        for ``user_metadata`` and/or ``app_metadata`` (``metadata.DELETE`` removes a nested key),
        and sends it; returns the user as ``get`` does: updated, or as read when nothing changes.
        Auth0 has no conditional update, so a concurrent writer can still race: the read happens
        right before the write and only the first-level keys that change are sent, so writers of
        other keys are never overwritten. Scopes: read:users and update:users (or
        update:users_app_metadata).
        """

BY_EMAIL_DOC = """Find users by email address (``GET /users-by-email``; scope ``read:users``).

        The address is sent exactly as given first, since identity providers other than Auth0
        keep its case. When that finds nobody and the address has upper-case letters, it is asked
        once more in lower case, since Auth0 stores the addresses it owns lower-cased. Pass
        ``lowercase_fallback=False`` to send only the first request.
        """


def by_email_operation() -> Operation:
    return require("users.list_users_by_email", "users.list_users_by_email")


def merge_operations() -> tuple[Operation, Operation]:
    """``users.get`` and ``users.update``, which ``merge_metadata`` reads and writes with."""
    return require("users.get", "merge_metadata"), require("users.update", "merge_metadata")


def retry_lowercase(email: str, found: Sequence[Any], enabled: bool) -> bool:
    return enabled and not found and email != email.lower()


def _as_dict(stored: Any) -> dict[str, Any]:
    if isinstance(stored, Unset) or stored is None:
        return {}
    if hasattr(stored, "to_dict"):
        return dict(stored.to_dict())
    return dict(stored) if isinstance(stored, Mapping) else {}


def metadata_patch(user: Any, changes: Mapping[str, Any]) -> dict[str, Any]:
    patch: dict[str, Any] = {}
    for field, change in changes.items():
        if isinstance(change, Unset):
            continue
        field_patch = deep_merge_patch(_as_dict(getattr(user, field, None)), checked(change, field))
        if field_patch:
            patch[field] = field_patch
    return patch


def count_arguments(arguments: Mapping[str, Any]) -> dict[str, Any]:
    """``users.list``'s arguments for a count: no user, with Auth0's total."""
    return {**arguments, "per_page": 0, "include_totals": True}


def total_of(parsed: Any, response: httpx.Response) -> int:
    """The ``total`` of a count's answer; an answer without one cannot be counted."""
    total = getattr(parsed, "total", None)
    if isinstance(total, bool) or not isinstance(total, int):
        raise ResponseParseError(response, "the answer carries no total, which count reads")
    return total
