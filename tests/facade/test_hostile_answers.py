"""Hostile answers over loopback: echoed secrets, pickled errors, huge or deeply nested bodies, long ids."""

from __future__ import annotations

import json
import pickle
import socket
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from auth0_users import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    APITransportError,
    AsyncManagementClient,
    Auth0Error,
    BadRequestError,
    ConflictError,
    ForbiddenError,
    InvalidArgumentError,
    ManagementClient,
    NotFoundError,
    OperationUnavailableError,
    RateLimitError,
    ResponseParseError,
    SearchLimitError,
    SearchSplitError,
    ServerError,
    TokenError,
    UnauthorizedError,
)
from auth0_users.sandbox import SandboxServer
from both_modes import run
from loopback import Recorded, RecordingServer, serve_trickling

pytestmark = pytest.mark.anyio

SECRET = "client-secret-0f9e8d7c6b5a"
STATIC_TOKEN = "static-token-1a2b3c4d5e6f"
ISSUED_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJteS1hcHAifQ.c2lnbmVkLWJ5LXRoZS10ZW5hbnQ"
SECRETS = (SECRET, STATIC_TOKEN, ISSUED_TOKEN)


def echo(request: Recorded) -> dict[str, Any]:
    """What a careless proxy answers: the request it was sent, headers and body, in the message."""
    sent = f"{request.method} {request.path} {json.dumps(request.headers)} {request.body.decode()}"
    return {"statusCode": 0, "error": "Echo", "message": f"you sent: {sent}", "echo": {"headers": request.headers}}


def echoing(status: int, *, extra: str = "") -> Any:
    """An answer that issues a token at /oauth/token and echoes every API request with ``status``."""

    def answer(request: Recorded) -> tuple[int, Any]:
        if request.path == "/oauth/token":
            return 200, {"access_token": ISSUED_TOKEN, "token_type": "Bearer", "expires_in": 3600}
        body = echo(request)
        body["statusCode"], body["message"] = status, body["message"] + extra
        return status, body

    return answer


def leaked(*texts: str | bytes) -> list[str]:
    found = []
    for text in texts:
        data = text.encode() if isinstance(text, str) else text
        found += [secret for secret in SECRETS if secret.encode() in data]
    return found


def assert_round_trips(error: Auth0Error) -> None:
    """Pickled and unpickled: the same error, and not one byte of a secret in between."""
    data = pickle.dumps(error)
    assert leaked(data, str(error), repr(error)) == []
    copy = pickle.loads(data)
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert copy.attempts == error.attempts
    for name in ("status_code", "error_code", "message", "body", "method", "sent", "client_id"):
        assert getattr(copy, name, None) == getattr(error, name, None), name
    if isinstance(error, APIStatusError):
        assert dict(copy.headers) == dict(error.headers)
        assert "set-cookie" not in copy.headers
        assert copy.headers["x-ratelimit-limit"] == "50"
        assert copy.response is None  # the request (and its Authorization header) stays behind


def caught(call: Any) -> Auth0Error:
    with pytest.raises(Auth0Error) as info:
        call()
    return info.value


STATUSES = [
    (400, "", BadRequestError),
    (400, " (only the first 1000 results are served)", SearchLimitError),
    (401, "", UnauthorizedError),
    (403, "", ForbiddenError),
    (404, "", NotFoundError),
    (409, "", ConflictError),
    (429, "", RateLimitError),
    (418, "", APIStatusError),
    (503, "", ServerError),
]
HEADERS = {"X-RateLimit-Limit": "50", "Set-Cookie": f"session={STATIC_TOKEN}", "X-Echo": f"Bearer {ISSUED_TOKEN}"}


@pytest.mark.parametrize(("status", "extra", "cls"), STATUSES)
@pytest.mark.parametrize("credentials", ["token", "client credentials"])
def test_status_errors_echoing_the_request_pickle_without_a_secret(
    recording_server: RecordingServer, status: int, extra: str, cls: type[Auth0Error], credentials: str
) -> None:
    recording_server.respond_with(echoing(status, extra=extra), HEADERS)
    given = {"token": STATIC_TOKEN} if credentials == "token" else {"client_id": "my-app", "client_secret": SECRET}
    with ManagementClient(base_url=recording_server.base_url, max_retries=0, pacing=False, **given) as mgmt:
        error = caught(lambda: mgmt.users.get("auth0|abc"))
    assert type(error) is cls
    assert "you sent: GET /api/v2/users/auth0%7Cabc" in str(error)  # the echo is there, its secrets are not
    assert leaked(str(error.body), json.dumps(error.body)) == []
    assert_round_trips(error)


