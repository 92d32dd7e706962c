"""The metadata functions agree with what the sandbox stores, for random documents and changes."""

from __future__ import annotations

from typing import Any

import pytest
from auth0_users import ManagementClient
from auth0_users.metadata import DELETE, deep_merge, deep_merge_patch, predict
from auth0_users.sandbox import SandboxServer
from both_modes import run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

leaf = st.none() | st.booleans() | st.integers(-1000, 1000) | st.text("abcxyz ", max_size=4)
keys = st.sampled_from(["a", "b", "c", "plan", "addresses"])
value = st.recursive(leaf, lambda inner: st.dictionaries(keys, inner, max_size=3), max_leaves=6)
documents = st.dictionaries(keys, value.filter(lambda v: v is not None), max_size=4)
patches = st.dictionaries(keys, value, max_size=3)
changes = st.dictionaries(
    keys, st.recursive(leaf | st.just(DELETE), lambda inner: st.dictionaries(keys, inner, max_size=3), max_leaves=6)
)
EXAMPLES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def client(sandbox: SandboxServer) -> ManagementClient:
    with ManagementClient(base_url=sandbox.base_url, token=sandbox.token) as mgmt:
        yield mgmt


def stored(client: ManagementClient, user_id: str) -> dict[str, Any]:
    metadata = client.users.get(user_id).user_metadata
    return {} if not hasattr(metadata, "to_dict") else metadata.to_dict()


def new_user(client: ManagementClient, metadata: dict[str, Any]) -> str:
    user = client.users.create(
        connection="Username-Password-Authentication",
        email="x@example.com",
        password="Passw0rd!x",
        user_metadata=metadata,
    )
    return str(user.user_id)


@EXAMPLES
@given(current=documents, patch=patches)
def test_predict_matches_what_the_sandbox_stores(
    client: ManagementClient, sandbox: SandboxServer, current, patch
) -> None:
    sandbox.reset()
    user_id = new_user(client, current)
    client.users.update(user_id, user_metadata=patch)
    assert stored(client, user_id) == predict(current, patch)


@EXAMPLES
@given(current=documents, change=changes)
@pytest.mark.sandbox_index_lag(3600)  # writes never reach search here: merge_metadata must not need it
def test_merge_metadata_stores_the_deep_merge(
    client: ManagementClient, sandbox: SandboxServer, current, change
) -> None:
    sandbox.reset()
    user_id = new_user(client, current)
    client.users.merge_metadata(user_id, user_metadata=change)
    expected = {k: v for k, v in deep_merge(current, change).items() if v is not None}
    after = stored(client, user_id)
    assert after == expected
    for key in current.keys() - change.keys():
        assert after[key] == current[key]


@pytest.mark.anyio
@pytest.mark.sandbox_index_lag(3600)  # writes never reach search here: merge_metadata must not need it
async def test_merge_metadata_keeps_the_work_address(mgmt: Any) -> None:
    user = await run(
        mgmt.users.create(
            connection="Username-Password-Authentication",
            email="ada@example.com",
            password="Passw0rd!x",
            user_metadata={"addresses": {"home": "Paris", "work": "Lyon"}},
        )
    )
    updated = await run(
        mgmt.users.merge_metadata(
            user.user_id, user_metadata={"addresses": {"home": "Nice"}}, app_metadata={"plan": "pro"}
        )
    )
    assert updated.user_metadata.to_dict() == {"addresses": {"home": "Nice", "work": "Lyon"}}
    assert updated.app_metadata.to_dict() == {"plan": "pro"}
    assert deep_merge_patch({"x": 1}, {"x": 1}) == {}
    # Patched or not, the answer is the model `get` returns, with the same content.
    unchanged = await run(mgmt.users.merge_metadata(user.user_id, app_metadata={"plan": "pro"}))
    read = await run(mgmt.users.get(user.user_id))
    assert type(updated) is type(unchanged) is type(read)
    assert updated == unchanged == read


@pytest.mark.parametrize(
    "metadata",
    [
        {1: "a", "1": "b"},  # str() would send one key, and lose a value
        {("a", "b"): 1},
        {None: 1},
        {"nested": {2: "x"}},
        {"listed": [{3: "y"}]},
    ],
)
def test_keys_that_are_not_strings_are_refused_before_anything_is_sent(
    client: ManagementClient, sandbox: SandboxServer, metadata: dict[Any, Any]
) -> None:
    user_id = new_user(client, {"kept": True})
    sandbox.requests.start()
    with pytest.raises(TypeError, match=r"users\.update: user_metadata: .*JSON object keys are strings"):
        client.users.update(user_id, user_metadata=metadata)
    with pytest.raises(TypeError, match=r"app_metadata.* has the key .*: JSON keys are strings"):
        client.users.merge_metadata(user_id, app_metadata=metadata)
    for helper in (predict, deep_merge_patch, lambda current, change: deep_merge(current or {}, change)):
        with pytest.raises(TypeError, match="JSON keys are strings"):
            helper({"kept": True}, metadata)
    assert [entry.method for entry in sandbox.requests] == ["GET"]  # merge_metadata's read; no write
    assert stored(client, user_id) == {"kept": True}


def test_metadata_that_is_not_an_object_is_refused(client: ManagementClient, sandbox: SandboxServer) -> None:
    user_id = new_user(client, {"kept": True})
    sandbox.requests.start()
    with pytest.raises(TypeError, match="user_metadata must be a mapping"):
        client.users.merge_metadata(user_id, user_metadata="plan=pro")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="changes must be a mapping"):
        deep_merge_patch({}, "plan=pro")  # type: ignore[arg-type]
    assert [entry.method for entry in sandbox.requests] == ["GET"]
