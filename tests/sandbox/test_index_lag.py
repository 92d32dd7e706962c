"""Eventual consistency: user search sees writes after the index lag; by id and by email at once."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest
from auth0_users.sandbox import SandboxServer

DATABASE = "Username-Password-Authentication"
FOREVER = 3600.0  # longer than any test: a write made under it reaches search only when settled


def emails(api: httpx.Client, **params: Any) -> list[str]:
    answer = api.get("/users", params={"fields": "email", **params})
    assert answer.status_code == 200, answer.text
    return [user.get("email") for user in answer.json()]


def auth(server: SandboxServer) -> dict[str, str]:
    return {"Authorization": f"Bearer {server.token}"}


def create(api: httpx.Client, email: str, **fields: Any) -> str:
    answer = api.post("/users", json={"connection": DATABASE, "email": email, "password": "Pa55word!x", **fields})
    assert answer.status_code == 201, answer.text
    user_id: str = answer.json()["user_id"]
    return user_id


@pytest.mark.sandbox_index_lag(FOREVER)
def test_a_new_user_is_found_by_id_and_email_at_once_and_by_search_once_indexed(
    sandbox: SandboxServer, api: httpx.Client
) -> None:
    user_id = create(api, "new@example.com")
    assert api.get(f"/users/{user_id}").status_code == 200
    assert [u["user_id"] for u in api.get("/users-by-email", params={"email": "new@example.com"}).json()] == [user_id]
    assert emails(api, q='email:"new@example.com"') == []
    assert api.get("/users", params={"include_totals": "true"}).json()["total"] == 0
    sandbox.settle_search()
    assert emails(api, q='email:"new@example.com"') == ["new@example.com"]


@pytest.mark.sandbox_index_lag(FOREVER)
def test_search_sees_the_version_before_an_unindexed_update(sandbox: SandboxServer, api: httpx.Client) -> None:
    sandbox.backend.lag.set(0)
    user_id = create(api, "ann@example.com", name="Ann", user_metadata={"tier": "gold"})
    sandbox.backend.lag.set(FOREVER)
    assert api.patch(f"/users/{user_id}", json={"name": "Zed", "user_metadata": {"tier": "tin"}}).status_code == 200
    assert api.get(f"/users/{user_id}").json()["name"] == "Zed"
    found = api.get("/users", params={"q": "name:Ann"}).json()
    assert [(u["user_id"], u["name"], u["user_metadata"]) for u in found] == [(user_id, "Ann", {"tier": "gold"})]
    assert api.get("/users", params={"q": "name:Zed"}).json() == []
    sandbox.settle_search()
    assert api.get("/users", params={"q": "name:Ann"}).json() == []
    assert [u["name"] for u in api.get("/users", params={"q": "name:Zed"}).json()] == ["Zed"]


@pytest.mark.sandbox_index_lag(FOREVER)
def test_a_deleted_user_stays_in_search_until_indexed(sandbox: SandboxServer, api: httpx.Client) -> None:
    sandbox.backend.lag.set(0)
    user_id = create(api, "gone@example.com")
    sandbox.backend.lag.set(FOREVER)
    assert api.delete(f"/users/{user_id}").status_code == 204
    assert api.get(f"/users/{user_id}").status_code == 404
    assert api.get("/users-by-email", params={"email": "gone@example.com"}).json() == []
    assert emails(api) == ["gone@example.com"]
    sandbox.settle_search()
    assert emails(api) == []


@pytest.mark.sandbox_index_lag(FOREVER)
def test_sorted_search_orders_by_the_values_search_sees(sandbox: SandboxServer, api: httpx.Client) -> None:
    sandbox.backend.lag.set(0)
    ids = {name: create(api, f"{name.lower()}@example.com", name=name) for name in ("Bea", "Cat", "Dan")}
    sandbox.backend.lag.set(FOREVER)
    api.patch(f"/users/{ids['Cat']}", json={"name": "Abe"})  # search still sorts it as Cat
    create(api, "eve@example.com", name="Eve")  # not searchable yet
    names = [u["name"] for u in api.get("/users", params={"sort": "name:1", "fields": "name"}).json()]
    assert names == ["Bea", "Cat", "Dan"]
    assert [u["name"] for u in api.get("/users", params={"sort": "name:-1", "q": "name:*a*"}).json()] == [
        "Dan",
        "Cat",
        "Bea",
    ]
    sandbox.settle_search()
    assert [u["name"] for u in api.get("/users", params={"sort": "name:1"}).json()] == ["Abe", "Bea", "Dan", "Eve"]


def test_writes_reach_search_by_themselves_after_the_lag(sandbox: SandboxServer, api: httpx.Client) -> None:
    sandbox.index_lag = 0.2
    create(api, "soon@example.com")
    deadline = time.monotonic() + 30
    while emails(api) != ["soon@example.com"] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert emails(api) == ["soon@example.com"]


@pytest.mark.sandbox_index_lag(0)
def test_lag_zero_makes_search_immediate(sandbox: SandboxServer, api: httpx.Client) -> None:
    create(api, "now@example.com")
    assert emails(api) == ["now@example.com"]


def test_the_default_lag_misses_a_search_straight_after_a_create() -> None:
    with SandboxServer() as server, httpx.Client(base_url=server.base_url, headers=auth(server)) as api:
        assert server.index_lag == 1.0
        create(api, "fresh@example.com")
        assert emails(api, q='email:"fresh@example.com"') == []


def test_a_bad_lag_is_refused(sandbox: SandboxServer) -> None:
    for bad in (-1.0, float("nan")):
        with pytest.raises(ValueError, match="0 or more"):
            sandbox.index_lag = bad


def test_the_pytest_option_sets_the_lag(pytester: pytest.Pytester) -> None:
    pytester.makeconftest('pytest_plugins = ["auth0_users.sandbox.pytest_plugin"]')
    pytester.makepyfile(
        """
        import httpx
        import pytest

        def create_then_search(sandbox):
            auth = {"Authorization": "Bearer " + sandbox.token}
            body = {"connection": "Username-Password-Authentication", "email": "a@example.com", "password": "Pa55w!x1"}
            assert httpx.post(sandbox.base_url + "/users", json=body, headers=auth).status_code == 201
            return httpx.get(sandbox.base_url + "/users", headers=auth).json()

        def test_the_session_lag_is_the_option(sandbox):
            assert len(create_then_search(sandbox)) == 1

        @pytest.mark.sandbox_index_lag(3600)
        def test_a_marked_test_has_its_own(sandbox):
            assert create_then_search(sandbox) == []
        """
    )
    result = pytester.runpytest_subprocess("--sandbox-index-lag=0", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)
