"""What the facade puts on the wire, and what it raises, against a loopback recording server."""

from __future__ import annotations

import base64
import contextlib
import functools
import json
import pickle
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
from auth0_users import (
    Auth0Error,
    ManagementClient,
    NotFoundError,
    RateLimitState,
    ResponseParseError,
    ServerError,
    TokenError,
    UnauthorizedError,
)
from auth0_users_facade.aliases import UsersGetResult  # the model the pinned spec gives
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from loopback import Recorded, RecordingServer
from spec_pin import requires_operation

USER = {"user_id": "auth0|abc", "email": "ada@example.com", "created_at": "2024-03-01T10:00:00Z"}


@pytest.fixture
def mgmt(recording_server: RecordingServer) -> ManagementClient:
    with ManagementClient(base_url=recording_server.base_url, token="secret-token-123", max_retries=0) as client:
        yield client


def test_get_returns_the_model_and_sends_the_token(mgmt: ManagementClient, recording_server: RecordingServer) -> None:
    recording_server.respond(200, USER)
    user = mgmt.users.get("auth0|abc", fields="email")
    assert isinstance(user, UsersGetResult)
    assert user.email == "ada@example.com"
    request = recording_server.requests[0]
    assert request.path == "/api/v2/users/auth0%7Cabc?fields=email"
    assert request.headers["Authorization"] == "Bearer secret-token-123"


def test_update_sends_exactly_what_was_set_and_none_as_null(
    mgmt: ManagementClient, recording_server: RecordingServer
) -> None:
    recording_server.respond(200, USER)
    mgmt.users.update("auth0|abc", user_metadata={"plan": "premium", "address": {"city": "Paris"}}, name=None)
    request = recording_server.requests[0]
    assert request.method == "PATCH"
    assert request.json() == {"user_metadata": {"plan": "premium", "address": {"city": "Paris"}}, "name": None}


def test_none_where_the_api_takes_no_null_is_refused_before_sending(
    mgmt: ManagementClient, recording_server: RecordingServer
) -> None:
    with pytest.raises(TypeError, match="blocked cannot be null"):
        mgmt.users.update("auth0|abc", blocked=None)  # type: ignore[arg-type]
    assert recording_server.requests == []


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda m: m.users.get(""), ValueError, "id must not be empty"),
        (lambda m: m.users.get(123), TypeError, "id must be a string"),
        (lambda m: m.users.get("auth0|1", colour="red"), TypeError, "colour"),
        (lambda m: m.users.list(per_page=101), ValueError, "per_page must be at least 0 and at most 100, got 101"),
        (lambda m: m.users.roles.assign("auth0|1", roles="rol_1"), TypeError, "roles takes a list, got the string"),
        (lambda m: m.users.list(page=-1), ValueError, "page must be at least 0, got -1"),
        (lambda m: m.users.list(per_page="10"), TypeError, "per_page must be an integer"),
    ],
)
def test_bad_input_raises_naming_the_argument_and_sends_nothing(
    mgmt: ManagementClient, recording_server: RecordingServer, call, error, message
) -> None:
    with pytest.raises(error, match=message):
        call(mgmt)
    assert recording_server.requests == []


def test_errors_are_typed_and_carry_auth0_details(mgmt: ManagementClient, recording_server: RecordingServer) -> None:
    message = "The user does not exist."
    body = {"statusCode": 404, "error": "Not Found", "message": message, "errorCode": "inexistent_user"}
    recording_server.respond(404, body)
    with pytest.raises(NotFoundError) as caught:
        mgmt.users.get("auth0|missing")
    error = caught.value
    assert error.status_code == 404
    assert error.error_code == "inexistent_user"
    assert error.message == "The user does not exist."
    assert error.body["statusCode"] == 404
    assert "GET /api/v2/users/auth0|missing → 404 [inexistent_user]" in str(error)


