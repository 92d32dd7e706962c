"""Facade tests run every scenario twice, through the sync and the async client, over HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from auth0_users import AsyncManagementClient, ManagementClient
from auth0_users.sandbox import SandboxServer
from sandbox_fixtures import SpecCheck


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def api_url(sandbox: SandboxServer, prism: str) -> str:
    """Where the clients send requests: Prism, validating each request and response against the spec."""
    return prism


@pytest.fixture(params=["sync", "async"])
async def mgmt(
    request: pytest.FixtureRequest, sandbox: SandboxServer, api_url: str, spec_check: SpecCheck
) -> AsyncIterator[Any]:
    """A client through Prism; each request body it sends is also checked for Auth0's own formats."""
    if request.param == "sync":
        with (
            httpx.Client(event_hooks={"request": [spec_check.request]}) as http,
            ManagementClient(base_url=api_url, token=sandbox.token, max_retries=0, http_client=http) as client,
        ):
            yield client
    else:

        async def check(outgoing: httpx.Request) -> None:
            spec_check.request(outgoing)

        async with (
            httpx.AsyncClient(event_hooks={"request": [check]}) as ahttp,
            AsyncManagementClient(base_url=api_url, token=sandbox.token, max_retries=0, http_client=ahttp) as aclient,
        ):
            yield aclient
