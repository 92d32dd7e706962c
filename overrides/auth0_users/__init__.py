"""auth0-users: a typed, sync and async client for the Users section of the Auth0 Management API.

from auth0_users import ManagementClient

with ManagementClient(domain="TENANT.eu.auth0.com", token="...") as mgmt:
user = mgmt.users.get("auth0|123")
"""

from ._client import AsyncManagementClient, ManagementClient
from ._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    APITransportError,
    Auth0Error,
    BadRequestError,
    ConflictError,
    ForbiddenError,
    NotFoundError,
    RateLimitError,
    ResponseParseError,
    SearchLimitError,
    ServerError,
    TokenError,
    UnauthorizedError,
)
from ._pager import AsyncPager, Page, SyncPager
from ._response import RawResponse
from ._version import __version__
from .pacing import RateLimitState

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "APITransportError",
    "AsyncManagementClient",
    "AsyncPager",
    "Auth0Error",
    "BadRequestError",
    "ConflictError",
    "ForbiddenError",
    "ManagementClient",
    "NotFoundError",
    "Page",
    "RateLimitError",
    "RateLimitState",
    "RawResponse",
    "ResponseParseError",
    "SearchLimitError",
    "ServerError",
    "SyncPager",
    "TokenError",
    "UnauthorizedError",
    "__version__",
]

for _name in __all__:
    _obj = globals()[_name]
    if hasattr(_obj, "__module__") and _obj.__module__.startswith("auth0_users."):
        _obj.__module__ = "auth0_users"