def test_a_token_endpoint_that_echoes_the_request_shows_no_secret(recording_server: RecordingServer) -> None:
    recording_server.respond_with(lambda request: (401, {"error": "access_denied", **echo(request)}), HEADERS)
    with ManagementClient(base_url=recording_server.base_url, client_id="my-app", client_secret=SECRET) as mgmt:
        error = caught(lambda: mgmt.users.get("auth0|abc"))
    assert type(error) is TokenError
    assert "you sent: POST /oauth/token" in str(error)
    assert "client_secret" in str(error)  # the field is named; its value is not
    assert leaked(str(error.body)) == []
    assert_round_trips(error)


def test_an_echoed_client_assertion_is_redacted(recording_server: RecordingServer) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    recording_server.respond_with(lambda request: (403, echo(request)))
    with ManagementClient(
        base_url=recording_server.base_url, client_id="my-app", client_assertion_signing_key=pem.decode()
    ) as mgmt:
        error = caught(lambda: mgmt.users.get("auth0|abc"))
    assertion = json.loads(recording_server.requests[0].body)["client_assertion"]
    assert type(error) is TokenError
    assert assertion not in str(error)
    assert assertion.encode() not in pickle.dumps(error)
    assert assertion not in json.dumps(error.body)


def test_a_token_answer_with_an_unusable_token_pickles_without_it(recording_server: RecordingServer) -> None:
    recording_server.respond(200, {"access_token": ISSUED_TOKEN, "expires_in": "soon"})
    with ManagementClient(base_url=recording_server.base_url, client_id="my-app", client_secret=SECRET) as mgmt:
        error = caught(lambda: mgmt.users.get("auth0|abc"))
    assert type(error) is TokenError
    assert_round_trips_loosely(error)


def assert_round_trips_loosely(error: Auth0Error) -> None:
    """Like ``assert_round_trips``, for errors that carry no API headers."""
    data = pickle.dumps(error)
    assert leaked(data, str(error), repr(error)) == []
    copy = pickle.loads(data)
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    for name in ("status_code", "error_code", "message", "body", "method", "sent", "attempts"):
        assert getattr(copy, name, None) == getattr(error, name, None), name


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_transport_and_local_errors_pickle_without_a_secret(recording_server: RecordingServer) -> None:
    errors: list[Auth0Error] = []
    refused = f"http://127.0.0.1:{closed_port()}/api/v2"
    with ManagementClient(base_url=refused, token=STATIC_TOKEN, max_retries=0) as mgmt:
        errors.append(caught(lambda: mgmt.users.get("auth0|abc")))
    with serve_trickling() as slow, ManagementClient(base_url=slow.base_url, token=STATIC_TOKEN, timeout=0.3) as mgmt:
        errors.append(caught(lambda: mgmt.with_options(max_retries=0).users.get("auth0|abc")))
    recording_server.respond(200, b"<html>" + ISSUED_TOKEN.encode())
    with ManagementClient(base_url=recording_server.base_url, token=STATIC_TOKEN, max_retries=0) as mgmt:
        errors.append(caught(lambda: mgmt.users.get("auth0|abc")))
    recording_server.respond(200, b"not gzip at all", {"Content-Encoding": "gzip"})
    with ManagementClient(base_url=recording_server.base_url, token=STATIC_TOKEN, max_retries=0) as mgmt:
        errors.append(caught(lambda: mgmt.users.get("auth0|abc")))
    errors.append(OperationUnavailableError("users.count needs GET /users, which this spec lacks"))
    errors.append(SearchSplitError("over 1000 matches share one created_at", matches=1200))
    assert [type(error) for error in errors] == [
        APIConnectionError,
        APITimeoutError,
        ResponseParseError,
        APITransportError,
        OperationUnavailableError,
        SearchSplitError,
    ]
    for error in errors:
        assert_round_trips_loosely(error)


def test_a_wrong_secret_hints_at_the_credentials(sandbox: SandboxServer) -> None:
    with ManagementClient(base_url=sandbox.base_url, client_id=sandbox.client_id, client_secret="wrong") as mgmt:
        error = caught(lambda: mgmt.users.get("auth0|abc"))
    assert type(error) is TokenError
    assert error.status_code == 401
    message = str(error)
    assert "Unauthorized" in message
    assert "check the client id and client secret" in message
    assert "authorized for the Auth0 Management API" in message


