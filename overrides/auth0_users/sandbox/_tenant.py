"""One sandbox tenant's state, and the steps every resource's operations share.

:class:`Tenant` holds the users, what hangs off each (:class:`UserState`), the catalog, the search
index and its lag. Changes to a stored user go through :meth:`Tenant._changing`, so that search
(:mod:`._index`, :mod:`._lag`) and the cached sort orders follow them.
"""

from __future__ import annotations

import random
import string
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from ._catalog import DATABASE_CONNECTION, default_catalog
from ._errors import not_found
from ._index import UserIndex
from ._lag import IndexLag
from ._passwords import DEFAULT_PASSWORD_POLICY, known_password_policy
from ._records import JsonObject, alnum, now


@dataclass
class UserState:
    """Everything the sandbox keeps about one user beyond the profile itself."""

    roles: list[str] = field(default_factory=list)
    permissions: list[tuple[str, str]] = field(default_factory=list)
    authentication_methods: list[JsonObject] = field(default_factory=list)
    sessions: list[JsonObject] = field(default_factory=list)
    refresh_tokens: list[JsonObject] = field(default_factory=list)
    logs: list[JsonObject] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    groups: list[tuple[str, str]] = field(default_factory=list)
    tokensets: list[JsonObject] = field(default_factory=list)
    connected_accounts: list[JsonObject] = field(default_factory=list)
    remember_browser_invalidated_at: str | None = None


class Tenant:
    """Users, their state and the catalog, with the storage steps the API operations build on."""

    def __init__(self, password_policy: str = DEFAULT_PASSWORD_POLICY, index_lag: float = 0.0) -> None:
        self.rng = random.Random()
        self.password_policy = known_password_policy(password_policy)
        #: How long a write takes to reach user search (``GET /users``); see :mod:`._lag`.
        self.lag = IndexLag(index_lag)
        self.reset()

    def reset(self) -> None:
        """Forget every user and restore the default catalog."""
        self.catalog = default_catalog(self.password_policy)
        self.users: dict[str, JsonObject] = {}
        self.state: dict[str, UserState] = {}
        self._by_email: dict[str, set[str]] = {}
        self.index = UserIndex(self.users)
        self._version = 0
        #: User ids in a sort order, and their ranks, each as of the ``_version`` they were made at.
        self._sorted: dict[str, tuple[int, list[str]]] = {}
        self._ranks: dict[str, tuple[int, dict[str, int]]] = {}
        self.lag.settle()

    # -- catalog -------------------------------------------------------------------------------

    def add_role(
        self, name: str, description: str = "", permissions: Iterable[tuple[str, str]] = (), role_id: str | None = None
    ) -> JsonObject:
        """Add a role to the tenant catalog and return it; permissions are (API identifier, scope)."""
        role_id = role_id or "rol_" + alnum(self.rng, 16)
        role = {"id": role_id, "name": name, "description": description, "permissions": list(permissions)}
        self.catalog.roles[role_id] = role
        return role

    def set_password_policy(self, policy: str, connection: str = DATABASE_CONNECTION) -> None:
        """Set a database connection's password strength level (``none`` to ``excellent``) until :meth:`reset`."""
        found = self.catalog.connections.get(connection)
        if found is None or "password_policy" not in found:
            raise ValueError(f"{connection!r} is not a database connection of the sandbox")
        found["password_policy"] = known_password_policy(policy)

    # -- stored users ----------------------------------------------------------------------------

    def _user(self, user_id: str, missing: int = 404) -> JsonObject:
        user = self.users.get(user_id)
        if user is None:
            raise not_found("user", missing)
        return user

    def _touch(self) -> None:
        self._version += 1

    @contextmanager
    def _changing(self, user: JsonObject) -> Iterator[None]:
        """Around a change of a stored user: the search index follows it, and sorted orders expire."""
        self.lag.before_write(user["user_id"], user)
        self.index.remove(user["user_id"], user)
        try:
            yield
        finally:
            self.index.add(user["user_id"], user)
            self._touch()
            self.lag.after_write(user["user_id"], user)

    def _index_email(self, user_id: str, old: str | None, new: str | None) -> None:
        if old:
            self._by_email.get(old, set()).discard(user_id)
        if new:
            self._by_email.setdefault(new, set()).add(user_id)

    def insert_user(self, user: JsonObject, state: UserState | None = None) -> JsonObject:
        """Store a fully formed user (used by seeding and identity unlinking)."""
        self.lag.before_write(user["user_id"], None)
        self.users[user["user_id"]] = user
        self.state[user["user_id"]] = state or UserState()
        self._index_email(user["user_id"], None, user.get("email"))
        self.index.add(user["user_id"], user)
        self._touch()
        self.lag.after_write(user["user_id"], user)
        return user

    def delete_user(self, user_id: str) -> None:
        """``DELETE /users/{id}``: deleting an unknown user is not an error."""
        user = self.users.pop(user_id, None)
        if user is not None:
            self.lag.before_write(user_id, user)
            self._index_email(user_id, user.get("email"), None)
            self.index.remove(user_id, user)
            del self.state[user_id]
            self._touch()
            self.lag.after_write(user_id, None)

    def _log(self, user_id: str, kind: str, description: str) -> None:
        """Record a Management API call in the user's logs (``GET /users/{id}/logs``)."""
        user = self.users[user_id]
        self.state[user_id].logs.append(
            {
                "date": now(),
                "type": kind,
                "description": description,
                "client_id": "sandbox0management0client0id00",
                "client_name": "auth0-users sandbox",
                "ip": "127.0.0.1",
                "user_id": user_id,
                "user_name": user.get("email") or user.get("name") or user_id,
                "log_id": "9" + "".join(self.rng.choice(string.digits) for _ in range(55)),
            }
        )
