"""What a user's sign-ins leave behind: sessions, refresh tokens, logs, federated token sets, connected accounts."""

from __future__ import annotations

from typing import Any

from ._bodies import BOOL, STRING, check_body
from ._errors import ApiError
from ._records import JsonObject
from ._tenant import Tenant


class SessionOperations(Tenant):
    """Reading and ending a user's sessions and tokens, and reading their logs."""

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
        data = check_body(body or {}, {"session_id": STRING, "preserve_refresh_tokens": BOOL})
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
