"""``auth0-users users apply FILE``: bulk changes from a JSON-lines file, at the tenant's pace.

Each line is one JSON object naming an operation with ``op`` and giving its arguments::

    {"op": "create", "connection": "Username-Password-Authentication", "email": "ada@example.com", "password": "..."}
    {"op": "update", "user_id": "auth0|123", "blocked": true, "app_metadata": {"plan": "pro"}}
    {"op": "merge-metadata", "user_id": "auth0|123", "user_metadata": {"address": {"city": "Nice"}}}
    {"op": "delete", "user_id": "auth0|123"}
    {"op": "assign-roles", "user_id": "auth0|123", "roles": ["rol_abc"]}
    {"op": "remove-roles", "user_id": "auth0|123", "roles": ["rol_abc"]}

``create`` and ``update`` take the fields of ``users.create`` and ``users.update``. The whole file
is checked before anything is sent. A journal beside the file (``FILE.journal``) makes a re-run
skip every line already done and settle or report those whose outcome was unknown.

The journal belongs to the file: its header names it, and each line is keyed by its number and
a digest of its operation (without any password). A failed line may be fixed and lines added
before a re-run; a file whose done, unknown or in-flight lines are no longer there as they were
is another file, and its journal is refused rather than trusted to skip lines never sent.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

import click

from .. import ManagementClient, bulk
from ..bulk import BulkOperation, JournalError
from ..bulk.settle import METADATA, USER_ID
from ..metadata import deep_merge_patch, predict, predict_merge
from ._change import operation_fields
from ._connection import connect
from ._output import Output, plural, progress
from ._status import ExitStatus


class Line(NamedTuple):
    """One line of the file: its number, its operation, the operation's arguments and journal key.

    The key is the line's number and a digest of its operation made as ``bulk.default_key``
    makes one, without the password, so an edited line counts as new and no form of a password
    reaches the journal.
    """

    number: int
    op: str
    arguments: dict[str, Any]
    key: str

    def describe(self) -> str:
        """``line 3 (update auth0|123)``."""
        target = self.arguments.get(USER_ID) or self.arguments.get("email") or ""
        return f"line {self.number} ({self.op} {target})".replace(" )", ")")


class Kind(NamedTuple):
    """What an ``op`` does (a bulk operation, which knows how to settle it), and which arguments it takes.

    ``fields`` is the set of arguments, or the key of the operation whose arguments it takes.
    """

    operation: BulkOperation[Mapping[str, Any]]
    required: tuple[str, ...]
    fields: frozenset[str] | str

    def allowed(self) -> frozenset[str]:
        """Every argument a line of this kind may carry."""
        if isinstance(self.fields, str):
            return operation_fields(self.fields) | {USER_ID}
        return self.fields


ROLES = frozenset({USER_ID, "roles"})
KINDS: dict[str, Kind] = {
    "create": Kind(bulk.create_user, ("connection",), "users.create"),
    "update": Kind(bulk.update_user, (USER_ID,), "users.update"),
    "merge-metadata": Kind(bulk.merge_metadata, (USER_ID,), frozenset({USER_ID, *METADATA})),
    "delete": Kind(bulk.delete_user, (USER_ID,), frozenset({USER_ID})),
    "assign-roles": Kind(bulk.assign_roles, (USER_ID, "roles"), ROLES),
    "remove-roles": Kind(bulk.remove_roles, (USER_ID, "roles"), ROLES),
}


def _checked(number: int, text: str) -> Line:
    """One line, parsed and checked; a usage error naming the line and what is wrong with it."""
    try:
        data = json.loads(text)
    except ValueError as error:
        raise click.UsageError(f"line {number}: not JSON ({error})") from None
    except RecursionError:
        raise click.UsageError(f"line {number}: nested too deeply to be a user's data") from None
    if not isinstance(data, dict):
        raise click.UsageError(f'line {number}: expected a JSON object with an "op"')
    op = data.pop("op", None)
    kind = KINDS.get(op) if isinstance(op, str) else None
    if kind is None:
        raise click.UsageError(f"line {number}: op must be one of {', '.join(KINDS)}, got {op!r}")
    missing = [name for name in kind.required if name not in data]
    if missing:
        raise click.UsageError(f"line {number}: {op} needs {', '.join(missing)}")
    unknown = sorted(set(data) - kind.allowed())
    if unknown:
        raise click.UsageError(f"line {number}: {op} has no field {', '.join(unknown)}")
    if "roles" in data and not (isinstance(data["roles"], list) and all(isinstance(r, str) for r in data["roles"])):
        raise click.UsageError(f"line {number}: roles must be a list of role ids")
    for name in METADATA:
        if name in data and not isinstance(data[name], dict):
            raise click.UsageError(f"line {number}: {name} must be a JSON object, got {type(data[name]).__name__}")
    try:
        key = f"{number}:{bulk.default_key({'op': op, **data})}"
    except TypeError:  # too deep for the digest
        raise click.UsageError(f"line {number}: nested too deeply to be a user's data") from None
    return Line(number, op, data, key)


def read_lines(path: Path) -> list[Line]:
    """Every operation in the file, checked before anything is sent; blank lines are skipped."""
    with path.open(encoding="utf-8") as source:
        return [_checked(number, text) for number, text in enumerate(source, 1) if text.strip()]


def _call(mgmt: ManagementClient, line: Line) -> Any:
    return KINDS[line.op].operation(mgmt, line.arguments)


def _settle(mgmt: ManagementClient, line: Line) -> Any:
    settle = KINDS[line.op].operation.settle
    if settle is None:
        raise bulk.Unsettled(f"{line.op} has no way to check its outcome")
    return settle(mgmt, line.arguments)


def preview(mgmt: ManagementClient, line: Line) -> dict[str, Any]:
    """What a real run would send for ``line``, and the metadata the user would end up with."""
    shown: dict[str, Any] = {"line": line.number, "op": line.op}
    arguments = dict(line.arguments)
    if "password" in arguments:
        arguments["password"] = "***"  # noqa: S105 - a mask, not a password
    shown["send"] = arguments
    metadata = [name for name in METADATA if name in arguments]
    if metadata and USER_ID in arguments:
        stored = mgmt.users.get(arguments[USER_ID], fields=",".join(metadata), include_fields=True).to_dict()
        for name in metadata:
            current = stored.get(name) or {}
            change = arguments[name]
            if line.op == "merge-metadata":  # what is sent is the first-level patch of the deep merge
                arguments[name] = deep_merge_patch(current, change)
                shown[name] = predict_merge(current, change)
            else:
                shown[name] = predict(current, change)
    return shown


def check_journal(journal: Path, job: str, path: Path, lines: list[Line]) -> None:
    """Refuse the file's journal if a line it holds done, unknown or in flight is gone or changed.

    Fixing a failed line, or adding lines, before a re-run is what the journal is for; but a
    file whose done lines are gone is not the file the journal was written for (the same name
    used again for other changes, say), and trusting its journal would skip lines never sent.
    """
    held = bulk.read_journal(journal)
    if held.job != job:
        return  # an empty journal, or another job's: the run refuses the latter, naming both
    keys = {line.key for line in lines}
    gone = [
        (key.partition(":")[0], status)
        for key, status in held.statuses.items()
        if key not in keys and status != bulk.Status.FAILED
    ]
    if gone:
        gone.sort(key=lambda numbered: (len(numbered[0]), numbered[0]))  # line numbers, in order
        listed = ", ".join(f"line {number} ({status})" for number, status in gone[:3])
        more = f" and {plural(len(gone) - 3, 'more line')}" if len(gone) > 3 else ""
        raise JournalError(
            f"{path.name} has changed since {journal} was written; not in it as they were: {listed}{more}. "
            "Only lines that failed or were never sent may change. Restore the file to resume it, or apply "
            "it as a new job with --journal NEW_PATH (lines done before would be sent again)"
        )


def apply_lines(
    mgmt: ManagementClient,
    path: Path,
    *,
    journal: Path,
    dry_run: bool,
    concurrency: int,
    stop_on_error: bool,
    retry_unknown: bool,
    output: Callable[[Any], None],
) -> ExitStatus:
    """Apply (or, with ``dry_run``, preview) every line of ``path``; prints a summary, returns the status."""
    lines = read_lines(path)
    job = f"users apply {path.name}"
    check_journal(journal, job, path, lines)
    with progress() as bar:
        task = bar.add_task("previewing" if dry_run else f"applying {path.name}", total=len(lines))

        def advanced(_: bulk.Progress) -> None:
            bar.advance(task)

        report = bulk.run(
            mgmt,
            lines,
            preview if dry_run else _call,
            key=lambda line: line.key,
            concurrency=concurrency,
            stop_on_error=stop_on_error,
            progress=advanced,
            journal=journal,
            job=job,
            retry_unknown=retry_unknown,
            settle=_settle,
            dry_run=dry_run,
        )
    for outcome in report:
        if dry_run and outcome.status is bulk.Status.DONE and not outcome.resumed:
            output(outcome.result)
        elif outcome.status is not bulk.Status.DONE:
            click.echo(f"{outcome.item.describe()}: {outcome.status}: {outcome.reason or ''}".rstrip(": "), err=True)
    if dry_run:
        earlier = sum(1 for outcome in report if outcome.resumed)
        click.echo(
            f"dry run: {plural(len(report) - earlier, 'line')} to send, {earlier} done in an earlier run", err=True
        )
    else:
        click.echo(f"apply: {report.summary()}", err=True)
    if report.counts[bulk.Status.UNKNOWN]:
        return ExitStatus.SOME_UNKNOWN
    if report.counts[bulk.Status.FAILED] or report.counts[bulk.Status.NOT_ATTEMPTED]:
        return ExitStatus.SOME_FAILED
    return ExitStatus.OK


@click.command("apply")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would be sent, and the metadata users would end up with.")
@click.option("--journal", type=click.Path(dir_okay=False, path_type=Path), help="Default: PATH.journal.")
@click.option("--concurrency", type=click.IntRange(1, 64), default=8, show_default=True)
@click.option("--stop-on-error", is_flag=True, help="Start nothing new after the first failure.")
@click.option("--retry-unknown", is_flag=True, help="Send again lines whose outcome stayed unknown.")
@click.pass_context
def apply(
    ctx: click.Context,
    /,
    path: Path,
    journal: Path | None,
    **options: Any,
) -> int:
    """Apply the operations in a JSON-lines file (one per line) at the tenant's pace; re-runs resume."""
    with connect(ctx) as mgmt:
        journal = journal or path.with_name(path.name + ".journal")
        return apply_lines(mgmt, path, journal=journal, output=Output().record, **options)
