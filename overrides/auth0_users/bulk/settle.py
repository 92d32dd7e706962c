"""Bulk operations on users that settle their own unknown outcomes by reading Auth0 back.

Each takes one mapping per item: :data:`create_user` the ``users.create`` arguments,
:data:`update_user` a ``user_id`` and the ``users.update`` fields, :data:`merge_metadata` a
``user_id`` and the ``user_metadata`` or ``app_metadata`` to deep-merge, :data:`assign_roles` and
:data:`remove_roles` a ``user_id`` and ``roles`` (role ids), :data:`delete_user` a ``user_id``.
A settle function writes nothing: it returns the result when the write applied,
:data:`NOT_APPLIED` when it certainly did not, and raises :class:`Unsettled` when a read cannot
tell. Each works with both clients: given an ``AsyncManagementClient``, it returns an awaitable.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import AsyncIterable, Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

from .._core.requests import jsonable as _jsonable
from ..metadata import deep_merge_patch, predict
from .operation import BulkOperation
from .outcomes import NOT_APPLIED, Unsettled

if TYPE_CHECKING:
    from auth0_users_facade.aliases import UsersListUsersByEmailResult

USER_ID: Final = "user_id"
METADATA: Final = ("user_metadata", "app_metadata")


def _then(value: Any, then: Callable[[Any], Any]) -> Any:
    """``then(value)``, or for an awaitable value an awaitable of it: one body for both clients."""
    if inspect.isawaitable(value):

        async def later() -> Any:
            return then(await value)

        return later()
    return then(value)


def _create(client: Any, item: Mapping[str, Any]) -> Any:
    return client.users.create(**item)


def _find_created(client: Any, item: Mapping[str, Any]) -> Any:
    email, connection = item.get("email"), item.get("connection")
    if not email or not connection:
        raise Unsettled("a user can be looked up only by its email and connection")
    return _then(client.users.list_users_by_email(email=email), lambda found: _created_user(found, connection))


def _created_user(found: UsersListUsersByEmailResult, connection: str) -> Any:
    on_connection = [
        user for user in found if any(identity.connection == connection for identity in (user.identities or ()))
    ]
    if not on_connection:
        return NOT_APPLIED
    if len(on_connection) > 1:
        raise Unsettled(f"{len(on_connection)} users have this email on {connection}")
    return on_connection[0]


create_user: Final[BulkOperation[Mapping[str, Any]]] = BulkOperation(
    _create, _find_created, name="auth0_users.bulk.create_user"
)
"""Create a user from a mapping of ``users.create`` arguments (``connection``, ``email``, ...).

An unknown outcome settles through ``GET /users-by-email`` (immediately consistent): one user
with the email on the item's connection means done, with that user; none means not applied.
"""


def _same(sent: Any, stored: Any) -> bool:
    """Whether two JSON values are equal as JSON: ``true`` is not ``1``, key order does not count."""
    if isinstance(sent, Mapping) and isinstance(stored, Mapping):
        return sent.keys() == stored.keys() and all(_same(sent[key], stored[key]) for key in sent)
    if isinstance(sent, list) and isinstance(stored, list):
        return len(sent) == len(stored) and all(_same(a, b) for a, b in zip(sent, stored, strict=True))
    return isinstance(sent, bool) is isinstance(stored, bool) and sent == stored


_EXACT_NUMBERS = 2**53  # Auth0 stores JSON numbers as doubles: integers beyond this come back rounded


def _kept_as_sent(value: Any) -> bool:
    """Whether Auth0 stores a JSON value exactly as sent, so that a read can show it was."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return True
    if isinstance(value, int):
        return abs(value) <= _EXACT_NUMBERS
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, Mapping):
        return all(_kept_as_sent(item) for item in value.values())
    if isinstance(value, list):
        return all(_kept_as_sent(item) for item in value)
    return False


def _folded(sent: Any, stored: Any) -> bool:
    """Auth0 lower-cases the emails (and usernames) it owns; other providers keep their case."""
    if isinstance(sent, str) and isinstance(stored, str):
        return sent.casefold() == stored.casefold()
    return _same(sent, stored)


def _merged(sent: Any, stored: Any) -> bool:
    """Metadata merges on the first level, a ``null`` deleting its key: applied if merging again changes nothing."""
    current = stored if isinstance(stored, Mapping) else {}
    return _same(predict(current, sent), current)


# How a read shows each field an update sets, by Auth0's rules; a ``null`` removes the field. A field
# not here cannot be confirmed by a read: write-only ones (password, connection, verify_email, ...),
# ones Auth0 may reshape (picture, a URL), and any this version does not know.
_READ_BACK: Final[Mapping[str, Callable[[Any, Any], bool]]] = {
    **dict.fromkeys(("blocked", "email_verified", "phone_verified", "phone_number"), _same),
    **dict.fromkeys(("name", "given_name", "family_name", "nickname"), _same),
    **dict.fromkeys(("email", "username"), _folded),
    **dict.fromkeys(("user_metadata", "app_metadata"), _merged),
}


def _user_changes(item: Mapping[str, Any], operation: str) -> tuple[str, dict[str, Any]]:
    if not isinstance(item, Mapping) or not isinstance(item.get(USER_ID), str):
        raise TypeError(f"{operation} takes a mapping with a user_id and the fields to change, got {item!r}")
    changes = {name: value for name, value in item.items() if name != USER_ID}
    return item[USER_ID], changes


def _update(client: Any, item: Mapping[str, Any]) -> Any:
    user_id, changes = _user_changes(item, "update_user")
    return client.users.update(user_id, **changes)