def test_a_client_refused_the_audience_hints_at_the_client_grant(recording_server: RecordingServer) -> None:
    audience = recording_server.origin + "/api/v2/"
    recording_server.respond(
        403,
        {
            "error": "access_denied",
            "error_description": f'Client is not authorized to access "{audience}". You need to create a '
            '"client-grant" associated to this API.',
        },
    )
    with ManagementClient(base_url=recording_server.base_url, client_id="my-app", client_secret=SECRET) as mgmt:
        error = caught(lambda: mgmt.users.get("auth0|abc"))
    assert type(error) is TokenError
    message = str(error)
    assert "Client is not authorized to access" in message
    assert "authorize the application 'my-app' for the Auth0 Management API" in message
    assert "read:users" in message


NESTED = b"[" * 100_000 + b"]" * 100_000


@pytest.fixture(params=["sync", "async"])
async def client_for(request: pytest.FixtureRequest, recording_server: RecordingServer) -> Iterator[Any]:
    options = {"base_url": recording_server.base_url, "token": STATIC_TOKEN, "max_retries": 0}
    if request.param == "sync":
        with ManagementClient(**options) as client:
            yield client
    else:
        async with AsyncManagementClient(**options) as aclient:
            yield aclient


async def test_an_error_body_nested_100000_deep_is_kept_as_text(
    client_for: Any, recording_server: RecordingServer
) -> None:
    recording_server.respond(404, NESTED)
    with pytest.raises(NotFoundError) as info:
        await run(client_for.users.get("auth0|abc"))
    assert info.value.body == NESTED.decode()
    assert "nested too deeply" in str(info.value)
    assert len(str(info.value)) < 1000


@pytest.mark.parametrize("decoder", ["orjson", "json"])
def test_a_success_nested_100000_deep_is_an_unreadable_body(recording_server: RecordingServer, decoder: str) -> None:
    """Whichever decoder reads it: orjson (the ``fast`` extra) stops at a depth, the standard library recurses."""
    recording_server.respond(200, NESTED)
    code = (
        ("import sys; sys.modules['orjson'] = None\n" if decoder == "json" else "")
        + "from auth0_users import ManagementClient, ResponseParseError\n"
        + f"mgmt = ManagementClient(base_url={recording_server.base_url!r}, token='t', max_retries=0)\n"
        + "try:\n    mgmt.users.get('auth0|abc')\nexcept ResponseParseError as error:\n    print(error)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "→ 200 (application/json), unreadable body: " in done.stdout


def test_a_token_answer_nested_100000_deep_is_a_token_error(recording_server: RecordingServer) -> None:
    recording_server.respond(200, NESTED)
    with ManagementClient(base_url=recording_server.base_url, client_id="my-app", client_secret=SECRET) as mgmt:
        error = caught(lambda: mgmt.users.get("auth0|abc"))
    assert type(error) is TokenError
    assert "nested too deeply" in str(error)


async def test_a_five_megabyte_message_is_cut_short_in_the_text(
    client_for: Any, recording_server: RecordingServer
) -> None:
    message = "m" * 5_000_000
    recording_server.respond(400, {"statusCode": 400, "error": "Bad Request", "message": message})
    with pytest.raises(BadRequestError) as info:
        await run(client_for.users.get("auth0|abc"))
    error = info.value
    assert len(str(error)) < 2000
    assert "5,000,000 characters" in str(error)
    assert error.body["message"] == message  # the whole answer stays reachable
    assert len(error.message) < 2000


async def test_an_id_too_long_for_a_url_is_refused_before_sending(
    client_for: Any, recording_server: RecordingServer
) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        await run(client_for.users.get("x" * 70_000))
    assert isinstance(info.value, ValueError)
    message = str(info.value)
    assert message.startswith("users.get: id is 70,000 characters")
    assert len(message) < 500
    with pytest.raises(InvalidArgumentError, match="q is 70,00"):
        client_for.users.list(q="x" * 70_000)
    assert recording_server.requests == []


def test_a_short_credential_leaves_the_message_readable(recording_server: RecordingServer) -> None:
    recording_server.respond(404, {"statusCode": 404, "error": "Not Found", "message": "The user does not exist."})
    with ManagementClient(base_url=recording_server.base_url, token="t", max_retries=0) as mgmt:
        error = caught(lambda: mgmt.users.get("auth0|abc"))
    assert error.message == "The user does not exist."
    assert str(error).endswith("→ 404: The user does not exist.")
