from __future__ import annotations

import json
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from loopback import ROOT, Recorded, RecordingServer

pytest_plugins = ["auth0_users.sandbox.pytest_plugin", "sandbox_fixtures"]

sys.path.insert(0, str(ROOT / "openapi"))


@pytest.fixture
def recording_server() -> Iterator[RecordingServer]:
    state: dict[str, RecordingServer] = {}

    class Handler(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            server = state["server"]
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            server.requests.append(Recorded(self.command, self.path, dict(self.headers), body))
            payload = b"" if server.reply is None else json.dumps(server.reply).encode()
            self.send_response(server.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state["server"] = RecordingServer(base_url=f"http://127.0.0.1:{httpd.server_address[1]}/api/v2")
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield state["server"]
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
