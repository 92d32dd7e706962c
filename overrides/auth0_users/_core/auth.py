"""Bearer-token auth: a static token, or tokens from the client-credentials grant.

Both are ``httpx.Auth`` flows. ``ClientCredentials`` keeps its token until shortly before it
expires, in memory and in its token cache (``auth0_users.token_cache``), fetches a new one once
however many threads, tasks or processes need it at the same moment, and on a 401 refreshes and
repeats the request once. Neither ever shows a secret or a token in ``repr``, logs or errors.

The flow is one generator, ``ClientCredentials._flow``, that yields what it needs done: HTTP
requests, cache I/O, waits, and taking or giving back the client's own lock. The sync and the
async driver only carry those steps out, each with its own I/O, and give back whatever a flow
that ended early (an exception, a closed connection) still held.
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import threading
import time
from collections.abc import AsyncGenerator, Generator
from typing import Any, NamedTuple

import httpx

from .._ratelimit import token_quotas
from ..token_cache import MemoryTokenCache, TokenCache, _entry_key, _Token
from .deadline import sending
from .errors import TokenError, TokenQuotaError

logger = logging.getLogger("auth0_users")


class BearerToken(httpx.Auth):
    """A static Management API token."""

    def __init__(self, token: str) -> None:
        self._header = f"Bearer {token}"

    def __repr__(self) -> str:
        return "BearerToken(<redacted>)"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Add the token to the request."""
        request.headers["Authorization"] = self._header
        sending(request)
        yield request


class _Fetch(NamedTuple):
    """Send a token request and read its answer."""

    request: httpx.Request


class _CacheIO(NamedTuple):
    """Call the cache's ``method`` (``a`` + method in async code); ``fallback`` when it is unavailable."""

    method: str
    args: tuple[Any, ...]
    fallback: Any = None


class _Sleep(NamedTuple):
    seconds: float


class _Local(NamedTuple):
    """Take (``True``) or give back (``False``) the client's own thread or task lock."""

    take: bool


_TAKE, _GIVE_BACK = _Local(take=True), _Local(take=False)
_UNLOCKED = object()
"""The lease of a fetch made without the cache's lock (the cache was unavailable, or its holder stuck)."""

_Step = httpx.Request | _Fetch | _CacheIO | _Sleep | _Local
_Flow = Generator[_Step, Any, None]


def _poll_delay(tries: int) -> float:
    """How long to wait before looking again for another process's token: 10 ms, doubling, at most 250 ms."""
    return min(0.25, 0.01 * 2.0**tries)