@requires_operation("users.roles.assign")
def test_undocumented_statuses_raise_too(mgmt: ManagementClient, recording_server: RecordingServer) -> None:
    recording_server.respond(520, None)
    with pytest.raises(ServerError) as caught:
        mgmt.users.roles.assign("auth0|abc", roles=["rol_1"])
    assert caught.value.status_code == 520
    recording_server.respond(401, {"statusCode": 401, "error": "Unauthorized", "message": "Invalid token"})
    with pytest.raises(UnauthorizedError, match="Invalid token"):
        mgmt.users.delete("auth0|abc")


def test_empty_success_body_where_json_is_due_is_a_typed_error(
    mgmt: ManagementClient, recording_server: RecordingServer
) -> None:
    recording_server.respond(200, None)
    with pytest.raises(ResponseParseError, match="empty body"):
        mgmt.users.get("auth0|abc")


def test_no_content_operations_return_none(mgmt: ManagementClient, recording_server: RecordingServer) -> None:
    recording_server.respond(204, None)
    assert mgmt.users.delete("auth0|abc") is None


def test_telemetry_header_names_the_package_and_can_be_switched_off(recording_server: RecordingServer) -> None:
    recording_server.respond(200, USER)
    with ManagementClient(base_url=recording_server.base_url, token="t") as on:
        on.users.get("auth0|abc")
    with ManagementClient(base_url=recording_server.base_url, token="t", telemetry=False) as off:
        off.users.get("auth0|abc")
    sent, quiet = recording_server.requests
    telemetry = json.loads(base64.urlsafe_b64decode(sent.headers["Auth0-Client"]))
    assert telemetry["name"] == "auth0-users"
    assert "Auth0-Client" not in quiet.headers


def test_the_same_headers_go_out_whether_the_http_client_is_made_here_or_passed_in(
    recording_server: RecordingServer,
) -> None:
    """The HTTP client made here carries the client's headers; a copy's own headers still win."""
    recording_server.respond(200, USER)
    with (
        httpx.Client() as http,
        ManagementClient(base_url=recording_server.base_url, token="t", headers={"X-App": "a"}) as made,
        ManagementClient(
            base_url=recording_server.base_url, token="t", headers={"X-App": "a"}, http_client=http
        ) as given,
    ):
        made.users.get("auth0|abc")
        given.users.get("auth0|abc")
        made.with_options(headers={"User-Agent": "mine/1", "X-App": "b"}).users.get("auth0|abc")
        made.users.get("auth0|abc")
    first, second, copied, again = ({k.lower(): v for k, v in r.headers.items()} for r in recording_server.requests)
    assert first == second == again
    assert first["user-agent"].startswith("auth0-users/")
    assert (first["x-app"], first["authorization"]) == ("a", "Bearer t")
    assert "auth0-client" in first
    assert (copied["user-agent"], copied["x-app"], copied["auth0-client"]) == ("mine/1", "b", first["auth0-client"])


def test_users_by_email_asks_again_in_lower_case_only_when_needed(
    mgmt: ManagementClient, recording_server: RecordingServer
) -> None:
    recording_server.respond(200, [])
    assert mgmt.users.list_users_by_email(email="Ada@Example.com") == []
    assert mgmt.users.list_users_by_email(email="Ada@Example.com", lowercase_fallback=False) == []
    assert mgmt.users.list_users_by_email(email="ada@example.com") == []
    assert [r.path.split("=", 1)[1] for r in recording_server.requests] == [
        "Ada%40Example.com",
        "ada%40example.com",
        "Ada%40Example.com",
        "ada%40example.com",
    ]


def test_with_raw_response_and_with_options(mgmt: ManagementClient, recording_server: RecordingServer) -> None:
    recording_server.respond(200, USER)
    raw = mgmt.with_options(headers={"X-Trace": "1"}).users.with_raw_response.get("auth0|abc")
    assert raw.status_code == 200
    assert raw.parsed.user_id == "auth0|abc"
    assert recording_server.requests[0].headers["X-Trace"] == "1"


