"""Every Users operation, through Stoplight Prism validating against the raw Users slice.

Prism (``proxy --errors``) rejects an invalid request with 422 and turns a response that breaks the
spec into a 500; warnings (such as an undocumented status) only show in ``sl-violations``, so any
such header fails the test too. What Prism cannot check is checked by ``spec_check`` in Python:
Auth0's custom string formats (``strict-uri``, ``authenticator-id``, ``session-id``, ...), which Prism
ignores, and error bodies, which the spec documents without a schema.
"""

from __future__ import annotations

from typing import Any

import httpx
import jsonschema
import pytest
from auth0_users.sandbox import SandboxServer
from auth0_users.sandbox._app import ROUTES
from spec_pin import required_query

DB = "Username-Password-Authentication"
API = "https://api.example.com/"
ROLE = "rol_0000000000000003"


def _operations(document: dict[str, Any]) -> set[tuple[str, str]]:
    return {
        (method.upper(), path) for path, item in document["paths"].items() for method in item if method != "parameters"
    }


class Conformance:
    """Sends requests through Prism, checks each answer, and notes which operations were covered.

    A request for an operation that the pinned spec lacks is not sent, and is noted as absent; a
    query parameter the pinned spec requires and the test does not know gets a placeholder.
    """

    def __init__(self, client: httpx.Client, spec_check: Any) -> None:
        self.client = client
        self.spec_check = spec_check
        self.covered: set[tuple[str, str]] = set()
        self.absent: list[str] = []

    def __call__(self, method: str, path: str, status: int, **kwargs: Any) -> Any:
        paths = self.spec_check.document["paths"]
        templates = [template for pattern, template in self.spec_check.templates if pattern.match(path)]
        if not any(method.lower() in paths[template] for template in templates):
            served = (route.template for route in ROUTES if route.method == method and route.pattern.fullmatch(path))
            self.absent.append(f"{method} {next(served, path)}")
            return None
        operation = paths[self.spec_check.template(path)][method.lower()]
        kwargs["params"] = required_query(operation, kwargs.get("params", {}))
        response = self.client.request(method, path, **kwargs)
        assert "sl-violations" not in response.headers, response.headers["sl-violations"]
        assert response.status_code == status, (method, path, response.status_code, response.text)
        self.spec_check.response(method, path, response)
        self.covered.add((method, self.spec_check.template(path)))
        return response.json() if response.content else None


def test_every_users_operation_conforms_through_prism(
    sandbox: SandboxServer, proxied: httpx.Client, spec_check: Any, users_slice: dict[str, Any]
) -> None:
    call = Conformance(proxied, spec_check)
    social = next(u for u in sandbox.seed(40) if u["identities"][0]["isSocial"])["user_id"]
    created = call("POST", "/users", 201, json={"connection": DB, "email": "Ada@Example.com", "password": "S3cret!pw"})
    uid = created["user_id"]
    user = f"/users/{uid}"
    call("GET", "/users", 200, params={"q": "email:ada@example.com", "include_totals": "true", "per_page": 5})
    call("GET", "/users-by-email", 200, params={"email": "ADA@example.com"})
    call("GET", user, 200, params={"fields": "email,user_id", "include_fields": "true"})
    call("PATCH", user, 200, json={"user_metadata": {"plan": "premium"}, "name": "Ada"})

    call("POST", f"{user}/roles", 204, json={"roles": [ROLE]})
    call("GET", f"{user}/roles", 200, params={"include_totals": "true"})
    call("DELETE", f"{user}/roles", 204, json={"roles": [ROLE]})
    permissions = {"permissions": [{"resource_server_identifier": API, "permission_name": "read:reports"}]}
    call("POST", f"{user}/permissions", 201, json=permissions)
    call("GET", f"{user}/permissions", 200, params={"per_page": 10})
    call("GET", f"{user}/effective-permissions", 200, params={"take": 10, "resource_server_identifier": API})
    call("GET", f"{user}/effective-permissions/sources/effective-roles", 200, params=permissions["permissions"][0])
    call("DELETE", f"{user}/permissions", 204, json=permissions)
    call("GET", f"{user}/effective-roles", 200)
    call("GET", f"{user}/effective-roles/sources/groups", 200, params={"role_id": ROLE})
    call("GET", f"{user}/groups", 200, params={"include_totals": "true"})
    call("GET", f"{user}/organizations", 200, params={"include_totals": "true"})

    method = call("POST", f"{user}/authentication-methods", 201, json={"type": "phone", "phone_number": "+15555550100"})
    call("GET", f"{user}/authentication-methods", 200, params={"include_totals": "true"})
    call("GET", f"{user}/authentication-methods/{method['id']}", 200)
    call("PATCH", f"{user}/authentication-methods/{method['id']}", 200, json={"preferred_authentication_method": "sms"})
    call("GET", f"{user}/enrollments", 200)
    call("DELETE", f"{user}/authentication-methods/{method['id']}", 204)
    call("PUT", f"{user}/authentication-methods", 200, json=[{"type": "totp", "totp_secret": "JBSWY3DPEHPK3PXP"}])
    call("DELETE", f"{user}/authentication-methods", 204)
    call("DELETE", f"{user}/authenticators", 204)
    call("DELETE", f"{user}/multifactor/google-authenticator", 204)
    call("POST", f"{user}/multifactor/actions/invalidate-remember-browser", 204)
    call("POST", f"{user}/recovery-code-regeneration", 200)
    call("POST", f"{user}/risk-assessments/clear", 204, json={"connection": DB, "assessors": ["new-device"]})

    call("GET", f"/users/{social}/sessions", 200, params={"take": 5})
    call("GET", f"/users/{social}/refresh-tokens", 200, params={"take": 5})
    call("GET", f"/users/{social}/logs", 200, params={"include_totals": "true", "per_page": 5})
    call("GET", f"/users/{social}/connected-accounts", 200)
    tokensets = call("GET", f"/users/{social}/federated-connections-tokensets", 200)
    call("DELETE", f"/users/{social}/federated-connections-tokensets/{tokensets[0]['id']}", 204)
    call("POST", f"/users/{social}/revoke-access", 202, json={"preserve_refresh_tokens": True})
    call("DELETE", f"/users/{social}/sessions", 202)
    call("DELETE", f"/users/{social}/refresh-tokens", 202)

    provider, _, local = social.partition("|")
    call("POST", f"{user}/identities", 201, json={"provider": provider, "user_id": local})
    call("DELETE", f"{user}/identities/{provider}/{local}", 200)
    call("DELETE", user, 204)

    in_spec = _operations(users_slice)
    served = {(route.method, route.template) for route in ROUTES}
    assert call.covered == in_spec & served
    unchecked = [f"{method} {path}" for method, path in sorted(in_spec - served)]
    reasons = [f"the pinned spec lacks {', '.join(call.absent)}"] if call.absent else []
    reasons += [f"the sandbox does not serve {', '.join(unchecked)}"] if unchecked else []
    if reasons:
        pytest.skip("every other operation conforms; " + "; ".join(reasons))


