"""Where credentials may go: the tenant's address, checked and normalised before anything is sent.

``domain`` is a host name with an optional port and nothing else; ``base_url`` and ``token_url``
are ``https://`` URLs (``http://`` to loopback) that may have a path but no user info, query or
fragment. Each check refuses with ``InvalidAddressError`` saying what is wrong and what is expected,
and never repeats the address itself: a user info or a query may hold a password or a secret.
"""

from __future__ import annotations

import ipaddress
import logging
import re
from typing import NamedTuple

import httpx

logger = logging.getLogger("auth0_users")

DOMAIN_FORM = (
    "a host name like 'TENANT.REGION.auth0.com' or a custom domain like 'login.example.com', with an optional ':PORT'"
)
URL_FORM = "a URL like 'https://TENANT.REGION.auth0.com/api/v2' ('http://' only to 127.0.0.1, ::1 or localhost)"

_LABEL = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?")
_NUMERIC_LABEL = re.compile(r"[0-9]+|0x[0-9a-f]*")
_PORT = re.compile(r"[0-9]{1,5}")
_MAX_HOST_LENGTH = 253

# Characters that end a host name for one URL parser or another, in the order they are reported;
# the first four are refused anywhere in a URL, the last two in its host.
_NOT_IN_A_HOST = (
    ("@", "has an '@': a user name or password does not belong in it"),
    ("\\", "has a backslash"),
    ("?", "has a query ('?')"),
    ("#", "has a fragment ('#')"),
    ("/", "has a path ('/')"),
    ("%", "has percent-encoding ('%'): write the host name out"),
)
_NOT_IN_A_URL = _NOT_IN_A_HOST[:4]


class InvalidAddressError(ValueError):
    """A ``domain``, ``base_url`` or ``token_url`` that the client refuses; nothing was sent."""


_DEFAULT_PORTS = {"https": 443, "http": 80}


class Endpoint(NamedTuple):
    """A checked address: lower-case ASCII host (IPv6 in brackets), port, path without a trailing ``/``."""

    scheme: str
    host: str
    port: int | None
    path: str

    @classmethod
    def of(cls, scheme: str, host: str, port: int | None, path: str) -> Endpoint:
        """The endpoint, with a port the scheme implies left out (an audience is compared as a string)."""
        return cls(scheme, host, None if port == _DEFAULT_PORTS[scheme] else port, path.rstrip("/"))

    @property
    def origin(self) -> str:
        """``scheme://host[:port]``."""
        return f"{self.scheme}://{self.host}" + ("" if self.port is None else f":{self.port}")

    @property
    def url(self) -> str:
        """The origin followed by the path."""
        return self.origin + self.path


class Addresses(NamedTuple):
    """Where a client sends API requests and, for client credentials, its token requests."""

    base_url: str
    origin: str
    token_url: str


def is_loopback(host: str) -> bool:
    """Whether ``host`` (as ``Endpoint.host`` spells it) is this machine: 127.0.0.0/8, ::1 or localhost."""
    bare = host.removeprefix("[").removesuffix("]")
    if bare == "localhost":
        return True
    try:
        return ipaddress.ip_address(bare).is_loopback
    except ValueError:
        return False


def plain_http_allowed(host: str, *, allow_insecure_http: bool) -> bool:
    """Whether a token or secret may go to ``host`` unencrypted: to loopback, or when the caller opted in."""
    return allow_insecure_http or is_loopback(host)


def _ascii_label(label: str, what: str, expected: str) -> str:
    if label.isascii():
        converted = label.lower()
    else:
        # The IDNA conversion httpx itself makes, so the host checked is the host connected to.
        try:
            converted = httpx.URL(scheme="https", host=label, path="/").raw_host.decode("ascii")
        except httpx.InvalidURL:
            raise InvalidAddressError(
                f"{what} has a label that is not a valid international name; expected {expected}"
            ) from None
    if not _LABEL.fullmatch(converted):
        raise InvalidAddressError(
            f"{what} has a label that is not letters, digits and inner hyphens (at most 63); expected {expected}"
        )
    return converted


def _host_name(name: str, what: str, expected: str) -> str:
    if not name:
        raise InvalidAddressError(f"{what} has no host name; expected {expected}")
    labels = name.removesuffix(".").split(".")  # one trailing dot names the same host
    if not all(labels):
        raise InvalidAddressError(
            f"{what} has an empty label (a leading dot or two dots in a row); expected {expected}"
        )
    host = ".".join(_ascii_label(label, what, expected) for label in labels)
    if len(host) > _MAX_HOST_LENGTH:
        raise InvalidAddressError(f"{what} is longer than {_MAX_HOST_LENGTH} characters; expected {expected}")
    if _NUMERIC_LABEL.fullmatch(host.rsplit(".", 1)[-1]):
        # Resolvers read '2130706433', '127.1' or '0x7f.1' as IPv4 addresses: only the dotted form is taken.
        try:
            ipaddress.IPv4Address(host)
        except ValueError:
            raise InvalidAddressError(
                f"{what} ends in a number but is not an IPv4 address in the form a.b.c.d; expected {expected}"
            ) from None
    return host