def test_path_parameters_cannot_escape_their_segment(mgmt: ManagementClient, recording_server: RecordingServer) -> None:
    recording_server.respond(200, USER)
    mgmt.users.get("../clients")
    mgmt.users.get("a/b?c#d")
    assert [r.path for r in recording_server.requests] == ["/api/v2/users/..%2Fclients", "/api/v2/users/a%2Fb%3Fc%23d"]


def test_secrets_stay_out_of_repr(mgmt: ManagementClient) -> None:
    assert "secret-token-123" not in repr(mgmt)


@requires_operation("users.roles.list")
@pytest.mark.parametrize("bad", [".", ".."])
def test_dot_segments_are_refused(mgmt: ManagementClient, recording_server: RecordingServer, bad: str) -> None:
    with pytest.raises(ValueError, match="cannot be"):
        mgmt.users.roles.list(bad)
    assert recording_server.requests == []


@requires_operation("users.roles.list")
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(user_id=st.text(min_size=1).filter(lambda s: s.strip() and s not in (".", "..")))
def test_any_id_stays_in_its_path_segment(
    mgmt: ManagementClient, recording_server: RecordingServer, user_id: str
) -> None:
    recording_server.requests.clear()
    recording_server.respond(200, [])
    with contextlib.suppress(Auth0Error):
        list(mgmt.users.roles.list(user_id, include_totals=False))
    (request,) = recording_server.requests
    path = request.path.split("?", 1)[0]
    assert path.startswith("/api/v2/users/")
    assert path.endswith("/roles")
    assert unquote(path.removeprefix("/api/v2/users/").removesuffix("/roles")) == user_id


def test_with_options_copies_call_the_copy_and_share_connections(
    mgmt: ManagementClient, recording_server: RecordingServer
) -> None:
    recording_server.respond(200, USER)
    assert mgmt.users is mgmt.users
    mgmt.users.get("auth0|abc")
    copy = mgmt.with_options(headers={"X-Copy": "yes"})
    copy.users.get("auth0|abc")
    mgmt.users.get("auth0|abc")
    assert [r.headers.get("X-Copy") for r in recording_server.requests] == [None, "yes", None]
    assert copy._http.get() is mgmt._http.get()


class TeamClient(ManagementClient):
    """A client that caches a resource of its own, as an application may add one."""

    @functools.cached_property
    def staff(self) -> Any:
        return self.users


def test_resources_of_a_with_options_copy_use_the_copy_s_options(recording_server: RecordingServer) -> None:
    recording_server.respond(503, {"statusCode": 503, "error": "Service Unavailable", "message": "down"})
    with TeamClient(base_url=recording_server.base_url, token="secret-token-123", max_retries=0) as mgmt:
        cached_users, cached_staff = mgmt.users, mgmt.staff  # cached before the copy is made
        copy = mgmt.with_options(max_retries=1, headers={"X-Copy": "yes"})
        attempts = []
        for resource in (copy.users, copy.staff, cached_users, cached_staff):
            with pytest.raises(ServerError):
                resource.get("auth0|abc")
            attempts.append([r.headers.get("X-Copy") for r in recording_server.requests])
            recording_server.requests.clear()
        assert copy.staff is not cached_staff
        assert mgmt.users is cached_users
        assert mgmt.staff is cached_staff
    # The copy's resources retry once and send its header; the original's send once, without it.
    assert attempts == [["yes", "yes"], ["yes", "yes"], [None], [None]]


def test_private_key_jwt_client_assertion(recording_server: RecordingServer) -> None:
    import jwt
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    recording_server.respond(200, {**USER, "access_token": "issued", "token_type": "Bearer", "expires_in": 3600})
    with ManagementClient(
        base_url=recording_server.base_url, client_id="my-app", client_assertion_signing_key=pem.decode()
    ) as mgmt:
        mgmt.users.get("auth0|abc")
        assert "BEGIN PRIVATE KEY" not in repr(mgmt)
    token_request, call = recording_server.requests
    assert token_request.path == "/oauth/token"
    body = token_request.json()
    assert body["client_assertion_type"] == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
    assert "client_secret" not in body
    origin = recording_server.base_url.removesuffix("/api/v2")
    claims = jwt.decode(body["client_assertion"], key.public_key(), algorithms=["RS256"], audience=origin + "/")
    assert claims["iss"] == claims["sub"] == "my-app"
    assert body["audience"] == origin + "/api/v2/"
    assert call.headers["Authorization"] == "Bearer issued"


