"""``/users`` and ``/users/{id}``: create, read, update and look up by email.

Database users get ids ``auth0|<24 hex digits>``; emails are stored lower-cased and looked up by
their lower-cased form; a second user with the same email (or username, whatever its case) on one
connection is a 409. ``PATCH`` replaces root attributes (``null`` removes them) and merges
``user_metadata`` and ``app_metadata`` on the first level only (:func:`._records.merge_metadata`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from ._bodies import BOOL, NULLABLE_STRING, OBJECT, PHONE_PATTERN, STRING, check_body, valid_email
from ._errors import ApiError, bad_body
from ._passwords import check_password
from ._records import JsonObject, merge_metadata, now
from ._tenant import Tenant

USERNAME_TAKEN = "The username provided is in use already."

# Accepted body properties and their JSON types, per the spec's request schemas.
_CREATE_USER_FIELDS: Mapping[str, tuple[type, ...]] = {
    "email": STRING,
    "phone_number": STRING,
    "user_metadata": OBJECT,
    "blocked": BOOL,
    "email_verified": BOOL,
    "phone_verified": BOOL,
    "app_metadata": OBJECT,
    "given_name": STRING,
    "family_name": STRING,
    "name": STRING,
    "nickname": STRING,
    "picture": STRING,
    "user_id": STRING,
    "connection": STRING,
    "password": STRING,
    "verify_email": BOOL,
    "username": STRING,
}
_UPDATE_USER_FIELDS: Mapping[str, tuple[type, ...]] = {
    "blocked": BOOL,
    "email_verified": BOOL,
    "email": NULLABLE_STRING,
    "phone_number": NULLABLE_STRING,
    "phone_verified": BOOL,
    "user_metadata": OBJECT,
    "app_metadata": OBJECT,
    "given_name": NULLABLE_STRING,
    "family_name": NULLABLE_STRING,
    "name": NULLABLE_STRING,
    "nickname": NULLABLE_STRING,
    "picture": NULLABLE_STRING,
    "verify_email": BOOL,
    "verify_phone_number": BOOL,
    "password": NULLABLE_STRING,
    "connection": STRING,
    "client_id": STRING,
    "username": NULLABLE_STRING,
}
# Request-only properties: accepted, acted on or ignored, never stored on the user.
_NOT_STORED = {"connection", "password", "verify_email", "verify_phone_number", "client_id", "user_id"}


class UserOperations(Tenant):
    """The operations on users themselves (``DELETE /users/{id}`` is :meth:`Tenant.delete_user`)."""

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

    @staticmethod
    def _check_password(connection: JsonObject, password: str | None) -> None:
        policy = connection.get("password_policy")
        if policy is not None and password is not None:
            check_password(policy, password)

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
            data["email"] = valid_email(data["email"])
        if "phone_number" in data and not PHONE_PATTERN.match(data["phone_number"]):
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
            email = valid_email(data["email"])
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
        if data.get("phone_number") is not None and not PHONE_PATTERN.match(data["phone_number"]):
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

    def users_by_email(self, email: str) -> list[JsonObject]:
        """``GET /users-by-email``: the exact stored email (Auth0 lower-cases the ones it owns)."""
        ids = self._by_email.get(email, set())
        return [self.users[user_id] for user_id in self.users if user_id in ids] if ids else []
