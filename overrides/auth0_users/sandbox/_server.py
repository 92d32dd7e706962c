"""Running the sandbox: a uvicorn server on 127.0.0.1, in a background thread or in the foreground."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import uvicorn

from ._admin import AdminApp, Traffic, logger
from ._app import API_PREFIX, SandboxApp, TokenIssuer
from ._catalog import DATABASE_CONNECTION
from ._faults import Faults, RequestLog, ResetMeaning
from ._passwords import DEFAULT_PASSWORD_POLICY
from ._plans import Plan, rate_limit_plan
from ._records import JsonObject
from ._tls import make_certificates, trust_environment
from .backend import SandboxBackend

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


class SandboxServer:
    """The sandbox: its state (``backend``), test controls (``faults``, ``requests``) and its address.

    Bound to 127.0.0.1 only; ``port=0`` picks a free port. Use :meth:`start`/:meth:`stop`, ``with``, or
    :func:`serve`. ``rate_limit`` (a plan such as ``"essentials"``, ``"BURST/RATE"`` or a ``Plan``)
    turns on token buckets like Auth0's, per endpoint group where the plan has them, kept across
    :meth:`reset`; ``rate_limit_reset`` says what ``X-RateLimit-Reset`` means and
    ``rate_limit_scale`` refills the buckets that many times faster (see ``Faults.plan``).
    ``clock_offset`` runs the server's clock that many seconds ahead (behind if negative):
    ``Date`` and ``X-RateLimit-Reset`` are read from it.
    ``password_policy`` is the strength level (``none``, ``low``, ``fair``, ``good`` or ``excellent``)
    of the database connection's passwords, kept across :meth:`reset`; :meth:`set_password_policy`
    changes it until then.
    ``index_lag`` is how many seconds user search takes to see a write (by-id and by-email reads see
    it at once). ``https=True`` serves TLS with a CA made for this sandbox (``ca_file``).
    ``log_requests=True`` logs each request to the ``auth0_users.sandbox`` logger, and a summary
    when it stops.
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
        password_policy: str = DEFAULT_PASSWORD_POLICY,
        index_lag: float = DEFAULT_INDEX_LAG,
        https: bool = False,
        log_requests: bool = False,
    ) -> None:
        self.backend = SandboxBackend(password_policy, index_lag)
        self._index_lag = index_lag
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

    def set_password_policy(self, policy: str, connection: str = DATABASE_CONNECTION) -> None:
        """Set a database connection's password strength level until :meth:`reset`.

        A reset restores the ``password_policy`` the sandbox was made with.
        """
        with self.app.lock:
            self.backend.set_password_policy(policy, connection)

    def _limit_rate(self) -> None:
        if self.rate_limit is not None:
            self.faults.plan(self.rate_limit, reset=self._rate_limit_reset)

    def reset(self) -> None:
        """Back to a fresh sandbox: no users, faults, recorded requests or tokens.

        The configured token lifetime, index lag, rate limit (with full buckets) and clock offset stay.
        """
        with self.app.lock:
            self.backend.reset()
            self.backend.lag.set(self._index_lag)
            self.faults.clear()
            self.faults.offset_clock(self._clock_offset)
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
        # The app sends its own Date header, from the sandbox's (possibly offset) clock.
        return uvicorn.Config(self._asgi, lifespan="off", access_log=False, date_header=False, **options)

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

    Other options go to :class:`SandboxServer`, e.g. ``rate_limit="essentials", clock_offset=3600``.
    """
    with SandboxServer(port, **options) as server:
        if seed:
            server.seed(seed)
        yield server
