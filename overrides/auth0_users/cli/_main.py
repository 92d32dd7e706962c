"""The ``auth0-users`` group, its global options, and how errors become exit statuses.

Each command group lives in a module of its own; this one gathers them under ``users``.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import Any

import click

from .. import (
    APIConnectionError,
    APIStatusError,
    Auth0Error,
    NotFoundError,
    RateLimitError,
    SearchLimitError,
    TokenError,
)
from ..bulk import JournalError
from ._apply import apply
from ._change import create, delete, update
from ._connection import Settings, default_token_cache
from ._find import by_email, export, get, search
from ._metadata import merge_metadata
from ._roles import roles
from ._status import ExitStatus


class Interrupted(Exception):
    """Ctrl-C, carried past click, which would call it an abort and print an empty line first."""


class _Commands(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise Interrupted from None


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--base-url", envvar="AUTH0_BASE_URL", help="The API base URL (https://HOST/api/v2). [AUTH0_BASE_URL]")
@click.option("--domain", envvar="AUTH0_DOMAIN", help="The tenant's domain (TENANT.REGION.auth0.com). [AUTH0_DOMAIN]")
@click.option("--token", envvar="AUTH0_TOKEN", help="A Management API token. [AUTH0_TOKEN]")
@click.option("--client-id", envvar="AUTH0_CLIENT_ID", help="For client credentials. [AUTH0_CLIENT_ID]")
@click.option("--client-secret", envvar="AUTH0_CLIENT_SECRET", help="For client credentials. [AUTH0_CLIENT_SECRET]")
@click.option(
    "--token-cache",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="AUTH0_TOKEN_CACHE",
    default=default_token_cache,
    show_default="~/.cache/auth0-users/tokens.json",
    help="Where client-credentials tokens are kept between runs (0600). [AUTH0_TOKEN_CACHE]",
)
@click.option("--no-token-cache", is_flag=True, help="Fetch a new token for this run, keep none.")
@click.option("--sandbox", is_flag=True, help="Run against an embedded sandbox instead of a tenant.")
@click.option("--seed", type=click.IntRange(min=0), default=100, show_default=True, help="Users in the sandbox.")
@click.option("--debug", is_flag=True, help="Show tracebacks, the client's own steps and each request.")
@click.option("--debug-all", is_flag=True, help="As --debug, and httpcore's connection-level steps too.")
@click.version_option(package_name="auth0-users")
@click.pass_context
def cli(ctx: click.Context, /, debug: bool, debug_all: bool, no_token_cache: bool, **connection: Any) -> None:
    """Manage the users of an Auth0 tenant."""
    if no_token_cache:
        connection["token_cache"] = None
    ctx.obj = Settings(**connection)
    if debug or debug_all:
        import logging

        # httpx logs each request at INFO; httpcore's DEBUG lines (a dozen per request) drown the rest.
        logging.basicConfig(level=logging.DEBUG if debug_all else logging.INFO, format="%(name)s: %(message)s")
        logging.getLogger("auth0_users").setLevel(logging.DEBUG)


@cli.group()
def users() -> None:
    """Find, export, change and remove users."""


for command in (search, export, get, by_email, create, update, merge_metadata, delete, roles, apply):
    users.add_command(command)


def status_for(error: Auth0Error) -> ExitStatus:
    """The exit status for an error from the API or the client."""
    if isinstance(error, APIConnectionError) or (isinstance(error, APIStatusError) and error.status_code >= 500):
        return ExitStatus.UNAVAILABLE
    if not isinstance(error, APIStatusError):
        return ExitStatus.ERROR
    if isinstance(error, NotFoundError):
        return ExitStatus.NOT_FOUND
    if isinstance(error, TokenError) or error.status_code in (401, 403):
        return ExitStatus.NOT_ALLOWED
    if isinstance(error, RateLimitError):
        return ExitStatus.RATE_LIMITED
    # A 400 says the request was malformed (a bad query, a bad value); the search cap is a limit.
    malformed = error.status_code == 400 and not isinstance(error, SearchLimitError)
    return ExitStatus.USAGE if malformed else ExitStatus.REFUSED


def _describe(error: Auth0Error) -> str:
    message = str(error)
    if isinstance(error, SearchLimitError):
        message = f"{error.args[0].split(' (')[0]} (pass --all to stream every match)"
    return message


def run(argv: list[str] | None = None) -> int:
    """Run ``auth0-users``; errors become one line on standard error and a documented exit status."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args or "--debug-all" in args
    try:
        result = cli.main(args=args, prog_name="auth0-users", standalone_mode=False)
    except Interrupted:
        ends_echo = "\n" if sys.stderr.isatty() else ""  # the terminal's ^C has no newline of its own
        click.echo(f"{ends_echo}auth0-users: interrupted", err=True)
        return ExitStatus.INTERRUPTED
    except click.exceptions.Abort:
        click.echo("auth0-users: aborted", err=True)
        return ExitStatus.ERROR
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as error:
        error.show()
        return ExitStatus.USAGE
    except Auth0Error as error:
        if debug:
            traceback.print_exc()
        code = f" ({type(error).__name__})"
        click.echo(f"auth0-users: {_describe(error)}{code}", err=True)
        return status_for(error)
    except (ValueError, TypeError) as error:  # the facade's checks of arguments, before anything is sent
        if debug:
            traceback.print_exc()
        click.echo(f"auth0-users: {error}", err=True)
        return ExitStatus.USAGE
    except JournalError as error:
        click.echo(f"auth0-users: journal: {error}", err=True)
        return ExitStatus.USAGE
    except OSError as error:  # a file to read or write: missing, not allowed, disk full
        if debug:
            traceback.print_exc()
        click.echo(f"auth0-users: {error}", err=True)
        return ExitStatus.ERROR
    return int(result) if isinstance(result, int) else ExitStatus.OK
