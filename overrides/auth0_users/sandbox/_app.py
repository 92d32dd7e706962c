"""The sandbox's HTTP face: a raw ASGI app that parses, calls the backend and serialises.

Every API route is one declaration (method, path, backend method, success status, which query
parameters it takes, how it pages); there is no per-operation HTTP code. The app also serves
``POST /oauth/token`` at the origin root, checks bearer tokens, adds rate-limit headers to every
response and applies the faults a test has queued.
"""

from __future__ import annotations

import asyncio
import functools
import json
import re
import secrets
import threading
import time
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from dataclasses import dataclass, field
from email.utils import formatdate
from typing import Any
from urllib.parse import parse_qsl, unquote

from ._errors import ApiError
from ._faults import Decision, Faults, RateLimitWindow, RecordedRequest, RequestLog
from ._paging import Checkpoint, Offset, OffsetOrCheckpoint, Paging
from ._records import Projected, project
from ._validate import request_check
from .backend import SandboxBackend

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

API_PREFIX = "/api/v2"
JSON_TYPE = b"application/json; charset=utf-8"


@dataclass(frozen=True)
class Route:
    """One API operation: ``handler`` names the backend method; path parameters go positionally."""

    method: str
    template: str
    handler: str
    status: int = 200
    body: bool = False
    query: tuple[str, ...] = ()
    paging: Paging | None = None
    fields: bool = False
    pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        regex = re.sub(r"\\{(\w+)\\}", r"(?P<\1>[^/]+)", re.escape(self.template))
        object.__setattr__(self, "pattern", re.compile(regex))


_LIST = ("page", "per_page", "include_totals")
ROUTES = (
    Route("GET", "/users", "search_users", query=("q", "sort", "connection"),
          paging=Offset("users", True, True), fields=True),
    Route("POST", "/users", "create_user", 201, body=True),
    Route("GET", "/users-by-email", "users_by_email", query=("email",), fields=True),
    Route("GET", "/users/{id}", "get_user", fields=True),
    Route("DELETE", "/users/{id}", "delete_user", 204),
    Route("PATCH", "/users/{id}", "update_user", body=True),
    Route("GET", "/users/{id}/authentication-methods", "list_authentication_methods",
          paging=Offset("authenticators")),
    Route("DELETE", "/users/{id}/authentication-methods", "delete_authentication_methods", 204),
    Route("POST", "/users/{id}/authentication-methods", "create_authentication_method", 201, body=True),
    Route("PUT", "/users/{id}/authentication-methods", "set_authentication_methods", body=True),
    Route("GET", "/users/{id}/authentication-methods/{authentication_method_id}", "get_authentication_method"),
    Route("DELETE", "/users/{id}/authentication-methods/{authentication_method_id}", "delete_authentication_method",
          204),
    Route("PATCH", "/users/{id}/authentication-methods/{authentication_method_id}", "update_authentication_method",
          body=True),
    Route("DELETE", "/users/{id}/authenticators", "delete_authenticators", 204),
    Route("GET", "/users/{id}/connected-accounts", "list_connected_accounts",
          paging=Checkpoint("connected_accounts", default_take=10, page_size=20)),
    Route("GET", "/users/{id}/effective-permissions", "list_effective_permissions",
          query=("resource_server_identifier",), paging=Checkpoint("permissions")),
    Route("GET", "/users/{id}/effective-permissions/sources/effective-roles", "list_permission_role_sources",
          query=("resource_server_identifier", "permission_name"), paging=Checkpoint("roles")),
    Route("GET", "/users/{id}/effective-roles", "list_effective_roles", paging=Checkpoint("roles")),
    Route("GET", "/users/{id}/effective-roles/sources/groups", "list_role_source_groups", query=("role_id",),
          paging=Checkpoint("groups")),
    Route("GET", "/users/{id}/enrollments", "list_enrollments"),
    Route("GET", "/users/{id}/federated-connections-tokensets", "list_tokensets"),
    Route("DELETE", "/users/{id}/federated-connections-tokensets/{tokenset_id}", "delete_tokenset", 204),
    Route("GET", "/users/{id}/groups", "list_groups", fields=True,
          paging=OffsetOrCheckpoint(Offset("groups"), Checkpoint("groups"))),
    Route("POST", "/users/{id}/identities", "link_identity", 201, body=True),
    Route("DELETE", "/users/{id}/identities/{provider}/{user_id}", "unlink_identity"),
    Route("GET", "/users/{id}/logs", "list_logs", query=("sort",), paging=Offset("logs", True, default_per_page=None)),
    Route("POST", "/users/{id}/multifactor/actions/invalidate-remember-browser", "invalidate_remember_browser", 204),
    Route("DELETE", "/users/{id}/multifactor/{provider}", "delete_multifactor_provider", 204),
    Route("GET", "/users/{id}/organizations", "list_organizations", paging=Offset("organizations")),
    Route("GET", "/users/{id}/permissions", "list_permissions", paging=Offset("permissions")),
    Route("DELETE", "/users/{id}/permissions", "remove_permissions", 204, body=True),
    Route("POST", "/users/{id}/permissions", "add_permissions", 201, body=True),
    Route("POST", "/users/{id}/recovery-code-regeneration", "regenerate_recovery_code"),
    Route("POST", "/users/{id}/revoke-access", "revoke_access", 202, body=True),
    Route("POST", "/users/{id}/risk-assessments/clear", "clear_risk_assessments", 204, body=True),
    Route("GET", "/users/{id}/roles", "list_roles", paging=Offset("roles")),
    Route("DELETE", "/users/{id}/roles", "remove_roles", 204, body=True),
    Route("POST", "/users/{id}/roles", "assign_roles", 204, body=True),
    Route("GET", "/users/{user_id}/refresh-tokens", "list_refresh_tokens", paging=Checkpoint("tokens")),
    Route("DELETE", "/users/{user_id}/refresh-tokens", "delete_refresh_tokens", 202),
    Route("GET", "/users/{user_id}/sessions", "list_sessions", paging=Checkpoint("sessions")),
    Route("DELETE", "/users/{user_id}/sessions", "delete_sessions", 202),
)  # fmt: skip


