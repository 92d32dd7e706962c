"""A client's configuration: addresses and credentials checked once, per-call options, headers."""

from __future__ import annotations

import base64
import json
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, NamedTuple

import httpx

from .._address import client_addresses
from .._version import __version__
from .auth import BearerToken, ClientCredentials
from .connections import Connections, H

if TYPE_CHECKING:
    from ..pacing import Pacer, RateLimits
    from ..token_cache import TokenCache

DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=5.0)
_PYTHON = "{}.{}.{}".format(*sys.version_info[:3])


class _NotGiven:
    """Marks an option the caller did not pass, as opposed to one passed as ``None``."""

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Any = _NotGiven()


class Shared(NamedTuple, Generic[H]):
    """What a client shares with its ``with_options`` copies: where it sends, its auth, its connections."""

    base_url: str
    auth: httpx.Auth
    connections: Connections[H]


def connect(
    factory: Callable[..., H],
    headers: Mapping[str, str],
    *,
    domain: str | None,
    base_url: str | None,
    token: str | None,
    client_id: str | None,
    client_secret: str | None,
    client_assertion_signing_key: str | None,
    audience: str | None,
    token_url: str | None,
    allow_insecure_http: bool,
    http_client: H | None,
    token_cache: TokenCache | None,
    pacing: bool | RateLimits | Pacer,
) -> Shared[H]:
    """Check the addresses and credentials a client is given; raises before anything is sent."""
    addresses = client_addresses(
        domain=domain, base_url=base_url, token_url=token_url, allow_insecure_http=allow_insecure_http
    )
    connections = Connections(http_client, factory, headers, pacing, addresses.origin)
    if token is not None:
        if not isinstance(token, str) or not token:
            raise TypeError("token must be a non-empty string")
        if token_url is not None:
            raise TypeError("token_url is for client_id= and client_secret=; a static token is sent as given")
        if token_cache is not None:
            raise TypeError("token_cache= keeps client-credentials tokens; it has no use with a static token=")
        return Shared(addresses.base_url, BearerToken(token), connections)
    if client_id and (client_secret or client_assertion_signing_key):
        auth = ClientCredentials(
            token_url=addresses.token_url,
            client_id=client_id,
            client_secret=client_secret,
            signing_key=client_assertion_signing_key,
            audience=audience or addresses.origin + "/api/v2/",
            cache=token_cache,
        )
        return Shared(addresses.base_url, auth, connections)
    raise TypeError("pass token=..., or client_id=... with client_secret=... (or a client assertion key)")


def check_max_retries(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"max_retries must be an integer of zero or more, got {value!r}")
    return value


def timeout_of(timeout: float | httpx.Timeout | None) -> httpx.Timeout:
    return DEFAULT_TIMEOUT if timeout is None else httpx.Timeout(timeout)


def request_headers(telemetry: bool, headers: Mapping[str, str] | None) -> dict[str, str]:
    """The headers every request carries: the user agent, telemetry unless turned off, the caller's."""
    sent = {"User-Agent": f"auth0-users/{__version__} python/{_PYTHON}"}
    if telemetry:
        info = {"name": "auth0-users", "version": __version__, "env": {"python": _PYTHON}}
        sent["Auth0-Client"] = base64.urlsafe_b64encode(json.dumps(info, separators=(",", ":")).encode()).decode()
    return {**sent, **(headers or {})}
