"""search_all streams every match of a query past the 1000-result cap, exactly once."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import anyio
import pytest
from auth0_users import APIStatusError, Auth0Error, SearchSplitError
from auth0_users.sandbox import SandboxServer
from both_modes import collect

pytestmark = pytest.mark.anyio
DATABASE = "Username-Password-Authentication"


async def test_every_match_exactly_once_past_the_cap(mgmt: Any, sandbox: SandboxServer) -> None:
    seeded = sandbox.seed(2600, same_created_at=300)
    expected = {u["user_id"] for u in seeded if u["identities"][0]["provider"] == "auth0"}
    assert len(expected) > 1000
    found = await collect(mgmt.users.search_all(q="identities.provider:auth0", fields="user_id,created_at"))
    assert found
    counts = Counter(u.user_id for u in found)
    assert set(counts) == expected
    assert max(counts.values()) == 1
    created = [u.created_at for u in found]
    assert created == sorted(created)


async def test_writes_that_reach_the_index_mid_scan_never_repeat_or_lose_a_user(
    mgmt: Any, sandbox: SandboxServer
) -> None:
    """Users written during a scan show or not, as at Auth0; every user left alone comes exactly once."""
    seeded = [u["user_id"] for u in sandbox.seed(2600, same_created_at=300)]
    sandbox.index_lag = 0.05
    touched: set[str] = set()
    found: list[str] = []

    def write_between_pages() -> None:  # search sees these writes a moment later, mid-scan
        step = len(found) // 400
        with sandbox.app.lock:
            for user_id in [*seeded[len(found) : len(found) + 3], *found[-2:]]:
                sandbox.backend.update_user(user_id, {"user_metadata": {"scan": step}})
                touched.add(user_id)
            sandbox.backend.delete_user(seeded[-step])
            touched.add(seeded[-step])
            body = {"connection": DATABASE, "email": f"mid{step}@example.com", "password": "Pa55word!x"}
            sandbox.backend.create_user(body)

    pager = mgmt.users.search_all(fields="user_id,created_at")
    if hasattr(pager, "__aiter__"):
        async for user in pager:
            found.append(user.user_id)
            if len(found) % 400 == 0:
                write_between_pages()
                await anyio.sleep(0.1)
    else:
        for user in pager:
            found.append(user.user_id)
            if len(found) % 400 == 0:
                write_between_pages()
                await anyio.sleep(0.1)
    counts = Counter(found)
    assert max(counts.values()) == 1
    assert set(seeded) - touched <= set(counts)


async def test_fields_without_created_at_still_split(mgmt: Any, sandbox: SandboxServer) -> None:
    sandbox.seed(1500)
    found = await collect(mgmt.users.search_all(fields="email"))
    assert len({u.user_id for u in found}) == len(found) == 1500
    assert all(u.email for u in found)
    excluded = await collect(mgmt.users.search_all(fields="created_at,user_id,email", include_fields=False))
    assert [u.user_id for u in excluded] == [u.user_id for u in found]
    assert not any(u.email for u in excluded)


async def test_costs_about_what_paging_the_matches_costs(mgmt: Any, sandbox: SandboxServer) -> None:
    seeded = sandbox.seed(10_000)
    sandbox.requests.start()
    found = await collect(mgmt.users.search_all(q="email:*", fields="user_id"))
    assert sorted(u.user_id for u in found) == sorted(u["user_id"] for u in seeded)
    searches = [r for r in sandbox.requests if r.path == "/api/v2/users"]
    assert len(searches) == len(sandbox.requests)
    assert len(searches) <= 1.05 * math.ceil(len(seeded) / 100)


async def test_a_small_result_is_one_plain_search(mgmt: Any, sandbox: SandboxServer) -> None:
    sandbox.seed(150)
    sandbox.requests.start()
    found = await collect(mgmt.users.search_all(q="email:*example.com"))
    assert found
    assert len([r for r in sandbox.requests if r.path == "/api/v2/users"]) == (len(found) - 1) // 100 + 1


async def test_more_than_1000_sharing_one_instant_is_a_clear_error(mgmt: Any, sandbox: SandboxServer) -> None:
    (first, *_) = sandbox.seed(1100, same_created_at=1100)
    with pytest.raises(SearchSplitError, match="1100 users match this search with created_at") as caught:
        await collect(mgmt.users.search_all())
    assert isinstance(caught.value, Auth0Error)
    assert not isinstance(caught.value, APIStatusError)  # no request failed
    assert caught.value.matches == 1100
    assert caught.value.created_at is not None
    assert caught.value.created_at.isoformat(timespec="milliseconds").startswith(first["created_at"][:23])
    assert "search_all" not in str(caught.value)
