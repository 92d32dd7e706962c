"""The journal belongs to one job, is a regular file, and opens in time and memory in proportion to it."""

from __future__ import annotations

import json
import os
import threading
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from auth0_users import ManagementClient, bulk
from auth0_users.bulk import JournalError, Status
from auth0_users.sandbox import SandboxServer
from test_bulk import apply, client, header, journal_lines, set_plan, user_ids, writes

pytestmark = pytest.mark.anyio
__all__ = ["client"]  # the fixture, shared with test_bulk


def delete(m: Any, user_id: str) -> Any:
    return m.users.delete(user_id)


async def test_a_journal_of_another_job_is_refused_before_anything_is_sent(
    client: Any, sandbox: SandboxServer, tmp_path: Path
) -> None:
    ids = user_ids(sandbox, 5)
    journal = tmp_path / "journal.jsonl"
    first = await apply(client, ids, set_plan("pro"), journal=journal)
    assert first.counts[Status.DONE] == 5
    before = journal.read_bytes()

    sandbox.requests.start()
    with pytest.raises(JournalError) as refused:
        await apply(client, ids, delete, journal=journal)
    message = str(refused.value)
    assert bulk.job_of(set_plan("pro")) in message  # the journal's job...
    assert bulk.job_of(delete) in message  # ... and this run's
    assert "test_bulk.set_plan.<locals>.<lambda> #" in message
    assert len(sandbox.requests) == 0
    assert all(user_id in sandbox.backend.users for user_id in ids)
    assert journal.read_bytes() == before

    # The same operation with another value is another job; the same one resumes.
    with pytest.raises(JournalError, match="not of this run's job"):
        await apply(client, ids, set_plan("basic"), journal=journal)
    again = await apply(client, ids, set_plan("pro"), journal=journal)
    assert [o.resumed for o in again] == [True] * 5
    # A job named by the caller is that name, whatever the operation.
    named = tmp_path / "named.jsonl"
    await apply(client, ids[:1], delete, journal=named, job="cleanup")
    with pytest.raises(JournalError, match="'cleanup'"):
        await apply(client, ids[:1], delete, journal=named)
    assert json.loads(named.read_text().splitlines()[0])["job"] == "cleanup"


async def test_a_journal_without_a_header_is_refused_until_adopted(
    client: Any, sandbox: SandboxServer, tmp_path: Path
) -> None:
    ids = user_ids(sandbox, 2)
    journal = tmp_path / "journal.jsonl"
    lines = [{"key": ids[0], "status": "started"}, {"key": ids[0], "status": "done"}]
    journal.write_text("".join(json.dumps(line) + "\n" for line in lines))  # as earlier versions wrote it
    sandbox.requests.start()
    with pytest.raises(JournalError, match="earlier version") as refused:
        await apply(client, ids, set_plan("pro"), journal=journal)
    assert len(sandbox.requests) == 0
    suggested = str(refused.value).split("add this first line to it: ")[1]
    assert json.loads(suggested)["job"] == bulk.job_of(set_plan("pro"))

    journal.write_text(suggested + "\n" + journal.read_text())  # what the message says to do
    report = await apply(client, ids, set_plan("pro"), journal=journal)
    assert [(o.status, o.resumed) for o in report] == [(Status.DONE, True), (Status.DONE, False)]
    assert writes(sandbox, "PATCH", f"/users/{ids[0]}") == 0


def test_default_jobs_tell_operations_apart() -> None:
    assert bulk.job_of(bulk.update_user) == "auth0_users.bulk.update_user"
    assert bulk.job_of(bulk.create_user) == "auth0_users.bulk.create_user"
    assert bulk.job_of(delete) == "test_bulk_journal.delete"
    assert bulk.job_of(set_plan("pro")) == bulk.job_of(set_plan("pro"))
    assert bulk.job_of(set_plan("pro")) != bulk.job_of(set_plan("basic"))
    assert bulk.job_of(lambda m, u: m.users.delete(u)) != bulk.job_of(lambda m, u: m.users.get(u))
    assert bulk.job_of(ManagementClient.close) == "auth0_users._core.client.SyncCoreClient.close"


