"""The sandbox's state and Auth0's rules for the Users API, with no HTTP in sight.

:class:`SandboxBackend` holds users and what hangs off them (roles, permissions, identities,
authentication methods, sessions, refresh tokens, logs, organizations, groups, ...), plus a small
tenant catalog (connections, roles, APIs, organizations, groups) for them to refer to. Its methods
are named after the API operations; they take plain values and return JSON-ready objects, and raise
:class:`ApiError` carrying Auth0's status, message and ``errorCode``. An unknown user is a 404
where the spec documents one, and a 400 otherwise.

Each resource's operations live in a module of their own, as a small class over the shared
:class:`._tenant.Tenant` state; :class:`SandboxBackend` puts them together, so the HTTP app finds
every operation by its name on one object.
"""

from __future__ import annotations

from ._authentication import AuthenticationOperations
from ._errors import ApiError
from ._identities import IdentityOperations
from ._memberships import MembershipOperations
from ._records import JsonObject
from ._roles import RoleOperations
from ._search import SearchOperations
from ._seed import seed_users
from ._sessions import SessionOperations
from ._users import UserOperations

__all__ = ["ApiError", "SandboxBackend"]


class SandboxBackend(
    UserOperations,
    IdentityOperations,
    SearchOperations,
    RoleOperations,
    MembershipOperations,
    AuthenticationOperations,
    SessionOperations,
):
    """In-memory Users API state and rules; one method per API operation."""

    def seed(self, n: int, seed: int = 0, *, same_created_at: int = 1) -> list[JsonObject]:
        """Add ``n`` realistic users, the same ones for the same arguments; see :mod:`._seed`.

        Seeded users are searchable at once: they stand for a tenant's existing users.
        """
        with self.lag.paused():
            return seed_users(self, n, seed, same_created_at=same_created_at)