def test_error_answers_have_auth0_shape_through_prism(
    sandbox: SandboxServer, proxied: httpx.Client, spec_check: Any
) -> None:
    call = Conformance(proxied, spec_check)
    call("GET", "/users/auth0|000000000000000000000000", 404)
    call(
        "POST",
        "/users",
        400,
        json={"connection": "no-such-connection", "email": "a@example.com", "password": "Pw-12345"},
    )
    call("POST", "/users", 201, json={"connection": DB, "email": "dup@example.com", "password": "Passw0rd!x"})
    call("POST", "/users", 409, json={"connection": DB, "email": "DUP@example.com", "password": "Passw0rd!x"})
    call("GET", "/users", 400, params={"page": 10, "per_page": 100})


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "location"),
    [
        ("GET", "/users", {"params": {"per_page": 101}}, ["query", "per_page"]),
        ("POST", "/users", {"json": {"email": "a@example.com"}}, ["body"]),
        ("POST", "/users/auth0|1/roles", {"json": {"roles": []}}, ["body", "roles"]),
        ("PATCH", "/users/auth0|1", {"json": {"email_verified": "yes"}}, ["body", "email_verified"]),
    ],
)
def test_prism_rejects_requests_that_break_the_spec(
    sandbox: SandboxServer, proxied: httpx.Client, method: str, path: str, kwargs: dict[str, Any], location: list[str]
) -> None:
    sandbox.requests.start()
    response = proxied.request(method, path, **kwargs)
    assert response.status_code == 422
    assert any(v["location"] == location for v in response.json()["validation"]), response.json()
    assert len(sandbox.requests) == 0  # Prism did not forward it


def test_prism_catches_a_response_that_breaks_the_spec(sandbox: SandboxServer, proxied: httpx.Client) -> None:
    (user,) = sandbox.seed(1)
    sandbox.backend.users[user["user_id"]]["identities"][0]["provider"] = "not-a-provider"
    response = proxied.get(f"/users/{user['user_id']}")
    assert response.status_code == 500
    assert "identities.0.provider" in response.text


def test_python_check_covers_auth0_formats_prism_ignores(
    sandbox: SandboxServer, proxied: httpx.Client, spec_check: Any
) -> None:
    (user,) = sandbox.seed(1)
    path = f"/users/{user['user_id']}"
    refused = proxied.patch(path, json={"picture": "not a uri"})  # strict-uri: Prism lets it through, the sandbox not
    assert refused.status_code == 400
    assert refused.json()["message"].startswith(
        "Payload validation error: 'Object didn't pass validation for format strict-uri: not a uri' on property picture"
    )
    created = proxied.post(f"{path}/authentication-methods", json={"type": "phone", "phone_number": "+15555550100"})
    spec_check.response("POST", f"{path}/authentication-methods", created)  # the sandbox's ids pass ...
    spoiled = httpx.Response(201, json={**created.json(), "id": "no format here"})
    with pytest.raises(jsonschema.ValidationError, match="authenticator-id"):  # ... a malformed one does not
        spec_check.response("POST", f"{path}/authentication-methods", spoiled)
