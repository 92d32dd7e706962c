"""A client library for accessing Auth0 Management API: Users"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
