"""The connection every command shares: the global options, and the client they make."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
from auth0_users_api.types import UNSET, Unset

from .. import ManagementClient


@dataclass
class Settings:
    """Where to connect, from the global options (or the environment)."""

    base_url: str | None
    domain: str | None
    token: str | None
    client_id: str | None
    client_secret: str | None
    sandbox: bool
    seed: int
    token_cache: Path | None

    @contextlib.contextmanager
    def connect(self) -> Iterator[ManagementClient]:
        """A client for the tenant, or for an embedded sandbox with ``--sandbox``."""
        if self.sandbox:
            try:
                from ..sandbox import serve
            except ImportError as error:
                raise click.UsageError(str(error)) from None
            with serve(seed=self.seed) as server, ManagementClient(base_url=server.base_url, token=server.token) as m:
                yield m
            return
        if not (self.domain or self.base_url):
            raise click.UsageError("say which tenant: --domain or AUTH0_DOMAIN (or --base-url), or try --sandbox")
        if not (self.token or (self.client_id and self.client_secret)):
            raise click.UsageError(
                "say how to sign in: --token (AUTH0_TOKEN), or --client-id and --client-secret "
                "(AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET)"
            )
        credentials: dict[str, Any] = {"token": self.token}
        if not self.token:
            credentials = {"client_id": self.client_id, "client_secret": self.client_secret}
            if self.token_cache is not None:
                from ..token_cache import FileTokenCache

                credentials["token_cache"] = FileTokenCache(self.token_cache)
        with ManagementClient(domain=self.domain, base_url=self.base_url, **credentials) as mgmt:
            yield mgmt


def default_token_cache() -> Path:
    """``$XDG_CACHE_HOME/auth0-users/tokens.json``, by default under ``~/.cache``."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "auth0-users" / "tokens.json"


def connect(ctx: click.Context) -> contextlib.AbstractContextManager[ManagementClient]:
    """A client for the connection the global options name."""
    settings = ctx.find_object(Settings)
    if settings is None:
        raise RuntimeError("a users command ran outside the auth0-users group")
    return settings.connect()


def given(value: str | None) -> str | Unset:
    """An option the user left out is not sent."""
    return UNSET if value is None else value
