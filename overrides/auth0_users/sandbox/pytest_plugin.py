"""Pytest fixtures for the sandbox; opt in with ``pytest_plugins = ["auth0_users.sandbox.pytest_plugin"]``.

- ``sandbox_server``: one sandbox for the whole test session (state carries over between tests).
- ``sandbox``: the same server, reset before each test (no users, faults or recorded requests).

Rate limits like Auth0's are off unless asked for: for the whole session with
``pytest --sandbox-rate-limit=enterprise`` (a plan, or ``BURST/RATE`` such as ``10/30``; and
``--sandbox-rate-limit-reset=full`` for the older reading of ``X-RateLimit-Reset``), or for one test
with ``@pytest.mark.sandbox_rate_limit("10/30", reset="full")``.

Database passwords must meet Auth0's ``good`` level, as on a new Auth0 database connection;
``--sandbox-password-policy=none`` (or ``low``, ``fair``, ``excellent``) says otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ..pacing import Pacing
from ._server import SandboxServer, rate_limit_bucket
from .backend import DEFAULT_PASSWORD_POLICY, PASSWORD_POLICIES


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--sandbox-rate-limit`` and ``--sandbox-rate-limit-reset``."""
    group = parser.getgroup("auth0-users sandbox")
    group.addoption(
        "--sandbox-rate-limit",
        metavar="PLAN|BURST/RATE",
        help=f"limit the session's sandbox like Auth0: a plan ({', '.join(Pacing.PLANS)}) or e.g. 10/30",
    )
    group.addoption(
        "--sandbox-rate-limit-reset",
        choices=["next", "full"],
        default="next",
        help="what the sandbox's X-RateLimit-Reset tells: the next token (default) or a full bucket",
    )
    group.addoption(
        "--sandbox-password-policy",
        choices=list(PASSWORD_POLICIES),
        default=DEFAULT_PASSWORD_POLICY,
        help=f"how strong the sandbox's database passwords must be, as in Auth0 (default: {DEFAULT_PASSWORD_POLICY})",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``sandbox_rate_limit`` marker."""
    config.addinivalue_line(
        "markers",
        "sandbox_rate_limit(limits, reset='next'): give the sandbox of this test a token bucket like Auth0's"
        " (a plan name, 'BURST/RATE' or a Pacing); reset='full' for the older reading of X-RateLimit-Reset",
    )


@pytest.fixture(scope="session")
def sandbox_server(pytestconfig: pytest.Config) -> Iterator[SandboxServer]:
    """Run one sandbox for the whole session."""
    rate_limit = pytestconfig.getoption("sandbox_rate_limit", None)
    reset = pytestconfig.getoption("sandbox_rate_limit_reset", "next")
    policy = pytestconfig.getoption("sandbox_password_policy", DEFAULT_PASSWORD_POLICY)
    with SandboxServer(rate_limit=rate_limit, rate_limit_reset=reset, password_policy=policy) as server:
        yield server


@pytest.fixture
def sandbox(sandbox_server: SandboxServer, request: pytest.FixtureRequest) -> SandboxServer:
    """Return the session's sandbox, reset to a fresh state for this test."""
    sandbox_server.reset()
    marker = request.node.get_closest_marker("sandbox_rate_limit")
    if marker is not None:
        burst, rate = rate_limit_bucket(*marker.args)
        sandbox_server.faults.token_bucket(burst, rate, **marker.kwargs)
    return sandbox_server
