"""The sandbox's controls over HTTP, and what it saw: for clients in any language.

:class:`AdminApp` wraps the API app. Requests under :data:`ADMIN_PREFIX` (outside ``/api/v2``, so
no API path reaches them) control the sandbox::

    POST /__sandbox/reset              back to a fresh sandbox (no users, faults or log)
    POST /__sandbox/seed?users=N       add N generated users (&seed=S picks another set)
    POST /__sandbox/settle             make every write visible to user search now
    GET  /__sandbox/requests           the latest requests answered, and the counts below
    GET  /__sandbox/rate-limits        requests made and 429s answered since the last reset

Every other request goes to the API app; :class:`Traffic` notes its method, path, status and
rate-limit headers, and logs a line for it when asked to.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import asdict, dataclass
from typing import Any, Protocol
from urllib.parse import parse_qsl

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
Asgi = Callable[[Scope, Receive, Send], Awaitable[None]]

ADMIN_PREFIX = "/__sandbox"
#: The response headers a request's log entry keeps: the rate-limit ones.
_LIMIT_HEADER = re.compile(r"x-ratelimit-.*|retry-after")

logger = logging.getLogger("auth0_users.sandbox")


@dataclass(frozen=True)
class Exchange:
    """One answered request: what was asked, the status, and the rate-limit headers sent back."""

    method: str
    path: str
    status: int
    rate_limit: dict[str, str]
    at: float

    def line(self) -> str:
        """The request as one log line: ``GET /api/v2/users 200 x-ratelimit-remaining=49 ...``."""
        headers = " ".join(f"{name}={value}" for name, value in self.rate_limit.items())
        return f"{self.method} {self.path} {self.status} {headers}".rstrip()


class Traffic:
    """The API requests the sandbox answered: how many, how many 429s, and the latest ``keep``."""

    def __init__(self, keep: int = 1000, log: bool = False) -> None:
        self.log = log
        self.made = 0
        self.rate_limited = 0
        self.latest: deque[Exchange] = deque(maxlen=keep)

    def clear(self) -> None:
        """Forget the counts and the latest requests."""
        self.made = self.rate_limited = 0
        self.latest.clear()

    def note(self, exchange: Exchange) -> None:
        """Count one answered request (and log it when logging is on)."""
        self.made += 1
        self.rate_limited += exchange.status == 429
        self.latest.append(exchange)
        if self.log:
            logger.info("%s", exchange.line())

    def counts(self) -> dict[str, int]:
        """``{"made": N, "rate_limited": M}``."""
        return {"made": self.made, "rate_limited": self.rate_limited}

    def summary(self) -> str:
        """One line for the end of a run: the requests made and the 429s answered."""
        return f"{self.made} requests made, {self.rate_limited} answered 429 Too Many Requests"


class Controls(Protocol):
    """What the admin routes act on (the :class:`~auth0_users.sandbox.SandboxServer`)."""

    def reset(self) -> None: ...

    def seed(self, n: int, seed: int = 0) -> list[dict[str, Any]]: ...

    def settle_search(self) -> None: ...


class AdminApp:
    """The API app behind the admin routes, with every API request noted in ``traffic``."""

    def __init__(self, api: Asgi, controls: Controls, traffic: Traffic) -> None:
        self.api = api
        self.controls = controls
        self.traffic = traffic

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve an admin route, or pass the request on and note its answer."""
        if scope["type"] != "http":
            return
        path: str = scope["path"]
        if path == ADMIN_PREFIX or path.startswith(ADMIN_PREFIX + "/"):
            status, body = self._admin(scope["method"], path[len(ADMIN_PREFIX) :], scope["query_string"])
            await _send_json(send, status, body)
            return
        answer: dict[str, Any] = {}

        async def noting(message: Message) -> None:
            if message["type"] == "http.response.start":
                answer["status"] = message["status"]
                answer["headers"] = {
                    name.decode("latin-1"): value.decode("latin-1")
                    for name, value in message.get("headers", [])
                    if _LIMIT_HEADER.fullmatch(name.decode("latin-1").lower())
                }
            await send(message)

        try:
            await self.api(scope, receive, noting)
        finally:
            if answer:
                exchange = Exchange(scope["method"], path, answer["status"], answer["headers"], time.time())
                self.traffic.note(exchange)

    def _admin(self, method: str, route: str, raw_query: bytes) -> tuple[int, Any]:
        query = dict(parse_qsl(raw_query.decode("latin-1")))
        known: dict[tuple[str, str], Callable[[], tuple[int, Any]]] = {
            ("POST", "/reset"): self._reset,
            ("POST", "/seed"): lambda: self._seed(query),
            ("POST", "/settle"): self._settle,
            ("GET", "/requests"): lambda: (200, {**self.traffic.counts(), "requests": self._requests()}),
            ("GET", "/rate-limits"): lambda: (200, self.traffic.counts()),
        }
        handler = known.get((method, route))
        if handler is not None:
            return handler()
        routes = [f"{verb} {ADMIN_PREFIX}{path}" for verb, path in known]
        if any(path == route for _, path in known):
            return 405, {"error": f"{method} is not allowed here", "routes": routes}
        return 404, {"error": f"no sandbox admin route {ADMIN_PREFIX}{route}", "routes": routes}

    def _reset(self) -> tuple[int, Any]:
        self.controls.reset()
        return 204, None

    def _settle(self) -> tuple[int, Any]:
        self.controls.settle_search()
        return 204, None

    def _seed(self, query: dict[str, str]) -> tuple[int, Any]:
        try:
            count, seed = int(query.get("users", "")), int(query.get("seed", "0"))
        except ValueError:
            return 400, {"error": "seed takes ?users=N (a whole number), and optionally &seed=S"}
        if not 0 < count <= 100_000:
            return 400, {"error": f"users must be from 1 to 100000, got {count}"}
        seeded = self.controls.seed(count, seed)
        return 200, {"seeded": len(seeded), "user_ids": [user["user_id"] for user in seeded]}

    def _requests(self) -> list[dict[str, Any]]:
        return [asdict(exchange) for exchange in self.traffic.latest]


async def _send_json(send: Send, status: int, body: Any) -> None:
    payload = b"" if body is None else json.dumps(body).encode()
    headers = [(b"content-length", str(len(payload)).encode())]
    if payload:
        headers.append((b"content-type", b"application/json"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})