def test_a_token_answer_without_a_usable_lifetime_names_no_token(recording_server: RecordingServer) -> None:
    recording_server.respond(200, {"access_token": "eyJ-the-issued-token", "expires_in": "soon"})
    mgmt = ManagementClient(base_url=recording_server.base_url, client_id="my-app", client_secret="s3cr3t-value")
    with mgmt, pytest.raises(TokenError, match="expires_in") as caught:
        mgmt.users.get("auth0|abc")
    assert "eyJ-the-issued-token" not in str(caught.value)
    assert caught.value.body is None


def test_an_undocumented_success_status_is_not_silently_none(
    mgmt: ManagementClient, recording_server: RecordingServer
) -> None:
    recording_server.respond(200, USER)  # POST /users documents 201
    with pytest.raises(ResponseParseError, match="status 200 is not one the spec documents"):
        mgmt.users.create(connection="db", email="ada@example.com")


def test_closing_a_copy_leaves_the_original_working(mgmt: ManagementClient, recording_server: RecordingServer) -> None:
    recording_server.respond(200, USER)
    with mgmt.with_options(timeout=5) as short:
        short.users.get("auth0|abc")
    assert mgmt.users.get("auth0|abc").user_id == "auth0|abc"


@requires_operation("users.sessions.list")
def test_a_repeated_checkpoint_cursor_ends_with_an_error(
    mgmt: ManagementClient, recording_server: RecordingServer
) -> None:
    recording_server.respond(200, {"sessions": [{"id": "ses_1"}], "next": "same"})
    with pytest.raises(ResponseParseError, match="cursor"):
        list(mgmt.users.sessions.list("auth0|abc"))
    assert len(recording_server.requests) == 2


def test_unreadable_rate_limit_headers_read_as_unknown() -> None:
    headers = {"x-ratelimit-limit": "inf", "x-ratelimit-remaining": "nan", "x-ratelimit-reset": "1700000007"}
    state = RateLimitState.from_headers(headers, now=1_700_000_000.0)
    assert state == RateLimitState(None, None, 1_700_000_007.0)


def test_errors_survive_pickling(mgmt: ManagementClient, recording_server: RecordingServer) -> None:
    recording_server.respond(404, {"statusCode": 404, "error": "Not Found", "message": "gone", "errorCode": "x"})
    with pytest.raises(NotFoundError) as caught:
        mgmt.users.get("auth0|abc")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert type(copy) is NotFoundError
    assert (copy.status_code, copy.error_code, str(copy)) == (404, "x", str(caught.value))


def test_a_401_whose_refresh_brings_the_same_token_stays_a_401(recording_server: RecordingServer) -> None:
    """The repeat goes out with that token, and its 401 is the answer: never the token endpoint's."""

    def answer(request: Recorded) -> tuple[int, Any]:
        if request.path == "/oauth/token":
            return 200, {"access_token": "the-only-token", "token_type": "Bearer", "expires_in": 3600}
        return 401, {"statusCode": 401, "error": "Unauthorized", "message": "Invalid token"}

    recording_server.respond_with(answer)
    mgmt = ManagementClient(base_url=recording_server.base_url, client_id="my-app", client_secret="s3cr3t-value")
    with mgmt, pytest.raises(UnauthorizedError, match="Invalid token"):
        mgmt.users.get("auth0|abc")
    assert [request.path for request in recording_server.requests] == ["/oauth/token", "/api/v2/users/auth0%7Cabc"] * 2
