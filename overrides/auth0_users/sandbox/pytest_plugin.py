"""Pytest fixtures for the sandbox; opt in with ``pytest_plugins = ["auth0_users.sandbox.pytest_plugin"]``.

- ``sandbox_server``: one sandbox for the whole test session (state carries over between tests).
- ``sandbox``: the same server, reset before each test (no users, faults or recorded requests).

Rate limits like Auth0's are off unless asked for: for the whole session with
``pytest --sandbox-rate-limit=essentials`` (a plan, with its buckets per endpoint group, or
``BURST/RATE`` such as ``10/30``; ``--sandbox-rate-limit-reset=full`` for the older reading of
``X-RateLimit-Reset``, ``--sandbox-rate-limit-scale=10`` to refill ten times faster), or for one test
with ``@pytest.mark.sandbox_rate_limit("essentials", reset="full", scale=10)``. The server's clock
is offset with ``--sandbox-clock-offset=3600`` or ``@pytest.mark.sandbox_clock_offset(-3600)``.

Database passwords must meet Auth0's ``good`` level, as on a new Auth0 database connection;
``--sandbox-password-policy=none`` (or ``low``, ``fair``, ``excellent``) says otherwise.

User search sees writes after an index lag, as at Auth0 (1 s by default): ``--sandbox-index-lag=0``
makes it immediate for the session, ``@pytest.mark.sandbox_index_lag(0)`` for one test.

- ``sandbox_https_server`` / ``sandbox_https``: the same, over HTTPS with a CA made for the session
  (``ca_file``, ``trust_environment()``), for the official SDKs; started only when a test asks.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ._passwords import DEFAULT_PASSWORD_POLICY, PASSWORD_POLICIES
from ._plans import PLANS
from ._server import DEFAULT_INDEX_LAG, SandboxServer


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
    group.addoption(
        "--sandbox-password-policy",
        choices=list(PASSWORD_POLICIES),
        default=DEFAULT_PASSWORD_POLICY,
        help=f"how strong the sandbox's database passwords must be, as in Auth0 (default: {DEFAULT_PASSWORD_POLICY})",
    )
    group.addoption(
        "--sandbox-index-lag",
        type=float,
        default=DEFAULT_INDEX_LAG,
        metavar="SECONDS",
        help=f"how long the sandbox's user search takes to see a write; 0: at once (default: {DEFAULT_INDEX_LAG:g})",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``sandbox_rate_limit``, ``sandbox_clock_offset`` and ``sandbox_index_lag`` markers."""
    config.addinivalue_line(
        "markers",
        "sandbox_index_lag(seconds): how long user search takes to see a write in the sandbox of this test",
    )
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


def _session_sandbox(config: pytest.Config, https: bool) -> SandboxServer:
    return SandboxServer(
        rate_limit=config.getoption("sandbox_rate_limit", None),
        rate_limit_reset=config.getoption("sandbox_rate_limit_reset", "next"),
        rate_limit_scale=config.getoption("sandbox_rate_limit_scale", 1.0),
        clock_offset=config.getoption("sandbox_clock_offset", 0.0),
        password_policy=config.getoption("sandbox_password_policy", DEFAULT_PASSWORD_POLICY),
        index_lag=config.getoption("sandbox_index_lag", DEFAULT_INDEX_LAG),
        https=https,
    )


def _for_this_test(server: SandboxServer, request: pytest.FixtureRequest) -> SandboxServer:
    """Reset the session's sandbox and apply this test's markers."""
    server.reset()
    marker = request.node.get_closest_marker("sandbox_rate_limit")
    if marker is not None:
        server.faults.plan(*marker.args, **marker.kwargs)
    offset = request.node.get_closest_marker("sandbox_clock_offset")
    if offset is not None:
        server.faults.offset_clock(*offset.args)
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
