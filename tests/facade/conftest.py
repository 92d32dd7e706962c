"""Facade tests run every scenario twice, through the sync and the async client, over HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from auth0_users import AsyncManagementClient, ManagementClient
from auth0_users.sandbox import SandboxServer


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def api_url(sandbox: SandboxServer, prism: str) -> str:
    """Where the clients send requests: Prism, validating each request and response against the spec."""
    return prism


@pytest.fixture(params=["sync", "async"])
async def mgmt(request: pytest.FixtureRequest, sandbox: SandboxServer, api_url: str) -> AsyncIterator[Any]:
    if request.param == "sync":
        with ManagementClient(base_url=api_url, token=sandbox.token, max_retries=0) as client:
            yield client
    else:
        async with AsyncManagementClient(base_url=api_url, token=sandbox.token, max_retries=0) as client:
            yield client
