"""At DEBUG, the ``auth0_users`` logger says when a token is fetched, taken from a cache or refreshed."""

from __future__ import annotations

import logging

import pytest
from auth0_users import ManagementClient
from auth0_users.sandbox import SandboxServer
from auth0_users.token_cache import MemoryTokenCache


class TokenLines:
    """The ``auth0_users`` log lines about tokens, each time those logged since the last look."""

    def __init__(self, caplog: pytest.LogCaptureFixture) -> None:
        self.caplog = caplog
        self.seen: list[str] = []

    def new(self) -> list[str]:
        lines = [record.getMessage() for record in self.caplog.records if record.name == "auth0_users"]
        fresh = lines[len(self.seen) :]
        self.seen = lines
        return [line for line in fresh if line.startswith("token for client")]


def test_each_token_fetch_cache_hit_and_refresh_is_logged(
    sandbox: SandboxServer, caplog: pytest.LogCaptureFixture
) -> None:
    uid = str(sandbox.seed(1)[0]["user_id"])
    cache = MemoryTokenCache()
    options = {"base_url": sandbox.base_url, "client_id": sandbox.client_id, "client_secret": sandbox.client_secret}
    client, logged = sandbox.client_id, TokenLines(caplog)
    with (
        caplog.at_level(logging.DEBUG, logger="auth0_users"),
        ManagementClient(**options, token_cache=cache) as first,
        ManagementClient(**options, token_cache=cache) as second,
    ):
        first.users.get(uid)
        assert logged.new() == [
            f"token for client {client!r} fetched from {sandbox.origin}/oauth/token, expires in 86400 s"
        ]
        first.users.get(uid)
        assert logged.new() == []  # the client's own copy: nothing to say
        second.users.get(uid)
        [line] = logged.new()
        assert line.startswith(f"token for client {client!r} taken from MemoryTokenCache, refreshed in ")
        issued = set(sandbox.tokens.issued)
        sandbox.tokens.issued.clear()  # the API no longer knows the token: a 401, then a new token
        second.users.get(uid)
        assert logged.new() == [
            f"token for client {client!r} refreshed (the API refused the last one) from {sandbox.origin}/oauth/token, "
            "expires in 86400 s"
        ]
    assert sandbox.token_requests == 2
    issued |= set(sandbox.tokens.issued)
    assert len(issued) == 2
    assert not any(token in line for line in logged.seen for token in [*issued, sandbox.client_secret])
