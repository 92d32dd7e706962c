"""Bulk work over HTTP against the sandbox, through the sync runner (threads) and the async one (tasks)."""

from __future__ import annotations

import asyncio
import fcntl
import json
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from auth0_users import (
    APIConnectionError,
    APITimeoutError,
    AsyncManagementClient,
    ManagementClient,
    NotFoundError,
    RateLimitError,
    bulk,
)
from auth0_users.bulk import JournalError, Status
from auth0_users.sandbox import SandboxServer

pytestmark = pytest.mark.anyio
DATABASE = "Username-Password-Authentication"


@pytest.fixture(params=["sync", "async"])
async def client(request: pytest.FixtureRequest, sandbox: SandboxServer) -> Any:
    """A client straight to the sandbox (faults would only confuse a proxy), without retries."""
    options = {"base_url": sandbox.base_url, "token": sandbox.token, "max_retries": 0, "timeout": 2.0}
    if request.param == "sync":
        with ManagementClient(**options) as mgmt:
            yield mgmt
    else:
        async with AsyncManagementClient(**options) as amgmt:
            yield amgmt


async def apply(client: Any, items: Any, operation: Any, **options: Any) -> bulk.Report[Any, Any]:
    """``bulk.run`` for a sync client, ``bulk.arun`` for an async one."""
    if isinstance(client, AsyncManagementClient):
        return await bulk.arun(client, items, operation, **options)
    return bulk.run(client, items, operation, **options)


def set_plan(plan: str) -> Callable[[Any, str], Any]:
    return lambda m, user_id: m.users.update(user_id, app_metadata={"plan": plan})


def user_ids(sandbox: SandboxServer, n: int) -> list[str]:
    return [str(user["user_id"]) for user in sandbox.seed(n)]


def writes(sandbox: SandboxServer, method: str, path: str) -> int:
    return sum(1 for r in sandbox.requests if r.method == method and r.path == "/api/v2" + path)


def stored(sandbox: SandboxServer, user_id: str) -> dict[str, Any]:
    with sandbox.app.lock:
        return dict(sandbox.backend.users[user_id])


def new_users(n: int, prefix: str = "bulk") -> list[dict[str, Any]]:
    return [
        {"connection": DATABASE, "email": f"{prefix}{i}@example.com", "password": "Passw0rd!bulk"} for i in range(n)
    ]


def journal_lines(path: Path) -> list[dict[str, Any]]:
    """The journal's entries, after its header."""
    header, *entries = (json.loads(line) for line in path.read_text().splitlines())
    assert {"job", "format"} <= set(header), header
    return entries


def header(job: str) -> str:
    """A journal's first line, for a journal written by hand."""
    return json.dumps({"job": job, "format": 2}) + "\n"


async def test_outcomes_come_in_input_order_whatever_finishes_first(client: Any, sandbox: SandboxServer) -> None:
    ids = user_ids(sandbox, 8)
    sandbox.faults.delay(0.3, n=1)  # one of the first three in flight finishes last
    in_flight, most = 0, 0
    guard = threading.Lock()

    def track(delta: int) -> None:
        nonlocal in_flight, most
        with guard:
            in_flight += delta
            most = max(most, in_flight)

    def update(m: Any, user_id: str) -> Any:
        track(1)
        result = m.users.update(user_id, app_metadata={"plan": "basic"})
        if not isinstance(m, AsyncManagementClient):
            track(-1)
            return result

        async def finish() -> Any:
            try:
                return await result
            finally:
                track(-1)

        return finish()

    seen: list[bulk.Progress] = []
    report = await apply(client, ids, update, concurrency=3, progress=seen.append)
    assert [o.item for o in report] == ids
    assert [o.index for o in report] == list(range(8))
    assert [o.status for o in report] == [Status.DONE] * 8
    assert [o.result.user_id for o in report] == ids
    assert all(stored(sandbox, uid)["app_metadata"]["plan"] == "basic" for uid in ids)
    finished = [p.outcome.index for p in seen]
    assert sorted(finished) == list(range(8))
    assert finished != sorted(finished)  # completion order is not input order; the report's is
    assert 1 < most <= 3


