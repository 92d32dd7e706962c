"""``/users/{id}/groups`` and ``/users/{id}/organizations``: what a user belongs to."""

from __future__ import annotations

from ._catalog import group_view
from ._records import JsonObject
from ._tenant import Tenant


class MembershipOperations(Tenant):
    """A user's groups and organizations."""

    def list_groups(self, user_id: str) -> list[JsonObject]:
        """``GET /users/{id}/groups``."""
        self._user(user_id)
        return [
            {**group_view(self.catalog.groups[group_id]), "membership_created_at": since}
            for group_id, since in self.state[user_id].groups
        ]

    def list_organizations(self, user_id: str) -> list[JsonObject]:
        """``GET /users/{id}/organizations``."""
        self._user(user_id)
        return [dict(self.catalog.organizations[org_id]) for org_id in self.state[user_id].organizations]
