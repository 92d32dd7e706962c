"""``/users/{id}/roles``, ``/permissions`` and the effective ones (direct, through roles, through groups)."""

from __future__ import annotations

from typing import Any

from ._bodies import STRING, check_body
from ._catalog import group_view, role_view
from ._errors import ApiError, bad_body
from ._records import JsonObject
from ._tenant import Tenant


def _string_list(body: Any, key: str) -> list[str]:
    check_body(body, {key: (list,)}, required=[key])
    values = body[key]
    if not values or not all(isinstance(value, str) and value for value in values):
        raise bad_body(f"Expected a non-empty list of non-empty strings on property {key}")
    return list(values)


def _permission_list(body: Any) -> list[tuple[str, str]]:
    check_body(body, {"permissions": (list,)}, required=["permissions"])
    permissions = body["permissions"]
    if not permissions:
        raise bad_body("Array is too short (0), minimum 1 on property permissions")
    pairs = []
    for item in permissions:
        entry = check_body(item, {"resource_server_identifier": STRING, "permission_name": STRING})
        if set(entry) != {"resource_server_identifier", "permission_name"}:
            raise bad_body("Missing required property: resource_server_identifier or permission_name")
        pairs.append((entry["resource_server_identifier"], entry["permission_name"]))
    return pairs


class RoleOperations(Tenant):
    """A user's roles and permissions."""

    def _role(self, role_id: str) -> JsonObject:
        role = self.catalog.roles.get(role_id)
        if role is None:
            raise ApiError(404, f"Role {role_id} does not exist.", "inexistent_role")
        return role

    def list_roles(self, user_id: str) -> list[JsonObject]:
        """``GET /users/{id}/roles``."""
        self._user(user_id)
        return [role_view(self._role(role_id)) for role_id in self.state[user_id].roles]

    def assign_roles(self, user_id: str, body: Any) -> None:
        """``POST /users/{id}/roles``."""
        self._user(user_id)
        role_ids = _string_list(body, "roles")
        for role_id in role_ids:
            self._role(role_id)
        roles = self.state[user_id].roles
        roles.extend(role_id for role_id in dict.fromkeys(role_ids) if role_id not in roles)

    def remove_roles(self, user_id: str, body: Any) -> None:
        """``DELETE /users/{id}/roles``."""
        self._user(user_id)
        role_ids = set(_string_list(body, "roles"))
        state = self.state[user_id]
        state.roles = [role_id for role_id in state.roles if role_id not in role_ids]

    def _permission_view(self, identifier: str, name: str) -> JsonObject:
        server = self.catalog.resource_servers.get(identifier, {"name": identifier, "scopes": {}})
        view: JsonObject = {
            "resource_server_identifier": identifier,
            "permission_name": name,
            "resource_server_name": server["name"],
        }
        if name in server["scopes"]:
            view["description"] = server["scopes"][name]
        return view

    def list_permissions(self, user_id: str) -> list[JsonObject]:
        """``GET /users/{id}/permissions``: direct permissions and those from roles, with sources."""
        self._user(user_id)
        state = self.state[user_id]
        sources: dict[tuple[str, str], list[JsonObject]] = {}
        for pair in state.permissions:
            sources.setdefault(pair, []).append({"source_id": "", "source_name": "", "source_type": "DIRECT"})
        for role_id in state.roles:
            role = self._role(role_id)
            for pair in role["permissions"]:
                entry = {"source_id": role_id, "source_name": role["name"], "source_type": "ROLE"}
                sources.setdefault(tuple(pair), []).append(entry)
        return [{**self._permission_view(*pair), "sources": found} for pair, found in sources.items()]

    def add_permissions(self, user_id: str, body: Any) -> None:
        """``POST /users/{id}/permissions``."""
        self._user(user_id)
        pairs = _permission_list(body)
        for identifier, name in pairs:
            server = self.catalog.resource_servers.get(identifier)
            if server is None:
                raise ApiError(404, f"Resource server {identifier} does not exist.", "inexistent_resource_server")
            if name not in server["scopes"]:
                raise ApiError(400, f"Permission {name} does not exist in {identifier}.", "invalid_body")
        permissions = self.state[user_id].permissions
        permissions.extend(pair for pair in dict.fromkeys(pairs) if pair not in permissions)

    def remove_permissions(self, user_id: str, body: Any) -> None:
        """``DELETE /users/{id}/permissions``."""
        self._user(user_id)
        pairs = set(_permission_list(body))
        state = self.state[user_id]
        state.permissions = [pair for pair in state.permissions if pair not in pairs]

    def _effective_roles(self, user_id: str) -> dict[str, list[str]]:
        self._user(user_id)
        state = self.state[user_id]
        found: dict[str, list[str]] = {role_id: ["direct"] for role_id in state.roles}
        for group_id, _ in state.groups:
            for role_id in self.catalog.groups[group_id]["roles"]:
                sources = found.setdefault(role_id, [])
                if "groups" not in sources:
                    sources.append("groups")
        return found

    def list_effective_roles(self, user_id: str) -> list[JsonObject]:
        """``GET /users/{id}/effective-roles``: direct roles and roles through groups."""
        return [
            {**role_view(self._role(role_id)), "sources": sources}
            for role_id, sources in self._effective_roles(user_id).items()
        ]

    def list_role_source_groups(self, user_id: str, role_id: str) -> list[JsonObject]:
        """``GET /users/{id}/effective-roles/sources/groups``: the groups that give the user roles."""
        self._user(user_id)
        groups = [self.catalog.groups[group_id] for group_id, _ in self.state[user_id].groups]
        return [group_view(group) for group in groups if role_id in group["roles"]]

    def list_effective_permissions(self, user_id: str, resource_server_identifier: str) -> list[JsonObject]:
        """``GET /users/{id}/effective-permissions``: direct permissions and those from effective roles."""
        found: dict[tuple[str, str], list[str]] = {pair: ["direct"] for pair in self._direct(user_id)}
        for role_id in self._effective_roles(user_id):
            for pair in self._role(role_id)["permissions"]:
                sources = found.setdefault(tuple(pair), [])
                if "roles" not in sources:
                    sources.append("roles")
        return [
            {**self._permission_view(*pair), "sources": sources}
            for pair, sources in found.items()
            if pair[0] == resource_server_identifier
        ]

    def _direct(self, user_id: str) -> list[tuple[str, str]]:
        self._user(user_id)
        return self.state[user_id].permissions

    def list_permission_role_sources(
        self, user_id: str, resource_server_identifier: str, permission_name: str
    ) -> list[JsonObject]:
        """``GET /users/{id}/effective-permissions/sources/effective-roles``: roles granting a permission."""
        roles = []
        for role_id, sources in self._effective_roles(user_id).items():
            role = self._role(role_id)
            if any(
                (identifier, name) == (resource_server_identifier, permission_name)
                for identifier, name in role["permissions"]
            ):
                roles.append({**role_view(role), "sources": sources})
        return roles
