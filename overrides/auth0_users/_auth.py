"""Bearer-token auth: a static token, or tokens from the client-credentials grant.

Both are ``httpx.Auth`` flows. ``ClientCredentials`` caches its token until shortly before it
expires, fetches a new one once however many threads or tasks need it at the same moment, and on
a 401 refreshes and repeats the request once. Neither ever shows a secret in ``repr`` or errors.
"""

from __future__ import annotations

import importlib.util
import threading
import time
from collections.abc import AsyncGenerator, Generator
from typing import Any, NamedTuple

import httpx

from ._errors import TokenError


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
        if signing_key is not None and importlib.util.find_spec("jwt") is None:
            raise ImportError("a client assertion needs the 'jwt' extra: pip install 'auth0-users[jwt]'")

    def __repr__(self) -> str:
        return f"ClientCredentials(client_id={self.client_id!r}, token_url={self.token_url!r})"

    def _valid(self) -> str | None:
        token = self._token
        return token.value if token is not None and time.time() < token.expires_at else None

    def _invalidate(self, sent: str | None) -> None:
        if self._token is not None and self._token.value == sent:
            self._token = None

    def _assertion(self) -> dict[str, str]:
        if self._signing_key is None:
            return {"client_secret": self._secret or ""}
        import uuid

        import jwt

        now = int(time.time())
        origin = str(httpx.URL(self.token_url).copy_with(path="/"))
        claims = {"iss": self.client_id, "sub": self.client_id, "aud": origin, "iat": now, "exp": now + 60}
        claims["jti"] = uuid.uuid4().hex
        assertion = jwt.encode(claims, self._signing_key, algorithm="RS256")
        return {
            "client_assertion": assertion,
            "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        }

    def _token_request(self, api_request: httpx.Request) -> httpx.Request:
        body = {"grant_type": "client_credentials", "client_id": self.client_id, "audience": self.audience}
        # The same time limits as the API request it serves (httpx applies none to a bare Request).
        extensions = {"timeout": api_request.extensions["timeout"]} if "timeout" in api_request.extensions else {}
        return httpx.Request("POST", self.token_url, json={**body, **self._assertion()}, extensions=extensions)

    def _accept(self, response: httpx.Response) -> str:
        if not response.is_success:
            raise TokenError(response, client_id=self.client_id)
        try:
            payload = response.json()
        except ValueError:
            raise TokenError(response, client_id=self.client_id, reason="the answer is not JSON") from None
        if not isinstance(payload, dict):
            raise TokenError(response, client_id=self.client_id, reason="the answer is not a JSON object")
        value, lifetime = payload.get("access_token"), payload.get("expires_in", 86400)
        if not isinstance(value, str) or not value:
            raise TokenError(response, client_id=self.client_id, reason="the answer has no access_token")
        if isinstance(lifetime, bool) or not isinstance(lifetime, int | float) or not lifetime > 0:
            raise TokenError(response, client_id=self.client_id, reason="expires_in is not a positive number")
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
                    answer = yield self._token_request(request)
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
                    answer = yield self._token_request(request)
                    await answer.aread()
                    token = self._accept(answer)
            if token == sent:
                return
            sent = token
            response = yield self._authorize(request, token)
            if response.status_code != 401:
                return
            self._invalidate(sent)
