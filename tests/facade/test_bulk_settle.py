"""The library's bulk operations settle an item left in flight by reading Auth0 back, sync and async."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from auth0_users import bulk
from auth0_users.bulk import Status
from auth0_users.sandbox import SandboxServer
from test_bulk import DATABASE, apply, client, writes

__all__ = ["client"]  # the fixture, sync and async

pytestmark = pytest.mark.anyio
ROLE = "rol_0000000000000003"
STORED = {"address": {"city": "Nice", "zip": "06000"}, "theme": "dark"}


def user(sandbox: SandboxServer, *, roles: list[str], user_metadata: dict[str, Any]) -> str:
    fields = {"connection": DATABASE, "email": "settle@example.com", "password": "Passw0rd!bulk"}
    with sandbox.app.lock:
        user_id = str(sandbox.backend.create_user({**fields, "user_metadata": user_metadata})["user_id"])
        if roles:
            sandbox.backend.assign_roles(user_id, {"roles": roles})
    return user_id


def in_flight(path: Path, operation: bulk.BulkOperation[Any], item: Any) -> None:
    """The journal of a run that ended with ``item`` in flight: started, without an outcome."""
    lines = [{"job": operation.name, "format": 2}, {"key": bulk.default_key(item), "status": "started"}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))


@pytest.mark.parametrize(
    ("name", "change", "method", "path", "applied"),
    [
        ("merge_metadata", {"user_metadata": {"address": {"city": "Nice"}}}, "PATCH", "", True),
        ("merge_metadata", {"user_metadata": {"address": {"city": "Lyon"}}}, "PATCH", "", False),
        ("assign_roles", {"roles": [ROLE]}, "POST", "/roles", True),
        ("assign_roles", {"roles": [ROLE, "rol_0000000000000004"]}, "POST", "/roles", False),
        ("remove_roles", {"roles": ["rol_0000000000000004"]}, "DELETE", "/roles", True),
        ("remove_roles", {"roles": [ROLE]}, "DELETE", "/roles", False),
    ],
)
async def test_an_item_in_flight_settles_by_reading_back(
    client: Any,
    sandbox: SandboxServer,
    tmp_path: Path,
    name: str,
    change: dict[str, Any],
    method: str,
    path: str,
    applied: bool,
) -> None:
    operation = getattr(bulk, name)
    user_id = user(sandbox, roles=[ROLE], user_metadata=STORED)
    item = {"user_id": user_id, **change}
    journal = tmp_path / "journal.jsonl"
    in_flight(journal, operation, item)
    sandbox.requests.start()
    report = await apply(client, [item], operation, journal=journal)
    assert report[0].status is Status.DONE, report[0].reason
    assert report[0].settled is applied  # found applied: done; found not applied: attempted, once
    assert writes(sandbox, method, f"/users/{user_id}{path}") == (0 if applied else 1)
    with sandbox.app.lock:
        roles = sandbox.backend.state[user_id].roles
        metadata = sandbox.backend.users[user_id]["user_metadata"]
    if name == "merge_metadata":
        assert metadata == {**STORED, "address": {**STORED["address"], **change["user_metadata"]["address"]}}
    else:
        assert all((role in roles) is (name == "assign_roles") for role in change["roles"])


async def test_a_delete_left_in_flight_stays_unknown_unless_retried(
    client: Any, sandbox: SandboxServer, tmp_path: Path
) -> None:
    user_id = user(sandbox, roles=[], user_metadata={})
    journal = tmp_path / "journal.jsonl"
    in_flight(journal, bulk.delete_user, {"user_id": user_id})
    sandbox.requests.start()
    report = await apply(client, [{"user_id": user_id}], bulk.delete_user, journal=journal)
    assert report[0].status is Status.UNKNOWN  # no settle function: nothing is repeated on a guess
    again = await apply(client, [{"user_id": user_id}], bulk.delete_user, journal=journal, retry_unknown=True)
    assert again[0].status is Status.DONE
    assert writes(sandbox, "DELETE", f"/users/{user_id}") == 1


async def test_items_of_the_wrong_shape_fail_with_what_is_expected(client: Any, sandbox: SandboxServer) -> None:
    items = [{"user_id": "auth0|1", "roles": "rol_1"}, {"roles": ["rol_1"]}]
    report = await apply(client, items, bulk.assign_roles)
    assert [outcome.status for outcome in report] == [Status.FAILED, Status.FAILED]
    assert all("takes a mapping with a user_id and roles" in str(outcome.reason) for outcome in report)
