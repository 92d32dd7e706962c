"""A typed usage example: `make lint` runs mypy --strict on it, so editors see these types.

It names no generated model: annotations use ``User`` and inference, so it type-checks whatever
the spec calls its schemas (tests/installed/user_code.py pins the exact model types).
"""

from __future__ import annotations

from auth0_users import AsyncManagementClient, ManagementClient, User, bulk
from auth0_users.pacing import Pacer, RateLimits, RedisPacer
from auth0_users.token_cache import FileTokenCache, RedisTokenCache, TokenCache, generate_encryption_key


def sync_usage(mgmt: ManagementClient) -> list[str]:
    user: User = mgmt.users.get("auth0|123", fields="email,name")
    mgmt.users.update("auth0|123", user_metadata={"plan": "premium"}, name=None)
    mgmt.users.roles.assign("auth0|123", roles=["rol_abc"])
    raw = mgmt.users.with_raw_response.get("auth0|123")
    first = next(iter(mgmt.users.list(per_page=100).iter_pages()))
    roles = list(mgmt.users.roles.list("auth0|123"))
    emails = [str(u.email) for u in mgmt.users.list(q='email:"*@example.com"').limit(10)]
    found: list[User] = list(mgmt.users.list_users_by_email(email="Ada@Example.com"))
    merged: User = mgmt.users.merge_metadata("auth0|123", user_metadata={"addresses": {"home": "Nice"}})
    every: list[User] = list(mgmt.users.search_all(q="blocked:false", fields=["user_id", "email"]))
    blocked: int = mgmt.users.count(q="blocked:true")
    emails += [str(u.email) for u in found + every] + [str(merged.user_id)]
    return [
        str(user.email),
        str(raw.status_code),
        str(first.total),
        str(blocked),
        *(str(r.name) for r in roles),
        *emails,
    ]


async def async_usage(amgmt: AsyncManagementClient) -> list[str]:
    user: User = await amgmt.users.get("auth0|123")
    ids = [str(u.user_id) async for u in amgmt.users.list(per_page=100)]
    ids += [str(u.user_id) async for u in amgmt.users.search_all(q="blocked:false")]
    ids += [str(u.user_id) for u in await amgmt.users.list_users_by_email(email="a@example.com")]
    ids.append(str(await amgmt.users.count(q="blocked:true")))
    await amgmt.users.roles.delete("auth0|123", roles=["rol_abc"])
    return [str(user.email), *ids]


def fleet_clients(domain: str, client_id: str, client_secret: str) -> tuple[ManagementClient, AsyncManagementClient]:
    shared: TokenCache = RedisTokenCache("redis://cache:6379/0", encryption_key=[generate_encryption_key()])
    local = FileTokenCache("~/.cache/auth0-users/tokens.json", lock_timeout=5)
    mgmt = ManagementClient(domain=domain, client_id=client_id, client_secret=client_secret, token_cache=local)
    amgmt = AsyncManagementClient(domain=domain, client_id=client_id, client_secret=client_secret, token_cache=shared)
    return mgmt, amgmt


def paced_clients(domain: str, token: str) -> tuple[ManagementClient, AsyncManagementClient, Pacer]:
    mgmt = ManagementClient(domain=domain, token=token, pacing=RateLimits.ENTERPRISE)
    amgmt = AsyncManagementClient(domain=domain, token=token, pacing=mgmt.pacer)
    ManagementClient(domain=domain, token=token, pacing=RateLimits(burst=20, rate=5.0)).close()
    ManagementClient(domain=domain, token=token, pacing=False).close()
    return mgmt, amgmt, Pacer(RateLimits.parse("10/30"))


def bulk_usage(mgmt: ManagementClient, ids: list[str]) -> list[str]:
    report = bulk.run(
        mgmt,
        ids,
        lambda m, user_id: m.users.update(user_id, app_metadata={"plan": "basic"}),
        journal="plan-migration.jsonl",
        progress=lambda p: print(p.completed, p.total, p.done, p.failed, p.unknown),
    )
    updated: list[User] = [o.result for o in report if o.result is not None]
    created = bulk.run(mgmt, [{"connection": "db", "email": "ada@example.com"}], bulk.create_user)
    failed = report.with_status(bulk.Status.FAILED)
    return [report.summary(), created.summary(), *(str(u.user_id) for u in updated), *(str(o.reason) for o in failed)]


async def async_bulk_usage(amgmt: AsyncManagementClient, ids: list[str]) -> int:
    report = await bulk.arun(amgmt, ids, lambda m, user_id: m.users.update(user_id, blocked=True), concurrency=4)
    users: list[User] = [o.result for o in report if o.result is not None]
    return len(users) + report.counts[bulk.Status.DONE]


def shared_budget(domain: str, token: str) -> tuple[ManagementClient, AsyncManagementClient]:
    pacing = RedisPacer("redis://cache:6379/0", key=domain, limits=RateLimits.ENTERPRISE)
    return (
        ManagementClient(domain=domain, token=token, pacing=pacing),
        AsyncManagementClient(domain=domain, token=token, pacing=pacing),
    )