def _read_back(client: Any, item: Mapping[str, Any]) -> Any:
    user_id, changes = _user_changes(item, "update_user")
    wanted = {name: _jsonable(value) for name, value in changes.items()}
    unreadable = sorted(name for name, value in wanted.items() if name not in _READ_BACK or not _kept_as_sent(value))
    if unreadable:
        raise Unsettled(f"a read cannot show whether {', '.join(unreadable)} was set")
    return _then(client.users.get(user_id), lambda user: _updated_user(user, wanted))


def _updated_user(user: Any, wanted: Mapping[str, Any]) -> Any:
    stored = user.to_dict()
    if all(_READ_BACK[name](value, stored.get(name)) for name, value in wanted.items()):
        return user
    return NOT_APPLIED


update_user: Final[BulkOperation[Mapping[str, Any]]] = BulkOperation(
    _update, _read_back, name="auth0_users.bulk.update_user"
)
"""Update a user from a mapping of its ``user_id`` and the ``users.update`` fields to set.

An unknown outcome settles by reading the user, comparing as Auth0 stores: emails and usernames
without case, metadata by the first-level merge rule, ``null`` as removed. Every field holding
the value sent means done, with the user; any other value means not applied. An update with a
field a read cannot confirm (``password``, ``connection``, ``picture``, a number beyond 2**53)
stays unknown rather than be sent twice.
"""


def _merge(client: Any, item: Mapping[str, Any]) -> Any:
    user_id, changes = _user_changes(item, "merge_metadata")
    return client.users.merge_metadata(user_id, **changes)


def _find_merged(client: Any, item: Mapping[str, Any]) -> Any:
    user_id, changes = _user_changes(item, "merge_metadata")
    if not all(_kept_as_sent(_jsonable(change)) for change in changes.values()):
        raise Unsettled("a read cannot show whether a number beyond 2**53 was stored")
    return _then(client.users.get(user_id), lambda user: _merged_user(user, changes))


def _merged_user(user: Any, changes: Mapping[str, Any]) -> Any:
    """Applied when merging each change again would send nothing."""
    stored = user.to_dict()
    if any(deep_merge_patch(stored.get(name) or {}, change) for name, change in changes.items()):
        return NOT_APPLIED
    return user


merge_metadata: Final[BulkOperation[Mapping[str, Any]]] = BulkOperation(
    _merge, _find_merged, name="auth0_users.bulk.merge_metadata"
)
"""Deep-merge metadata into a user (``users.merge_metadata``), from a mapping of its ``user_id``
and ``user_metadata`` or ``app_metadata``.

An unknown outcome settles by reading the user: done when merging each change again would
change nothing, else not applied.
"""


def _user_roles(item: Mapping[str, Any], operation: str) -> tuple[str, list[str]]:
    roles = item.get("roles") if isinstance(item, Mapping) else None
    if not (
        isinstance(item, Mapping)
        and isinstance(item.get(USER_ID), str)
        and isinstance(roles, list)
        and all(isinstance(role, str) for role in roles)
    ):
        raise TypeError(f"{operation} takes a mapping with a user_id and roles, a list of role ids, got {item!r}")
    return item[USER_ID], roles


def _assign(client: Any, item: Mapping[str, Any]) -> Any:
    user_id, roles = _user_roles(item, "assign_roles")
    return client.users.roles.assign(user_id, roles=roles)


def _remove(client: Any, item: Mapping[str, Any]) -> Any:
    user_id, roles = _user_roles(item, "remove_roles")
    return client.users.roles.delete(user_id, roles=roles)


def _every(pager: Any) -> Any:
    """Every item of a pager as a list, or for an async pager an awaitable of it."""
    if isinstance(pager, AsyncIterable):

        async def collected() -> list[Any]:
            return [item async for item in pager]

        return collected()
    return list(pager)


def _roles_settle(*, held: bool) -> Callable[[Any, Mapping[str, Any]], Any]:
    """A settle function: applied when every role is held (``held``), or no longer held."""

    def settle(client: Any, item: Mapping[str, Any]) -> Any:
        user_id, roles = _user_roles(item, "assign_roles" if held else "remove_roles")
        return _then(_every(client.users.roles.list(user_id)), lambda found: _roles_as_wanted(found, roles, held))

    return settle


def _roles_as_wanted(found: list[Any], roles: list[str], held: bool) -> Any:
    ids = {role.id for role in found}
    return None if all((role in ids) is held for role in roles) else NOT_APPLIED


assign_roles: Final[BulkOperation[Mapping[str, Any]]] = BulkOperation(
    _assign, _roles_settle(held=True), name="auth0_users.bulk.assign_roles"
)
"""Assign roles to a user, from a mapping of its ``user_id`` and ``roles`` (role ids).

An unknown outcome settles by listing the user's roles: done when it holds every one.
"""

remove_roles: Final[BulkOperation[Mapping[str, Any]]] = BulkOperation(
    _remove, _roles_settle(held=False), name="auth0_users.bulk.remove_roles"
)
"""Remove roles from a user, from a mapping of its ``user_id`` and ``roles`` (role ids).

An outcome left unknown by a run that ended mid-call settles by listing the user's roles: done
when it holds none of them.
"""


def _delete(client: Any, item: Mapping[str, Any]) -> Any:
    if not isinstance(item, Mapping) or not isinstance(item.get(USER_ID), str):
        raise TypeError(f"delete_user takes a mapping with a user_id, got {item!r}")
    return client.users.delete(item[USER_ID])


delete_user: Final[BulkOperation[Mapping[str, Any]]] = BulkOperation(_delete, name="auth0_users.bulk.delete_user")
"""Delete a user, from a mapping of its ``user_id``.

A DELETE is safe to repeat, so its outcome is never unknown from an answer; one left in flight
by a run that ended stays unknown unless ``retry_unknown=True``.
"""
