"""The tenant objects users refer to (connections, roles, APIs, organizations, groups), and their views."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ._passwords import DEFAULT_PASSWORD_POLICY
from ._records import JsonObject, alnum

DATABASE_CONNECTION = "Username-Password-Authentication"

_BASE58 = "123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"


@dataclass
class Catalog:
    """The tenant objects users refer to; the API under test cannot create these, tests can."""

    connections: dict[str, JsonObject] = field(default_factory=dict)
    roles: dict[str, JsonObject] = field(default_factory=dict)
    resource_servers: dict[str, JsonObject] = field(default_factory=dict)
    organizations: dict[str, JsonObject] = field(default_factory=dict)
    groups: dict[str, JsonObject] = field(default_factory=dict)


def default_catalog(password_policy: str = DEFAULT_PASSWORD_POLICY) -> Catalog:
    """Return the catalog every sandbox starts with (stable ids, so tests can name them).

    The database connection's passwords must meet ``password_policy`` (see ``PASSWORD_POLICIES``).
    """
    catalog = Catalog()
    for name, cid, strategy in (
        (DATABASE_CONNECTION, "con_0000000000000001", "auth0"),
        ("email", "con_0000000000000002", "email"),
        ("sms", "con_0000000000000003", "sms"),
        ("google-oauth2", "con_0000000000000004", "google-oauth2"),
        ("github", "con_0000000000000005", "github"),
    ):
        catalog.connections[name] = {"id": cid, "name": name, "strategy": strategy}
        if strategy == "auth0":
            catalog.connections[name]["password_policy"] = password_policy
    catalog.resource_servers["https://api.example.com/"] = {
        "name": "Example API",
        "scopes": {
            "read:reports": "Read reports",
            "write:reports": "Write reports",
            "read:invoices": "Read invoices",
            "admin:all": "Everything",
        },
    }
    for role_id, name, description, permissions in (
        ("rol_0000000000000001", "admin", "Administrators", ["admin:all", "read:reports", "write:reports"]),
        ("rol_0000000000000002", "editor", "Can edit reports", ["read:reports", "write:reports"]),
        ("rol_0000000000000003", "viewer", "Can read reports", ["read:reports"]),
        ("rol_0000000000000004", "billing", "Reads invoices", ["read:invoices"]),
    ):
        catalog.roles[role_id] = {
            "id": role_id,
            "name": name,
            "description": description,
            "permissions": [("https://api.example.com/", p) for p in permissions],
        }
    for number, (name, display) in enumerate((("acme", "Acme Inc."), ("globex", "Globex"), ("initech", "Initech"))):
        org_id = f"org_{number + 1:016d}"
        catalog.organizations[org_id] = {"id": org_id, "name": name, "display_name": display}
    rng = random.Random(7)
    for name, roles in (("engineering", ["rol_0000000000000002"]), ("finance", ["rol_0000000000000004"])):
        group_id = "grp_" + alnum(rng, 16, _BASE58)
        catalog.groups[group_id] = {
            "id": group_id,
            "name": name,
            "connection_id": "con_0000000000000001",
            "tenant_name": "sandbox",
            "created_at": "2023-01-01T00:00:00.000Z",
            "updated_at": "2023-01-01T00:00:00.000Z",
            "roles": roles,
        }
    return catalog


def role_view(role: JsonObject) -> JsonObject:
    """A role as the API shows it."""
    return {"id": role["id"], "name": role["name"], "description": role["description"]}


def group_view(group: JsonObject) -> JsonObject:
    """A group as the API shows it (without the roles it gives)."""
    return {key: value for key, value in group.items() if key != "roles"}
