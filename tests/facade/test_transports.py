"""The transports the clients send on: aiohttp by default for async when installed, failures named alike.

Every case runs on the sync client, the async client as made (the aiohttp transport here: the
development environment has the ``fast`` extra) and the async client on plain httpx.
"""

from __future__ import annotations

import socket
import socketserver
import ssl
import subprocess
import sys
import threading
from collections.abc import AsyncIterator, Iterator
from typing import Any

import aiohttp
import httpx
import pytest
from auth0_users import APIConnectionError, APITimeoutError, AsyncManagementClient, ManagementClient, NotFoundError
from auth0_users._core.transport import httpx_equivalent, shared_tls_context
from auth0_users.sandbox import SandboxServer
from auth0_users_facade.aliases import UsersListItem  # the model the pinned spec gives
from both_modes import collect, run
from httpx_aiohttp import HttpxAiohttpClient
from loopback import TricklingServer, serve_trickling

pytestmark = pytest.mark.anyio
TRANSPORTS = ["sync", "async default", "async httpx"]
TOKEN = "secret-token-123"


@pytest.fixture(params=TRANSPORTS)
async def make_client(request: pytest.FixtureRequest) -> AsyncIterator[Any]:
    """A factory of clients on one transport, closed at the end of the test."""
    made: list[Any] = []
    given: list[httpx.AsyncClient] = []

    def make(**options: Any) -> Any:
        if request.param == "sync":
            client: Any = ManagementClient(**options)
        elif request.param == "async default":
            client = AsyncManagementClient(**options)
        else:
            given.append(httpx.AsyncClient())
            client = AsyncManagementClient(**options, http_client=given[-1])
        made.append(client)
        return client

    yield make
    for client in made:
        await run(client.close() if isinstance(client, ManagementClient) else client.aclose())
    for http in given:
        await http.aclose()


async def test_the_async_client_as_made_sends_on_aiohttp(sandbox: SandboxServer) -> None:
    uid = sandbox.seed(1)[0]["user_id"]
    async with AsyncManagementClient(base_url=sandbox.base_url, token=sandbox.token) as amgmt:
        assert (await amgmt.users.get(uid)).user_id == uid
        assert type(amgmt._http.get()) is HttpxAiohttpClient


async def test_clients_made_here_verify_tls_as_the_trust_variables_say_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """One TLS context serves the clients made here, and is built again when SSL_CERT_FILE changes."""
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    with SandboxServer(https=True, index_lag=0) as server:
        options: dict[str, Any] = {"base_url": server.base_url, "token": server.token, "max_retries": 0}
        with ManagementClient(**options) as mgmt, pytest.raises(APIConnectionError, match="CERTIFICATE_VERIFY_FAILED"):
            list(mgmt.users.list(per_page=1))
        monkeypatch.setenv("SSL_CERT_FILE", str(server.ca_file))
        with ManagementClient(**options) as first, ManagementClient(**options) as second:
            assert list(first.users.list(per_page=1)) == list(second.users.list(per_page=1)) == []
        async with AsyncManagementClient(**options) as amgmt:
            assert [user async for user in amgmt.users.list(per_page=1)] == []
        context = shared_tls_context()
        assert context is shared_tls_context()
        assert isinstance(context, ssl.SSLContext)
        assert (context.verify_mode, context.check_hostname) == (ssl.CERT_REQUIRED, True)
        monkeypatch.delenv("SSL_CERT_FILE")
        with ManagementClient(**options) as mgmt, pytest.raises(APIConnectionError, match="CERTIFICATE_VERIFY_FAILED"):
            list(mgmt.users.list(per_page=1))


