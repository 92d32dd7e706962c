"""Pytest fixtures for the sandbox; opt in with ``pytest_plugins = ["auth0_users.sandbox.pytest_plugin"]``.

- ``sandbox_server``: one sandbox for the whole test session (state carries over between tests).
- ``sandbox``: the same server, reset before each test (no users, faults or recorded requests).

Rate limits like Auth0's are off unless asked for: for the whole session with
``pytest --sandbox-rate-limit=enterprise`` (a plan, or ``BURST/RATE`` such as ``10/30``; and
``--sandbox-rate-limit-reset=full`` for the older reading of ``X-RateLimit-Reset``), or for one test
with ``@pytest.mark.sandbox_rate_limit("10/30", reset="full")``.

User search sees writes after an index lag, as at Auth0 (1 s by default): ``--sandbox-index-lag=0``
makes it immediate for the session, ``@pytest.mark.sandbox_index_lag(0)`` for one test.

- ``sandbox_https_server`` / ``sandbox_https``: the same, over HTTPS with a CA made for the session
  (``ca_file``, ``trust_environment()``), for the official SDKs; started only when a test asks.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ..pacing import Pacing
from ._server import DEFAULT_INDEX_LAG, SandboxServer, rate_limit_bucket


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
        "--sandbox-index-lag",
        type=float,
        default=DEFAULT_INDEX_LAG,
        metavar="SECONDS",
        help=f"how long the sandbox's user search takes to see a write; 0: at once (default: {DEFAULT_INDEX_LAG:g})",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``sandbox_rate_limit`` and ``sandbox_index_lag`` markers."""
    config.addinivalue_line(
        "markers",
        "sandbox_index_lag(seconds): how long user search takes to see a write in the sandbox of this test",
    )
    config.addinivalue_line(
        "markers",
        "sandbox_rate_limit(limits, reset='next'): give the sandbox of this test a token bucket like Auth0's"
        " (a plan name, 'BURST/RATE' or a Pacing); reset='full' for the older reading of X-RateLimit-Reset",
    )


def _session_sandbox(config: pytest.Config, https: bool) -> SandboxServer:
    return SandboxServer(
        rate_limit=config.getoption("sandbox_rate_limit", None),
        rate_limit_reset=config.getoption("sandbox_rate_limit_reset", "next"),
        index_lag=config.getoption("sandbox_index_lag", DEFAULT_INDEX_LAG),
        https=https,
    )


def _for_this_test(server: SandboxServer, request: pytest.FixtureRequest) -> SandboxServer:
    """Reset the session's sandbox and apply this test's markers."""
    server.reset()
    marker = request.node.get_closest_marker("sandbox_rate_limit")
    if marker is not None:
        burst, rate = rate_limit_bucket(*marker.args)
        server.faults.token_bucket(burst, rate, **marker.kwargs)
    lag = request.node.get_closest_marker("sandbox_index_lag")
    if lag is not None:
        server.index_lag = lag.args[0]
    return server


@pytest.fixture(scope="session")
def sandbox_server(pytestconfig: pytest.Config) -> Iterator[SandboxServer]:
    """Run one sandbox for the whole session."""
    with _session_sandbox(pytestconfig, https=False) as server:
        yield server


@pytest.fixture
def sandbox(sandbox_server: SandboxServer, request: pytest.FixtureRequest) -> SandboxServer:
    """Return the session's sandbox, reset to a fresh state for this test."""
    return _for_this_test(sandbox_server, request)


@pytest.fixture(scope="session")
def sandbox_https_server(pytestconfig: pytest.Config) -> Iterator[SandboxServer]:
    """Run one HTTPS sandbox for the whole session (its CA is ``ca_file``)."""
    with _session_sandbox(pytestconfig, https=True) as server:
        yield server


@pytest.fixture
def sandbox_https(sandbox_https_server: SandboxServer, request: pytest.FixtureRequest) -> SandboxServer:
    """Return the session's HTTPS sandbox, reset to a fresh state for this test."""
    return _for_this_test(sandbox_https_server, request)
