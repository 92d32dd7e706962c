"""Where a client sends its token and secret: every address is checked before anything is sent.

Hostile and legitimate values of ``domain``, ``base_url`` and ``token_url`` as tables. Each
legitimate one is used for a real client-credentials call through a loopback intercepting proxy,
which tells the host each request was headed for; each hostile one must be refused with a clear
error and leave the proxy without a single connection. Redirects are tested against two loopback
servers: the second must never hear from the client.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from auth0_users import (
    APIStatusError,
    AsyncManagementClient,
    Auth0Error,
    InvalidAddressError,
    ManagementClient,
    TokenError,
)
from auth0_users._address import is_loopback, plain_http_allowed
from auth0_users.sandbox import SandboxServer
from intercepting_proxy import ISSUED_TOKEN, Intercepted, InterceptingProxy, intercepting_proxy
from loopback import RecordingServer, serve_recording

SECRET = "client-secret-5e6f7a8b9c"
PASSWORD = "hunter2"

# domain as given → the origin every request must reach
LEGITIMATE_DOMAINS = [
    ("tenant.eu.auth0.com", "https://tenant.eu.auth0.com"),
    ("TENANT.EU.Auth0.COM", "https://tenant.eu.auth0.com"),
    ("tenant.eu.auth0.com.", "https://tenant.eu.auth0.com"),  # the root's trailing dot
    (" tenant.eu.auth0.com\n", "https://tenant.eu.auth0.com"),  # as an environment variable may carry it
    ("https://tenant.eu.auth0.com", "https://tenant.eu.auth0.com"),
    ("https://tenant.eu.auth0.com/", "https://tenant.eu.auth0.com"),
    ("login.example.com", "https://login.example.com"),  # a custom domain
    ("tenant.eu.auth0.com:8443", "https://tenant.eu.auth0.com:8443"),
    ("tenant.eu.auth0.com:443", "https://tenant.eu.auth0.com"),  # so the audience is Auth0's
    ("bücher.example", "https://xn--bcher-kva.example"),  # IDNA
    ("BÜCHER.Example", "https://xn--bcher-kva.example"),
    ("xn--bcher-kva.example", "https://xn--bcher-kva.example"),
    ("faß.example", "https://xn--fa-hia.example"),  # IDNA 2008, as browsers: not 'fass'
    ("127.0.0.1:8443", "https://127.0.0.1:8443"),
    ("[::1]", "https://[::1]"),
    ("[0:0:0:0:0:0:0:1]:8443", "https://[::1]:8443"),
    ("localhost:8443", "https://localhost:8443"),
]

# domain as given → what the error must name
HOSTILE_DOMAINS = [
    ("tenant.auth0.com@evil.example", "'@'"),
    (f"user:{PASSWORD}@tenant.auth0.com", "'@'"),
    ("evil.example#tenant.auth0.com", "fragment"),
    ("evil.example?tenant.auth0.com", "query"),
    ("evil.example/tenant.auth0.com", "path"),
    ("tenant.auth0.com/api/v2", "path"),
    ("evil.example\\tenant.auth0.com", "backslash"),
    ("evil.example%2ftenant.auth0.com", "percent-encoding"),
    ("tenant.auth0.com%40evil.example", "percent-encoding"),
    ("tenant%2eauth0.com", "percent-encoding"),
    ("[fe80::1%25eth0]", "percent-encoding"),
    ("tenant .auth0.com", "whitespace"),
    ("tenant.auth0.com\r\nHost: evil.example", "whitespace"),
    ("tenant.auth0.com\x00.evil.example", "control character"),
    ("tenant..auth0.com", "empty label"),
    (".tenant.auth0.com", "empty label"),
    ("tenant.auth0.com..", "empty label"),
    ("", "empty"),
    ("   ", "empty"),
    ("http://tenant.auth0.com", "always reached over https://"),
    ("ftp://tenant.auth0.com", "path"),
    (":443", "no host name"),
    ("tenant.auth0.com:", "port"),
    ("tenant.auth0.com:0", "port"),
    ("tenant.auth0.com:65536", "port"),
    ("tenant.auth0.com:+443", "port"),
    ("tenant.auth0.com:\uff14\uff14\uff13", "port"),  # full-width digits
    ("tenant.auth0.com:443:1", "more than one ':'"),
    ("::1", "more than one ':'"),
    ("[::1", "does not close"),
    ("[evil.example]", "IPv6"),
    ("[::1]evil.example", "after ']'"),
    ("-tenant.auth0.com", "label"),
    ("tenant-.auth0.com", "label"),
    ("a" * 64 + ".auth0.com", "label"),
    ("tenant\uff0eauth0.com", "label"),  # a full-width dot is not a dot
    ("tenant\u3002evil.example", "label"),  # nor is an ideographic one
    ("\u2603.example", "international name"),
    (".".join(["a" * 63] * 4), "longer than 253"),
    ("2130706433", "IPv4"),  # what resolvers read as 127.0.0.1
    ("127.1", "IPv4"),
    ("0x7f.0.0.1", "IPv4"),
    ("127.0.0.01", "IPv4"),
    ("evil.example.0x7f", "IPv4"),
]

# base_url as given, allow_insecure_http → the base URL every request must reach
LEGITIMATE_BASE_URLS = [
    ("https://tenant.eu.auth0.com/api/v2", False, "https://tenant.eu.auth0.com/api/v2"),
    ("https://tenant.eu.auth0.com/api/v2/", False, "https://tenant.eu.auth0.com/api/v2"),
    ("HTTPS://Tenant.EU.Auth0.com/api/v2", False, "https://tenant.eu.auth0.com/api/v2"),
    ("https://login.example.com:8443/auth0/api/v2", False, "https://login.example.com:8443/auth0/api/v2"),
    ("https://bücher.example/api/v2", False, "https://xn--bcher-kva.example/api/v2"),
    ("http://127.0.0.1:8090/api/v2", False, "http://127.0.0.1:8090/api/v2"),
    ("http://127.8.9.10:8090/api/v2", False, "http://127.8.9.10:8090/api/v2"),
    ("http://localhost:8090/api/v2", False, "http://localhost:8090/api/v2"),
    ("http://localhost:80/api/v2", False, "http://localhost/api/v2"),
    ("http://LOCALHOST.:8090/api/v2", False, "http://localhost:8090/api/v2"),
    ("http://[::1]:8090/api/v2", False, "http://[::1]:8090/api/v2"),
    ("http://tenant.example.com/api/v2", True, "http://tenant.example.com/api/v2"),  # opted in
    ("http://auth0_proxy:8080/api/v2", True, "http://auth0_proxy:8080/api/v2"),  # a container's name
]

# base_url as given → what the error must name
HOSTILE_BASE_URLS = [
    ("https://tenant.auth0.com@evil.example/api/v2", "'@'"),
    (f"https://user:{PASSWORD}@tenant.auth0.com/api/v2", "'@'"),
    ("https://evil.example/@tenant.auth0.com/api/v2", "'@'"),
    ("https://evil.example#tenant.auth0.com/api/v2", "fragment"),
    ("https://evil.example?tenant.auth0.com/api/v2", "query"),
    (f"https://tenant.auth0.com/api/v2?client_secret={PASSWORD}", "query"),
    (f"https://tenant.auth0.com/api/v2#access_token={PASSWORD}", "fragment"),
    ("https://evil.example\\.tenant.auth0.com/api/v2", "backslash"),
    ("https://evil.example%2f.tenant.auth0.com/api/v2", "percent-encoding"),
    ("https://tenant.auth0.com%2eevil.example/api/v2", "percent-encoding"),
    ("https://tenant.auth0.com /api/v2", "whitespace"),
    ("https://tenant.auth0.com/api\t/v2", "whitespace"),
    ("https://tenant..auth0.com/api/v2", "empty label"),
    ("http://tenant.example.com/api/v2", "plain HTTP"),
    ("http://127.0.0.1.evil.example/api/v2", "plain HTTP"),
    ("http://localhost.evil.example/api/v2", "plain HTTP"),
    ("http://10.0.0.8:8090/api/v2", "plain HTTP"),
    ("http://2130706433/api/v2", "IPv4"),
    ("http://127.1/api/v2", "IPv4"),
    ("http://0x7f000001/api/v2", "IPv4"),
    ("ftp://tenant.auth0.com/api/v2", "must start with 'https://'"),
    ("tenant.auth0.com/api/v2", "must start with 'https://'"),
    ("//tenant.auth0.com/api/v2", "must start with 'https://'"),
    ("https:///api/v2", "no host name"),
    ("https://[::1/api/v2", "does not close"),
    ("https://tenant.auth0.com:99999/api/v2", "port"),
    ("", "empty"),
]

HOSTILE_TOKEN_URLS = [
    ("https://login.example.com@evil.example/oauth/token", "'@'"),
    ("https://login.example.com/oauth/token?audience=evil", "query"),
    ("http://login.example.com/oauth/token", "plain HTTP"),
    ("login.example.com/oauth/token", "must start with 'https://'"),
]

# The names the proxy's certificate covers: every host reached over https.
NAMES = {
    urlsplit(url).hostname or ""
    for url in [origin for _, origin in LEGITIMATE_DOMAINS] + [expected for *_, expected in LEGITIMATE_BASE_URLS]
    if url.startswith("https://")
}


@pytest.fixture(scope="module")
def shared_proxy() -> Iterator[InterceptingProxy]:
    with intercepting_proxy(*sorted(NAMES)) as proxy:
        yield proxy


@pytest.fixture
def proxy(shared_proxy: InterceptingProxy) -> InterceptingProxy:
    shared_proxy.targets.clear()
    shared_proxy.requests.clear()
    return shared_proxy


def reached(request: Intercepted) -> str:
    """The origin a request was headed for, where the connection, the TLS name and ``Host`` agree."""
    host_header = request.headers["Host"]
    expected = urlsplit(f"{request.scheme}://{host_header}")
    hostname = expected.hostname or ""
    default_port = 443 if request.scheme == "https" else 80
    assert request.target == f"{hostname}:{expected.port or default_port}"
    named = request.scheme == "https" and not hostname.replace(".", "").isdigit() and ":" not in hostname
    assert request.server_name == (hostname if named else None)
    return f"{request.scheme}://{host_header}"


def get_user(mode: str, http_options: dict[str, Any], **client_options: Any) -> Any:
    """``users.get`` once, sync or async, through an httpx client made with ``http_options``."""
    if mode == "sync":
        with httpx.Client(**http_options) as http, ManagementClient(http_client=http, **client_options) as mgmt:
            return mgmt.users.get("auth0|abc")

    async def call() -> Any:
        async with (
            httpx.AsyncClient(**http_options) as http,
            AsyncManagementClient(http_client=http, **client_options) as amgmt,
        ):
            return await amgmt.users.get("auth0|abc")

    return asyncio.run(call())


def fetch_user(proxy: InterceptingProxy, **client_options: Any) -> list[Intercepted]:
    """One call through the proxy, which must work; the requests it made."""
    assert get_user("sync", proxy.http_options, max_retries=0, **client_options).email == "ada@example.com"
    return list(proxy.requests)


def refusal(proxy: InterceptingProxy, mode: str, **client_options: Any) -> InvalidAddressError:
    """The error a client raises for these options; were they accepted, its call would reach the proxy."""
    try:
        get_user(mode, proxy.http_options, max_retries=0, **client_options)
    except InvalidAddressError as error:
        assert proxy.targets == []
        return error
    except Auth0Error:
        pass  # sent, and failed further on
    pytest.fail(f"accepted, and the proxy saw {proxy.targets}")


@pytest.mark.parametrize(("domain", "origin"), LEGITIMATE_DOMAINS)
def test_a_legitimate_domain_reaches_its_host_with_the_token_request_on_the_same_origin(
    proxy: InterceptingProxy, domain: str, origin: str
) -> None:
    token_request, call = fetch_user(proxy, domain=domain, client_id="app", client_secret=SECRET)
    assert (token_request.method, reached(token_request) + token_request.path) == ("POST", origin + "/oauth/token")
    assert SECRET.encode() in token_request.body
    assert token_request.json()["audience"] == origin + "/api/v2/"
    assert reached(call) + call.path == origin + "/api/v2/users/auth0%7Cabc"
    assert call.headers["Authorization"] == f"Bearer {ISSUED_TOKEN}"
    assert SECRET.encode() not in call.body


@pytest.mark.parametrize(("base_url", "allow_insecure_http", "expected"), LEGITIMATE_BASE_URLS)
def test_a_legitimate_base_url_reaches_its_host(
    proxy: InterceptingProxy, base_url: str, allow_insecure_http: bool, expected: str
) -> None:
    requests = fetch_user(
        proxy, base_url=base_url, client_id="app", client_secret=SECRET, allow_insecure_http=allow_insecure_http
    )
    origin = expected.removesuffix(urlsplit(expected).path)
    assert [(r.method, reached(r) + r.path) for r in requests] == [
        ("POST", origin + "/oauth/token"),
        ("GET", expected + "/users/auth0%7Cabc"),
    ]


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(("domain", "named"), HOSTILE_DOMAINS)
def test_a_hostile_domain_is_refused_before_anything_is_sent(
    proxy: InterceptingProxy, mode: str, domain: str, named: str
) -> None:
    error = refusal(proxy, mode, domain=domain, client_id="app", client_secret=SECRET)
    message = str(error)
    assert named in message
    assert "TENANT.REGION.auth0.com" in message or "base_url=" in message
    assert PASSWORD not in message
    assert SECRET not in message


@pytest.mark.parametrize(("base_url", "named"), HOSTILE_BASE_URLS)
def test_a_hostile_base_url_is_refused_before_anything_is_sent(
    proxy: InterceptingProxy, base_url: str, named: str
) -> None:
    error = refusal(proxy, "sync", base_url=base_url, client_id="app", client_secret=SECRET)
    message = str(error)
    assert named in message
    assert "https://" in message
    assert PASSWORD not in message


def test_a_named_token_url_gets_the_token_request_and_only_it(proxy: InterceptingProxy) -> None:
    token_request, call = fetch_user(
        proxy,
        domain="tenant.eu.auth0.com",
        token_url="https://login.example.com/oauth/token",
        client_id="app",
        client_secret=SECRET,
    )
    assert reached(token_request) + token_request.path == "https://login.example.com/oauth/token"
    assert token_request.json()["audience"] == "https://tenant.eu.auth0.com/api/v2/"
    assert reached(call) == "https://tenant.eu.auth0.com"
    assert SECRET.encode() not in call.body


@pytest.mark.parametrize(("token_url", "named"), HOSTILE_TOKEN_URLS)
def test_a_hostile_token_url_is_refused_before_anything_is_sent(
    proxy: InterceptingProxy, token_url: str, named: str
) -> None:
    error = refusal(
        proxy, "sync", domain="tenant.eu.auth0.com", token_url=token_url, client_id="app", client_secret=SECRET
    )
    assert named in str(error)
    assert "token_url" in str(error)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.255.255.254", True),
        ("[::1]", True),
        ("localhost", True),
        ("127.0.0.1.evil.example", False),
        ("localhost.evil.example", False),
        ("[::2]", False),
        ("0.0.0.0", False),
        ("10.0.0.1", False),
        ("tenant.eu.auth0.com", False),
    ],
)
def test_plain_http_goes_only_to_loopback_unless_the_caller_opts_in(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback
    assert plain_http_allowed(host, allow_insecure_http=False) is loopback
    assert plain_http_allowed(host, allow_insecure_http=True) is True


def test_the_opt_in_warns_once_and_holds_for_copies(proxy: InterceptingProxy, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="auth0_users"), httpx.Client(**proxy.http_options) as http:
        mgmt = ManagementClient(
            base_url="http://tenant.example.com/api/v2", token="t", allow_insecure_http=True, http_client=http
        )
        mgmt.users.get("auth0|abc")
        mgmt.with_options(timeout=5).users.get("auth0|abc")
        mgmt.users.get("auth0|abc")
    assert [reached(r) for r in proxy.requests] == ["http://tenant.example.com"] * 3
    warnings = [record for record in caplog.records if record.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "tenant.example.com" in warnings[0].getMessage()
    assert "plain HTTP" in warnings[0].getMessage()


@pytest.mark.parametrize(
    "base_url", ["https://tenant.example.com/api/v2", "http://127.0.0.1:8090/api/v2", "http://[::1]:8090/api/v2"]
)
def test_the_opt_in_is_silent_where_nothing_goes_in_the_clear(base_url: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="auth0_users"):
        ManagementClient(base_url=base_url, token="t", allow_insecure_http=True)
    assert caplog.records == []


@pytest.mark.parametrize(
    ("kwargs", "named"),
    [
        ({"token": "t"}, "pass domain="),
        ({"domain": "tenant.eu.auth0.com", "base_url": "https://tenant.eu.auth0.com/api/v2", "token": "t"}, "not both"),
        ({"domain": 42, "token": "t"}, "domain must be a string"),
        ({"base_url": b"https://tenant.eu.auth0.com/api/v2", "token": "t"}, "base_url must be a string"),
        ({"domain": "tenant.eu.auth0.com", "token": "t", "allow_insecure_http": "no"}, "True or False"),
        ({"domain": "tenant.eu.auth0.com", "token": "t", "token_url": "https://login.example.com/token"}, "token_url"),
    ],
)
def test_arguments_that_leave_the_address_unclear_are_type_errors(kwargs: dict[str, Any], named: str) -> None:
    with pytest.raises(TypeError, match=named):
        ManagementClient(**kwargs)


@pytest.mark.parametrize(
    "base_url", ["{base_url}", "{base_url}/", "HTTP://{host}:{port}/api/v2", "http://127.0.0.1:{port}/api/v2//"]
)
def test_the_sandbox_answers_at_every_spelling_of_its_loopback_address(sandbox: SandboxServer, base_url: str) -> None:
    port = urlsplit(sandbox.base_url).port
    address = base_url.format(base_url=sandbox.base_url, host="127.0.0.1", port=port)
    user_id = str(sandbox.seed(1)[0]["user_id"])
    with ManagementClient(base_url=address, client_id=sandbox.client_id, client_secret=sandbox.client_secret) as mgmt:
        assert mgmt.base_url == sandbox.base_url
        assert mgmt.users.get(user_id).user_id == user_id
    assert sandbox.token_requests == 1


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize(
    ("redirected", "credentials", "error"),
    [
        ("/api/v2/users/auth0%7Cabc", {"token": "static-token-1a2b3c"}, APIStatusError),
        ("/oauth/token", {"client_id": "app", "client_secret": SECRET}, TokenError),
    ],
    ids=["api", "token-endpoint"],
)
def test_a_redirect_takes_no_token_or_secret_elsewhere(
    recording_server: RecordingServer,
    mode: str,
    status: int,
    redirected: str,
    credentials: dict[str, str],
    error: type[APIStatusError],
) -> None:
    with serve_recording() as elsewhere:
        recording_server.respond(status, None, {"Location": elsewhere.origin + redirected})
        with pytest.raises(error) as caught:
            # The caller's httpx client follows redirects; the client's requests must not.
            get_user(mode, {"follow_redirects": True}, base_url=recording_server.base_url, max_retries=0, **credentials)
    assert caught.value.status_code == status
    assert [request.path for request in recording_server.requests] == [redirected]
    assert elsewhere.requests == []