def test_aiohttp_is_imported_on_first_use_not_with_the_package() -> None:
    code = (
        "import sys, auth0_users;"
        "amgmt = auth0_users.AsyncManagementClient(base_url='http://127.0.0.1:9/api/v2', token='t');"
        "amgmt.users.get;"
        "print(sorted({'aiohttp', 'httpx_aiohttp'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


async def test_every_transport_gives_the_same_results(make_client: Any, sandbox: SandboxServer) -> None:
    sandbox.seed(7, seed=3)
    client = make_client(base_url=sandbox.base_url, token=sandbox.token)
    users = await collect(client.users.list(per_page=3, sort="created_at:1"))
    assert [u.to_dict() for u in users] == sandbox_users(sandbox)
    one = await run(client.users.get(users[0].user_id, fields="user_id,email"))
    assert one.to_dict() == {"user_id": users[0].user_id, "email": users[0].email}
    with pytest.raises(NotFoundError) as caught:
        await run(client.users.get("auth0|000000000000000000000000"))
    assert caught.value.status_code == 404
    assert caught.value.error_code == "inexistent_user"


def sandbox_users(sandbox: SandboxServer) -> list[dict[str, Any]]:
    """The seeded users as the plain httpx client reads them, oldest first."""
    with httpx.Client(headers={"Authorization": f"Bearer {sandbox.token}"}) as http:
        answer = http.get(f"{sandbox.base_url}/users", params={"per_page": 50, "sort": "created_at:1"})
    return [UsersListItem.from_dict(item).to_dict() for item in answer.json()]


class HangUpServer(socketserver.ThreadingTCPServer):
    """Reads each request whole, then closes the connection without answering; counts by method."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), HangUp)
        self.methods: list[str] = []

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/api/v2"


class HangUp(socketserver.StreamRequestHandler):
    server: HangUpServer

    def handle(self) -> None:
        request_line = self.rfile.readline().decode()
        length = 0
        while (line := self.rfile.readline()) not in (b"\r\n", b"\n", b""):
            name, _, value = line.decode().partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        self.rfile.read(length)
        self.server.methods.append(request_line.split(" ", 1)[0])


@pytest.fixture
def hang_up_server() -> Iterator[HangUpServer]:
    server = HangUpServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


async def test_a_post_the_server_took_without_answering_is_sent_once(
    make_client: Any, hang_up_server: HangUpServer
) -> None:
    """The server may have created the user: repeating the POST could create it twice."""
    client = make_client(base_url=hang_up_server.base_url, token=TOKEN, max_retries=2)
    with pytest.raises(APIConnectionError) as caught:
        await run(client.users.create(connection="db", email="ada@example.com", password="Passw0rd!x"))
    assert hang_up_server.methods == ["POST"]
    assert type(caught.value) is APIConnectionError
    assert str(caught.value).startswith(f"POST {hang_up_server.base_url}/users: ")
    with pytest.raises(APIConnectionError):
        await run(client.users.get("auth0|123"))
    # A GET is safe to repeat: tried three times (aiohttp, on its own, once more each time).
    assert hang_up_server.methods[0] == "POST"
    assert 3 <= hang_up_server.methods[1:].count("GET") <= 6


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


async def test_a_refused_connection_names_host_and_path_and_is_retried_even_for_post(make_client: Any) -> None:
    base_url = f"http://127.0.0.1:{closed_port()}/api/v2"
    client = make_client(base_url=base_url, token=TOKEN, max_retries=0)
    with pytest.raises(APIConnectionError) as caught:
        await run(client.users.get("auth0|123", fields="email"))
    assert type(caught.value) is APIConnectionError  # refused at once: not a timeout
    message = str(caught.value)
    assert message.startswith(f"GET {base_url}/users/auth0%7C123: ConnectError")
    assert "fields" not in message
    assert TOKEN not in message
    retrying = client.with_options(max_retries=1)
    with pytest.raises(APIConnectionError) as caught:
        await run(retrying.users.create(connection="db", email="ada@example.com", password="Passw0rd!x"))
    assert caught.value.attempts == 2  # nothing was sent, so even a POST may be tried again


async def test_a_timeout_names_host_and_path(make_client: Any, sandbox: SandboxServer) -> None:
    uid = sandbox.seed(1)[0]["user_id"]
    sandbox.faults.delay(3.0, n=1)
    client = make_client(base_url=sandbox.base_url, token=sandbox.token, timeout=0.3, max_retries=0)
    with pytest.raises(APITimeoutError) as caught:
        await run(client.users.get(uid))
    where = f"GET {sandbox.base_url}/users/{uid.replace('|', '%7C')}"
    assert str(caught.value).startswith(f"{where}: no complete answer within timeout=0.3 s, the deadline")


def _wrapped(cause: BaseException) -> httpx.ConnectTimeout:
    """What the aiohttp transport raises for ``cause``: ConnectTimeout for every connection error."""
    error = httpx.ConnectTimeout(str(cause))
    error.__cause__ = cause
    return error


@pytest.mark.parametrize(
    ("error", "named"),
    [
        (_wrapped(aiohttp.ConnectionTimeoutError("connect timed out")), httpx.ConnectTimeout),
        (_wrapped(aiohttp.ServerTimeoutError("read timed out")), httpx.ReadTimeout),
        (_wrapped(aiohttp.ServerDisconnectedError()), httpx.RemoteProtocolError),
        (_wrapped(aiohttp.ClientOSError(104, "Connection reset by peer")), httpx.NetworkError),
        (httpx.ConnectTimeout("httpx's own"), httpx.ConnectTimeout),
        (httpx.ReadError("httpx's own"), httpx.ReadError),
    ],
)
def test_transport_errors_as_httpx_names_them(error: httpx.RequestError, named: type[httpx.RequestError]) -> None:
    renamed = httpx_equivalent(error)
    assert type(renamed) is named
    assert str(renamed) == str(error)
    assert renamed.__cause__ is error.__cause__


@pytest.fixture(params=["headers", "body"])
def trickling(request: pytest.FixtureRequest) -> Iterator[TricklingServer]:
    with serve_trickling(request.param) as server:
        yield server


@pytest.mark.parametrize("endpoint", ["API", "token"])
async def test_a_trickling_server_is_cut_off_at_the_deadline(
    make_client: Any, trickling: TricklingServer, endpoint: str
) -> None:
    """A byte every 50 ms never trips a 0.5 s read timeout; the deadline on the whole attempt ends it."""
    credentials = {"token": TOKEN} if endpoint == "API" else {"client_id": "cid", "client_secret": "a-secret"}
    client = make_client(base_url=trickling.base_url, timeout=0.5, max_retries=0, **credentials)
    with pytest.raises(APITimeoutError) as caught:
        await run(client.users.get("auth0|1"))
    assert not trickling.finished.is_set()  # cut off mid-answer, not after it
    assert trickling.paths == ["/oauth/token" if endpoint == "token" else "/api/v2/users/auth0%7C1"]
    message = str(caught.value)
    assert message.startswith(f"GET {trickling.base_url}/users/auth0%7C1: ")
    assert "0.5 s" in message
    assert ("token request" in message) == (endpoint == "token")
    assert caught.value.sent is (endpoint == "API")  # a token request that timed out sent nothing to the API


@pytest.mark.parametrize("slow", ["nothing", "body"])
def test_over_https_answers_come_through_and_the_deadline_holds(slow: str) -> None:
    """The sync deadline sits on the connection: TLS included, on a client passed in."""
    with (
        serve_trickling(slow, tls=True) as server,
        httpx.Client(verify=server.trust) as http,
        ManagementClient(base_url=server.base_url, token=TOKEN, timeout=0.5, max_retries=0, http_client=http) as mgmt,
    ):
        if slow == "nothing":
            assert mgmt.users.get("auth0|1").user_id == "auth0|1"
        else:
            with pytest.raises(APITimeoutError, match=r"no complete answer within timeout=0\.5 s"):
                mgmt.users.get("auth0|1")
            assert not server.finished.is_set()
