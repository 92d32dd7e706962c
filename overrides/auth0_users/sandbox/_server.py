"""Running the sandbox: a uvicorn server on 127.0.0.1, in a background thread or in the foreground."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Generator, Iterator
from typing import Any

import uvicorn

from ._app import API_PREFIX, SandboxApp, TokenIssuer
from ._faults import Faults, RequestLog, ResetMeaning
from ._plans import Plan, rate_limit_plan
from .backend import JsonObject, SandboxBackend

HOST = "127.0.0.1"
DEFAULT_TOKEN = "sandbox-management-api-token"  # noqa: S105 - a well-known local test token
DEFAULT_CLIENT_ID = "sandbox-client-id"
DEFAULT_CLIENT_SECRET = "sandbox-client-secret"  # noqa: S105 - a well-known local test secret


class _ThreadServer(uvicorn.Server):
    """A uvicorn server that leaves signal handling to whoever owns the main thread."""

    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        yield


class SandboxServer:
    """The sandbox: its state (``backend``), test controls (``faults``, ``requests``) and its address.

    Bound to 127.0.0.1 only; ``port=0`` picks a free port. Use :meth:`start`/:meth:`stop`, ``with``, or
    :func:`serve`. ``rate_limit`` (a plan such as ``"essentials"``, ``"BURST/RATE"`` or a ``Plan``)
    turns on token buckets like Auth0's, per endpoint group where the plan has them, kept across
    :meth:`reset`; ``rate_limit_reset`` says what ``X-RateLimit-Reset`` means and
    ``rate_limit_scale`` refills the buckets that many times faster (see ``Faults.plan``).
    ``clock_offset`` runs the server's clock that many seconds ahead (behind if negative):
    ``Date`` and ``X-RateLimit-Reset`` are read from it.
    """

    def __init__(
        self,
        port: int = 0,
        *,
        token: str = DEFAULT_TOKEN,
        client_id: str = DEFAULT_CLIENT_ID,
        client_secret: str = DEFAULT_CLIENT_SECRET,
        token_expires_in: int = 86400,
        rate_limit: str | Plan | None = None,
        rate_limit_reset: ResetMeaning = "next",
        rate_limit_scale: float = 1.0,
        clock_offset: float = 0.0,
    ) -> None:
        self.backend = SandboxBackend()
        self.faults = Faults()
        self._clock_offset = clock_offset
        self.faults.offset_clock(clock_offset)
        self.rate_limit = None if rate_limit is None else rate_limit_plan(rate_limit).scaled(rate_limit_scale)
        self._rate_limit_reset = rate_limit_reset
        self._limit_rate()
        self.requests = RequestLog()
        self.tokens = TokenIssuer(token, client_id, client_secret, token_expires_in)
        self._token_expires_in = token_expires_in
        self.app = SandboxApp(self.backend, self.faults, self.requests, self.tokens)
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        # Accepted connections inherit this: without it, uvicorn's separate writes of headers and
        # body meet the client's delayed ACK and every response waits about 40 ms.
        self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._socket.bind((HOST, port))
        self.port: int = self._socket.getsockname()[1]
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def origin(self) -> str:
        """``http://127.0.0.1:PORT``: where ``/oauth/token`` lives."""
        return f"http://{HOST}:{self.port}"

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/api/v2``: the Management API base URL."""
        return self.origin + API_PREFIX

    @property
    def token(self) -> str:
        """The static bearer token the sandbox always accepts."""
        return self.tokens.token

    @property
    def client_id(self) -> str:
        """The client id ``POST /oauth/token`` accepts."""
        return self.tokens.client_id

    @property
    def client_secret(self) -> str:
        """The client secret ``POST /oauth/token`` accepts."""
        return self.tokens.client_secret

    @property
    def token_requests(self) -> int:
        """How many ``POST /oauth/token`` requests the sandbox has answered."""
        return self.tokens.requests_served

    @property
    def token_rejections(self) -> int:
        """How many API requests the sandbox refused for an unknown, revoked or expired bearer token."""
        return self.tokens.refused

    def seed(self, n: int, seed: int = 0, *, same_created_at: int = 1) -> list[JsonObject]:
        """Add ``n`` deterministic, realistic users (see ``auth0_users.sandbox._seed``) and return them."""
        with self.app.lock:
            return self.backend.seed(n, seed, same_created_at=same_created_at)

    def _limit_rate(self) -> None:
        if self.rate_limit is not None:
            self.faults.plan(self.rate_limit, reset=self._rate_limit_reset)

    def reset(self) -> None:
        """Back to a fresh sandbox: no users, faults, recorded requests or tokens.

        The configured token lifetime, rate limit (with full buckets) and clock offset stay.
        """
        with self.app.lock:
            self.backend.reset()
            self.faults.clear()
            self.faults.offset_clock(self._clock_offset)
            self._limit_rate()
            self.requests.clear()
            self.tokens.issued.clear()
            self.tokens.requests_served = 0
            self.tokens.refused = 0
            self.tokens.expires_in = self._token_expires_in

    def _config(self, **options: Any) -> uvicorn.Config:
        # The app sends its own Date header, from the sandbox's (possibly offset) clock.
        return uvicorn.Config(self.app, lifespan="off", access_log=False, date_header=False, **options)

    def start(self) -> None:
        """Serve in a background thread; return once the server accepts connections."""
        if self._thread is not None:
            raise RuntimeError("the sandbox is already running")
        self._server = _ThreadServer(self._config(log_config=None, log_level="warning"))
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]}, name="auth0-users-sandbox", daemon=True
        )
        self._thread.start()
        while not self._server.started:
            if not self._thread.is_alive():
                raise RuntimeError("the sandbox failed to start")
            self._thread.join(0.01)

    def stop(self) -> None:
        """Stop serving and wait for the server thread to end."""
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join()
        self._server = self._thread = None
        self._socket.close()

    def run_forever(self) -> None:
        """Serve in this thread until Ctrl-C or SIGTERM, then shut down gracefully."""
        # uvicorn re-raises the signal once it has shut down; that is the expected way out here.
        with contextlib.suppress(KeyboardInterrupt):
            uvicorn.Server(self._config(log_level="warning")).run(sockets=[self._socket])
        self._socket.close()

    def __enter__(self) -> SandboxServer:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


@contextlib.contextmanager
def serve(port: int = 0, *, seed: int | None = None, **options: Any) -> Iterator[SandboxServer]:
    """Run a sandbox in a background thread for the ``with`` block; ``seed=N`` adds N users first.

    Other options go to :class:`SandboxServer`, e.g. ``rate_limit="essentials", clock_offset=3600``.
    """
    with SandboxServer(port, **options) as server:
        if seed:
            server.seed(seed)
        yield server