class ClientCredentials(httpx.Auth):
    """Tokens from ``POST /oauth/token`` with the client-credentials grant, kept in a token cache."""

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
        cache: TokenCache | None = None,
    ) -> None:
        if cache is not None and not isinstance(cache, TokenCache):
            raise TypeError("token_cache must be an auth0_users.token_cache.TokenCache, such as FileTokenCache(path)")
        self.token_url = token_url
        self.client_id = client_id
        self.audience = audience
        self.cache = MemoryTokenCache() if cache is None else cache
        self._key = _entry_key(token_url, client_id, audience)
        self._secret = client_secret
        self._signing_key = signing_key
        self._token: _Token | None = None
        self._thread_lock = threading.Lock()
        self._task_lock: Any = None  # an asyncio.Lock, made on first async use
        if signing_key is not None and importlib.util.find_spec("jwt") is None:
            raise ImportError("a client assertion needs the 'jwt' extra: pip install 'auth0-users[jwt]'")

    def __repr__(self) -> str:
        return f"ClientCredentials(client_id={self.client_id!r}, token_url={self.token_url!r}, cache={self.cache!r})"

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
        # The same time limits and hooks as the API request it serves (httpx applies none to a bare Request).
        given = api_request.extensions
        extensions: dict[str, Any] = {name: given[name] for name in ("timeout", "trace") if name in given}
        return httpx.Request("POST", self.token_url, json={**body, **self._assertion()}, extensions=extensions)

    def _accept(self, response: httpx.Response, requested_at: float) -> tuple[_Token, float]:
        quotas = token_quotas(response.headers) if response.status_code == 429 else ()
        if quotas:
            # The quota that refused: a used-up one, the last to reset; else the nearest to used up.
            spent = [quota for quota in quotas if quota.remaining == 0]
            refusing = max(spent, key=lambda q: q.resets_in) if spent else min(quotas, key=lambda q: q.remaining)
            raise TokenQuotaError(response, client_id=self.client_id, quota=refusing)
        if not response.is_success:
            raise TokenError(response, client_id=self.client_id)
        try:
            payload = response.json()
        except RecursionError:
            raise TokenError(response, client_id=self.client_id, reason="JSON nested too deeply to read") from None
        except ValueError:
            raise TokenError(response, client_id=self.client_id, reason="the answer is not JSON") from None
        if not isinstance(payload, dict):
            raise TokenError(response, client_id=self.client_id, reason="the answer is not a JSON object")
        value, lifetime = payload.get("access_token"), payload.get("expires_in", 86400)
        if not isinstance(value, str) or not value:
            raise TokenError(response, client_id=self.client_id, reason="the answer has no access_token")
        if isinstance(lifetime, bool) or not isinstance(lifetime, int | float) or not lifetime > 0:
            raise TokenError(response, client_id=self.client_id, reason="expires_in is not a positive number")
        # Counted from before the request, so the server's clock of the lifetime started later.
        return _Token(value, requested_at + lifetime - min(self.REFRESH_LEEWAY, lifetime / 10)), lifetime

    def _usable(self, refused: _Token | None) -> _Token | None:
        token = self._token
        if token is None or not token.fresh() or (refused is not None and token.value == refused.value):
            return None
        return token

    def _flow(self, request: httpx.Request) -> _Flow:
        """Add a fresh token; on a 401, get another one (once) and repeat the request."""
        sent: _Token | None = None
        for _ in range(2):
            token = self._usable(sent)
            if token is None:
                sending(None)  # waiting for a token: the API request has not left
                yield _TAKE
                token = self._usable(sent)
                if token is None:
                    token = yield from self._obtain(request, sent)
                yield _GIVE_BACK
            sent = token
            request.headers["Authorization"] = f"Bearer {token.value}"
            sending(request)
            response = yield request
            if response.status_code != 401:
                return
            if self._token is sent:
                self._token = None

    def _obtain(self, request: httpx.Request, refused: _Token | None) -> Generator[_Step, Any, _Token]:
        """A fresh token from the cache, or fetched under the cache's lock while others wait for it."""
        cache, key = self.cache, self._key
        give_up_at = time.time() + cache.lock_timeout
        lease: object | None = None
        tries = 0
        while True:
            token = cache._decode(key, (yield _CacheIO("read", (key,))))
            if token is not None and token.fresh() and (refused is None or token.value != refused.value):
                logger.debug(
                    "token for client %r taken from %s, refreshed in %.0f s",
                    self.client_id, type(cache).__name__, token.refresh_at - time.time(),
                )  # fmt: skip
                break
            if lease is None:
                lease = yield _CacheIO("try_lock", (key,), _UNLOCKED)
                if lease is None and time.time() < give_up_at:
                    yield _Sleep(_poll_delay(tries))
                    tries += 1
                elif lease is None:
                    logger.warning(
                        "%r: the token lock is still held after %.0f s; fetching anyway", cache, cache.lock_timeout
                    )
                    lease = _UNLOCKED
                continue  # look again: whoever held the lock may have stored a token
            token_request = self._token_request(request)
            sending(token_request)
            requested_at = time.time()
            token, lifetime = self._accept((yield _Fetch(token_request)), requested_at)
            logger.debug(
                "token for client %r %s from %s, expires in %.0f s",
                self.client_id, self._renewal(refused), self.token_url, lifetime,
            )  # fmt: skip
            yield _CacheIO("write", (key, cache._encode(key, token), token.refresh_at - time.time()))
            break
        if lease is not None and lease is not _UNLOCKED:
            yield _CacheIO("unlock", (lease,))
        self._token = token
        return token

    def _renewal(self, refused: _Token | None) -> str:
        """How a fetch came about, for the log: a first token, or one replacing an expired or refused one."""
        if refused is not None:
            return "refreshed (the API refused the last one)"
        return "fetched" if self._token is None else "refreshed (the last one expired)"

    def _unavailable(self, step: _CacheIO, error: Exception) -> Any:
        logger.warning("%r is unavailable (%s: %s); going on without it", self.cache, type(error).__name__, error)
        return step.fallback

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Carry out the flow's steps with blocking I/O."""
        flow, held, cache = self._flow(request), _Held(), self.cache
        answer: Any = None
        try:
            while (step := held.next(flow, answer)) is not None:
                answer = None
                if isinstance(step, httpx.Request):
                    answer = yield step
                elif isinstance(step, _Fetch):
                    answer = yield step.request
                    answer.read()
                elif isinstance(step, _Local) and step.take:
                    self._thread_lock.acquire()
                elif isinstance(step, _Local):
                    self._thread_lock.release()
                elif isinstance(step, _Sleep):
                    time.sleep(step.seconds)
                else:
                    try:
                        answer = getattr(cache, step.method)(*step.args)
                    except cache.unavailable as error:
                        answer = self._unavailable(step, error)
        finally:
            for lease in held.leases:
                with contextlib.suppress(*cache.unavailable):
                    cache.unlock(lease)
            if held.local:
                self._thread_lock.release()

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """Carry out the flow's steps with async I/O."""
        import asyncio

        if self._task_lock is None:
            self._task_lock = asyncio.Lock()
        flow, held, cache = self._flow(request), _Held(), self.cache
        answer: Any = None
        try:
            while (step := held.next(flow, answer)) is not None:
                answer = None
                if isinstance(step, httpx.Request):
                    answer = yield step
                elif isinstance(step, _Fetch):
                    answer = yield step.request
                    await answer.aread()
                elif isinstance(step, _Local) and step.take:
                    await self._task_lock.acquire()
                elif isinstance(step, _Local):
                    self._task_lock.release()
                elif isinstance(step, _Sleep):
                    await asyncio.sleep(step.seconds)
                else:
                    try:
                        answer = await getattr(cache, "a" + step.method)(*step.args)
                    except cache.unavailable as error:
                        answer = self._unavailable(step, error)
        finally:
            for lease in held.leases:
                with contextlib.suppress(*cache.unavailable):
                    await cache.aunlock(lease)
            if held.local:
                self._task_lock.release()


class _Held:
    """What a running flow holds (cache leases, the client's own lock), for its driver to give back."""

    def __init__(self) -> None:
        self.leases: list[object] = []
        self.local = False
        self._step: _Step | None = None

    def next(self, flow: _Flow, answer: Any) -> _Step | None:
        """The flow's next step (``None`` once it is done), noting what the last one took or gave back."""
        step = self._step
        if isinstance(step, _Local):
            self.local = step.take
        elif isinstance(step, _CacheIO) and step.method == "try_lock" and answer not in (None, _UNLOCKED):
            self.leases.append(answer)
        try:
            self._step = flow.send(answer)
        except StopIteration:
            return None
        if isinstance(self._step, _CacheIO) and self._step.method == "unlock":
            self.leases.remove(self._step.args[0])  # given back by the step about to run
        return self._step