async def test_an_error_is_recorded_for_its_item_and_the_run_goes_on(client: Any, sandbox: SandboxServer) -> None:
    ids = user_ids(sandbox, 3)
    items = [
        {"user_id": ids[0], "app_metadata": {"plan": "pro"}},
        {"user_id": "auth0|000000000000000000000000", "app_metadata": {"plan": "pro"}},
        {"app_metadata": {"plan": "pro"}},  # a malformed item fails alone
        {"user_id": ids[1], "blocked": "yes"},  # refused by the API
        {"user_id": ids[2], "app_metadata": {"plan": "pro"}},
    ]
    report = await apply(client, items, bulk.update_user)
    assert [o.status for o in report] == [Status.DONE, Status.FAILED, Status.FAILED, Status.FAILED, Status.DONE]
    assert isinstance(report[1].error, NotFoundError)
    assert report[1].reason is not None
    assert "inexistent_user" in report[1].reason
    assert isinstance(report[2].error, TypeError)
    assert "user_id" in str(report[2].error)
    assert report[3].error is not None
    assert getattr(report[3].error, "status_code", None) == 400
    assert report.summary() == "2 done, 3 failed, 0 unknown"
    assert stored(sandbox, ids[2])["app_metadata"]["plan"] == "pro"
    assert not report.stopped


async def test_stop_on_error_reports_the_rest_of_a_list_as_not_attempted(client: Any, sandbox: SandboxServer) -> None:
    ids = user_ids(sandbox, 4)
    ids.insert(2, "auth0|000000000000000000000000")
    sandbox.requests.start()
    report = await apply(client, ids, set_plan("pro"), concurrency=1, stop_on_error=True)
    assert [o.status for o in report] == [Status.DONE, Status.DONE, Status.FAILED] + [Status.NOT_ATTEMPTED] * 2
    assert report.stopped
    assert report[3].reason == "the run stopped at the error of item 2"
    assert [writes(sandbox, "PATCH", f"/users/{uid}") for uid in ids] == [1, 1, 1, 0, 0]


async def test_stop_on_error_leaves_an_iterator_where_it_stopped(client: Any, sandbox: SandboxServer) -> None:
    ids = user_ids(sandbox, 3)
    source = iter(["auth0|000000000000000000000000", *ids])
    report = await apply(client, source, set_plan("pro"), concurrency=1, stop_on_error=True)
    assert [o.status for o in report] == [Status.FAILED]
    assert list(source) == ids  # nothing more was taken from it


async def test_progress_counts_every_outcome(client: Any, sandbox: SandboxServer) -> None:
    ids = [*user_ids(sandbox, 5), "auth0|000000000000000000000000"]
    seen: list[bulk.Progress] = []
    report = await apply(client, ids, set_plan("pro"), progress=seen.append)
    assert [p.completed for p in seen] == [1, 2, 3, 4, 5, 6]
    assert {p.total for p in seen} == {6}
    last = seen[-1]
    assert (last.done, last.failed, last.unknown, last.not_attempted) == (5, 1, 0, 0)
    assert {p.outcome.index for p in seen} == {o.index for o in report}

    seen.clear()
    await apply(client, iter(ids), set_plan("pro"), progress=seen.append)
    assert {p.total for p in seen} == {None}  # an iterator has no length...
    seen.clear()
    await apply(client, iter(ids), set_plan("pro"), progress=seen.append, total=6)
    assert {p.total for p in seen} == {6}  # ... unless the caller knows it


