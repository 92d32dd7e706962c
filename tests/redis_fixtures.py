"""Pytest fixtures for a real Redis server on 127.0.0.1 (see ``redis_server.py``).

- ``redis_server``: one ``redis-server`` for the whole session, started on first use.
- ``redis_url``: its URL, with the database emptied before each test.

Without ``redis-server`` the tests that use them are skipped, saying why; under CI (``CI`` set)
they fail instead, since ``.ci/run`` installs it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from redis_server import RedisServer, redis_server_binary


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    """A ``redis-server`` without persistence on a free port of 127.0.0.1, for the session."""
    if redis_server_binary() is None:
        reason = "redis-server is not installed: apt-get install redis-server (.ci/run does it)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    with RedisServer() as server:
        yield server


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    """The session's Redis server, emptied for this test."""
    import redis

    with redis.Redis.from_url(redis_server.url) as client:
        client.flushall()
    return redis_server.url
