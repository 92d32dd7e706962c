"""``users search``, ``users export``, ``users get`` and ``users by-email``: finding users."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from .. import ManagementClient
from ._connection import connect, given
from ._output import DEFAULT_COLUMNS, Output, cell, json_line, plain, plural, progress

FORMATS = ("jsonl", "csv")


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


@click.command()
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
    with connect(ctx) as mgmt:
        if every:
            if sort:
                raise click.UsageError("--all streams matches oldest first; leave out --sort")
            found: Iterable[Any] = _only(mgmt.users.search_all(q=given(query), **_list_arguments(fields)), fields)
            if limit is not None:
                found = (user for user, _ in zip(found, range(limit), strict=False))
        else:
            pager = mgmt.users.list(q=given(query), sort=given(sort), per_page=100, **_list_arguments(fields))
            found = pager if limit is None else pager.limit(limit)
        Output().records(found, _columns(fields))


def _count(mgmt: ManagementClient, query: str | None) -> int | None:
    """How many users match: one request that asks for totals and no users."""
    page = next(iter(mgmt.users.list(q=given(query), per_page=0, include_totals=True).iter_pages()))
    return page.total


@click.command()
@click.argument("query", required=False)
@click.option("--format", "form", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("--output", "-o", "target", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--fields", help="Comma-separated fields to export (the CSV columns).")
@click.pass_context
def export(ctx: click.Context, query: str | None, form: str, target: Path, fields: str | None) -> None:
    """Every user matching QUERY (or every user) to a JSON-lines or CSV file."""
    partial = target.with_name(target.name + ".part")
    with connect(ctx) as mgmt, partial.open("w", encoding="utf-8", newline="") as out, progress() as bar:
        task = bar.add_task(f"exporting to {target.name}", total=_count(mgmt, query))
        columns = _columns(fields)
        writer = csv.writer(out) if form == "csv" else None
        if writer is not None:
            writer.writerow(columns)
        count = 0
        for user in _only(mgmt.users.search_all(q=given(query), **_list_arguments(fields)), fields):
            if writer is None:
                out.write(json_line(user) + "\n")
            else:
                data = plain(user)
                writer.writerow([cell(data.get(column)) for column in columns])
            count += 1
            bar.advance(task)
    partial.replace(target)
    click.echo(f"exported {plural(count, 'user')} to {target}", err=True)


@click.command()
@click.argument("user_id")
@click.option("--fields", help="Comma-separated fields to return.")
@click.pass_context
def get(ctx: click.Context, user_id: str, fields: str | None) -> None:
    """One user, by id."""
    with connect(ctx) as mgmt:
        Output().record(mgmt.users.get(user_id, **_list_arguments(fields)))


@click.command("by-email")
@click.argument("email")
@click.option("--fields", help="Comma-separated fields to return.")
@click.pass_context
def by_email(ctx: click.Context, email: str, fields: str | None) -> None:
    """The users with this email address (any connection)."""
    with connect(ctx) as mgmt:
        Output().records(mgmt.users.list_users_by_email(email=email, **_list_arguments(fields)), _columns(fields))