async def test_items_can_come_from_a_pager_with_keys_of_their_own(
    client: Any, sandbox: SandboxServer, tmp_path: Path
) -> None:
    ids = sorted(user_ids(sandbox, 5))
    journal = tmp_path / "journal.jsonl"
    pager = client.users.list(per_page=2, sort="user_id:1", fields="user_id")
    report = await apply(
        client, pager, lambda m, user: m.users.update(user.user_id, blocked=True), key=lambda user: user.user_id,
        journal=journal,
    )  # fmt: skip
    assert [o.result.user_id for o in report] == ids
    assert [o.key for o in report] == ids
    assert all(stored(sandbox, uid)["blocked"] is True for uid in ids)
    assert {line["key"] for line in journal_lines(journal)} == set(ids)


async def test_a_write_whose_answer_was_lost_is_unknown(client: Any, sandbox: SandboxServer, tmp_path: Path) -> None:
    ids = user_ids(sandbox, 3)
    sandbox.faults.drop_next(1)
    sandbox.requests.start()
    journal = tmp_path / "journal.jsonl"
    report = await apply(client, ids, set_plan("pro"), concurrency=1, journal=journal)
    assert [o.status for o in report] == [Status.UNKNOWN, Status.DONE, Status.DONE]
    error = report[0].error
    assert isinstance(error, APIConnectionError)
    assert error.sent
    assert stored(sandbox, ids[0])["app_metadata"]["plan"] == "pro"  # it did apply: "failed" would be wrong
    assert report.summary() == "2 done, 0 failed, 1 unknown"

    # No settle function: not repeated; an earlier run's unknown is no error of this run's.
    again = await apply(client, ids, set_plan("pro"), journal=journal, stop_on_error=True)
    assert [(o.status, o.resumed) for o in again] == [(Status.UNKNOWN, True), (Status.DONE, True), (Status.DONE, True)]
    assert not again.stopped
    assert again[0].reason == report[0].reason
    assert writes(sandbox, "PATCH", f"/users/{ids[0]}") == 1

    forced = await apply(client, ids, set_plan("pro"), journal=journal, retry_unknown=True)
    assert [o.status for o in forced] == [Status.DONE] * 3
    assert [o.resumed for o in forced] == [False, True, True]
    assert writes(sandbox, "PATCH", f"/users/{ids[0]}") == 2


async def test_a_write_that_never_left_failed(client: Any, sandbox: SandboxServer) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    unreachable = client.__class__(base_url=f"http://127.0.0.1:{port}/api/v2", token="t", max_retries=0)
    report = await apply(unreachable, ["auth0|1"], set_plan("pro"))
    assert report[0].status is Status.FAILED
    assert isinstance(report[0].error, APIConnectionError)
    assert not report[0].error.sent


@pytest.mark.sandbox_index_lag(3600)  # writes never reach search here: settling must read them another way
async def test_a_read_timeout_stays_unknown_until_a_rerun_settles_it(
    client: Any, sandbox: SandboxServer, tmp_path: Path
) -> None:
    ids = user_ids(sandbox, 2)
    items = [{"user_id": uid, "app_metadata": {"plan": "pro"}} for uid in ids]
    journal = tmp_path / "journal.jsonl"
    hasty = client.with_options(timeout=0.3)
    sandbox.faults.delay(1.0, n=1)  # the server applies the first write after the client gave up
    sandbox.requests.start()
    report = await apply(hasty, items, bulk.update_user, concurrency=1, journal=journal)
    assert [o.status for o in report] == [Status.UNKNOWN, Status.DONE]
    assert isinstance(report[0].error, APITimeoutError)
    assert report[0].reason is not None
    assert "may still be in flight" in report[0].reason  # a read could not confirm it yet
    deadline = time.monotonic() + 10
    while stored(sandbox, ids[0])["app_metadata"].get("plan") != "pro":
        assert time.monotonic() < deadline, "the delayed write never landed"
        await asyncio.sleep(0.05)

    again = await apply(client, items, bulk.update_user, journal=journal)
    assert [(o.status, o.settled, o.resumed) for o in again] == [(Status.DONE, True, False), (Status.DONE, False, True)]
    assert again[0].result.user_id == ids[0]
    assert writes(sandbox, "PATCH", f"/users/{ids[0]}") == 1
    assert journal_lines(journal)[-1]["status"] == "done"


