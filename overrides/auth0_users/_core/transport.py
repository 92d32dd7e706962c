"""The HTTP clients the facade makes, and what a transport failure says about the request."""

from __future__ import annotations

import os
import ssl
import threading
from collections.abc import Mapping
from typing import Any

import httpx

_FAST_TRANSPORT = ("httpx_aiohttp", "aiohttp")
_TLS: dict[tuple[object, ...], ssl.SSLContext] = {}
_TLS_LOCK = threading.Lock()


def shared_tls_context() -> ssl.SSLContext | bool:
    """The verifying TLS context for the HTTP clients this package makes, built once while the trust settings stay.

    httpx builds a context for each client, parsing the CA bundle again each time (about 25 ms).
    This one is built the same way (``httpx.create_ssl_context()``: ``SSL_CERT_FILE``, else
    ``SSL_CERT_DIR``, else certifi's bundle) and built again only when those variables, or the file
    the first names, change. With an httpx too old to build one, each client builds its own (``True``).
    """
    create = getattr(httpx, "create_ssl_context", None)
    if create is None:
        return True
    cert_file, cert_dir = os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR")
    try:
        seen = os.stat(cert_file) if cert_file else None
    except OSError:
        seen = None  # httpx reports the missing file when it builds the context
    key = (cert_file, cert_dir, None if seen is None else (seen.st_ino, seen.st_size, seen.st_mtime_ns))
    with _TLS_LOCK:
        context = _TLS.get(key)
        if context is None:
            context = create()
            _TLS.clear()  # only the latest settings are kept
            _TLS[key] = context
        return context


def default_http_client(headers: Mapping[str, str] | None = None) -> httpx.Client:
    """The ``httpx.Client`` the sync facade makes when it is given none."""
    return httpx.Client(headers=headers, verify=shared_tls_context())


def default_async_http_client(headers: Mapping[str, str] | None = None) -> httpx.AsyncClient:
    """An ``httpx.AsyncClient`` on the aiohttp transport when the ``fast`` extra is installed, else plain.

    Imported here, on first use, so that importing the package stays cheap.
    """
    options: dict[str, Any] = {"headers": headers, "verify": shared_tls_context()}
    try:
        from httpx_aiohttp import HttpxAiohttpClient
    except ModuleNotFoundError as missing:
        if missing.name not in _FAST_TRANSPORT:
            raise
        return httpx.AsyncClient(**options)
    return HttpxAiohttpClient(**options)


def httpx_equivalent(error: httpx.RequestError) -> httpx.RequestError:
    """The error httpx's own transport would have raised in place of ``error``.

    The aiohttp transport reports every aiohttp connection error it has no entry for as
    ``ConnectTimeout``: a connection refused, and a server that took the request and closed
    without answering. Read as "never sent", the second would repeat a POST; so the aiohttp
    error underneath decides (it stays the new error's ``__cause__``).
    """
    cause = error.__cause__
    if not isinstance(error, httpx.ConnectTimeout) or not type(cause).__module__.startswith("aiohttp."):
        return error
    import aiohttp

    if isinstance(cause, aiohttp.ConnectionTimeoutError):
        return error  # a connect timeout indeed: nothing was sent
    renamed: type[httpx.RequestError]
    if isinstance(cause, aiohttp.ClientConnectorError):
        renamed = httpx.ConnectError  # refused, unreachable, no such host, TLS handshake: nothing sent
    elif isinstance(cause, aiohttp.ServerTimeoutError):
        renamed = httpx.ReadTimeout
    elif isinstance(cause, aiohttp.ServerDisconnectedError):
        renamed = httpx.RemoteProtocolError
    else:
        renamed = httpx.NetworkError
    named = renamed(str(error), request=_request_of(error))
    named.__cause__ = cause
    return named


def sent_to(error: httpx.RequestError, *, unknown: str) -> str:
    """Method and URL of the request that failed, without credentials or query; ``unknown`` if none."""
    request = _request_of(error)
    return unknown if request is None else without_query(request)


def without_query(request: httpx.Request) -> str:
    """Method and URL of ``request``, without credentials or query (a search, an email)."""
    return f"{request.method} {request.url.copy_with(userinfo=b'', query=None, fragment=None)}"


def _request_of(error: httpx.RequestError) -> httpx.Request | None:
    try:
        return error.request
    except RuntimeError:  # raised outside a client, with no request attached
        return None
