"""Arbitrary ids and query strings through the facade and the sandbox: typed errors or results, nothing else."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from auth0_users import Auth0Error, BadRequestError, ManagementClient, NotFoundError
from auth0_users.sandbox import SandboxServer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def seeded(sandbox_server: SandboxServer) -> Iterator[ManagementClient]:
    sandbox_server.reset()
    sandbox_server.seed(50)
    with ManagementClient(base_url=sandbox_server.base_url, token=sandbox_server.token, max_retries=0) as mgmt:
        yield mgmt


lucene = st.text(alphabet=st.sampled_from(list('abc:*?"()[]{}~^!&|\\/ -+.@0123456789TOANDRNT')), max_size=30)


@FUZZ
@given(q=lucene | st.text(max_size=30))
def test_any_query_gives_users_or_a_bad_request(seeded: ManagementClient, q: str) -> None:
    outcome: list[object] = []
    try:
        outcome = list(seeded.users.list(q=q, per_page=10).limit(10))
    except BadRequestError as error:
        outcome = [error.status_code, bool(error.message)]
    assert outcome == [400, True] or all(getattr(user, "user_id", None) for user in outcome)


@FUZZ
@given(user_id=st.text(min_size=1, max_size=40).filter(lambda s: s.strip() and s not in (".", "..")))
def test_any_id_reaches_the_users_endpoint_or_fails_typed(
    seeded: ManagementClient, sandbox_server: SandboxServer, user_id: str
) -> None:
    sandbox_server.requests.clear()
    sandbox_server.requests.start()
    try:
        seeded.users.get(user_id)
    except NotFoundError:
        pass
    except Auth0Error as error:
        pytest.fail(f"unexpected {type(error).__name__}: {error}")
    (request,) = list(sandbox_server.requests)
    assert request.raw_path.startswith("/api/v2/users/")
    assert "/" not in request.raw_path.removeprefix("/api/v2/users/")
    assert request.path == f"/api/v2/users/{user_id}"
