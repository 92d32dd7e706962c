"""What the ``users`` resource adds to the generated operations, shared by its sync and async forms.

The extras name operations by key (``users.get``) rather than by generated method or model, so
that they keep working on any spec that has the operations, and say so on one that lacks them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from auth0_users_api.types import Unset

from ._operation import Operation, require
from .metadata import checked, deep_merge_patch

SEARCH_ALL_DOC = """Stream every user matching ``q``, past the 1000 results Auth0 serves per search.

        Matches come oldest first, each once, one page in memory. Each range of ``created_at`` is
        read up to the 1000 results Auth0 serves, and the next range starts at the last one
        served, so the cost is about that of paging the matches: ceil(matches / 100) requests
        and a few more. Other keyword arguments (``fields``, ``connection``, ``per_page``, ...)
        pass through to ``list``; ``fields`` that leave out ``created_at`` or ``user_id`` get
        them added, as search_all reads both. Users created while it runs may or may not
        appear. To copy a whole large tenant, a users export job (``POST /jobs/users-exports``)
        is cheaper. Raises ``SearchSplitError`` if over 1000 matches share one millisecond.
        Scope: read:users.
        """

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


def list_operation() -> Operation:
    """``users.list``, which ``search_all`` pages through."""
    return require("users.list", "search_all")


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
