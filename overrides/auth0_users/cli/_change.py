"""``users create``, ``users update`` and ``users delete``: changing users one by one."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping
from typing import Any

import click

from ._connection import connect
from ._output import Output, plural

SET_HELP = "FIELD=VALUE to send (repeatable); VALUE is JSON where it parses as JSON; a.b=VALUE nests."


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


@click.command()
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
    with connect(ctx) as mgmt:
        Output().record(mgmt.users.create(**checked_fields("users.create", fields)))


@click.command()
@click.argument("user_id")
@click.option("--set", "pairs", multiple=True, required=True, metavar="FIELD=VALUE", help=SET_HELP)
@click.pass_context
def update(ctx: click.Context, user_id: str, pairs: tuple[str, ...]) -> None:
    """Change fields of a user (metadata merges on the first level only; see merge-metadata)."""
    with connect(ctx) as mgmt:
        fields = checked_fields("users.update", assignments(pairs))
        Output().record(mgmt.users.update(user_id, **fields))


@click.command()
@click.argument("user_ids", nargs=-1, required=True)
@click.option("--yes", "-y", is_flag=True, help="Do not ask first.")
@click.pass_context
def delete(ctx: click.Context, user_ids: tuple[str, ...], yes: bool) -> None:
    """Delete users, by id (asks first unless --yes)."""
    if not yes:
        if not sys.stdin.isatty():
            raise click.UsageError("deleting needs confirmation: pass --yes when not on a terminal")
        click.confirm(f"Delete {plural(len(user_ids), 'user')}?", abort=True, err=True)
    with connect(ctx) as mgmt:
        for user_id in user_ids:
            mgmt.users.delete(user_id)
            click.echo(f"deleted {user_id}", err=True)
