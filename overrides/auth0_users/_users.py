"""What the ``users`` resource adds to the generated operations, shared by its sync and async forms."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from auth0_users_api.types import Unset

from .metadata import deep_merge_patch

if TYPE_CHECKING:
    from auth0_users_api.models import GetUserResponseContent, UpdateUserResponseContent

SEARCH_ALL_DOC = """Stream every user matching ``q``, past the 1000 results Auth0 serves per search.

        The query is split into ranges of ``created_at`` that each hold at most 1000 matches
        (halving any that hold more) and each range is paged in turn, oldest first: no user twice,
        none left out, one page in memory. Other keyword arguments (``fields``, ``connection``,
        ...) pass through to ``list``. Costs a request per range on top of the pages; users
        created while it runs may or may not appear. To copy a whole large tenant, a users export
        job (``POST /jobs/users-exports``) is cheaper. Raises ``SearchLimitError`` if over 1000
        matches share one millisecond. Scope: read:users.
        """

MERGE_DOC = """Deep-merge changes into a user's metadata, keeping every key they do not mention.

        Reads the user, builds with ``metadata.deep_merge_patch`` the smallest first-level patch
        for ``user_metadata`` and/or ``app_metadata`` (``metadata.DELETE`` removes a nested key),
        and sends it; returns the updated user, or the user as read when nothing changes (the
        same model as ``get`` either way).
        Auth0 has no conditional update, so a concurrent writer can still race: the read happens
        right before the write and only the first-level keys that change are sent, so writers of
        other keys are never overwritten. Scopes: read:users and update:users (or
        update:users_app_metadata).
        """


def retry_lowercase(email: str, found: Sequence[Any], enabled: bool) -> bool:
    return enabled and not found and email != email.lower()


def metadata_patch(user: GetUserResponseContent, changes: Mapping[str, Any]) -> dict[str, Any]:
    patch: dict[str, Any] = {}
    for field, change in changes.items():
        if isinstance(change, Unset):
            continue
        stored = getattr(user, field)
        field_patch = deep_merge_patch({} if isinstance(stored, Unset) else stored.to_dict(), change)
        if field_patch:
            patch[field] = field_patch
    return patch


def as_read(updated: UpdateUserResponseContent) -> GetUserResponseContent:
    """An update's answer as the model ``get`` returns: both are the same user object."""
    from auth0_users_api.models import GetUserResponseContent

    return GetUserResponseContent.from_dict(updated.to_dict())