def _refuse(text: str, refused: tuple[tuple[str, str], ...], what: str, expected: str) -> None:
    if any(char.isspace() or not char.isprintable() for char in text):
        raise InvalidAddressError(f"{what} has whitespace or a control character; expected {expected}")
    for char, reason in refused:
        if char in text:
            raise InvalidAddressError(f"{what} {reason}; expected {expected}")


def parse_host(text: str, what: str, expected: str) -> tuple[str, int | None]:
    """``host[:port]`` checked and normalised: lower-case ASCII, IDNA-encoded, without a trailing dot."""
    _refuse(text, _NOT_IN_A_HOST, what, expected)
    if text.startswith("["):
        literal, bracket, rest = text[1:].partition("]")
        if not bracket:
            raise InvalidAddressError(
                f"{what} opens '[' for an IPv6 address but does not close it; expected {expected}"
            )
        try:
            host = f"[{ipaddress.IPv6Address(literal).compressed}]"
        except ValueError:
            raise InvalidAddressError(f"{what} has no IPv6 address inside '[...]'; expected {expected}") from None
        if rest and not rest.startswith(":"):
            raise InvalidAddressError(f"{what} has something other than ':PORT' after ']'; expected {expected}")
        port_text = rest[1:] if rest else None
    else:
        name, colon, after = text.partition(":")
        if ":" in after:
            raise InvalidAddressError(
                f"{what} has more than one ':' (an IPv6 address goes in brackets, like [::1]); expected {expected}"
            )
        host, port_text = _host_name(name, what, expected), after if colon else None
    if port_text is None:
        return host, None
    if not _PORT.fullmatch(port_text) or not 0 < int(port_text) < 65536:
        raise InvalidAddressError(f"{what} has a port that is not a number from 1 to 65535; expected {expected}")
    return host, int(port_text)


def _text(value: object, what: str, expected: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a string, {expected}; got {type(value).__name__}")
    text = value.strip()  # surrounding whitespace, as an environment variable or a copy may carry
    if not text:
        raise InvalidAddressError(f"{what} is empty; expected {expected}")
    return text


def parse_domain(domain: object) -> Endpoint:
    """The API's address for a tenant domain: ``https://HOST[:PORT]/api/v2``.

    A leading ``https://`` and a trailing ``/``, as copied from a browser, are dropped; ``http://``
    is refused, since a domain is always reached over HTTPS.
    """
    text = _text(domain, "domain", DOMAIN_FORM)
    if text[:7].lower() == "http://":
        raise InvalidAddressError(
            "domain is always reached over https://; for plain HTTP to a local server pass "
            "base_url='http://127.0.0.1:PORT/api/v2' instead"
        )
    if text[:8].lower() == "https://":
        text = text[8:]
    host, port = parse_host(text.removesuffix("/"), "domain", DOMAIN_FORM)
    return Endpoint.of("https", host, port, "/api/v2")


def parse_url(url: object, what: str, *, allow_insecure_http: bool) -> Endpoint:
    """A ``base_url`` or ``token_url``: ``https://`` (or ``http://`` where allowed), host, port, path."""
    text = _text(url, what, URL_FORM)
    scheme, separator, rest = text.partition("://")
    scheme = scheme.lower()
    if not separator or scheme not in ("https", "http"):
        raise InvalidAddressError(f"{what} must start with 'https://'; expected {URL_FORM}")
    _refuse(rest, _NOT_IN_A_URL, what, URL_FORM)
    authority, slash, path = rest.partition("/")
    host, port = parse_host(authority, what, URL_FORM)
    if scheme == "http" and not plain_http_allowed(host, allow_insecure_http=allow_insecure_http):
        raise InvalidAddressError(
            f"{what} uses plain HTTP to {host}, which is not this machine: a token or secret sent there "
            "can be read on the way. Use 'https://', or pass allow_insecure_http=True if you must"
        )
    return Endpoint.of(scheme, host, port, slash + path)


def client_addresses(*, domain: object, base_url: object, token_url: object, allow_insecure_http: object) -> Addresses:
    """Check a client's addresses; the token URL is on the API's origin unless ``token_url`` names one.

    Logs one warning when ``allow_insecure_http`` lets a request go over plain HTTP beyond loopback.
    """
    if not isinstance(allow_insecure_http, bool):
        raise TypeError(f"allow_insecure_http must be True or False, got {type(allow_insecure_http).__name__}")
    if domain is None and base_url is None:
        raise TypeError("pass domain='TENANT.REGION.auth0.com' or base_url='https://HOST/api/v2'")
    if domain is not None and base_url is not None:
        raise TypeError("pass domain= or base_url=, not both: it would be unclear where the credentials go")
    if base_url is not None:
        api = parse_url(base_url, "base_url", allow_insecure_http=allow_insecure_http)
    else:
        api = parse_domain(domain)
    if token_url is None:
        token = api._replace(path="/oauth/token")
    else:
        token = parse_url(token_url, "token_url", allow_insecure_http=allow_insecure_http)
    exposed = sorted({end.host for end in (api, token) if end.scheme == "http" and not is_loopback(end.host)})
    if exposed:
        logger.warning(
            "allow_insecure_http=True: requests to %s go over plain HTTP; tokens and secrets can be read on the way",
            ", ".join(exposed),
        )
    return Addresses(api.url, api.origin, token.url)