def parse_body(raw: bytes, content_type: str) -> Any:
    """Decode a JSON or form body (form values ``true``/``false`` become booleans)."""
    if not raw.strip():
        return None
    if content_type.startswith("application/x-www-form-urlencoded"):
        form = dict(parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True))
        return {key: {"true": True, "false": False}.get(value, value) for key, value in form.items()}
    try:
        return json.loads(raw)
    except ValueError as exc:
        raise ApiError(400, "Invalid request payload JSON format", "invalid_body") from exc


@dataclass
class TokenIssuer:
    """Bearer tokens: one static token, plus client-credentials tokens that expire."""

    token: str
    client_id: str
    client_secret: str
    expires_in: int
    issued: dict[str, float] = field(default_factory=dict)
    requests_served: int = 0
    refused: int = 0

    def issue(self, form: Any) -> tuple[int, dict[str, Any]]:
        """Answer ``POST /oauth/token`` (OAuth error shape on failure)."""
        self.requests_served += 1
        if not isinstance(form, dict) or form.get("grant_type") != "client_credentials":
            return 400, {"error": "unsupported_grant_type", "error_description": "Unsupported grant type"}
        if form.get("client_id") != self.client_id or form.get("client_secret") != self.client_secret:
            return 401, {"error": "access_denied", "error_description": "Unauthorized"}
        token = secrets.token_urlsafe(32)
        self.issued[token] = time.time() + self.expires_in
        return 200, {"access_token": token, "token_type": "Bearer", "expires_in": self.expires_in}

    def check(self, authorization: str | None) -> None:
        """Raise a 401 in Auth0's shape unless ``authorization`` carries a valid bearer token."""
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise ApiError(401, "Missing authentication", "missing_authentication")
        if secrets.compare_digest(token, self.token):
            return
        expires = self.issued.get(token)
        if expires is None or time.time() >= expires:
            self.refused += 1
            if expires is None:
                raise ApiError(401, "Invalid token", "invalid_token")
            raise ApiError(401, "Expired token received for JSON Web Token validation", "invalid_token")


@dataclass
class Reply:
    """A response before it is sent."""

    status: int
    body: Any = None
    content_type: bytes = JSON_TYPE
    raw: bytes | None = None

    def payload(self) -> bytes:
        """Return the body's bytes."""
        if self.raw is not None:
            return self.raw
        return b"" if self.body is None else json.dumps(self.body, separators=(",", ":")).encode()


