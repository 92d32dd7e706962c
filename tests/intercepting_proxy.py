"""A loopback proxy that tells which host a request was headed for, and answers it itself.

Through a proxy, httpx opens an ``https://`` request with ``CONNECT host:port`` and sends a plain
``http://`` one with its full URL. This proxy records that target, finishes TLS inside the tunnel
with a certificate of its own test CA for the names it is given (clients trust that CA, and
nothing else), records the TLS server name asked for and the request, and answers: a token for
``POST /oauth/token``, a user for anything else. So a test sees where a request would have gone,
for any host name, without leaving 127.0.0.1.
"""

from __future__ import annotations

import json
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import trustme
from loopback import Recorded

ISSUED_TOKEN = "token-issued-by-the-proxy"
USER = {"user_id": "auth0|abc", "email": "ada@example.com"}


@dataclass
class Intercepted(Recorded):
    """A request, its scheme, the ``host:port`` asked for (IPv6 bare) and the TLS server name asked for."""

    scheme: str
    target: str
    server_name: str | None


@dataclass
class InterceptingProxy:
    url: str
    trust: ssl.SSLContext
    targets: list[str] = field(default_factory=list)
    """Every ``CONNECT`` target and every plain-HTTP origin asked for, answered or not."""
    requests: list[Intercepted] = field(default_factory=list)

    @property
    def http_options(self) -> dict[str, Any]:
        """What an ``httpx.Client`` or ``httpx.AsyncClient`` needs to go through this proxy."""
        return {"proxy": self.url, "verify": self.trust, "trust_env": False}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _ProxyServer
    tunnel: tuple[str, str | None] | None = None

    def do_CONNECT(self) -> None:
        self.server.proxy.targets.append(self.path)
        self.send_response(200, "Connection established")
        self.end_headers()
        self.wfile.flush()
        tls = self.server.tls.wrap_socket(self.connection, server_side=True)
        self.tunnel = (self.path, getattr(tls, "requested_name", None))
        # The next requests on this connection come through the tunnel.
        self.connection, self.rfile, self.wfile = tls, tls.makefile("rb"), tls.makefile("wb")

    def _answer(self) -> None:
        if self.tunnel is None:
            # The full URL; httpx writes an IPv6 host here without its brackets, hence no urlsplit.
            authority, _, rest = self.path.removeprefix("http://").partition("/")
            host, colon, port = authority.rpartition(":")
            target = f"{host.strip('[]')}:{port}" if colon else f"{authority}:80"
            scheme, server_name, path = "http", None, "/" + rest
            self.server.proxy.targets.append(target)
        else:
            scheme, (target, server_name), path = "https", self.tunnel, self.path
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.proxy.requests.append(
            Intercepted(self.command, path, dict(self.headers), body, scheme, target, server_name)
        )
        token = {"access_token": ISSUED_TOKEN, "token_type": "Bearer", "expires_in": 3600}
        payload = json.dumps(token if path == "/oauth/token" else USER).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _answer

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _ProxyServer(ThreadingHTTPServer):
    proxy: InterceptingProxy
    tls: ssl.SSLContext


def _remember_server_name(tls: Any, server_name: str | None, context: ssl.SSLContext) -> None:
    tls.requested_name = server_name


@contextmanager
def intercepting_proxy(*names: str) -> Iterator[InterceptingProxy]:
    """Serve the proxy on 127.0.0.1 with a certificate for ``names`` (host names and IP addresses)."""
    authority = trustme.CA()
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert(*names).configure_cert(tls)
    tls.sni_callback = _remember_server_name
    trust = ssl.create_default_context()
    authority.configure_trust(trust)
    httpd = _ProxyServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    httpd.tls = tls
    httpd.proxy = InterceptingProxy(url=f"http://127.0.0.1:{httpd.server_address[1]}", trust=trust)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield httpd.proxy
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