def special_files(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    link = tmp_path / "link.jsonl"
    link.symlink_to(tmp_path / "target.jsonl")
    directory = tmp_path / "directory"
    directory.mkdir()
    return {"a FIFO": fifo, "a character device": Path("/dev/zero"), "a symbolic link": link, "a directory": directory}


@pytest.mark.timeout(30)
@pytest.mark.parametrize("dry_run", [False, True])
@pytest.mark.parametrize("kind", ["a FIFO", "a character device", "a symbolic link", "a directory"])
def test_only_a_regular_file_is_a_journal(sandbox: SandboxServer, tmp_path: Path, kind: str, dry_run: bool) -> None:
    path = special_files(tmp_path)[kind]
    sandbox.requests.start()
    outcome: list[BaseException | None] = []

    def attempt() -> None:  # in a thread, so that a hang fails the test instead of stopping the suite
        try:
            with ManagementClient(base_url=sandbox.base_url, token=sandbox.token) as mgmt:
                bulk.run(mgmt, ["auth0|1"], set_plan("pro"), journal=path, dry_run=dry_run)
            outcome.append(None)
        except BaseException as error:
            outcome.append(error)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(10)
    assert outcome, f"opening {kind} as a journal hangs"
    assert isinstance(outcome[0], JournalError), outcome[0]
    assert str(path) in str(outcome[0])
    assert kind.rsplit(maxsplit=1)[-1] in str(outcome[0])
    assert len(sandbox.requests) == 0
    assert not (tmp_path / "target.jsonl").exists()


def peak_memory_of(action: Callable[[], Any]) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_opening_a_journal_streams_it(tmp_path: Path) -> None:
    """A journal is read line by line: the memory it takes follows its keys, not its size.

    Reading the whole file into one buffer (growing it chunk by chunk, which copies it over and
    over: time quadratic in its size) needs at least the file's size.
    """
    journal = tmp_path / "journal.jsonl"
    retried = "".join(
        json.dumps({"key": f"auth0|{n % 50}", "status": status, "reason": "x" * 800}) + "\n"
        for n in range(10_000)
        for status in ("started", "failed")
    )
    journal.write_text(header("retries") + retried)
    size = journal.stat().st_size
    assert size > 16_000_000
    held = bulk.read_journal(journal)
    assert held.job == "retries"
    assert held.statuses == {f"auth0|{n}": "failed" for n in range(50)}
    assert peak_memory_of(lambda: bulk.read_journal(journal)) < size // 8


def test_a_large_journal_opens_and_resumes(sandbox: SandboxServer, tmp_path: Path) -> None:
    ids = user_ids(sandbox, 2)
    journal = tmp_path / "journal.jsonl"
    done = [f"auth0|{n:024x}" for n in range(100_000)]
    entries = "".join(
        json.dumps({"key": key, "status": status}) + "\n" for key in done for status in ("started", "done")
    )
    journal.write_text(header("migration") + entries)  # 200,001 lines
    sandbox.requests.start()
    items = [*done[::100], *ids]  # a run may take fewer items than its journal knows
    with ManagementClient(base_url=sandbox.base_url, token=sandbox.token) as mgmt:
        report = bulk.run(mgmt, items, set_plan("pro"), journal=journal, job="migration")
    assert [(o.status, o.resumed) for o in report] == [(Status.DONE, True)] * 1000 + [(Status.DONE, False)] * 2
    assert [writes(sandbox, "PATCH", f"/users/{user_id}") for user_id in ids] == [1, 1]
    assert len(sandbox.requests) == 2
    last = sorted((line["key"], line["status"]) for line in journal_lines(journal)[-4:])
    assert last == sorted((user_id, status) for user_id in ids for status in ("started", "done"))
