"""Running the sandbox: a uvicorn server on 127.0.0.1, in a background thread or in the foreground."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import uvicorn

from ..pacing import Pacing
from ._admin import AdminApp, Traffic, logger
from ._app import API_PREFIX, SandboxApp, TokenIssuer
from ._faults import Faults, RequestLog, ResetMeaning
from ._tls import make_certificates, trust_environment
from .backend import JsonObject, SandboxBackend

HOST = "127.0.0.1"
DEFAULT_TOKEN = "sandbox-management-api-token"  # noqa: S105 - a well-known local test token
DEFAULT_CLIENT_ID = "sandbox-client-id"
DEFAULT_CLIENT_SECRET = "sandbox-client-secret"  # noqa: S105 - a well-known local test secret
#: Seconds before user search sees a write. Auth0 gives no figure, only that a search repeated
#: "after a short period of time" sees it: one second makes a search straight after a write miss,
#: as it can at Auth0, while code that waits and repeats, as Auth0 advises, stays quick in tests.
DEFAULT_INDEX_LAG = 1.0


class _ThreadServer(uvicorn.Server):
    """A uvicorn server that leaves signal handling to whoever owns the main thread."""

    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        yield


def rate_limit_bucket(rate_limit: str | Pacing) -> tuple[int, float]:
    """The burst and rate a ``rate_limit=`` option names: a plan, ``BURST/RATE``, or a ``Pacing`` with both."""
    bucket = Pacing.parse(rate_limit) if isinstance(rate_limit, str) else rate_limit
    if not isinstance(bucket, Pacing) or bucket.burst is None or bucket.rate is None:
        raise ValueError(f"a sandbox rate limit needs a burst and a rate, got {rate_limit!r}")
    return bucket.burst, bucket.rate


class SandboxServer:
    """The sandbox: its state (``backend``), test controls (``faults``, ``requests``) and its address.

    Bound to 127.0.0.1 only; ``port=0`` picks a free port. Use :meth:`start`/:meth:`stop`, ``with``, or
    :func:`serve`. ``rate_limit`` (a plan such as ``"enterprise"``, ``"BURST/RATE"`` or a
    ``Pacing``) turns on a token bucket like Auth0's, kept across :meth:`reset`; ``rate_limit_reset``
    says what its ``X-RateLimit-Reset`` means (see ``Faults.token_bucket``). ``index_lag`` is how many
    seconds user search takes to see a write (by-id and by-email reads see it at once).
    ``https=True`` serves TLS with a CA made for this sandbox (``ca_file``). ``log_requests=True``
    logs each request to the ``auth0_users.sandbox`` logger, and a summary when it stops.
    """

    def __init__(
        self,
        port: int = 0,
        *,
        token: str = DEFAULT_TOKEN,
        client_id: str = DEFAULT_CLIENT_ID,
        client_secret: str = DEFAULT_CLIENT_SECRET,
        token_expires_in: int = 86400,
        rate_limit: str | Pacing | None = None,
        rate_limit_reset: ResetMeaning = "next",
        index_lag: float = DEFAULT_INDEX_LAG,
        https: bool = False,
        log_requests: bool = False,
    ) -> None:
        self.backend = SandboxBackend(index_lag)
        self._index_lag = index_lag
        self.faults = Faults()
        self._rate_limit = None if rate_limit is None else (*rate_limit_bucket(rate_limit), rate_limit_reset)
        self._limit_rate()
        self.requests = RequestLog()
        self.tokens = TokenIssuer(token, client_id, client_secret, token_expires_in)
        self._token_expires_in = token_expires_in
        self.app = SandboxApp(self.backend, self.faults, self.requests, self.tokens)
        #: Every API request answered: counts, the latest ones, and a log line each with ``log_requests``.
        self.traffic = Traffic(log=log_requests)
        self._asgi = AdminApp(self.app, self, self.traffic)
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        # A restart on the same port binds at once, even while the last run's connections linger.
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # Accepted connections inherit this: without it, uvicorn's separate writes of headers and
        # body meet the client's delayed ACK and every response waits about 40 ms.
        self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._socket.bind((HOST, port))
        self.port: int = self._socket.getsockname()[1]
        # Listening from here on, a client told the address can connect before uvicorn is up.
        self._socket.listen(2048)
        self._certificates = make_certificates() if https else None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def __repr__(self) -> str:
        state = "running" if self._thread is not None else "not running"
        return f"<SandboxServer {self.base_url} ({state})>"

    @property
    def origin(self) -> str:
        """``http://127.0.0.1:PORT`` (``https://`` with ``https=True``): where ``/oauth/token`` lives."""
        return f"{'https' if self._certificates else 'http'}://{self.domain}"

    @property
    def domain(self) -> str:
        """``127.0.0.1:PORT``: what the official SDKs take as ``domain`` (they need ``https=True``)."""
        return f"{HOST}:{self.port}"

    @property
    def ca_file(self) -> Path | None:
        """The PEM file of the CA that signed the sandbox's certificate; None without ``https``."""
        return self._certificates.ca_file if self._certificates else None

    def trust_environment(self) -> dict[str, str]:
        """Environment variables that make Python's and Node's HTTP clients trust :attr:`ca_file`."""
        if self._certificates is None:
            raise RuntimeError("this sandbox serves plain HTTP: start it with https=True")
        return trust_environment(self._certificates.ca_file)

    @property
    def index_lag(self) -> float:
        """Seconds before user search sees a write; set it to change the lag of later writes."""
        return self.backend.lag.seconds

    @index_lag.setter
    def index_lag(self, seconds: float) -> None:
        with self.app.lock:
            self.backend.lag.set(seconds)

    def settle_search(self) -> None:
        """Make every write so far visible to user search now."""
        with self.app.lock:
            self.backend.lag.settle()

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
        if self._rate_limit is not None:
            burst, rate, meaning = self._rate_limit
            self.faults.token_bucket(burst, rate, reset=meaning)

    def reset(self) -> None:
        """Back to a fresh sandbox: no users, faults, recorded requests or tokens.

        The configured token lifetime, index lag and rate limit (with a full bucket) stay.
        """
        with self.app.lock:
            self.backend.reset()
            self.backend.lag.set(self._index_lag)
            self.faults.clear()
            self._limit_rate()
            self.requests.clear()
            self.traffic.clear()
            self.tokens.issued.clear()
            self.tokens.requests_served = 0
            self.tokens.refused = 0
            self.tokens.expires_in = self._token_expires_in

    def _config(self, **options: Any) -> uvicorn.Config:
        if self._certificates is not None:
            options["ssl_certfile"] = str(self._certificates.server_file)
        return uvicorn.Config(self._asgi, lifespan="off", access_log=False, **options)

    def _stopped(self) -> None:
        self._socket.close()
        if self.traffic.log:
            logger.info("%s", self.traffic.summary())
        if self._certificates is not None:
            self._certificates.remove()

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
        self._stopped()

    def run_forever(self) -> None:
        """Serve in this thread until Ctrl-C or SIGTERM, then shut down gracefully."""
        # uvicorn re-raises the signal once it has shut down; that is the expected way out here.
        with contextlib.suppress(KeyboardInterrupt):
            uvicorn.Server(self._config(log_level="warning")).run(sockets=[self._socket])
        self._stopped()

    def __enter__(self) -> SandboxServer:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


@contextlib.contextmanager
def serve(port: int = 0, *, seed: int | None = None, **options: Any) -> Iterator[SandboxServer]:
    """Run a sandbox in a background thread for the ``with`` block; ``seed=N`` adds N users first.

    Other options go to :class:`SandboxServer`, e.g. ``rate_limit="enterprise"``.
    """
    with SandboxServer(port, **options) as server:
        if seed:
            server.seed(seed)
        yield server
