"""The sandbox's state and Auth0's rules for the Users API, with no HTTP in sight.

:class:`SandboxBackend` holds users and what hangs off them (roles, permissions, identities,
authentication methods, sessions, refresh tokens, logs, organizations, groups, ...), plus a small
tenant catalog (connections, roles, APIs, organizations, groups) for them to refer to. Its methods
are named after the API operations; they take plain values and return JSON-ready objects, and raise
:class:`ApiError` carrying Auth0's status, message and ``errorCode``.

Rules followed (Auth0's documented behaviour):

- database users get ids ``auth0|<24 hex digits>``; emails are stored lower-cased and looked up by
  their lower-cased form; a second user with the same email on one connection is a 409;
- ``PATCH`` replaces root attributes (``null`` removes them) and merges ``user_metadata`` and
  ``app_metadata`` on the first level only (:func:`merge_metadata`);
- an unknown user is a 404 where the spec documents one, and a 400 otherwise.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import json
import random
import re
import string
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Set
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from typing import Any

from ._index import UserIndex
from ._lag import IndexLag
from ._query import Narrowing, QueryError, compile_search, field_values

JsonObject = dict[str, Any]

DATABASE_CONNECTION = "Username-Password-Authentication"


class ApiError(Exception):
    """An error answer in Auth0's shape: ``{"statusCode", "error", "message", "errorCode"}``."""

    def __init__(self, status: int, message: str, error_code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.error_code = error_code

    def body(self) -> JsonObject:
        """Return the JSON body Auth0 sends for this error."""
        body: JsonObject = {"statusCode": self.status, "error": HTTPStatus(self.status).phrase, "message": self.message}
        if self.error_code:
            body["errorCode"] = self.error_code
        return body


def merge_metadata(stored: JsonObject | None, patch: JsonObject) -> JsonObject:
    """What Auth0 stores when a ``PATCH`` sends ``patch`` as ``user_metadata`` or ``app_metadata``.

    As Auth0's documentation on managing metadata with the Management API puts it: only
    properties at the root level are merged, each replacing the stored one whole (lower levels are
    not merged); a property set to ``null`` is deleted; an empty object removes the metadata.
    """
    if not patch:
        return {}
    merged = dict(stored or {})
    for key, value in patch.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return merged


def project(record: JsonObject, fields: str | None, include_fields: bool | None) -> JsonObject:
    """Apply the ``fields``/``include_fields`` query parameters to one object."""
    names = {name.strip() for name in (fields or "").split(",") if name.strip()}
    if not names:
        return record
    if include_fields is False:
        return {key: value for key, value in record.items() if key not in names}
    return {key: value for key, value in record.items() if key in names}


class Projected(Sequence[JsonObject]):
    """:func:`project` applied to each record as it is read, so a page costs only its own records."""

    def __init__(self, records: Sequence[JsonObject], fields: str | None, include_fields: bool | None) -> None:
        self._records, self._fields, self._include = records, fields, include_fields

    def __len__(self) -> int:
        return len(self._records)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [project(record, self._fields, self._include) for record in self._records[index]]
        return project(self._records[index], self._fields, self._include)


def iso(moment: datetime) -> str:
    """Format a time the way Auth0 does: ``2024-01-31T12:34:56.789Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def now() -> str:
    """Return the current time in Auth0's format."""
    return iso(datetime.now(UTC))


USERNAME_TAKEN = "The username provided is in use already."


def not_found(what: str = "user", status: int = 404) -> ApiError:
    """Return the error for an unknown object (``The user does not exist.``)."""
    return ApiError(status, f"The {what} does not exist.", f"inexistent_{what.replace(' ', '_')}")


def bad_body(message: str) -> ApiError:
    """Return a payload validation error."""
    return ApiError(400, f"Payload validation error: '{message}'.", "invalid_body")


EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+[0-9]{1,15}$")

_STRING = (str,)
_BOOL = (bool,)
_OBJECT = (dict,)
_NULLABLE_STRING = (str, type(None))

# Accepted body properties and their JSON types, per the spec's request schemas.
_CREATE_USER_FIELDS: Mapping[str, tuple[type, ...]] = {
    "email": _STRING,
    "phone_number": _STRING,
    "user_metadata": _OBJECT,
    "blocked": _BOOL,
    "email_verified": _BOOL,
    "phone_verified": _BOOL,
    "app_metadata": _OBJECT,
    "given_name": _STRING,
    "family_name": _STRING,
    "name": _STRING,
    "nickname": _STRING,
    "picture": _STRING,
    "user_id": _STRING,
    "connection": _STRING,
    "password": _STRING,
    "verify_email": _BOOL,
    "username": _STRING,
}
_UPDATE_USER_FIELDS: Mapping[str, tuple[type, ...]] = {
    "blocked": _BOOL,
    "email_verified": _BOOL,
    "email": _NULLABLE_STRING,
    "phone_number": _NULLABLE_STRING,
    "phone_verified": _BOOL,
    "user_metadata": _OBJECT,
    "app_metadata": _OBJECT,
    "given_name": _NULLABLE_STRING,
    "family_name": _NULLABLE_STRING,
    "name": _NULLABLE_STRING,
    "nickname": _NULLABLE_STRING,
    "picture": _NULLABLE_STRING,
    "verify_email": _BOOL,
    "verify_phone_number": _BOOL,
    "password": _NULLABLE_STRING,
    "connection": _STRING,
    "client_id": _STRING,
    "username": _NULLABLE_STRING,
}
# Request-only properties: accepted, acted on or ignored, never stored on the user.
_NOT_STORED = {"connection", "password", "verify_email", "verify_phone_number", "client_id", "user_id"}

_AUTH_METHOD_FIELDS: Mapping[str, tuple[type, ...]] = {
    "type": _STRING,
    "name": _STRING,
    "totp_secret": _STRING,
    "phone_number": _STRING,
    "email": _STRING,
    "preferred_authentication_method": _STRING,
    "key_id": _STRING,
    "public_key": _STRING,
    "aaguid": _STRING,
    "relying_party_identifier": _STRING,
    "credential_device_type": _STRING,
    "credential_backed_up": _BOOL,
    "identity_user_id": _STRING,
    "user_agent": _STRING,
    "user_handle": _STRING,
    "transports": (list,),
}
_CREATABLE_METHOD_TYPES = {"phone", "email", "totp", "webauthn-roaming", "passkey"}
_SETTABLE_METHOD_TYPES = {"phone", "email", "totp"}
_METHOD_VALUE = {"phone": "phone_number", "email": "email", "totp": "totp_secret", "webauthn-roaming": "key_id"}
_PREFERRED_METHODS = {"voice", "sms"}

# The properties each response schema allows (several are ``additionalProperties: false``).
_METHOD_COMMON = (
    "id",
    "type",
    "name",
    "phone_number",
    "email",
    "authentication_methods",
    "preferred_authentication_method",
    "key_id",
    "public_key",
    "created_at",
)
METHOD_VIEW = (*_METHOD_COMMON, "confirmed", "link_id", "enrolled_at", "last_auth_at")
METHOD_CREATED = (*_METHOD_COMMON, "totp_secret", "aaguid", "relying_party_identifier")
METHOD_UPDATED = (*METHOD_CREATED, "confirmed")
_ENROLLMENT_KINDS = {
    "totp": "authenticator",
    "phone": "sms",
    "push": "guardian",
    "webauthn-roaming": "webauthn-roaming",
}
_MFA_PROVIDERS = {"duo", "google-authenticator"}
_ASSESSORS = {"new-device"}


_CHARACTER_KINDS = (
    re.compile(r"[a-z]"),
    re.compile(r"[A-Z]"),
    re.compile(r"[0-9]"),
    re.compile(r"[ !\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~]"),
)


def _kinds(password: str) -> int:
    return sum(1 for kind in _CHARACTER_KINDS if kind.search(password))


PASSWORD_POLICIES: Mapping[str, Callable[[str], bool]] = {
    "none": lambda password: len(password) >= 1,
    "low": lambda password: len(password) >= 6,
    "fair": lambda password: len(password) >= 8 and all(kind.search(password) for kind in _CHARACTER_KINDS[:3]),
    "good": lambda password: len(password) >= 8 and _kinds(password) >= 3,
    "excellent": lambda password: (
        10 <= len(password) <= 128 and _kinds(password) >= 3 and re.search(r"(.)\1\1", password) is None
    ),
}
"""Auth0's password strength levels for database connections, as its documentation states them:
none, at least 1 character; low, at least 6; fair, at least 8 with a lower-case letter, an
upper-case letter and a number; good, at least 8 with 3 of those 4 kinds (a special character is
the fourth); excellent, at least 10 (at most 128) with 3 of the 4 kinds and no character 3 times in a row."""

DEFAULT_PASSWORD_POLICY = "good"  # noqa: S105 - a policy level, not a password
"""The level Auth0 gives a database connection made in its Dashboard, the tenant's first one included."""


def known_password_policy(policy: str) -> str:
    """``policy`` when it names one of Auth0's levels; ``ValueError`` otherwise."""
    if policy not in PASSWORD_POLICIES:
        raise ValueError(f"unknown password policy {policy!r}: one of {', '.join(PASSWORD_POLICIES)}")
    return policy


def check_password(policy: str, password: str) -> None:
    """Raise Auth0's 400 when ``password`` is too weak for ``policy`` (Auth0 sends no ``errorCode`` here)."""
    if not PASSWORD_POLICIES[policy](password):
        raise ApiError(400, "PasswordStrengthError: Password is too weak")


def check_body(body: Any, allowed: Mapping[str, tuple[type, ...]], required: Iterable[str] = ()) -> JsonObject:
    """Return ``body`` when it is an object of the allowed properties and types; 400 otherwise."""
    if not isinstance(body, dict):
        raise bad_body("Expected type object but found type " + type(body).__name__)
    for name in required:
        if name not in body:
            raise bad_body(f"Missing required property: {name}")
    for name, value in body.items():
        if name not in allowed:
            raise bad_body(f"Additional properties not allowed: {name}")
        types = allowed[name]
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise bad_body(
                f"Expected type {types[0].__name__} but found type {type(value).__name__} on property {name}"
            )
    return body


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
        entry = check_body(item, {"resource_server_identifier": _STRING, "permission_name": _STRING})
        if set(entry) != {"resource_server_identifier", "permission_name"}:
            raise bad_body("Missing required property: resource_server_identifier or permission_name")
        pairs.append((entry["resource_server_identifier"], entry["permission_name"]))
    return pairs


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


@dataclass
class Catalog:
    """The tenant objects users refer to; the API under test cannot create these, tests can."""

    connections: dict[str, JsonObject] = field(default_factory=dict)
    roles: dict[str, JsonObject] = field(default_factory=dict)
    resource_servers: dict[str, JsonObject] = field(default_factory=dict)
    organizations: dict[str, JsonObject] = field(default_factory=dict)
    groups: dict[str, JsonObject] = field(default_factory=dict)


def _alnum(rng: random.Random, size: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    return "".join(rng.choice(alphabet) for _ in range(size))


_BASE58 = "123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"


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
        group_id = "grp_" + _alnum(rng, 16, _BASE58)
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


class SandboxBackend:
    """In-memory Users API state and rules; one method per API operation."""

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
        self._sorted: dict[str, tuple[int, list[str]]] = {}
        self._ranks: dict[str, tuple[int, dict[str, int]]] = {}
        self.lag.settle()

    # -- catalog -------------------------------------------------------------------------------

    def add_role(
        self, name: str, description: str = "", permissions: Iterable[tuple[str, str]] = (), role_id: str | None = None
    ) -> JsonObject:
        """Add a role to the tenant catalog and return it; permissions are (API identifier, scope)."""
        role_id = role_id or "rol_" + _alnum(self.rng, 16)
        role = {"id": role_id, "name": name, "description": description, "permissions": list(permissions)}
        self.catalog.roles[role_id] = role
        return role

    def set_password_policy(self, policy: str, connection: str = DATABASE_CONNECTION) -> None:
        """Set a database connection's password strength level (``none`` to ``excellent``) until :meth:`reset`."""
        found = self.catalog.connections.get(connection)
        if found is None or "password_policy" not in found:
            raise ValueError(f"{connection!r} is not a database connection of the sandbox")
        found["password_policy"] = known_password_policy(policy)

    # -- users ---------------------------------------------------------------------------------

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

    def _email_taken(self, email: str, connection: str, except_id: str | None = None) -> bool:
        return any(
            other != except_id and self.users[other]["identities"][0]["connection"] == connection
            for other in self._by_email.get(email, ())
        )

    def _username_taken(self, username: str, connection: str, except_id: str | None = None) -> bool:
        """Usernames are unique per connection, whatever their case."""
        wanted = username.lower()
        return any(
            other != except_id
            and str(user.get("username", "")).lower() == wanted
            and user["identities"][0]["connection"] == connection
            for other, user in self.users.items()
        )

    def _check_password(self, connection: JsonObject, password: str | None) -> None:
        policy = connection.get("password_policy")
        if policy is not None and password is not None:
            check_password(policy, password)

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

    def create_user(self, body: Any) -> JsonObject:
        """``POST /users``."""
        data = dict(check_body(body, _CREATE_USER_FIELDS, required=["connection"]))
        connection = self.catalog.connections.get(data["connection"])
        if connection is None:
            raise ApiError(400, "The connection does not exist.", "inexistent_connection")
        strategy = connection["strategy"]
        if strategy not in ("auth0", "email", "sms"):
            raise ApiError(400, f"Cannot create users for {strategy} connections.", "operation_not_supported")
        if "email" in data:
            data["email"] = self._valid_email(data["email"])
        if "phone_number" in data and not _PHONE.match(data["phone_number"]):
            raise bad_body("String does not match pattern ^\\+[0-9]{1,15}$ on property phone_number")
        needed = {"auth0": ("email", "password"), "email": ("email",), "sms": ("phone_number",)}[strategy]
        for name in needed:
            if name not in data:
                raise bad_body(f"Missing required property: {name}")
        self._check_password(connection, data.get("password"))
        if "email" in data and self._email_taken(data["email"], connection["name"]):
            raise ApiError(409, "The user already exists.", "auth0_idp_error")
        if "username" in data and self._username_taken(data["username"], connection["name"]):
            raise ApiError(409, USERNAME_TAKEN, "auth0_idp_error")
        local_id = data.get("user_id") or self.rng.getrandbits(96).to_bytes(12, "big").hex()
        provider = {"auth0": "auth0", "email": "email", "sms": "sms"}[strategy]
        user_id = f"{provider}|{local_id}"
        if user_id in self.users:
            raise ApiError(409, "The user already exists.", "auth0_idp_error")
        stamp = now()
        user: JsonObject = {"user_id": user_id, "created_at": stamp, "updated_at": stamp}
        if "email" in data:
            user["email"] = data["email"]
            user["email_verified"] = data.get("email_verified", False)
        for key, value in data.items():
            if key not in _NOT_STORED and key not in user:
                user[key] = value
        label = data.get("email") or data.get("phone_number") or local_id
        user.setdefault("name", label)
        user.setdefault("nickname", label.split("@")[0])
        digest = hashlib.md5(label.encode(), usedforsecurity=False).hexdigest()
        user.setdefault("picture", f"https://s.gravatar.com/avatar/{digest}?s=480&r=pg")
        identity: JsonObject = {
            "connection": connection["name"],
            "user_id": local_id,
            "provider": provider,
            "isSocial": False,
        }
        user["identities"] = [identity]
        for key in ("user_metadata", "app_metadata"):
            if key in user and not user[key]:
                del user[key]
        self.insert_user(user)
        self._log(user_id, "sapi", "Create a User")
        return user

    def _valid_email(self, email: str) -> str:
        if not EMAIL_PATTERN.match(email):
            raise bad_body(f"Object didn't pass validation for format email: {email}")
        return email.lower()

    def get_user(self, user_id: str) -> JsonObject:
        """``GET /users/{id}``."""
        return self._user(user_id)

    def update_user(self, user_id: str, body: Any) -> JsonObject:
        """``PATCH /users/{id}``: root attributes replaced, metadata merged on the first level."""
        user = self._user(user_id)
        data = check_body(body, _UPDATE_USER_FIELDS)
        if not data:
            raise bad_body("Too few properties defined (0), minimum 1")
        old_email = user.get("email")
        if data.get("email") is not None:
            email = self._valid_email(data["email"])
            connection = data.get("connection") or user["identities"][0]["connection"]
            if self._email_taken(email, connection, except_id=user_id):
                raise ApiError(409, "The specified new email already exists", "auth0_idp_error")
            data = {**data, "email": email}
        connection_name = data.get("connection") or user["identities"][0]["connection"]
        if data.get("username") is not None and self._username_taken(data["username"], connection_name, user_id):
            raise ApiError(409, USERNAME_TAKEN, "auth0_idp_error")
        connection = self.catalog.connections.get(connection_name)
        if connection is not None:
            self._check_password(connection, data.get("password"))
        if data.get("phone_number") is not None and not _PHONE.match(data["phone_number"]):
            raise bad_body("String does not match pattern ^\\+[0-9]{1,15}$ on property phone_number")
        with self._changing(user):
            for key, value in data.items():
                if key in _NOT_STORED:
                    continue
                if key in ("user_metadata", "app_metadata"):
                    merged = merge_metadata(user.get(key), value)
                    if merged:
                        user[key] = merged
                    else:
                        user.pop(key, None)
                elif value is None:
                    user.pop(key, None)
                else:
                    user[key] = value
            if "password" in data:
                user["last_password_reset"] = now()
            user["updated_at"] = now()
        self._index_email(user_id, old_email, user.get("email"))
        self._log(user_id, "sapi", "Update a User")
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

    def users_by_email(self, email: str) -> list[JsonObject]:
        """``GET /users-by-email``: the exact stored email (Auth0 lower-cases the ones it owns)."""
        ids = self._by_email.get(email, set())
        return [self.users[user_id] for user_id in self.users if user_id in ids] if ids else []

    def search_users(
        self, q: str | None = None, sort: str | None = None, connection: str | None = None
    ) -> list[JsonObject]:
        """``GET /users``: every user matching ``q`` (and ``connection``), in ``sort`` order.

        The index narrows the users to test (see :mod:`._index`); the result is the one testing
        every user would give.
        """
        try:
            search = compile_search(q) if q else None
        except QueryError as exc:
            raise ApiError(400, str(exc), "invalid_query_string") from exc
        ordered = self._ordered_ids(sort)
        narrowing = search.narrow(self.index) if search else None
        predicate = None if search is None or (narrowing and narrowing.exact) else search.matches
        on_connection = self.index.term("identities.connection", connection) if connection else None
        if on_connection is not None:  # a superset: the test of the first identity below decides
            narrowing = Narrowing(on_connection.ids & narrowing.ids if narrowing else on_connection.ids, False)
        candidates = ordered if narrowing is None else self._in_order(narrowing.ids, sort, ordered)
        matches = []
        for user_id in candidates:
            user = self.users[user_id]
            if connection and user["identities"][0]["connection"] != connection:
                continue
            if predicate is None or predicate(user):
                matches.append(user)
        stale = self.lag.stale()
        if stale:
            return _as_searched(matches, stale, search.matches if search else None, connection, sort)
        return matches

    def _in_order(self, ids: Set[str], sort: str | None, ordered: list[str]) -> Iterable[str]:
        """``ids`` in the order of ``ordered``: sorted by rank when few, else filtered in one pass."""
        if len(ids) * 8 >= len(ordered):
            return [user_id for user_id in ordered if user_id in ids]
        cached = self._ranks.get(sort or "")
        if cached is None or cached[0] != self._version:
            cached = (self._version, {user_id: rank for rank, user_id in enumerate(ordered)})
            self._ranks[sort or ""] = cached
        return sorted(ids, key=cached[1].__getitem__)

    def _ordered_ids(self, sort: str | None) -> list[str]:
        if sort:
            name, _, direction = sort.partition(":")
            if direction not in ("1", "-1") or not name:
                raise ApiError(400, "Query validation error: 'sort' must be field:1 or field:-1.",
                               "invalid_query_string")  # fmt: skip
        cached = self._sorted.get(sort or "")
        if cached and cached[0] == self._version:
            return cached[1]
        ordered = _sorted_ids(self.users.items(), sort) if sort else list(self.users)
        self._sorted[sort or ""] = (self._version, ordered)
        return ordered

    # -- roles and permissions ------------------------------------------------------------------

    def _role(self, role_id: str) -> JsonObject:
        role = self.catalog.roles.get(role_id)
        if role is None:
            raise ApiError(404, f"Role {role_id} does not exist.", "inexistent_role")
        return role

    @staticmethod
    def _role_view(role: JsonObject) -> JsonObject:
        return {"id": role["id"], "name": role["name"], "description": role["description"]}

    def list_roles(self, user_id: str) -> list[JsonObject]:
        """``GET /users/{id}/roles``."""
        self._user(user_id)
        return [self._role_view(self._role(role_id)) for role_id in self.state[user_id].roles]

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
            {**self._role_view(self._role(role_id)), "sources": sources}
            for role_id, sources in self._effective_roles(user_id).items()
        ]

    def list_role_source_groups(self, user_id: str, role_id: str) -> list[JsonObject]:
        """``GET /users/{id}/effective-roles/sources/groups``: the groups that give the user roles."""
        self._user(user_id)
        groups = [self.catalog.groups[group_id] for group_id, _ in self.state[user_id].groups]
        return [self._group_view(group) for group in groups if role_id in group["roles"]]

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
                roles.append({**self._role_view(role), "sources": sources})
        return roles

    # -- groups and organizations ---------------------------------------------------------------

    @staticmethod
    def _group_view(group: JsonObject) -> JsonObject:
        return {key: value for key, value in group.items() if key != "roles"}

    def list_groups(self, user_id: str) -> list[JsonObject]:
        """``GET /users/{id}/groups``."""
        self._user(user_id)
        return [
            {**self._group_view(self.catalog.groups[group_id]), "membership_created_at": since}
            for group_id, since in self.state[user_id].groups
        ]

    def list_organizations(self, user_id: str) -> list[JsonObject]:
        """``GET /users/{id}/organizations``."""
        self._user(user_id)
        return [dict(self.catalog.organizations[org_id]) for org_id in self.state[user_id].organizations]

    # -- identities -------------------------------------------------------------------------------

    def link_identity(self, user_id: str, body: Any) -> list[JsonObject]:
        """``POST /users/{id}/identities``: the secondary user is folded into the primary one."""
        primary = self._user(user_id, missing=400)
        data = check_body(
            body, {"provider": _STRING, "connection_id": _STRING, "user_id": (str, int), "link_with": _STRING}
        )
        if "link_with" in data:
            if set(data) != {"link_with"}:
                raise bad_body("link_with cannot be combined with provider, user_id or connection_id")
            secondary_id = _jwt_subject(data["link_with"])
        elif "provider" in data and "user_id" in data:
            secondary_id = f"{data['provider']}|{data['user_id']}"
        else:
            raise bad_body("Missing required property: provider and user_id, or link_with")
        if secondary_id == user_id:
            raise ApiError(400, "Main identity and the new one are the same.", "invalid_body")
        secondary = self.users.get(secondary_id)
        if secondary is None:
            raise ApiError(400, "The identity to link does not exist.", "inexistent_identity")
        if len(secondary["identities"]) > 1:
            raise ApiError(409, "The identity to link already has linked identities.", "conflict")
        identity = dict(secondary["identities"][0])
        profile = {key: secondary[key] for key in ("email", "email_verified", "name", "given_name") if key in secondary}
        identity["profileData"] = profile
        self.delete_user(secondary_id)
        identities: list[JsonObject] = primary["identities"]
        with self._changing(primary):
            identities.append(identity)
            primary["updated_at"] = now()
        return identities

    def unlink_identity(self, user_id: str, provider: str, secondary_id: str) -> list[JsonObject]:
        """``DELETE /users/{id}/identities/{provider}/{user_id}``: the identity becomes a user again."""
        primary = self._user(user_id, missing=400)
        identities: list[JsonObject] = primary["identities"]
        matching = (
            position
            for position, identity in enumerate(identities)
            if identity["provider"] == provider and str(identity["user_id"]) == secondary_id
        )
        position = next(matching, None)
        if position is None:
            raise ApiError(400, "The identity to unlink does not exist.", "inexistent_identity")
        if position == 0:
            raise ApiError(400, "The main identity cannot be unlinked.", "invalid_body")
        stamp = now()
        with self._changing(primary):
            identity = identities.pop(position)
            primary["updated_at"] = stamp
        profile = identity.pop("profileData", {})
        restored: JsonObject = {
            "user_id": f"{provider}|{secondary_id}",
            **profile,
            "created_at": stamp,
            "updated_at": stamp,
            "identities": [identity],
        }
        self.insert_user(restored)
        return identities

    # -- authentication methods ------------------------------------------------------------------

    def _methods(self, user_id: str, missing: int = 404) -> list[JsonObject]:
        self._user(user_id, missing)
        return self.state[user_id].authentication_methods

    def _method(self, user_id: str, method_id: str) -> JsonObject:
        for method in self._methods(user_id):
            if method["id"] == method_id:
                return method
        raise ApiError(404, "Authentication method not found.", "inexistent_authentication_method")

    def _new_method(self, data: JsonObject, types: set[str]) -> JsonObject:
        kind = data["type"]
        if kind not in types:
            raise bad_body(f"No enum match for: {kind} on property type")
        value_key = _METHOD_VALUE.get(kind)
        if value_key and value_key not in data:
            raise bad_body(f"Missing required property: {value_key}")
        preferred = data.get("preferred_authentication_method")
        if preferred is not None and preferred not in _PREFERRED_METHODS:
            raise bad_body(f"No enum match for: {preferred} on property preferred_authentication_method")
        if kind == "email":
            data = {**data, "email": self._valid_email(data["email"])}
        stamp = now()
        return {
            **data,
            "id": f"{kind}|dev_{_alnum(self.rng, 16)}",
            "confirmed": kind != "email",
            "created_at": stamp,
            "enrolled_at": stamp,
        }

    def list_authentication_methods(self, user_id: str) -> list[JsonObject]:
        """``GET /users/{id}/authentication-methods``."""
        return [_only(method, METHOD_VIEW) for method in self._methods(user_id)]

    def create_authentication_method(self, user_id: str, body: Any) -> JsonObject:
        """``POST /users/{id}/authentication-methods``; the same factor twice is a 409."""
        methods = self._methods(user_id)
        data = check_body(body, _AUTH_METHOD_FIELDS, required=["type"])
        method = self._new_method(dict(data), _CREATABLE_METHOD_TYPES)
        value_key = _METHOD_VALUE.get(method["type"])
        if value_key and any(m["type"] == method["type"] and m.get(value_key) == method[value_key] for m in methods):
            raise ApiError(409, "Authentication method already exists.", "authentication_method_conflict")
        methods.append(method)
        return _only(method, METHOD_CREATED)

    def set_authentication_methods(self, user_id: str, body: Any) -> list[JsonObject]:
        """``PUT /users/{id}/authentication-methods``: replace them all."""
        methods = self._methods(user_id, missing=400)
        if not isinstance(body, list):
            raise bad_body("Expected type array but found type " + type(body).__name__)
        allowed = {k: _AUTH_METHOD_FIELDS[k] for k in ("type", "preferred_authentication_method", "name")}
        allowed |= {k: _AUTH_METHOD_FIELDS[k] for k in ("phone_number", "email", "totp_secret")}
        created = [self._new_method(dict(check_body(item, allowed, ["type"])), _SETTABLE_METHOD_TYPES) for item in body]
        methods[:] = created
        return [_only(method, METHOD_CREATED) for method in created]

    def get_authentication_method(self, user_id: str, method_id: str) -> JsonObject:
        """``GET /users/{id}/authentication-methods/{authentication_method_id}``."""
        return _only(self._method(user_id, method_id), METHOD_VIEW)

    def update_authentication_method(self, user_id: str, method_id: str, body: Any) -> JsonObject:
        """``PATCH /users/{id}/authentication-methods/{authentication_method_id}``."""
        method = self._method(user_id, method_id)
        data = check_body(body, {"name": _STRING, "preferred_authentication_method": _STRING})
        preferred = data.get("preferred_authentication_method")
        if preferred is not None and (preferred not in _PREFERRED_METHODS or method["type"] != "phone"):
            raise bad_body("preferred_authentication_method applies to phone methods only: voice or sms")
        method.update(data)
        return _only(method, METHOD_UPDATED)

    def delete_authentication_method(self, user_id: str, method_id: str) -> None:
        """``DELETE /users/{id}/authentication-methods/{authentication_method_id}``."""
        method = self._method(user_id, method_id)
        self.state[user_id].authentication_methods.remove(method)

    def delete_authentication_methods(self, user_id: str) -> None:
        """``DELETE /users/{id}/authentication-methods``."""
        self._methods(user_id, missing=400).clear()

    def delete_authenticators(self, user_id: str) -> None:
        """``DELETE /users/{id}/authenticators``: every MFA factor and enrollment goes."""
        self._methods(user_id, missing=400).clear()
        user = self.users[user_id]
        with self._changing(user):
            if user.pop("multifactor", None) is not None:
                user["multifactor_last_modified"] = now()

    def list_enrollments(self, user_id: str) -> list[JsonObject]:
        """``GET /users/{id}/enrollments``: the enrolled MFA factors, derived from the methods."""
        enrollments = []
        for method in self._methods(user_id):
            kind = _ENROLLMENT_KINDS.get(method["type"])
            if kind is None:
                continue
            enrollment: JsonObject = {
                "id": method["id"],
                "status": "confirmed" if method.get("confirmed") else "pending",
                "type": method["type"],
                "auth_method": kind,
                "enrolled_at": method["enrolled_at"],
            }
            if "phone_number" in method:
                enrollment["phone_number"] = method["phone_number"]
                enrollment["name"] = method["phone_number"][:20]
            if "last_auth_at" in method:
                enrollment["last_auth"] = method["last_auth_at"]
            enrollments.append(enrollment)
        return enrollments

    def delete_multifactor_provider(self, user_id: str, provider: str) -> None:
        """``DELETE /users/{id}/multifactor/{provider}``."""
        user = self._user(user_id)
        if provider not in _MFA_PROVIDERS:
            raise ApiError(400, f"Invalid provider: {provider}", "invalid_uri")
        if provider in user.get("multifactor", []):
            with self._changing(user):
                user["multifactor"] = [name for name in user["multifactor"] if name != provider]
                user["multifactor_last_modified"] = now()

    def invalidate_remember_browser(self, user_id: str) -> None:
        """``POST /users/{id}/multifactor/actions/invalidate-remember-browser``."""
        self._user(user_id, missing=400)
        self.state[user_id].remember_browser_invalidated_at = now()

    def regenerate_recovery_code(self, user_id: str) -> JsonObject:
        """``POST /users/{id}/recovery-code-regeneration``."""
        self._user(user_id)
        return {"recovery_code": _alnum(self.rng, 24, string.ascii_uppercase + string.digits)}

    def clear_risk_assessments(self, user_id: str, body: Any) -> None:
        """``POST /users/{id}/risk-assessments/clear``."""
        user = self._user(user_id, missing=400)
        data = check_body(body, {"connection": _STRING, "assessors": (list,)}, required=["connection", "assessors"])
        if not data["assessors"] or not set(data["assessors"]) <= _ASSESSORS:
            raise bad_body("assessors must be a non-empty list of: new-device")
        if all(identity["connection"] != data["connection"] for identity in user["identities"]):
            raise ApiError(400, "The user has no identity on that connection.", "invalid_body")

    # -- sessions, tokens, logs and the rest ---------------------------------------------------

    def list_sessions(self, user_id: str) -> list[JsonObject]:
        """``GET /users/{user_id}/sessions``."""
        self._user(user_id)
        return self.state[user_id].sessions

    def delete_sessions(self, user_id: str) -> None:
        """``DELETE /users/{user_id}/sessions``."""
        self._user(user_id)
        self.state[user_id].sessions.clear()

    def list_refresh_tokens(self, user_id: str) -> list[JsonObject]:
        """``GET /users/{user_id}/refresh-tokens``."""
        self._user(user_id)
        return self.state[user_id].refresh_tokens

    def delete_refresh_tokens(self, user_id: str) -> None:
        """``DELETE /users/{user_id}/refresh-tokens``."""
        self._user(user_id)
        self.state[user_id].refresh_tokens.clear()

    def revoke_access(self, user_id: str, body: Any) -> None:
        """``POST /users/{id}/revoke-access``: end one session (or all), and their refresh tokens."""
        self._user(user_id, missing=400)
        data = check_body(body or {}, {"session_id": _STRING, "preserve_refresh_tokens": _BOOL})
        state = self.state[user_id]
        session_id = data.get("session_id")
        ended = {s["id"] for s in state.sessions if session_id in (None, s["id"])}
        state.sessions = [s for s in state.sessions if s["id"] not in ended]
        if not data.get("preserve_refresh_tokens", False):
            state.refresh_tokens = [t for t in state.refresh_tokens if t.get("session_id") not in ended]

    def list_logs(self, user_id: str, sort: str | None = None) -> list[JsonObject]:
        """``GET /users/{id}/logs``: newest first unless ``sort`` says otherwise."""
        logs = self.state[user_id].logs if user_id in self.users else []
        name, _, direction = (sort or "date:-1").partition(":")
        if direction not in ("1", "-1"):
            raise ApiError(400, "Query validation error: 'sort' must be field:1 or field:-1.", "invalid_query_string")
        return sorted(logs, key=lambda log: str(log.get(name, "")), reverse=direction == "-1")

    def _log(self, user_id: str, kind: str, description: str) -> None:
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

    def list_tokensets(self, user_id: str) -> list[JsonObject]:
        """``GET /users/{id}/federated-connections-tokensets``."""
        self._user(user_id)
        return self.state[user_id].tokensets

    def delete_tokenset(self, user_id: str, tokenset_id: str) -> None:
        """``DELETE /users/{id}/federated-connections-tokensets/{tokenset_id}``."""
        self._user(user_id, missing=400)
        state = self.state[user_id]
        state.tokensets = [t for t in state.tokensets if t["id"] != tokenset_id]

    def list_connected_accounts(self, user_id: str) -> list[JsonObject]:
        """``GET /users/{id}/connected-accounts``."""
        self._user(user_id)
        return self.state[user_id].connected_accounts

    def seed(self, n: int, seed: int = 0, *, same_created_at: int = 1) -> list[JsonObject]:
        """Add ``n`` realistic users, the same ones for the same arguments; see :mod:`._seed`.

        Seeded users are searchable at once: they stand for a tenant's existing users.
        """
        from ._seed import seed_users

        with self.lag.paused():
            return seed_users(self, n, seed, same_created_at=same_created_at)


def _only(record: JsonObject, keys: Sequence[str]) -> JsonObject:
    return {key: record[key] for key in keys if key in record}


def _jwt_subject(token: str) -> str:
    """Return the ``sub`` of a JWT's payload (the sandbox does not check signatures)."""
    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        subject = claims["sub"]
    except (IndexError, ValueError, KeyError, TypeError) as exc:
        raise bad_body("link_with is not a JWT with a sub claim") from exc
    if not isinstance(subject, str):
        raise bad_body("link_with is not a JWT with a sub claim")
    return subject


def _sort_key(user: JsonObject, name: str, descending: bool) -> tuple[Any, ...]:
    """Where ``user`` goes in a search sorted by ``name``: users without a plain value come last."""
    value = next(field_values(user, name), None)
    if value is None or isinstance(value, dict | list):
        return (0,) if descending else (2,)
    return (1, isinstance(value, str), value, user["user_id"])


class _Descending:
    """A sort key compared the other way round, so that bisection works on a descending order."""

    __slots__ = ("key",)

    def __init__(self, key: tuple[Any, ...]) -> None:
        self.key = key

    def __lt__(self, other: _Descending) -> bool:
        return other.key < self.key


def _sorted_ids(users: Iterable[tuple[str, JsonObject]], sort: str) -> list[str]:
    """User ids in ``sort`` order (``field:1`` or ``field:-1``); users without a plain value come last."""
    name, _, direction = sort.partition(":")
    descending = direction == "-1"
    ordered = sorted(users, key=lambda item: _sort_key(item[1], name, descending), reverse=descending)
    return [user_id for user_id, _ in ordered]


def _as_searched(
    matches: list[JsonObject],
    stale: Mapping[str, JsonObject | None],
    matching: Callable[[JsonObject], bool] | None,
    connection: str | None,
    sort: str | None,
) -> list[JsonObject]:
    """The matching users as search sees them while some writes are not searchable yet.

    Users in ``stale`` are swapped for the version search sees (see :mod:`._lag`), put in ``sort``
    order among the others (at the end without a sort).
    """
    result = [user for user in matches if user["user_id"] not in stale]
    late = [
        user
        for user in stale.values()
        if user is not None
        and (not connection or user["identities"][0]["connection"] == connection)
        and (matching is None or matching(user))
    ]
    if not sort:
        return result + late
    name, _, direction = sort.partition(":")
    descending = direction == "-1"

    def key(user: JsonObject) -> Any:
        found = _sort_key(user, name, descending)
        return _Descending(found) if descending else found

    for user in late:
        bisect.insort_right(result, user, key=key)
    return result
