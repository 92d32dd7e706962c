"""Pagers across many pages of both kinds, over HTTP, sync and async."""

from __future__ import annotations

from typing import Any

import pytest
from auth0_users import SearchLimitError
from auth0_users.sandbox import SandboxServer
from both_modes import collect, pages

pytestmark = pytest.mark.anyio


def list_requests(sandbox: SandboxServer, path: str = "/api/v2/users") -> list[str]:
    return [r.query for r in sandbox.requests if r.method == "GET" and r.path == path]


async def test_offset_pager_stops_on_the_total_without_an_empty_request(mgmt: Any, sandbox: SandboxServer) -> None:
    sandbox.seed(250)
    sandbox.requests.start()
    users = await collect(mgmt.users.list(per_page=50, sort="created_at:1"))
    assert len(users) == 250
    assert len({u.user_id for u in users}) == 250
    assert len(list_requests(sandbox)) == 5


async def test_bare_array_pages_end_on_a_short_page(mgmt: Any, sandbox: SandboxServer) -> None:
    sandbox.seed(240)
    sandbox.requests.start()
    users = await collect(mgmt.users.list(per_page=50, include_totals=False))
    assert len({u.user_id for u in users}) == 240
    assert len(list_requests(sandbox)) == 5
    assert all("include_totals=false" in query for query in list_requests(sandbox))


async def test_pages_carry_totals_and_headers(mgmt: Any, sandbox: SandboxServer) -> None:
    sandbox.seed(120)
    every = await pages(mgmt.users.list(per_page=50))
    assert [len(p.items) for p in every] == [50, 50, 20]
    assert {p.total for p in every} == {120}
    assert all(p.next_cursor is None for p in every)
    assert "x-ratelimit-remaining" in every[0].headers


async def test_iterating_twice_gives_the_same_items(mgmt: Any, sandbox: SandboxServer) -> None:
    sandbox.seed(130)
    pager = mgmt.users.list(per_page=40, sort="email:1")
    first = [u.user_id for u in await collect(pager)]
    second = [u.user_id for u in await collect(pager)]
    assert first == second
    assert len(first) == 130


async def test_limit_stops_fetching_early(mgmt: Any, sandbox: SandboxServer) -> None:
    sandbox.seed(500)
    sandbox.requests.start()
    users = await collect(mgmt.users.list(per_page=50).limit(120))
    assert len(users) == 120
    assert len(list_requests(sandbox)) == 3


async def test_search_cap_is_a_clear_error_after_the_first_1000(mgmt: Any, sandbox: SandboxServer) -> None:
    sandbox.seed(1200)
    sandbox.requests.start()
    seen: list[Any] = []

    async def drain() -> None:
        if hasattr(mgmt, "aclose"):
            async for user in mgmt.users.list(per_page=100):
                seen.append(user)
        else:
            for user in mgmt.users.list(per_page=100):
                seen.append(user)

    with pytest.raises(SearchLimitError, match="first 1000") as caught:
        await drain()
    assert len(seen) == 1000
    assert "search_all" in str(caught.value)
    assert caught.value.status_code == 400
    assert len(list_requests(sandbox)) == 11  # the eleventh page is where Auth0 says no


async def test_checkpoint_pager_follows_next_across_pages(mgmt: Any, sandbox: SandboxServer) -> None:
    uid = next(u["user_id"] for u in sandbox.seed(10) if sandbox.backend.state[u["user_id"]].sessions)
    state = sandbox.backend.state[uid]
    template = state.sessions[0]
    state.sessions[:] = [{**template, "id": f"ses_{n:04d}"} for n in range(130)]
    sandbox.requests.start()
    every = await pages(mgmt.users.sessions.list(uid, take=25))
    assert [len(p.items) for p in every] == [25, 25, 25, 25, 25, 5]
    assert [s.id for p in every for s in p.items] == [f"ses_{n:04d}" for n in range(130)]
    assert every[-1].next_cursor is None
    assert len(list_requests(sandbox, f"/api/v2/users/{uid}/sessions")) == 6