@pytest.mark.sandbox_index_lag(3600)  # writes never reach search here: settling must read them another way
async def test_a_create_whose_answer_was_lost_is_settled_by_email(client: Any, sandbox: SandboxServer) -> None:
    items = new_users(3)
    sandbox.faults.drop_next(1)
    sandbox.requests.start()
    report = await apply(client, items, bulk.create_user, concurrency=1)
    assert [(o.status, o.settled) for o in report] == [(Status.DONE, True), (Status.DONE, False), (Status.DONE, False)]
    created = report[0].result
    assert created.email == "bulk0@example.com"
    assert created.user_id in sandbox.backend.users
    assert isinstance(report[0].error, APIConnectionError)
    assert writes(sandbox, "POST", "/users") == 3  # one per user: never repeated
    assert writes(sandbox, "GET", "/users-by-email") == 1


async def test_a_create_without_a_settle_function_stays_unknown(client: Any, sandbox: SandboxServer) -> None:
    sandbox.faults.drop_next(1)
    sandbox.requests.start()
    report = await apply(client, new_users(1), lambda m, user: m.users.create(**user))
    assert report[0].status is Status.UNKNOWN
    assert writes(sandbox, "POST", "/users") == 1


@pytest.mark.sandbox_index_lag(3600)  # writes never reach search here: settling must read them another way
async def test_a_rerun_settles_unknown_creates_and_makes_the_missing_ones(
    client: Any, sandbox: SandboxServer, tmp_path: Path
) -> None:
    items = new_users(2, prefix="settle")
    journal = tmp_path / "journal.jsonl"
    keys = [bulk.default_key(item) for item in items]
    # An earlier run died with both in flight; only the first request reached Auth0.
    started = (json.dumps({"key": key, "status": "started"}) + "\n" for key in keys)
    journal.write_text(header("auth0_users.bulk.create_user") + "".join(started))
    sandbox.backend.create_user(items[0])
    sandbox.requests.start()
    report = await apply(client, items, bulk.create_user, journal=journal)
    assert [(o.status, o.settled) for o in report] == [(Status.DONE, True), (Status.DONE, False)]
    assert writes(sandbox, "POST", "/users") == 1  # only the one that was missing
    assert {u["email"] for u in sandbox.backend.users.values()} == {"settle0@example.com", "settle1@example.com"}


async def test_a_rerun_skips_what_is_done_and_retries_what_failed(
    client: Any, sandbox: SandboxServer, tmp_path: Path
) -> None:
    ids = user_ids(sandbox, 4)
    journal = tmp_path / "journal.jsonl"
    # Past max_retries=0, a 429 is still tried once more at its reset: two make the first write fail.
    sandbox.faults.fail_next(2, status=429, methods=["PATCH"])
    report = await apply(client, ids, set_plan("pro"), concurrency=1, journal=journal)
    assert [o.status for o in report] == [Status.FAILED, Status.DONE, Status.DONE, Status.DONE]
    assert isinstance(report[0].error, RateLimitError)
    assert [o.key for o in report] == ids

    sandbox.requests.start()
    again = await apply(client, ids, set_plan("pro"), journal=journal)
    assert [(o.status, o.resumed) for o in again] == [(Status.DONE, False)] + [(Status.DONE, True)] * 3
    assert again.summary() == "4 done (3 in an earlier run), 0 failed, 0 unknown"
    assert [writes(sandbox, "PATCH", f"/users/{uid}") for uid in ids] == [1, 0, 0, 0]
    statuses = [(line["key"], line["status"]) for line in journal_lines(journal)]
    assert statuses[-2:] == [(ids[0], "started"), (ids[0], "done")]


