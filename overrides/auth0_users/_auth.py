"""Bearer-token auth: a static token, or tokens from the client-credentials grant.

Both are ``httpx.Auth`` flows. ``ClientCredentials`` caches its token until shortly before it
expires, fetches a new one once however many threads or tasks need it at the same moment, and on
a 401 refreshes and repeats the request once. Neither ever shows a secret in ``repr`` or errors.
"""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncGenerator, Generator
from typing import Any, NamedTuple

import httpx

from ._errors import Auth0Error, ResponseParseError, error_for

TokenProvider = httpx.Auth


class BearerToken(httpx.Auth):
    """A static Management API token."""

    def __init__(self, token: str) -> None:
        self._header = f"Bearer {token}"

    def __repr__(self) -> str:
        return "BearerToken(<redacted>)"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Add the token to the request."""
        request.headers["Authorization"] = self._header
        yield request


class _Token(NamedTuple):
    value: str
    expires_at: float


class TokenError(Auth0Error):
    """The token endpoint refused or could not be reached; the message names no secret."""


class ClientCredentials(httpx.Auth):
    """Tokens from ``POST /oauth/token`` with the client-credentials grant."""

    REFRESH_LEEWAY = 60.0
    """Refresh this many seconds before expiry (at most a tenth of the token's lifetime)."""

    def __init__(
        self,
        *,
        token_url: str,
        client_id: str,
        client_secret: str | None,
        signing_key: str | None,
        audience: str,
    ) -> None:
        self.token_url = token_url
        self.client_id = client_id
        self.audience = audience
        self._secret = client_secret
        self._signing_key = signing_key
        self._token: _Token | None = None
        self._thread_lock = threading.Lock()
        self._task_lock: Any = None  # an asyncio.Lock, made on first async use
        self.fetches = 0

    def __repr__(self) -> str:
        return f"ClientCredentials(client_id={self.client_id!r}, token_url={self.token_url!r})"

    def _valid(self) -> str | None:
        token = self._token
        return token.value if token is not None and time.time() < token.expires_at else None

    def _invalidate(self, sent: str | None) -> None:
        if self._token is not None and self._token.value == sent:
            self._token = None

    def _assertion(self) -> dict[str, str]:
        if self._secret is not None or self._signing_key is None:
            return {"client_secret": self._secret or ""}
        import uuid

        try:
            import jwt
        except ImportError as exc:
            raise TokenError("a client assertion needs the 'jwt' extra: pip install 'auth0-users[jwt]'") from exc
        now = int(time.time())
        origin = str(httpx.URL(self.token_url).copy_with(path="/"))
        claims = {"iss": self.client_id, "sub": self.client_id, "aud": origin, "iat": now, "exp": now + 60}
        claims["jti"] = uuid.uuid4().hex
        assertion = jwt.encode(claims, self._signing_key, algorithm="RS256")
        return {
            "client_assertion": assertion,
            "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        }

    def _token_request(self) -> httpx.Request:
        body = {"grant_type": "client_credentials", "client_id": self.client_id, "audience": self.audience}
        return httpx.Request("POST", self.token_url, json={**body, **self._assertion()})

    def _accept(self, response: httpx.Response) -> str:
        self.fetches += 1
        if not response.is_success:
            error = error_for(response)
            raise TokenError(f"token request for client {self.client_id!r} failed: {error}") from None
        try:
            payload = response.json()
            value = str(payload["access_token"])
            lifetime = float(payload.get("expires_in", 86400))
        except (ValueError, KeyError, TypeError) as exc:
            raise ResponseParseError(response, "no access_token in the token response") from exc
        leeway = min(self.REFRESH_LEEWAY, lifetime / 10)
        self._token = _Token(value, time.time() + lifetime - leeway)
        return value

    def _authorize(self, request: httpx.Request, token: str) -> httpx.Request:
        request.headers["Authorization"] = f"Bearer {token}"
        return request

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Add a valid token; on a 401, refresh once and repeat the request."""
        sent = None
        for _ in range(2):
            with self._thread_lock:
                token = self._valid()
                if token is None:
                    answer = yield self._token_request()
                    answer.read()
                    token = self._accept(answer)
            if token == sent:
                return
            sent = token
            response = yield self._authorize(request, token)
            if response.status_code != 401:
                return
            self._invalidate(sent)

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """Add a valid token; on a 401, refresh once and repeat the request."""
        if self._task_lock is None:
            import asyncio

            self._task_lock = asyncio.Lock()
        sent = None
        for _ in range(2):
            async with self._task_lock:
                token = self._valid()
                if token is None:
                    answer = yield self._token_request()
                    await answer.aread()
                    token = self._accept(answer)
            if token == sent:
                return
            sent = token
            response = yield self._authorize(request, token)
            if response.status_code != 401:
                return
            self._invalidate(sent)
