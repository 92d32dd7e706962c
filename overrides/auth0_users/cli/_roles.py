"""``users roles list``, ``assign`` and ``remove``: a user's roles."""

from __future__ import annotations

import click

from ._connection import connect
from ._output import Output, plural


@click.group()
def roles() -> None:
    """A user's roles."""


@roles.command("list")
@click.argument("user_id")
@click.pass_context
def roles_list(ctx: click.Context, user_id: str) -> None:
    """The roles assigned to a user."""
    with connect(ctx) as mgmt:
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
    with connect(ctx) as mgmt:
        change, done = (mgmt.users.roles.assign, "assigned to") if assign else (mgmt.users.roles.delete, "removed from")
        change(user_id, roles=list(role_ids))
        click.echo(f"{plural(len(role_ids), 'role')} {done} {user_id}", err=True)
