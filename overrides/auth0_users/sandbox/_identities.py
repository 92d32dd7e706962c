"""``/users/{id}/identities``: linking folds a user into another, unlinking makes it a user again."""

from __future__ import annotations

import base64
import json
from typing import Any

from ._bodies import STRING, check_body
from ._errors import ApiError, bad_body
from ._records import JsonObject, now
from ._tenant import Tenant


class IdentityOperations(Tenant):
    """Linking and unlinking identities."""

    def link_identity(self, user_id: str, body: Any) -> list[JsonObject]:
        """``POST /users/{id}/identities``: the secondary user is folded into the primary one."""
        primary = self._user(user_id, missing=400)
        data = check_body(
            body, {"provider": STRING, "connection_id": STRING, "user_id": (str, int), "link_with": STRING}
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
