"""A local, in-memory emulator of the Auth0 Management API's Users section.

Start it with ``python -m auth0_users.sandbox``, with ``with serve() as server:``, or in pytest with
``pytest_plugins = ["auth0_users.sandbox.pytest_plugin"]``. It needs the ``sandbox`` extra
(``pip install 'auth0-users[sandbox]'``).
"""

_EXTRA = {"jsonschema", "luqum", "uvicorn"}  # the ``sandbox`` extra in pyproject.toml

try:
    from ._errors import ApiError
    from ._faults import Faults, RecordedRequest, RequestLog
    from ._plans import PLANS, BucketLimit, EndpointGroup, Plan
    from ._query import QueryError, compile_query
    from ._server import SandboxServer, serve
    from .backend import SandboxBackend
except ModuleNotFoundError as missing:
    if (missing.name or "").partition(".")[0] not in _EXTRA:
        raise
    raise ImportError(
        f"auth0_users.sandbox needs the sandbox extra, and {missing.name} is not installed: "
        "pip install 'auth0-users[sandbox]'",
        name=missing.name,
    ) from missing

__all__ = [
    "PLANS",
    "ApiError",
    "BucketLimit",
    "EndpointGroup",
    "Faults",
    "Plan",
    "QueryError",
    "RecordedRequest",
    "RequestLog",
    "SandboxBackend",
    "SandboxServer",
    "compile_query",
    "serve",
]
