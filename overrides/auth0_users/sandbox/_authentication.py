"""``/users/{id}/authentication-methods``, enrollments, MFA providers, recovery codes, risk assessments."""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any

from ._bodies import BOOL, STRING, check_body, valid_email
from ._errors import ApiError, bad_body
from ._records import JsonObject, alnum, now, only
from ._tenant import Tenant

_AUTH_METHOD_FIELDS: Mapping[str, tuple[type, ...]] = {
    "type": STRING,
    "name": STRING,
    "totp_secret": STRING,
    "phone_number": STRING,
    "email": STRING,
    "preferred_authentication_method": STRING,
    "key_id": STRING,
    "public_key": STRING,
    "aaguid": STRING,
    "relying_party_identifier": STRING,
    "credential_device_type": STRING,
    "credential_backed_up": BOOL,
    "identity_user_id": STRING,
    "user_agent": STRING,
    "user_handle": STRING,
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


class AuthenticationOperations(Tenant):
    """A user's authentication methods and MFA factors."""

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
            data = {**data, "email": valid_email(data["email"])}
        stamp = now()
        return {
            **data,
            "id": f"{kind}|dev_{alnum(self.rng, 16)}",
            "confirmed": kind != "email",
            "created_at": stamp,
            "enrolled_at": stamp,
        }

    def list_authentication_methods(self, user_id: str) -> list[JsonObject]:
        """``GET /users/{id}/authentication-methods``."""
        return [only(method, METHOD_VIEW) for method in self._methods(user_id)]

    def create_authentication_method(self, user_id: str, body: Any) -> JsonObject:
        """``POST /users/{id}/authentication-methods``; the same factor twice is a 409."""
        methods = self._methods(user_id)
        data = check_body(body, _AUTH_METHOD_FIELDS, required=["type"])
        method = self._new_method(dict(data), _CREATABLE_METHOD_TYPES)
        value_key = _METHOD_VALUE.get(method["type"])
        if value_key and any(m["type"] == method["type"] and m.get(value_key) == method[value_key] for m in methods):
            raise ApiError(409, "Authentication method already exists.", "authentication_method_conflict")
        methods.append(method)
        return only(method, METHOD_CREATED)

    def set_authentication_methods(self, user_id: str, body: Any) -> list[JsonObject]:
        """``PUT /users/{id}/authentication-methods``: replace them all."""
        methods = self._methods(user_id, missing=400)
        if not isinstance(body, list):
            raise bad_body("Expected type array but found type " + type(body).__name__)
        allowed = {k: _AUTH_METHOD_FIELDS[k] for k in ("type", "preferred_authentication_method", "name")}
        allowed |= {k: _AUTH_METHOD_FIELDS[k] for k in ("phone_number", "email", "totp_secret")}
        created = [self._new_method(dict(check_body(item, allowed, ["type"])), _SETTABLE_METHOD_TYPES) for item in body]
        methods[:] = created
        return [only(method, METHOD_CREATED) for method in created]

    def get_authentication_method(self, user_id: str, method_id: str) -> JsonObject:
        """``GET /users/{id}/authentication-methods/{authentication_method_id}``."""
        return only(self._method(user_id, method_id), METHOD_VIEW)

    def update_authentication_method(self, user_id: str, method_id: str, body: Any) -> JsonObject:
        """``PATCH /users/{id}/authentication-methods/{authentication_method_id}``."""
        method = self._method(user_id, method_id)
        data = check_body(body, {"name": STRING, "preferred_authentication_method": STRING})
        preferred = data.get("preferred_authentication_method")
        if preferred is not None and (preferred not in _PREFERRED_METHODS or method["type"] != "phone"):
            raise bad_body("preferred_authentication_method applies to phone methods only: voice or sms")
        method.update(data)
        return only(method, METHOD_UPDATED)

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
        return {"recovery_code": alnum(self.rng, 24, string.ascii_uppercase + string.digits)}

    def clear_risk_assessments(self, user_id: str, body: Any) -> None:
        """``POST /users/{id}/risk-assessments/clear``."""
        user = self._user(user_id, missing=400)
        data = check_body(body, {"connection": STRING, "assessors": (list,)}, required=["connection", "assessors"])
        if not data["assessors"] or not set(data["assessors"]) <= _ASSESSORS:
            raise bad_body("assessors must be a non-empty list of: new-device")
        if all(identity["connection"] != data["connection"] for identity in user["identities"]):
            raise ApiError(400, "The user has no identity on that connection.", "invalid_body")
