"""Auth0's documented behaviour, over real HTTP against the sandbox."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from auth0_users.metadata import predict
from auth0_users.sandbox import SandboxServer
from auth0_users_api import AuthenticatedClient
from auth0_users_api.api.users import get_users, get_users_by_id

DB = "Username-Password-Authentication"


def create(api: httpx.Client, email: str, **extra: Any) -> dict[str, Any]:
    response = api.post("/users", json={"connection": DB, "email": email, "password": "pw-123456", **extra})
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def error(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["statusCode"] == status
    assert {"error", "message", "errorCode"} <= set(body)
    return body


def test_database_users_get_auth0_hex_ids_and_lower_cased_emails(api: httpx.Client) -> None:
    user = create(api, "Grace.Hopper@Example.COM")
    assert re.fullmatch(r"auth0\|[0-9a-f]{24}", user["user_id"])
    assert user["email"] == "grace.hopper@example.com"
    assert user["identities"] == [
        {"connection": DB, "user_id": user["user_id"][6:], "provider": "auth0", "isSocial": False}
    ]
    found = api.get("/users-by-email", params={"email": "grace.hopper@example.com"}).json()
    assert [u["user_id"] for u in found] == [user["user_id"]]
    # The lookup is case-sensitive, as the spec says: the stored address matches, others do not.
    assert api.get("/users-by-email", params={"email": "GRACE.hopper@example.com"}).json() == []


def test_duplicate_email_on_one_connection_is_a_conflict(api: httpx.Client) -> None:
    create(api, "twin@example.com")
    body = error(api.post("/users", json={"connection": DB, "email": "TWIN@example.com", "password": "pw-123456"}), 409)
    assert body["message"] == "The user already exists."
    assert api.post("/users", json={"connection": "email", "email": "twin@example.com"}).status_code == 201


def test_unknown_user_and_bad_bodies(api: httpx.Client) -> None:
    assert error(api.get("/users/auth0|nobody"), 404)["errorCode"] == "inexistent_user"
    error(api.post("/users", json={"connection": DB, "email": "x@example.com", "password": "x", "bogus": 1}), 400)
    error(api.post("/users", content=b"{not json", headers={"content-type": "application/json"}), 400)
    error(api.patch("/users/auth0|nobody", json={"name": "x"}), 404)
    assert api.delete("/users/auth0|nobody").status_code == 204


@pytest.mark.parametrize(
    ("current", "patch", "expected"),
    [
        ({"a": 1, "b": {"x": 1, "y": 2}}, {"b": {"x": 9}}, {"a": 1, "b": {"x": 9}}),
        ({"a": 1, "b": 2}, {"b": None, "c": 3}, {"a": 1, "c": 3}),
        ({"a": 1}, {}, {}),
        (None, {"a": {"deep": True}}, {"a": {"deep": True}}),
    ],
)
def test_patch_merges_metadata_on_the_first_level_as_predicted(
    api: httpx.Client, current: dict[str, Any] | None, patch: dict[str, Any], expected: dict[str, Any]
) -> None:
    user = create(api, "meta@example.com", **({"user_metadata": current} if current else {}))
    assert predict(current, patch) == expected
    updated = api.patch(f"/users/{user['user_id']}", json={"user_metadata": patch, "app_metadata": patch}).json()
    assert updated.get("user_metadata", {}) == expected
    stored = api.get(f"/users/{user['user_id']}").json()
    assert stored.get("user_metadata", {}) == expected


def test_patch_replaces_root_attributes_and_null_removes_them(api: httpx.Client) -> None:
    user = create(api, "root@example.com", given_name="Ada", family_name="Lovelace")
    updated = api.patch(f"/users/{user['user_id']}", json={"given_name": "Augusta", "family_name": None}).json()
    assert updated["given_name"] == "Augusta"
    assert "family_name" not in updated
    assert updated["updated_at"] >= user["updated_at"]
    moved = api.patch(f"/users/{user['user_id']}", json={"email": "NEW@Example.com"}).json()
    assert moved["email"] == "new@example.com"
    assert api.get("/users-by-email", params={"email": "root@example.com"}).json() == []


def test_offset_pagination_with_totals(sandbox: SandboxServer, api: httpx.Client) -> None:
    sandbox.seed(25)
    page = api.get("/users", params={"page": 1, "per_page": 10, "include_totals": "true"}).json()
    assert (page["start"], page["limit"], page["length"], page["total"]) == (10, 10, 10, 25)
    assert len(page["users"]) == 10
    last = api.get("/users", params={"page": 2, "per_page": 10}).json()
    assert len(last) == 5
    error(api.get("/users", params={"per_page": 101}), 400)


def test_the_search_result_cap(sandbox: SandboxServer, api: httpx.Client) -> None:
    sandbox.seed(5)
    assert api.get("/users", params={"page": 9, "per_page": 100}).status_code == 200
    body = error(api.get("/users", params={"page": 10, "per_page": 100}), 400)
    assert body["message"].startswith("You can only page through the first 1000 records.")
    error(api.get("/users", params={"page": 20, "per_page": 50}), 400)


def test_checkpoint_pagination_walks_every_item(sandbox: SandboxServer, api: httpx.Client) -> None:
    (user,) = sandbox.seed(1)
    for index in range(7):
        api.post(f"/users/{user['user_id']}/roles", json={"roles": ["rol_0000000000000001"]})
        sandbox.backend.add_role(f"extra-{index}", "extra", role_id=f"rol_extra{index}")
        api.post(f"/users/{user['user_id']}/roles", json={"roles": [f"rol_extra{index}"]})
    seen, cursor = [], None
    while True:
        params: dict[str, Any] = {"take": 3, **({"from": cursor} if cursor else {})}
        page = api.get(f"/users/{user['user_id']}/effective-roles", params=params).json()
        seen += [role["id"] for role in page["roles"]]
        cursor = page.get("next")
        if cursor is None:
            break
    expected = {role["id"] for role in api.get(f"/users/{user['user_id']}/roles", params={"per_page": 100}).json()}
    assert len(seen) == len(set(seen))
    assert set(seen) >= expected
    error(api.get(f"/users/{user['user_id']}/effective-roles", params={"from": "garbage!"}), 400)


@pytest.mark.parametrize(
    ("query", "check"),
    [
        ('email:"*@example.org"', lambda u: u["email"].endswith("@example.org")),
        ("nickname:gr?ce.*", lambda u: u["nickname"].startswith("grace.")),
        ("user_metadata.plan:premium", lambda u: u["user_metadata"]["plan"] == "premium"),
        (
            "app_metadata.account.region:eu AND NOT blocked:true",
            lambda u: u["app_metadata"]["account"]["region"] == "eu" and not u.get("blocked"),
        ),
        ("logins_count:{10 TO *]", lambda u: u["logins_count"] > 10),
        ("logins_count:[2 TO 3]", lambda u: 2 <= u["logins_count"] <= 3),
        ("created_at:[2022-02-01 TO 2022-03-01]", lambda u: "2022-02-01" <= u["created_at"] < "2022-03-01T00:00:01"),
        (
            "identities.connection:github OR identities.connection:google-oauth2",
            lambda u: u["identities"][0]["isSocial"],
        ),
        ('family_name:"van Rossum"', lambda u: u["family_name"] == "van Rossum"),
        (
            "ada*",
            lambda u: any(
                str(u.get(f, "")).lower().startswith("ada") for f in ("email", "name", "nickname", "given_name")
            ),
        ),
        ("_exists_:username", lambda u: "username" in u),
    ],
)
def test_search_query_syntax(sandbox: SandboxServer, api: httpx.Client, query: str, check: Any) -> None:
    users = sandbox.seed(300, seed=3)
    expected = [u["user_id"] for u in users if check(u)]
    found = api.get("/users", params={"q": query, "per_page": 100, "include_totals": "true"}).json()
    assert found["total"] == len(expected) > 0
    assert [u["user_id"] for u in found["users"]] == expected[:100]


@pytest.mark.parametrize("query", ["name:jo~2", "name:/jo.*/", "name:jo^2", "name:(", '"a b"~3'])
def test_unsupported_query_syntax_is_a_clear_400(api: httpx.Client, query: str) -> None:
    body = error(api.get("/users", params={"q": query}), 400)
    assert body["errorCode"] == "invalid_query_string"


def test_sort_and_fields(sandbox: SandboxServer, api: httpx.Client) -> None:
    sandbox.seed(50, same_created_at=5)
    params = {"sort": "logins_count:-1", "fields": "user_id,logins_count", "include_fields": "true", "per_page": 50}
    users = api.get("/users", params=params).json()
    assert all(set(u) == {"user_id", "logins_count"} for u in users)
    counts = [u["logins_count"] for u in users]
    assert counts == sorted(counts, reverse=True)
    by_date = api.get("/users", params={"sort": "created_at:1", "per_page": 50}).json()
    assert [u["created_at"] for u in by_date] == sorted(u["created_at"] for u in by_date)
    assert len({u["created_at"] for u in by_date}) == 10
    excluded = api.get("/users", params={"fields": "identities,user_metadata", "include_fields": "false"}).json()
    assert all("identities" not in u and "user_metadata" not in u and "email" in u for u in excluded)


def test_roles_and_permissions(sandbox: SandboxServer, api: httpx.Client) -> None:
    user = create(api, "roles@example.com")["user_id"]
    assert api.post(f"/users/{user}/roles", json={"roles": ["rol_0000000000000003"]}).status_code == 204
    assert [r["name"] for r in api.get(f"/users/{user}/roles").json()] == ["viewer"]
    error(api.post(f"/users/{user}/roles", json={"roles": ["rol_missing"]}), 404)
    permission = {"resource_server_identifier": "https://api.example.com/", "permission_name": "read:invoices"}
    assert api.post(f"/users/{user}/permissions", json={"permissions": [permission]}).status_code == 201
    listed = api.get(f"/users/{user}/permissions", params={"include_totals": "true"}).json()
    assert {p["permission_name"] for p in listed["permissions"]} == {"read:reports", "read:invoices"}
    effective = api.get(
        f"/users/{user}/effective-permissions", params={"resource_server_identifier": "https://api.example.com/"}
    )
    sources = {p["permission_name"]: p["sources"] for p in effective.json()["permissions"]}
    assert sources == {"read:invoices": ["direct"], "read:reports": ["roles"]}
    api.request("DELETE", f"/users/{user}/roles", json={"roles": ["rol_0000000000000003"]})
    api.request("DELETE", f"/users/{user}/permissions", json={"permissions": [permission]})
    assert api.get(f"/users/{user}/permissions").json() == []


def test_identities_link_and_unlink(api: httpx.Client) -> None:
    primary = create(api, "primary@example.com")["user_id"]
    secondary = api.post("/users", json={"connection": "email", "email": "second@example.com"}).json()["user_id"]
    provider, _, local = secondary.partition("|")
    identities = api.post(f"/users/{primary}/identities", json={"provider": provider, "user_id": local}).json()
    assert [i["provider"] for i in identities] == ["auth0", "email"]
    assert api.get(f"/users/{secondary}").status_code == 404
    remaining = api.delete(f"/users/{primary}/identities/{provider}/{local}").json()
    assert [i["provider"] for i in remaining] == ["auth0"]
    assert api.get(f"/users/{secondary}").json()["email"] == "second@example.com"


def test_sessions_tokens_and_authentication_methods(sandbox: SandboxServer, api: httpx.Client) -> None:
    users = sandbox.seed(60)
    busy = next(u["user_id"] for u in users if sandbox.backend.state[u["user_id"]].sessions)
    sessions = api.get(f"/users/{busy}/sessions").json()["sessions"]
    assert sessions
    assert all(s["user_id"] == busy for s in sessions)
    assert api.post(f"/users/{busy}/revoke-access", json={"session_id": sessions[0]["id"]}).status_code == 202
    assert len(api.get(f"/users/{busy}/sessions").json()["sessions"]) == len(sessions) - 1
    assert api.delete(f"/users/{busy}/refresh-tokens").status_code == 202
    assert api.get(f"/users/{busy}/refresh-tokens").json() == {"tokens": []}
    method = {"type": "totp", "totp_secret": "JBSWY3DPEHPK3PXP"}
    assert api.post(f"/users/{busy}/authentication-methods", json=method).status_code == 201
    error(api.post(f"/users/{busy}/authentication-methods", json=method), 409)
    assert any(e["auth_method"] == "authenticator" for e in api.get(f"/users/{busy}/enrollments").json())


def test_bearer_token_is_required(sandbox: SandboxServer) -> None:
    with httpx.Client(base_url=sandbox.base_url) as anonymous:
        body = error(anonymous.get("/users"), 401)
        assert body["message"] == "Missing authentication"
        assert (
            error(anonymous.get("/users", headers={"Authorization": "Bearer nope"}), 401)["message"] == "Invalid token"
        )


def test_client_credentials_tokens(sandbox: SandboxServer) -> None:
    form = {"grant_type": "client_credentials", "client_id": sandbox.client_id, "client_secret": sandbox.client_secret,
            "audience": sandbox.base_url + "/"}  # fmt: skip
    with httpx.Client(base_url=sandbox.origin) as http:
        granted = http.post("/oauth/token", json=form).json()
        assert granted["token_type"] == "Bearer"
        assert granted["expires_in"] == 86400
        headers = {"Authorization": f"Bearer {granted['access_token']}"}
        assert http.get("/api/v2/users", headers=headers).status_code == 200
        assert http.post("/oauth/token", data=form).status_code == 200
        assert http.post("/oauth/token", data={**form, "client_secret": "wrong"}).status_code == 401
        sandbox.tokens.expires_in = 0
        expired = http.post("/oauth/token", json=form).json()["access_token"]
        body = error(http.get("/api/v2/users", headers={"Authorization": f"Bearer {expired}"}), 401)
        assert body["message"] == "Expired token received for JSON Web Token validation"
    assert sandbox.token_requests == 4


def test_generated_client_works_against_the_sandbox(sandbox: SandboxServer) -> None:
    users = sandbox.seed(3)
    client = AuthenticatedClient(base_url=sandbox.base_url, token=sandbox.token)
    listed = get_users.sync(client=client, per_page=2)
    assert isinstance(listed, list)
    assert len(listed) == 2
    fetched = get_users_by_id.sync(users[0]["user_id"], client=client)
    assert fetched is not None
    assert fetched.email == users[0]["email"]


def test_an_encoded_slash_stays_inside_the_user_id(api: httpx.Client) -> None:
    user = create(api, "slash@example.com")
    assert api.get(f"/users/{user['user_id'].replace('|', '%7C')}").status_code == 200
    wrong = api.get(f"/users/{user['user_id'].replace('|', '%7C')}%2Froles")
    assert wrong.status_code == 404
    assert wrong.json()["errorCode"] == "inexistent_user"