async def test_a_torn_last_line_is_dropped_and_the_journal_stays_whole(
    client: Any, sandbox: SandboxServer, tmp_path: Path
) -> None:
    ids = user_ids(sandbox, 2)
    journal = tmp_path / "journal.jsonl"
    journal.write_bytes(
        header("torn").encode()
        + json.dumps({"key": ids[0], "status": "started"}).encode()
        + b"\n"
        + json.dumps({"key": ids[0], "status": "done"}).encode()
        + b'\n{"key": "'
        + ids[1].encode()
    )
    sandbox.requests.start()
    report = await apply(client, ids, set_plan("pro"), journal=journal, job="torn")
    assert [(o.status, o.resumed) for o in report] == [(Status.DONE, True), (Status.DONE, False)]
    assert writes(sandbox, "PATCH", f"/users/{ids[0]}") == 0
    assert [(line["key"], line["status"]) for line in journal_lines(journal)] == [
        (ids[0], "started"),
        (ids[0], "done"),
        (ids[1], "started"),
        (ids[1], "done"),
    ]


async def test_duplicate_keys_fail_without_touching_the_journal(
    client: Any, sandbox: SandboxServer, tmp_path: Path
) -> None:
    ids = user_ids(sandbox, 2)
    journal = tmp_path / "journal.jsonl"
    report = await apply(client, [ids[0], ids[1], ids[0]], set_plan("pro"), journal=journal, concurrency=1)
    assert [o.status for o in report] == [Status.DONE, Status.DONE, Status.FAILED]
    assert "item 0 has the same key" in str(report[2].reason)
    assert [line["status"] for line in journal_lines(journal) if line["key"] == ids[0]] == ["started", "done"]


