"""A local, in-memory emulator of the Auth0 Management API's Users section.

Start it with ``python -m auth0_users.sandbox``, with ``with serve() as server:``, or in pytest with
``pytest_plugins = ["auth0_users.sandbox.pytest_plugin"]``. It needs the ``sandbox`` extra
(``pip install 'auth0-users[sandbox]'``).
"""

from ._faults import Faults, RecordedRequest, RequestLog
from ._query import QueryError, compile_query
from ._server import SandboxServer, serve
from .backend import ApiError, SandboxBackend

__all__ = [
    "ApiError",
    "Faults",
    "QueryError",
    "RecordedRequest",
    "RequestLog",
    "SandboxBackend",
    "SandboxServer",
    "compile_query",
    "serve",
]