class SandboxApp:
    """The ASGI application over one backend, its faults and its tokens."""

    def __init__(self, backend: SandboxBackend, faults: Faults, requests: RequestLog, tokens: TokenIssuer) -> None:
        self.backend = backend
        self.faults = faults
        self.requests = requests
        self.tokens = tokens
        #: Held while the backend is read or changed, by requests and by the server's controls.
        self.lock = threading.RLock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one HTTP request (other ASGI scopes are not used)."""
        if scope["type"] != "http":
            return
        raw = await _read_body(receive)
        headers = {key.decode("latin-1").lower(): value.decode("latin-1") for key, value in scope["headers"]}
        raw_path = (scope.get("raw_path") or scope["path"].encode()).decode("latin-1")
        query = scope["query_string"].decode("latin-1")
        request = RecordedRequest(scope["method"], scope["path"], query, headers, raw, raw_path, time.time())
        self.requests.add(request)
        decision = self.faults.decide(request.method)
        if decision.delay:
            await asyncio.sleep(decision.delay)
        limits = self.faults.admit(request.method, raw_path)
        reply = self._reply(request, decision, limits)
        self.requests.answered(request, reply.status)
        await _send(send, reply, limits, decision)

    def _reply(self, request: RecordedRequest, decision: Decision, limits: RateLimitWindow) -> Reply:
        # Routes match the path as sent, so an encoded "/" stays inside its segment, as at Auth0.
        method, path, headers, raw = request.method, request.raw_path, request.headers, request.body
        try:
            if limits.exceeded:
                raise ApiError(429, limits.message, "too_many_requests")
            if decision.fail_status is not None:
                raise ApiError(decision.fail_status, "Injected by the sandbox", "sandbox_fault")
            if path == "/oauth/token" and method == "POST":
                with self.lock:
                    status, body = self.tokens.issue(parse_body(raw, headers.get("content-type", "")))
                return Reply(status, body)
            if not path.startswith(API_PREFIX + "/"):
                raise ApiError(404, "Not Found")
            self.tokens.check(headers.get("authorization"))
            return self._call(method, path[len(API_PREFIX) :], request.query, headers, raw)
        except ApiError as error:
            return Reply(error.status, error.body())

    def _call(self, method: str, path: str, raw_query: str, headers: Mapping[str, str], raw: bytes) -> Reply:
        for route in ROUTES:
            match = route.pattern.fullmatch(path)
            if match and route.method == method:
                break
        else:
            unimplemented = _spec_operation(method, path)
            if unimplemented is not None:
                raise ApiError(
                    501, f"The sandbox does not implement {unimplemented} yet", "operation_not_implemented"
                )  # fmt: skip
            raise ApiError(404, "Not Found")
        check = request_check(route.method, route.template)
        query = check.query(raw_query)
        args: list[Any] = [unquote(group) for group in match.groups()]
        check.path(dict(zip(route.pattern.groupindex, args, strict=True)))
        kwargs: dict[str, Any] = {name: query[name] for name in route.query if name in query}
        if route.body:
            kwargs["body"] = parse_body(raw, headers.get("content-type", "application/json"))
            check.body(kwargs["body"])
        with self.lock:
            result = getattr(self.backend, route.handler)(*args, **kwargs)
            if route.fields and query.get("fields"):
                fields, include = query["fields"], query.get("include_fields")
                result = project(result, fields, include) if isinstance(result, dict) else Projected(
                    result, fields, include)  # fmt: skip
            if route.paging is not None:
                result = route.paging.apply(result, query)
            elif isinstance(result, Projected):
                result = list(result)
            return Reply(route.status, result if route.status in (200, 201) else None)


@functools.cache
def _spec_patterns() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """Every operation of the spec the package was generated from: method, path pattern, description."""
    from auth0_users_facade.operations import OPERATIONS

    return tuple(
        (op.http_method, Route(op.http_method, op.path, "").pattern, f"{op.http_method} {op.path} ({op.key})")
        for op in OPERATIONS.values()
    )


def _spec_operation(method: str, path: str) -> str | None:
    """The spec's operation a request is for, when the sandbox has no route for it."""
    return next((name for verb, pattern, name in _spec_patterns() if verb == method and pattern.fullmatch(path)), None)


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


_HTML_PAGE = b"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"


class DroppedConnection(Exception):
    """Raised after half a response so that the server closes the connection mid-body."""


async def _send(send: Send, reply: Reply, limits: RateLimitWindow, decision: Decision) -> None:
    payload, content_type = reply.payload(), reply.content_type
    if decision.malformed == "truncated":
        payload = payload[: len(payload) // 2] or b'{"'
    elif decision.malformed == "html":
        payload, content_type = _HTML_PAGE, b"text/html; charset=utf-8"
    elif decision.malformed == "empty":
        payload = b""
    headers = [
        (b"x-ratelimit-limit", str(limits.limit).encode()),
        (b"x-ratelimit-remaining", str(limits.remaining).encode()),
        (b"x-ratelimit-reset", str(limits.reset).encode()),
        (b"date", formatdate(limits.now, usegmt=True).encode()),
    ]
    if payload or decision.malformed:
        headers.append((b"content-type", content_type))
    if decision.drop:
        headers.append((b"content-length", str(len(payload) + 64).encode()))
        await send({"type": "http.response.start", "status": reply.status, "headers": headers})
        await send({"type": "http.response.body", "body": payload[: len(payload) // 2], "more_body": True})
        raise DroppedConnection("connection dropped by a sandbox fault")
    headers.append((b"content-length", str(len(payload)).encode()))
    await send({"type": "http.response.start", "status": reply.status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})
