"""auth0-users: a typed, sync and async client for the Users section of the Auth0 Management API.

    from auth0_users import ManagementClient

    with ManagementClient(domain="TENANT.eu.auth0.com", token="...") as mgmt:
        user = mgmt.users.get("auth0|123")

``SyncPagerShape``, ``AsyncPagerShape``, ``PageShape``, ``RawResponseShape``, ``SearchAll`` and
``AsyncSearchAll`` are the types the resource tree returns, to annotate with (protocols, which the
package's pagers and responses implement); ``User`` covers every model a call returns a user as.
"""

from typing import TYPE_CHECKING, Any

from auth0_users_facade.shapes import (
    AsyncPagerShape,
    AsyncSearchAll,
    PageShape,
    RawResponseShape,
    SearchAll,
    SyncPagerShape,
)

from ._address import InvalidAddressError
from ._core.errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    APITransportError,
    Auth0Error,
    BadRequestError,
    ConflictError,
    ForbiddenError,
    InvalidArgumentError,
    NotFoundError,
    OperationUnavailableError,
    RateLimitError,
    ResponseParseError,
    SearchLimitError,
    SearchSplitError,
    ServerError,
    TokenError,
    TokenQuotaError,
    UnauthorizedError,
)
from ._ratelimit import RateLimitState
from ._version import __version__
from .resources._clients import AsyncManagementClient, ManagementClient

if TYPE_CHECKING:
    from auth0_users_facade.aliases import User

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "APITransportError",
    "AsyncManagementClient",
    "AsyncPagerShape",
    "AsyncSearchAll",
    "Auth0Error",
    "BadRequestError",
    "ConflictError",
    "ForbiddenError",
    "InvalidAddressError",
    "InvalidArgumentError",
    "ManagementClient",
    "NotFoundError",
    "OperationUnavailableError",
    "PageShape",
    "RateLimitError",
    "RateLimitState",
    "RawResponseShape",
    "ResponseParseError",
    "SearchAll",
    "SearchLimitError",
    "SearchSplitError",
    "ServerError",
    "SyncPagerShape",
    "TokenError",
    "TokenQuotaError",
    "UnauthorizedError",
    "User",
    "__version__",
]


def __getattr__(name: str) -> Any:
    # ``User`` is built from the user models on first use, so that importing the package imports none.
    if name == "User":
        from auth0_users_facade import aliases

        return aliases.User
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


for _name in __all__:
    _obj = globals().get(_name)
    if hasattr(_obj, "__module__") and _obj.__module__.startswith("auth0_users."):
        _obj.__module__ = "auth0_users"
