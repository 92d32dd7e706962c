"""Pytest fixtures for the sandbox; opt in with ``pytest_plugins = ["auth0_users.sandbox.pytest_plugin"]``.

- ``sandbox_server``: one sandbox for the whole test session (state carries over between tests).
- ``sandbox``: the same server, reset before each test (no users, faults or recorded requests).

Rate limits like Auth0's are off unless asked for: for the whole session with
``pytest --sandbox-rate-limit=essentials`` (a plan, with its buckets per endpoint group, or
``BURST/RATE`` such as ``10/30``; ``--sandbox-rate-limit-reset=full`` for the older reading of
``X-RateLimit-Reset``, ``--sandbox-rate-limit-scale=10`` to refill ten times faster), or for one test
with ``@pytest.mark.sandbox_rate_limit("essentials", reset="full", scale=10)``. The server's clock
is offset with ``--sandbox-clock-offset=3600`` or ``@pytest.mark.sandbox_clock_offset(-3600)``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ._plans import PLANS
from ._server import SandboxServer


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add the ``--sandbox-*`` options."""
    group = parser.getgroup("auth0-users sandbox")
    group.addoption(
        "--sandbox-rate-limit",
        metavar="PLAN|BURST/RATE",
        help=f"limit the session's sandbox like Auth0: a plan ({', '.join(PLANS)}) or e.g. 10/30",
    )
    group.addoption(
        "--sandbox-rate-limit-reset",
        choices=["next", "full"],
        default="next",
        help="what the sandbox's X-RateLimit-Reset tells: the next token (default) or a full bucket",
    )
    group.addoption(
        "--sandbox-rate-limit-scale",
        type=float,
        default=1.0,
        metavar="FACTOR",
        help="refill the sandbox's buckets FACTOR times faster than the plan says (default: 1)",
    )
    group.addoption(
        "--sandbox-clock-offset",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="run the sandbox's clock this far ahead (behind if negative) for Date and X-RateLimit-Reset",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``sandbox_rate_limit`` and ``sandbox_clock_offset`` markers."""
    config.addinivalue_line(
        "markers",
        "sandbox_rate_limit(limits, reset='next', scale=1): give the sandbox of this test token buckets like"
        " Auth0's (a plan name, 'BURST/RATE' or a Plan); reset='full' for the older reading of"
        " X-RateLimit-Reset; scale=N refills N times faster",
    )
    config.addinivalue_line(
        "markers",
        "sandbox_clock_offset(seconds): run the sandbox's clock this far ahead (behind if negative) for this test",
    )


@pytest.fixture(scope="session")
def sandbox_server(pytestconfig: pytest.Config) -> Iterator[SandboxServer]:
    """Run one sandbox for the whole session."""
    with SandboxServer(
        rate_limit=pytestconfig.getoption("sandbox_rate_limit", None),
        rate_limit_reset=pytestconfig.getoption("sandbox_rate_limit_reset", "next"),
        rate_limit_scale=pytestconfig.getoption("sandbox_rate_limit_scale", 1.0),
        clock_offset=pytestconfig.getoption("sandbox_clock_offset", 0.0),
    ) as server:
        yield server


@pytest.fixture
def sandbox(sandbox_server: SandboxServer, request: pytest.FixtureRequest) -> SandboxServer:
    """Return the session's sandbox, reset to a fresh state for this test."""
    sandbox_server.reset()
    marker = request.node.get_closest_marker("sandbox_rate_limit")
    if marker is not None:
        sandbox_server.faults.plan(*marker.args, **marker.kwargs)
    offset = request.node.get_closest_marker("sandbox_clock_offset")
    if offset is not None:
        sandbox_server.faults.offset_clock(*offset.args)
    return sandbox_server
