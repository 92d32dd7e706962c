"""Pytest fixtures for the sandbox; opt in with ``pytest_plugins = ["auth0_users.sandbox.pytest_plugin"]``.

- ``sandbox_server``: one sandbox for the whole test session (state carries over between tests).
- ``sandbox``: the same server, reset before each test (no users, faults or recorded requests).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ._server import SandboxServer


@pytest.fixture(scope="session")
def sandbox_server() -> Iterator[SandboxServer]:
    """Run one sandbox for the whole session."""
    with SandboxServer() as server:
        yield server


@pytest.fixture
def sandbox(sandbox_server: SandboxServer) -> SandboxServer:
    """Return the session's sandbox, reset to a fresh state for this test."""
    sandbox_server.reset()
    return sandbox_server
