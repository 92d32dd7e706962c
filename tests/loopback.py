"""A loopback HTTP server that answers every request with one canned reply and records it."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class RecordingServer:
    """A loopback HTTP server that answers every request with a canned reply and records it."""

    base_url: str
    requests: list[Recorded] = field(default_factory=list)
    status: int = 200
    reply: Any = None
    reply_headers: dict[str, str] = field(default_factory=dict)

    @property
    def origin(self) -> str:
        return self.base_url.removesuffix("/api/v2")

    def respond(self, status: int, reply: Any, headers: dict[str, str] | None = None) -> None:
        self.status, self.reply, self.reply_headers = status, reply, headers or {}


@contextmanager
def serve_recording() -> Iterator[RecordingServer]:
    """Serve a ``RecordingServer`` on 127.0.0.1 and a free port until the block ends."""
    state: dict[str, RecordingServer] = {}

    class Handler(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            server = state["server"]
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            server.requests.append(Recorded(self.command, self.path, dict(self.headers), body))
            reply = server.reply
            payload = reply if isinstance(reply, bytes) else b"" if reply is None else json.dumps(reply).encode()
            self.send_response(server.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            for name, value in server.reply_headers.items():
                self.send_header(name, value)
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
