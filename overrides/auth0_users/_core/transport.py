"""The async HTTP client the facade makes, and what a transport failure says about the request."""

from __future__ import annotations

import httpx

_FAST_TRANSPORT = ("httpx_aiohttp", "aiohttp")


def default_async_http_client() -> httpx.AsyncClient:
    """An ``httpx.AsyncClient`` on the aiohttp transport when the ``fast`` extra is installed, else plain.

    Imported here, on first use, so that importing the package stays cheap.
    """
    try:
        from httpx_aiohttp import HttpxAiohttpClient
    except ModuleNotFoundError as missing:
        if missing.name not in _FAST_TRANSPORT:
            raise
        return httpx.AsyncClient()
    return HttpxAiohttpClient()


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
