"""Loopback HTTP servers for tests: one answers with a canned reply and records, one trickles."""

from __future__ import annotations

import json
import socketserver
import ssl
import threading
from collections.abc import Callable, Iterator
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


Answer = Callable[[Recorded], tuple[int, Any]]
"""A reply made from the request: its status and body."""


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

    answer: Answer | None = None

    def respond(self, status: int, reply: Any, headers: dict[str, str] | None = None) -> None:
        self.status, self.reply, self.reply_headers = status, reply, headers or {}

    def respond_with(self, answer: Answer[[Recorded], tuple[int, Any]], headers: dict[str, str] | None = None) -> None:
        """Answer each request with ``answer(request)``: its status and reply."""
        self.answer, self.reply_headers = answer, headers or {}


@contextmanager
def serve_recording() -> Iterator[RecordingServer]:
    """Serve a ``RecordingServer`` on 127.0.0.1 and a free port until the block ends."""
    state: dict[str, RecordingServer] = {}

    class Handler(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            server = state["server"]
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            recorded = Recorded(self.command, self.path, dict(self.headers), body)
            server.requests.append(recorded)
            status, reply = (server.status, server.reply) if server.answer is None else server.answer(recorded)
            payload = reply if isinstance(reply, bytes) else b"" if reply is None else json.dumps(reply).encode()
            self.send_response(status)
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


class TricklingServer(socketserver.ThreadingTCPServer):
    """A loopback HTTP server that answers every request one byte at a time.

    ``slow`` is what trickles: ``"headers"`` (the whole answer, status line first), ``"body"``
    (the head at once, then the body) or ``"nothing"``. A byte goes out every ``interval`` seconds,
    often enough that no per-read timeout ever trips; ``finished`` is set once a whole answer went
    out. With ``tls``, it speaks HTTPS with a certificate that clients trusting ``trust`` accept.
    """

    daemon_threads = True

    def __init__(self, slow: str = "headers", interval: float = 0.05, *, tls: bool = False) -> None:
        super().__init__(("127.0.0.1", 0), _Trickle)
        self.slow = slow
        self.interval = interval
        self.paths: list[str] = []
        self.finished = threading.Event()
        self.stopping = threading.Event()
        self.trust = ssl.create_default_context()
        self._tls: ssl.SSLContext | None = None
        if tls:
            import trustme

            authority = trustme.CA()
            authority.configure_trust(self.trust)
            self._tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            authority.issue_cert("127.0.0.1").configure_cert(self._tls)

    @property
    def base_url(self) -> str:
        scheme = "http" if self._tls is None else "https"
        return f"{scheme}://127.0.0.1:{self.server_address[1]}/api/v2"

    def get_request(self) -> tuple[Any, Any]:
        connection, address = super().get_request()
        if self._tls is not None:  # the handshake happens in the handler's thread, at its first read
            connection = self._tls.wrap_socket(connection, server_side=True, do_handshake_on_connect=False)
        return connection, address

    def answer(self) -> tuple[bytes, bytes]:
        """The head and the body of the answer: a 200 with a JSON object that would parse."""
        body = json.dumps({"access_token": "t", "expires_in": 86400, "user_id": "auth0|1", "pad": "x" * 64}).encode()
        head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        return head.encode(), body


class _Trickle(socketserver.StreamRequestHandler):
    server: TricklingServer
    timeout = 30  # no client takes that long to send its request

    def handle(self) -> None:
        request_line = self.rfile.readline().decode()
        length = 0
        while (line := self.rfile.readline()) not in (b"\r\n", b"\n", b""):
            name, _, value = line.decode().partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        self.rfile.read(length)
        self.server.paths.append(request_line.split(" ")[1] if " " in request_line else "")
        head, body = self.server.answer()
        split = {"headers": 0, "body": len(head)}.get(self.server.slow, len(head + body))
        at_once, slowly = (head + body)[:split], (head + body)[split:]
        try:
            self.wfile.write(at_once)
            for byte in slowly:
                if self.server.stopping.wait(self.server.interval):
                    return
                self.wfile.write(bytes([byte]))
        except OSError:  # the client gave up and closed the connection
            return
        self.server.finished.set()


@contextmanager
def serve_trickling(slow: str = "headers", *, tls: bool = False) -> Iterator[TricklingServer]:
    """Serve a ``TricklingServer`` on 127.0.0.1 until the block ends."""
    server = TricklingServer(slow, tls=tls)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join()
