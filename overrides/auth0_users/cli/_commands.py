"""The commands: each parses its options, calls the facade, and prints what came back."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sys
import traceback
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
from auth0_users_api.types import UNSET, Unset

from .. import (
    APIConnectionError,
    APIStatusError,
    Auth0Error,
    ManagementClient,
    NotFoundError,
    RateLimitError,
    SearchLimitError,
    TokenError,
)
from ..bulk import JournalError
from ..metadata import deep_merge_patch, predict
from . import ExitStatus
from ._output import DEFAULT_COLUMNS, Output, cell, json_line, plain, plural, progress

FORMATS = ("jsonl", "csv")


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


def _settings(ctx: click.Context) -> Settings:
    settings = ctx.find_object(Settings)
    if settings is None:
        raise RuntimeError("a users command ran outside the auth0-users group")
    return settings


def _given(value: str | None) -> str | Unset:
    """An option the user left out is not sent."""
    return UNSET if value is None else value


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


def _columns(fields: str | None) -> tuple[str, ...]:
    return tuple(name.strip() for name in fields.split(",") if name.strip()) if fields else DEFAULT_COLUMNS


def _list_arguments(fields: str | None) -> dict[str, Any]:
    return {"fields": fields, "include_fields": True} if fields else {}


def _only(users: Iterable[Any], fields: str | None) -> Iterable[Any]:
    """Each user with exactly the fields asked for (search_all adds the ones it reads itself)."""
    if not fields:
        return users
    names = _columns(fields)
    return ({name: data[name] for name in names if name in data} for data in map(plain, users))


@users.command()
@click.argument("query", required=False)
@click.option("--fields", help="Comma-separated fields to return (and show).")
@click.option("--sort", help="FIELD:1 or FIELD:-1, e.g. created_at:-1 (not with --all).")
@click.option("--limit", type=click.IntRange(min=0), help="Stop after this many users.")
@click.option("--all", "every", is_flag=True, help="Every match, past the 1000 Auth0 serves per search.")
@click.pass_context
def search(
    ctx: click.Context, *, query: str | None, fields: str | None, sort: str | None, limit: int | None, every: bool
) -> None:
    """Users matching QUERY (Auth0's user search syntax); every user without one."""
    with _settings(ctx).connect() as mgmt:
        if every:
            if sort:
                raise click.UsageError("--all streams matches oldest first; leave out --sort")
            found: Iterable[Any] = _only(mgmt.users.search_all(q=_given(query), **_list_arguments(fields)), fields)
            if limit is not None:
                found = (user for user, _ in zip(found, range(limit), strict=False))
        else:
            pager = mgmt.users.list(q=_given(query), sort=_given(sort), per_page=100, **_list_arguments(fields))
            found = pager if limit is None else pager.limit(limit)
        Output().records(found, _columns(fields))


def _count(mgmt: ManagementClient, query: str | None) -> int | None:
    """How many users match: one request that asks for totals and no users."""
    page = next(iter(mgmt.users.list(q=_given(query), per_page=0, include_totals=True).iter_pages()))
    return page.total


@users.command()
@click.argument("query", required=False)
@click.option("--format", "form", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("--output", "-o", "target", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--fields", help="Comma-separated fields to export (the CSV columns).")
@click.pass_context
def export(ctx: click.Context, query: str | None, form: str, target: Path, fields: str | None) -> None:
    """Every user matching QUERY (or every user) to a JSON-lines or CSV file."""
    partial = target.with_name(target.name + ".part")
    with _settings(ctx).connect() as mgmt, partial.open("w", encoding="utf-8", newline="") as out, progress() as bar:
        task = bar.add_task(f"exporting to {target.name}", total=_count(mgmt, query))
        columns = _columns(fields)
        writer = csv.writer(out) if form == "csv" else None
        if writer is not None:
            writer.writerow(columns)
        count = 0
        for user in _only(mgmt.users.search_all(q=_given(query), **_list_arguments(fields)), fields):
            if writer is None:
                out.write(json_line(user) + "\n")
            else:
                data = plain(user)
                writer.writerow([cell(data.get(column)) for column in columns])
            count += 1
            bar.advance(task)
    partial.replace(target)
    click.echo(f"exported {plural(count, 'user')} to {target}", err=True)


@users.command()
@click.argument("user_id")
@click.option("--fields", help="Comma-separated fields to return.")
@click.pass_context
def get(ctx: click.Context, user_id: str, fields: str | None) -> None:
    """One user, by id."""
    with _settings(ctx).connect() as mgmt:
        Output().record(mgmt.users.get(user_id, **_list_arguments(fields)))


@users.command("by-email")
@click.argument("email")
@click.option("--fields", help="Comma-separated fields to return.")
@click.pass_context
def by_email(ctx: click.Context, email: str, fields: str | None) -> None:
    """The users with this email address (any connection)."""
    with _settings(ctx).connect() as mgmt:
        Output().records(mgmt.users.list_users_by_email(email=email, **_list_arguments(fields)), _columns(fields))


def assignments(pairs: Iterable[str]) -> dict[str, Any]:
    """``key=value`` pairs as fields: values are JSON where they parse as JSON, else text; ``a.b=`` nests."""
    fields: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{pair!r}: expected key=value", param_hint="--set")
        try:
            value = json.loads(raw)
        except ValueError:
            value = raw
        *parents, leaf = key.split(".")
        node = fields
        for parent in parents:
            node = node.setdefault(parent, {})
            if not isinstance(node, dict):
                raise click.BadParameter(f"{pair!r}: {parent} is set to a value, not an object", param_hint="--set")
        node[leaf] = value
    return fields


def operation_fields(key: str) -> frozenset[str]:
    """The keyword arguments the operation ``key`` (``users.update``) takes, from its description."""
    from .._core.operation import require

    return frozenset(argument.name for argument in require(key, f"auth0-users ({key})").arguments)


def checked_fields(key: str, fields: Mapping[str, Any]) -> dict[str, Any]:
    """``fields`` if the operation takes each of them, else a usage error naming the ones it does."""
    known = operation_fields(key)
    unknown = sorted(set(fields) - known)
    if unknown:
        command = key.replace(".", " ")
        raise click.UsageError(f"{command} has no field {', '.join(unknown)}; its fields: {', '.join(sorted(known))}")
    return dict(fields)


SET_HELP = "FIELD=VALUE to send (repeatable); VALUE is JSON where it parses as JSON; a.b=VALUE nests."


@users.command()
@click.option("--connection", required=True, help="The connection to create the user in.")
@click.option("--email", help="The user's email address.")
@click.option("--password", help="The initial password; - reads it from standard input.")
@click.option("--set", "pairs", multiple=True, metavar="FIELD=VALUE", help=SET_HELP)
@click.pass_context
def create(
    ctx: click.Context, *, connection: str, email: str | None, password: str | None, pairs: tuple[str, ...]
) -> None:
    """Create a user."""
    fields = assignments(pairs)
    fields["connection"] = connection
    if email is not None:
        fields["email"] = email
    if password is not None:
        from_stdin = password == "-"  # noqa: S105 - "-" means: read it from standard input
        fields["password"] = sys.stdin.readline().rstrip("\n") if from_stdin else password
    with _settings(ctx).connect() as mgmt:
        Output().record(mgmt.users.create(**checked_fields("users.create", fields)))


@users.command()
@click.argument("user_id")
@click.option("--set", "pairs", multiple=True, required=True, metavar="FIELD=VALUE", help=SET_HELP)
@click.pass_context
def update(ctx: click.Context, user_id: str, pairs: tuple[str, ...]) -> None:
    """Change fields of a user (metadata merges on the first level only; see merge-metadata)."""
    with _settings(ctx).connect() as mgmt:
        fields = checked_fields("users.update", assignments(pairs))
        Output().record(mgmt.users.update(user_id, **fields))


def json_object(value: str | None, option: str) -> dict[str, Any] | None:
    """An option's JSON object, or a usage error saying what is wrong with it."""
    if value is None:
        return None
    try:
        parsed = json.loads(value)
    except ValueError as error:
        raise click.BadParameter(f"not JSON: {error}", param_hint=option) from None
    if not isinstance(parsed, dict):
        raise click.BadParameter("must be a JSON object", param_hint=option)
    return parsed


def _predicted(current: Mapping[str, Any] | None, change: Mapping[str, Any]) -> dict[str, Any]:
    """What Auth0 will store once the deep-merge patch for ``change`` is sent."""
    patch = deep_merge_patch(current, change)
    return predict(current, patch) if patch else dict(current or {})


@users.command("merge-metadata")
@click.argument("user_id")
@click.option("--user-metadata", help="A JSON object to deep-merge into user_metadata (null deletes a key).")
@click.option("--app-metadata", help="A JSON object to deep-merge into app_metadata (null deletes a key).")
@click.option("--dry-run", is_flag=True, help="Show the metadata it would store, and change nothing.")
@click.pass_context
def merge_metadata(
    ctx: click.Context, user_id: str, user_metadata: str | None, app_metadata: str | None, dry_run: bool
) -> None:
    """Deep-merge metadata into a user, keeping every key the change does not name; shows the result."""
    changes = {
        name: value
        for name, value in (
            ("user_metadata", json_object(user_metadata, "--user-metadata")),
            ("app_metadata", json_object(app_metadata, "--app-metadata")),
        )
        if value is not None
    }
    if not changes:
        raise click.UsageError("give --user-metadata or --app-metadata")
    with _settings(ctx).connect() as mgmt:
        current = plain(mgmt.users.get(user_id, fields=",".join(changes), include_fields=True))
        predicted = {name: _predicted(current.get(name), change) for name, change in changes.items()}
        if dry_run:
            Output().record({"user_id": user_id, **predicted})
            return
        stored = plain(mgmt.users.merge_metadata(user_id, **changes))
        Output().record({"user_id": user_id, **{name: stored.get(name, {}) for name in changes}})


@users.command()
@click.argument("user_ids", nargs=-1, required=True)
@click.option("--yes", "-y", is_flag=True, help="Do not ask first.")
@click.pass_context
def delete(ctx: click.Context, user_ids: tuple[str, ...], yes: bool) -> None:
    """Delete users, by id (asks first unless --yes)."""
    if not yes:
        if not sys.stdin.isatty():
            raise click.UsageError("deleting needs confirmation: pass --yes when not on a terminal")
        click.confirm(f"Delete {plural(len(user_ids), 'user')}?", abort=True, err=True)
    with _settings(ctx).connect() as mgmt:
        for user_id in user_ids:
            mgmt.users.delete(user_id)
            click.echo(f"deleted {user_id}", err=True)


@users.group()
def roles() -> None:
    """A user's roles."""


@roles.command("list")
@click.argument("user_id")
@click.pass_context
def roles_list(ctx: click.Context, user_id: str) -> None:
    """The roles assigned to a user."""
    with _settings(ctx).connect() as mgmt:
        Output().records(mgmt.users.roles.list(user_id), ("id", "name", "description"))


@roles.command("assign")
@click.argument("user_id")
@click.argument("role_ids", nargs=-1, required=True)
@click.pass_context
def roles_assign(ctx: click.Context, user_id: str, role_ids: tuple[str, ...]) -> None:
    """Assign roles (by id) to a user."""
    _change_roles(ctx, user_id, role_ids, assign=True)


@roles.command("remove")
@click.argument("user_id")
@click.argument("role_ids", nargs=-1, required=True)
@click.pass_context
def roles_remove(ctx: click.Context, user_id: str, role_ids: tuple[str, ...]) -> None:
    """Remove roles (by id) from a user."""
    _change_roles(ctx, user_id, role_ids, assign=False)


def _change_roles(ctx: click.Context, user_id: str, role_ids: tuple[str, ...], *, assign: bool) -> None:
    with _settings(ctx).connect() as mgmt:
        change, done = (mgmt.users.roles.assign, "assigned to") if assign else (mgmt.users.roles.delete, "removed from")
        change(user_id, roles=list(role_ids))
        click.echo(f"{plural(len(role_ids), 'role')} {done} {user_id}", err=True)


@users.command("apply")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would be sent, and the metadata users would end up with.")
@click.option("--journal", type=click.Path(dir_okay=False, path_type=Path), help="Default: PATH.journal.")
@click.option("--concurrency", type=click.IntRange(1, 64), default=8, show_default=True)
@click.option("--stop-on-error", is_flag=True, help="Start nothing new after the first failure.")
@click.option("--retry-unknown", is_flag=True, help="Send again lines whose outcome stayed unknown.")
@click.pass_context
def apply_file(
    ctx: click.Context,
    /,
    path: Path,
    journal: Path | None,
    **options: Any,
) -> int:
    """Apply the operations in a JSON-lines file (one per line) at the tenant's pace; re-runs resume."""
    from ._apply import apply

    with _settings(ctx).connect() as mgmt:
        journal = journal or path.with_name(path.name + ".journal")
        return apply(mgmt, path, journal=journal, output=Output().record, **options)


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
