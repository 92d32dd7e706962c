"""What commands print: a table on a terminal, JSON lines when piped; progress only on a terminal."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from itertools import islice
from typing import IO, Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

DEFAULT_COLUMNS = ("user_id", "email", "name", "created_at", "last_login", "logins_count")
TABLE_BATCH = 200


def plural(count: int, noun: str) -> str:
    """``"1 line"``, ``"2 lines"``: a count and its noun, in the right number."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def plain(item: Any) -> Any:
    """A model (or anything the API returned) as plain JSON-able data."""
    return item.to_dict() if hasattr(item, "to_dict") else item


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return str(value)


def json_line(item: Any) -> str:
    """One item as one line of JSON."""
    return json.dumps(plain(item), default=_default, ensure_ascii=False, separators=(",", ":"))


def cell(value: Any) -> str:
    """A value as a table or CSV cell: text as it is, anything structured as JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, default=_default, ensure_ascii=False)


class Output:
    """Where a command's results go: standard output, drawn for people or written for programs."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stdout
        self.tty = self.stream.isatty()
        self.console = Console(file=self.stream, soft_wrap=not self.tty)

    def record(self, item: Any) -> None:
        """One result: pretty JSON on a terminal, one JSON line otherwise."""
        if self.tty:
            self.console.print_json(json_line(item))
        else:
            self.stream.write(json_line(item) + "\n")

    def records(self, items: Iterable[Any], columns: Sequence[str] | None = None) -> int:
        """Many results, streamed: a table on a terminal, JSON lines otherwise. Returns the count."""
        count = 0
        if not self.tty:
            for item in items:
                self.stream.write(json_line(item) + "\n")
                count += 1
            return count
        shown = tuple(columns or DEFAULT_COLUMNS)
        iterator: Iterator[Any] = iter(items)
        while batch := list(islice(iterator, TABLE_BATCH)):
            table = Table(show_header=count == 0, box=None, pad_edge=False)
            for column in shown:
                table.add_column(column, overflow="fold")
            for item in batch:
                data = plain(item)
                table.add_row(*(cell(data.get(column)) for column in shown))
            self.console.print(table)
            count += len(batch)
        if count == 0:
            self.console.print("no users found", style="dim")
        return count


class RateColumn(ProgressColumn):
    """Items per second, as rich measures them."""

    def render(self, task: Task) -> Text:
        """The task's current rate."""
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:,.0f}/s", style="progress.data.speed")


def progress() -> Progress:
    """Progress bars on standard error (count, rate and time left), drawn only on a terminal."""
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(), TimeRemainingColumn())
    return Progress(*columns, console=Console(file=sys.stderr), disable=not sys.stderr.isatty())
