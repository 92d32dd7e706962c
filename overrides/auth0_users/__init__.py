"""auth0-users: a typed, sync and async client for the Users section of the Auth0 Management API."""

from ._version import __version__

__all__ = ["__version__"]
