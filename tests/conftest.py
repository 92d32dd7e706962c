from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from loopback import ROOT, RecordingServer, serve_recording

pytest_plugins = ["auth0_users.sandbox.pytest_plugin", "sandbox_fixtures", "redis_fixtures", "pytester"]

sys.path.insert(0, str(ROOT / "openapi"))


@pytest.fixture
def recording_server() -> Iterator[RecordingServer]:
    with serve_recording() as server:
        yield server
