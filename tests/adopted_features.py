"""The facade's features against a sandbox, run in a project copy that adopted another spec.

    PYTHONPATH=COPY/generated:COPY/overrides python adopted_features.py

Prints one JSON object: what each feature gave, for tests/test_update_spec.py to check.
"""

from __future__ import annotations

import asyncio
import json
import typing
from typing import Any

import auth0_users_api
from auth0_users import AsyncManagementClient, Auth0Error, ManagementClient
from auth0_users.sandbox import serve
from auth0_users_facade.aliases import USER_MODELS
from auth0_users_facade.operations import OPERATIONS

SEEDED = 1500


def features(mgmt: ManagementClient, base_url: str) -> dict[str, Any]:
    users = mgmt.users
    ids = [user.user_id for user in users.search_all(q="email:*", fields="user_id,email")]
    first = next(iter(users.list(per_page=10).iter_pages()))
    some = str(ids[0])
    user = users.get(some)
    email = str(user.email)
    merged = users.merge_metadata(some, user_metadata={"nested": {"a": 1}})
    merged = users.merge_metadata(some, user_metadata={"nested": {"b": 2}})
    found = users.list_users_by_email(email=email.upper())
    raw = users.with_raw_response.get(some, fields="user_id")
    return {
        "search_all": ids,
        "page": {"items": len(first.items), "total": first.total},
        "merged": merged.to_dict().get("user_metadata", {}).get("nested"),
        "same_type_as_get": type(merged) is type(user),
        "by_email": [str(u.user_id) for u in found],
        "raw_status": raw.status_code,
        "created_at_type": typing.get_type_hints(type(user))["created_at"].__repr__(),
        "hints_resolve": bool(typing.get_type_hints(users.get)),
        "user_models": list(USER_MODELS),
        "operations": sorted(OPERATIONS),
        "api_package": auth0_users_api.__file__,
    }


async def async_search(base_url: str, token: str) -> list[str]:
    async with AsyncManagementClient(base_url=base_url, token=token) as amgmt:
        return [str(u.user_id) async for u in amgmt.users.search_all(q="email:*", fields="user_id")]


def unimplemented(mgmt: ManagementClient, server: Any) -> dict[str, Any] | None:
    """An operation the spec has and the sandbox lacks: its answer, and how often it was sent."""
    op = OPERATIONS.get("users.risk_assessments.list")
    if op is None:
        return None
    log = server.requests.start()
    try:
        list(mgmt.users.risk_assessments.list("auth0|000000000000000000000000"))  # type: ignore[attr-defined]
    except Auth0Error as error:
        return {"error": type(error).__name__, "status": getattr(error, "status_code", None), "message": str(error),
                "sent": len(log)}  # fmt: skip
    return {"error": None}


def main() -> None:
    with serve(seed=SEEDED) as server, ManagementClient(base_url=server.base_url, token=server.token) as mgmt:
        result = features(mgmt, server.base_url)
        result["async_search_all"] = asyncio.run(async_search(server.base_url, server.token))
        result["unimplemented"] = unimplemented(mgmt, server)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