async def test_a_journal_serves_one_run_at_a_time(client: Any, sandbox: SandboxServer, tmp_path: Path) -> None:
    journal = tmp_path / "journal.jsonl"
    journal.touch()
    with journal.open("rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(JournalError, match="in use by another run"):
            await apply(client, user_ids(sandbox, 1), set_plan("pro"), journal=journal)


async def test_a_dry_run_reads_the_journal_and_writes_nothing(
    client: Any, sandbox: SandboxServer, tmp_path: Path
) -> None:
    ids = user_ids(sandbox, 3)
    journal = tmp_path / "journal.jsonl"
    await apply(client, ids[:1], set_plan("pro"), journal=journal)
    before = journal.read_bytes()
    sandbox.requests.start()
    previewed: list[str] = []

    def preview(m: Any, user_id: str) -> dict[str, Any]:
        previewed.append(user_id)
        return {"method": "PATCH", "path": f"/users/{user_id}", "json": {"app_metadata": {"plan": "pro"}}}

    job = bulk.job_of(set_plan("pro"))  # the job the preview stands for
    report = await apply(client, ids, preview, journal=journal, dry_run=True, job=job)
    assert sorted(previewed) == sorted(ids[1:])  # not the one done earlier
    assert [(o.status, o.resumed) for o in report] == [(Status.DONE, True), (Status.DONE, False), (Status.DONE, False)]
    assert report[1].result["path"] == f"/users/{ids[1]}"
    assert journal.read_bytes() == before
    assert len(sandbox.requests) == 0
    assert not (tmp_path / "missing.jsonl").exists()
    await apply(client, ids, preview, journal=tmp_path / "missing.jsonl", dry_run=True)
    assert not (tmp_path / "missing.jsonl").exists()


async def test_an_error_of_the_progress_callback_stops_the_run_and_is_raised(
    client: Any, sandbox: SandboxServer, tmp_path: Path
) -> None:
    ids = user_ids(sandbox, 6)
    journal = tmp_path / "journal.jsonl"

    def progress(p: bulk.Progress) -> None:
        if p.completed == 2:
            raise RuntimeError("the progress bar broke")

    with pytest.raises(RuntimeError, match="the progress bar broke"):
        await apply(client, ids, set_plan("pro"), journal=journal, concurrency=2, progress=progress)
    lines = journal_lines(journal)
    started = {line["key"] for line in lines if line["status"] == "started"}
    finished = {line["key"] for line in lines if line["status"] == "done"}
    assert started == finished  # what was in flight finished and was journaled
    assert 2 <= len(finished) < 6


def database_user(sandbox: SandboxServer, **fields: Any) -> str:
    user = {"connection": DATABASE, "email": "old.address@example.com", "password": "Passw0rd!bulk", **fields}
    with sandbox.app.lock:
        return str(sandbox.backend.create_user(user)["user_id"])


@pytest.mark.parametrize(
    ("changes", "settles"),
    [
        # Auth0 stores the emails it owns lower-cased.
        ({"email": "New.Address@Example.com"}, True),
        # A null removes a field, or a first-level metadata key; metadata merges on the first level.
        ({"name": None, "user_metadata": {"theme": None, "plan": {"tier": "pro"}}}, True),
        ({"blocked": True, "app_metadata": {"count": 1, "flag": False}}, True),
        # What a read cannot confirm stays unknown rather than be sent twice.
        ({"picture": "https://example.com/ada.png"}, False),
        ({"app_metadata": {"ledger": 2**60}}, False),  # beyond a double's integers
        ({"password": "Another!passw0rd"}, False),
    ],
)
async def test_settling_compares_what_auth0_stores_and_never_sends_twice(
    client: Any, sandbox: SandboxServer, tmp_path: Path, changes: dict[str, Any], settles: bool
) -> None:
    user_id = database_user(sandbox, name="Ada", user_metadata={"theme": "dark", "plan": {"tier": "free"}})
    item = {"user_id": user_id, **changes}
    journal = tmp_path / "journal.jsonl"
    sandbox.faults.drop_next(1)  # the update applies; its answer is lost
    sandbox.requests.start()
    report = await apply(client, [item], bulk.update_user, journal=journal)
    assert isinstance(report[0].error, APIConnectionError)
    again = await apply(client, [item], bulk.update_user, journal=journal)
    if settles:
        assert (report[0].status, report[0].settled) == (Status.DONE, True)  # confirmed by the read at once
        assert (again[0].status, again[0].resumed) == (Status.DONE, True)
    else:
        assert report[0].status is again[0].status is Status.UNKNOWN
        assert "a read cannot show whether" in str(again[0].reason)
    assert writes(sandbox, "PATCH", f"/users/{user_id}") == 1


@pytest.mark.parametrize("fault", ["dropped", "timed out"])
async def test_a_token_endpoint_failure_fails_the_item_for_a_rerun(
    client: Any, sandbox: SandboxServer, tmp_path: Path, fault: str
) -> None:
    options = {"client_id": sandbox.client_id, "client_secret": sandbox.client_secret, "max_retries": 0}
    signed_in = type(client)(base_url=sandbox.base_url, timeout=0.3, **options)
    journal = tmp_path / "journal.jsonl"
    items = new_users(2, prefix="token")
    if fault == "dropped":
        sandbox.faults.drop_next(1)  # the first request is the token request
    else:
        sandbox.faults.delay(1.0, n=1)
    sandbox.requests.start()
    try:
        report = await apply(signed_in, items, bulk.create_user, journal=journal, concurrency=1)
        assert [o.status for o in report] == [Status.FAILED, Status.DONE]
        assert "/oauth/token" in str(report[0].reason)
        assert not getattr(report[0].error, "sent", True)  # the API request never left
        assert writes(sandbox, "POST", "/users") == 1
        assert writes(sandbox, "GET", "/users-by-email") == 0  # nothing to settle
        again = await apply(signed_in, items, bulk.create_user, journal=journal)
    finally:
        if isinstance(signed_in, AsyncManagementClient):
            await signed_in.aclose()
        else:
            signed_in.close()
    assert [(o.status, o.resumed) for o in again] == [(Status.DONE, False), (Status.DONE, True)]
    assert writes(sandbox, "POST", "/users") == 2
