"""Every one of the 42 Users operations through the facade, sync and async, with the models checked."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
from auth0_users import NotFoundError
from auth0_users.sandbox import SandboxServer
from auth0_users_api import models
from both_modes import collect, run

pytestmark = pytest.mark.anyio
API = "https://api.example.com/"
ADMIN, EDITOR = "rol_0000000000000001", "rol_0000000000000002"


async def test_every_operation(mgmt: Any, sandbox: SandboxServer) -> None:
    users = mgmt.users
    seeded = next(u["user_id"] for u in sandbox.seed(10) if sandbox.backend.state[u["user_id"]].sessions)

    created = await run(
        users.create(
            connection="Username-Password-Authentication",
            email="Grace.Hopper@Example.com",
            password="Correct-Horse-9",
            user_metadata={"theme": {"mode": "dark"}},
        )
    )
    assert isinstance(created, models.CreateUserResponseContent)
    uid = created.user_id
    assert uid.startswith("auth0|")
    assert created.email == "grace.hopper@example.com"

    fetched = await run(users.get(uid, fields="email,user_id"))
    assert isinstance(fetched, models.GetUserResponseContent)
    assert fetched.email == "grace.hopper@example.com"

    updated = await run(users.update(uid, user_metadata={"plan": "pro"}, name="Grace"))
    assert isinstance(updated, models.UpdateUserResponseContent)
    assert updated.user_metadata.to_dict() == {"theme": {"mode": "dark"}, "plan": "pro"}

    listed = await collect(users.list(q='email:"grace.hopper@example.com"'))
    assert [u.user_id for u in listed] == [uid]
    by_email = await run(users.list_users_by_email(email="Grace.Hopper@Example.com"))
    assert [u.user_id for u in by_email] == [uid]

    await run(users.roles.assign(uid, roles=[ADMIN, EDITOR]))
    roles = await collect(users.roles.list(uid))
    assert {r.id for r in roles} == {ADMIN, EDITOR}
    await run(users.roles.delete(uid, roles=[EDITOR]))
    assert [r.id for r in await collect(users.roles.list(uid))] == [ADMIN]

    permission = {"resource_server_identifier": API, "permission_name": "read:invoices"}
    await run(users.permissions.create(uid, permissions=[permission]))
    names = {p.permission_name for p in await collect(users.permissions.list(uid))}
    assert "read:invoices" in names
    await run(users.permissions.delete(uid, permissions=[permission]))

    effective = await collect(users.effective_permissions.list(uid, resource_server_identifier=API))
    assert {p.permission_name for p in effective} >= {"admin:all", "read:reports"}
    sources = await collect(
        users.effective_permissions.sources.roles.list(uid, resource_server_identifier=API, permission_name="admin:all")
    )
    assert [s.id for s in sources] == [ADMIN]
    assert ADMIN in {r.id for r in await collect(users.effective_roles.list(uid))}
    await collect(users.effective_roles.sources.groups.list(uid, role_id=ADMIN))
    await collect(users.groups.get(uid))
    await collect(users.organizations.list(uid))
    await collect(users.logs.list(seeded))
    await collect(users.connected_accounts.list(seeded))

    method = await run(users.authentication_methods.create(uid, type="phone", phone_number="+15551234567"))
    assert isinstance(method, models.CreateUserAuthenticationMethodResponseContent)
    methods = await collect(users.authentication_methods.list(uid))
    assert [m.id for m in methods] == [method.id]
    one = await run(users.authentication_methods.get(uid, method.id))
    assert one.id == method.id
    renamed = await run(users.authentication_methods.update(uid, method.id, name="Work phone"))
    assert renamed.name == "Work phone"
    await run(users.authentication_methods.delete(uid, method.id))
    replaced = await run(users.authentication_methods.set(uid, body=[{"type": "email", "email": "g@example.com"}]))
    assert [m.type_ for m in replaced] == ["email"]
    await run(users.authentication_methods.delete_all(uid))
    assert await collect(users.authentication_methods.list(uid)) == []

    assert isinstance(await run(users.enrollments.get(seeded)), list)
    await run(users.authenticators.delete_all(uid))
    await run(users.multifactor.invalidate_remember_browser(uid))
    await run(users.multifactor.delete_provider(uid, "duo"))
    code = await run(users.regenerate_recovery_code(seeded))
    assert isinstance(code, models.RegenerateUsersRecoveryCodeResponseContent)
    database = "Username-Password-Authentication"
    await run(users.risk_assessments.clear(uid, connection=database, assessors=["new-device"]))

    tokensets = await run(users.federated_connections_tokensets.list(seeded))
    for tokenset in tokensets:
        await run(users.federated_connections_tokensets.delete(seeded, tokenset.id))
    assert await run(users.federated_connections_tokensets.list(seeded)) == []

    sessions = await collect(users.sessions.list(seeded))
    assert sessions
    await run(users.sessions.delete(seeded))
    await collect(users.refresh_token.list(seeded))
    await run(users.refresh_token.delete(seeded))
    await run(users.revoke_access(seeded, preserve_refresh_tokens=True))

    other = await run(users.create(connection="email", email="linked@example.com", email_verified=True))
    identities = await run(users.identities.link(uid, provider="email", user_id=other.user_id.split("|", 1)[1]))
    assert {i.provider for i in identities} == {"auth0", "email"}
    remaining = await run(users.identities.delete(uid, "email", other.user_id.split("|", 1)[1]))
    assert [i.provider for i in remaining] == ["auth0"]

    await run(users.delete(uid))
    with pytest.raises(NotFoundError):
        await run(users.get(uid))


async def test_the_fast_transport_and_decoder(sandbox: SandboxServer) -> None:
    from auth0_users import AsyncManagementClient
    from httpx_aiohttp import HttpxAiohttpClient

    uid = sandbox.seed(3)[0]["user_id"]
    async with HttpxAiohttpClient() as http:
        async with AsyncManagementClient(base_url=sandbox.base_url, token=sandbox.token, http_client=http) as amgmt:
            user = await amgmt.users.get(uid)
            users = [u async for u in amgmt.users.list(per_page=2)]
        assert not http.is_closed  # the caller's client is the caller's to close
    assert user.user_id == uid
    assert len(users) == 3


async def test_request_bodies_are_checked_for_auth0_formats_too(mgmt: Any, sandbox: SandboxServer) -> None:
    """Prism skips Auth0's own formats; the test client's request hook does not."""
    uid = sandbox.seed(1)[0]["user_id"]
    with pytest.raises(jsonschema.ValidationError, match="strict-uri"):
        await run(mgmt.users.update(uid, picture="not a uri"))
