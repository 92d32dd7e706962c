"""users.count, and the arguments search_all, count and the operations take: by name, typed, lists for fields."""

from __future__ import annotations

import inspect
from typing import Any
from urllib.parse import parse_qs

import pytest
from auth0_users.sandbox import SandboxServer
from auth0_users_facade.operations import OPERATIONS
from both_modes import collect, run
from spec_pin import requires_operation

pytestmark = [pytest.mark.anyio, requires_operation("users.list")]

SEARCH_ALL_SETS = {"sort", "include_totals", "page", "from_", "take", "primary_order"}
"""What search_all sets itself; it takes every other argument of users.list."""
COUNT_TAKES = {"q", "connection", "search_engine"}
"""What filters a count among the pinned users.list's arguments."""


def sent(sandbox: SandboxServer, path: str = "/api/v2/users") -> list[dict[str, list[str]]]:
    return [parse_qs(r.query) for r in sandbox.requests if r.method == "GET" and r.path == path]


async def test_count_is_one_request_for_the_total_past_the_cap(mgmt: Any, sandbox: SandboxServer) -> None:
    seeded = sandbox.seed(1500)
    matching = [u for u in seeded if u["identities"][0]["provider"] == "auth0"]
    assert len(matching) > 1000
    sandbox.requests.start()
    assert await run(mgmt.users.count(q="identities.provider:auth0")) == len(matching)
    assert await run(mgmt.users.count()) == len(seeded)
    assert await run(mgmt.users.count(q='email:"nobody@nowhere.example"')) == 0
    queries = sent(sandbox)
    assert len(queries) == len(sandbox.requests) == 3
    assert all(query["per_page"] == ["0"] and query["include_totals"] == ["true"] for query in queries)
    assert queries[0]["q"] == ["identities.provider:auth0"]


async def test_fields_as_a_list_go_out_comma_separated(mgmt: Any, sandbox: SandboxServer) -> None:
    seeded = sandbox.seed(3)
    user, ids = seeded[0], {u["user_id"] for u in seeded}
    sandbox.requests.start()
    got = await run(mgmt.users.get(user["user_id"], fields=["email", "name"]))
    assert got.email == user["email"]
    assert got.to_dict().keys() <= {"email", "name"}
    listed = await collect(mgmt.users.list(fields=("user_id", "email"), include_fields=True).limit(2))
    assert {u.user_id for u in listed} <= ids
    found = await collect(mgmt.users.search_all(fields=["email"]))
    assert len(found) == 3
    by_email = await run(mgmt.users.list_users_by_email(email=user["email"], fields=["user_id"]))
    assert [u.user_id for u in by_email] == [user["user_id"]]
    fields = [query["fields"] for query in sent(sandbox)]
    assert fields == [["user_id,email"], ["email,created_at,user_id"]]
    assert parse_qs(sandbox.requests[0].query)["fields"] == ["email,name"]
    assert sent(sandbox, "/api/v2/users-by-email")[0]["fields"] == ["user_id"]


async def test_fields_that_are_not_strings_are_refused_before_sending(mgmt: Any, sandbox: SandboxServer) -> None:
    sandbox.requests.start()
    with pytest.raises(TypeError, match=r"users.get: fields takes a string or a list of strings, got \['email', 1\]"):
        await run(mgmt.users.get("auth0|1", fields=["email", 1]))
    assert len(sandbox.requests) == 0


@pytest.mark.parametrize("helper", ["search_all", "count"])
async def test_helpers_refuse_unknown_arguments_as_every_operation_does(mgmt: Any, helper: str) -> None:
    with pytest.raises(TypeError) as by_list:
        mgmt.users.list(q="blocked:false", feilds="user_id", bogus=1)
    with pytest.raises(TypeError) as by_helper:
        getattr(mgmt.users, helper)(q="blocked:false", feilds="user_id", bogus=1)
    assert str(by_helper.value) == str(by_list.value).replace(".list()", f".{helper}()")
    assert "unexpected keyword argument 'feilds'" in str(by_helper.value)


async def test_search_all_refuses_what_it_sets_itself(mgmt: Any) -> None:
    for name in sorted(SEARCH_ALL_SETS & {a.name for a in OPERATIONS["users.list"].arguments}):
        with pytest.raises(TypeError, match=f"search_all\\(\\) got an unexpected keyword argument '{name}'"):
            mgmt.users.search_all(**{name: 1})


async def test_the_helpers_take_the_pinned_list_arguments_by_name(mgmt: Any) -> None:
    listed = {a.name for a in OPERATIONS["users.list"].arguments}
    search_all = inspect.signature(mgmt.users.search_all).parameters
    count = inspect.signature(mgmt.users.count).parameters
    assert set(search_all) == listed - SEARCH_ALL_SETS
    assert set(count) == listed & COUNT_TAKES
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in [*search_all.values(), *count.values()])
    assert "Sequence[str]" in str(search_all["fields"].annotation)
