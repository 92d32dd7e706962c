"""``users merge-metadata``: deep-merge metadata into a user."""

from __future__ import annotations

import json
from typing import Any

import click

from ..metadata import predict_merge
from ._connection import connect
from ._output import Output, plain


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


@click.command("merge-metadata")
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
    with connect(ctx) as mgmt:
        current = plain(mgmt.users.get(user_id, fields=",".join(changes), include_fields=True))
        predicted = {name: predict_merge(current.get(name), change) for name, change in changes.items()}
        if dry_run:
            Output().record({"user_id": user_id, **predicted})
            return
        stored = plain(mgmt.users.merge_metadata(user_id, **changes))
        Output().record({"user_id": user_id, **{name: stored.get(name, {}) for name in changes}})
