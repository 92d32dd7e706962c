"""The pure parts of bulk work, as tables: which errors leave a write unknown, journal reading, keys."""

from __future__ import annotations

import asyncio
import io
from typing import Any

import httpx
import pytest
from auth0_users import (
    APIConnectionError,
    APITimeoutError,
    AsyncManagementClient,
    ManagementClient,
    ResponseParseError,
    TokenError,
    bulk,
)
from auth0_users._core.errors import error_for
from auth0_users.bulk import JournalError, Status, default_key, status_of
from auth0_users.bulk.journal import read_entries


def answer(method: str, status: int, path: str = "/api/v2/users") -> httpx.Response:
    return httpx.Response(status, json={"statusCode": status}, request=httpx.Request(method, "https://t" + path))


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        # The server refused it: nothing applied.
        (error_for(answer("POST", 400)), Status.FAILED),
        (error_for(answer("POST", 409)), Status.FAILED),
        (error_for(answer("PATCH", 404)), Status.FAILED),
        (error_for(answer("PATCH", 429)), Status.FAILED),
        # A 5xx on a POST or PATCH may come after the write.
        (error_for(answer("POST", 500)), Status.UNKNOWN),
        (error_for(answer("PATCH", 503)), Status.UNKNOWN),
        (error_for(answer("PATCH", 520)), Status.UNKNOWN),
        # ... but a read, or an idempotent write, is safe to repeat.
        (error_for(answer("GET", 503)), Status.FAILED),
        (error_for(answer("DELETE", 503)), Status.FAILED),
        (error_for(answer("PUT", 500)), Status.FAILED),
        # Transport: sent or not.
        (APIConnectionError("POST /users: ConnectError", method="POST", sent=False), Status.FAILED),
        (APIConnectionError("POST /users: RemoteProtocolError", method="POST", sent=True), Status.UNKNOWN),
        (APITimeoutError("PATCH /users/{id}: ReadTimeout", method="PATCH", sent=True), Status.UNKNOWN),
        (APITimeoutError("PATCH /users/{id}: ConnectTimeout", method="PATCH", sent=False), Status.FAILED),
        (APITimeoutError("GET /users/{id}: ReadTimeout", method="GET", sent=True), Status.FAILED),
        (APIConnectionError("no method known", sent=True), Status.UNKNOWN),
        (ResponseParseError(answer("POST", 201), "truncated"), Status.UNKNOWN),
        (ResponseParseError(answer("GET", 200), "truncated"), Status.FAILED),
        # The token endpoint failing writes nothing to the API.
        (TokenError(answer("POST", 503, "/oauth/token"), client_id="c"), Status.FAILED),
        # Raised before anything was sent, or by the caller's own code.
        (TypeError("users.update: blocked must be a bool"), Status.FAILED),
        (KeyError("user_id"), Status.FAILED),
    ],
)
def test_status_of(error: BaseException, expected: Status) -> None:
    assert status_of(error) is expected


@pytest.mark.parametrize(
    ("data", "entries", "whole"),
    [
        (b"", {}, 0),
        (b'{"key":"a","status":"started"}\n', {"a": ("started", None)}, 31),
        # The latest line of a key wins.
        (
            b'{"key":"a","status":"started"}\n{"key":"a","status":"failed","reason":"429"}\n'
            b'{"key":"a","status":"started"}\n{"key":"a","status":"done"}\n',
            {"a": ("done", None)},
            None,
        ),
        (
            b'{"key":"a","status":"unknown","reason":"dropped"}\n\n{"key":"b","status":"done","at":"x"}\n',
            {"a": ("unknown", "dropped"), "b": ("done", None)},
            None,
        ),
        # A last line without its newline was cut short: left out, even when it parses.
        (b'{"key":"a","status":"done"}\n{"key":"b","sta', {"a": ("done", None)}, 28),
        (b'{"key":"a","status":"done"}\n{"key":"b","status":"done"}', {"a": ("done", None)}, 28),
        (b'{"key":"a","st', {}, 0),
    ],
)
def test_reading_a_journal(data: bytes, entries: dict[str, tuple[str, str | None]], whole: int | None) -> None:
    read = read_entries(io.BytesIO(data))
    assert {key: tuple(entry) for key, entry in read.entries.items()} == entries
    assert read.whole == (len(data) if whole is None else whole)
    assert read.job is None  # no header: an earlier version's journal (or an empty one)
    with_header = read_entries(io.BytesIO(b'{"job":"import","format":2}\n' + data))
    assert (with_header.job, with_header.entries) == ("import", read.entries)


@pytest.mark.parametrize(
    "data",
    [
        b'{"key":"a","sta\n{"key":"b","status":"done"}\n',  # a torn line that is not the last
        b'["a","done"]\n',
        b'{"key":"a"}\n',
        b'{"key":7,"status":"done"}\n',
        b'{"key":"a","status":"finished"}\n',
        b'{"key":"a","status":["done"]}\n',
        b'{"key":"a","status":{"done":1}}\n',
        b'"done"\n',
        b"[" * 100_000 + b"]" * 100_000 + b"\n",
        b'{"job":["import"]}\n',
        b'{"key":"a","status":"done"}\n{"job":"import"}\n',  # a header is the first line only
        b"\xff\xfe\n",
    ],
)
def test_a_line_that_is_not_a_journal_line_is_an_error(data: bytes) -> None:
    with pytest.raises(JournalError, match=r"line [12] is not a journal line"):
        read_entries(io.BytesIO(data))


def test_default_keys() -> None:
    assert default_key("auth0|123") == "auth0|123"
    create = {"connection": "db", "email": "ada@example.com", "password": "correct horse"}
    same = {"password": "another one", "email": "ada@example.com", "connection": "db"}
    key = default_key(create)
    assert key.startswith("sha256:")
    assert len(key) == len("sha256:") + 32
    assert key == default_key(same)  # order-free, and no form of the password in it
    assert key != default_key({**create, "email": "bob@example.com"})
    assert default_key(("auth0|1", {"plan": "pro"})) == default_key(["auth0|1", {"plan": "pro"}])
    assert default_key(7) != default_key("7")
    with pytest.raises(TypeError, match="give key="):
        default_key(object())
    deep: Any = []
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(TypeError, match="give key="):
        default_key(deep)


def test_a_report_counts_and_sums_up() -> None:
    outcomes: list[bulk.Outcome[str, Any]] = [
        bulk.Outcome(0, "a", Status.DONE, resumed=True),
        bulk.Outcome(1, "b", Status.DONE, result={"user_id": "b"}),
        bulk.Outcome(2, "c", Status.FAILED, reason="NotFoundError: ..."),
        bulk.Outcome(3, "d", Status.UNKNOWN, reason="APIConnectionError: ..."),
        bulk.Outcome(4, "e", Status.NOT_ATTEMPTED),
    ]
    report = bulk.Report(outcomes, stopped=True)
    assert report.counts == {Status.DONE: 2, Status.FAILED: 1, Status.UNKNOWN: 1, Status.NOT_ATTEMPTED: 1}
    assert report.summary() == "2 done (1 in an earlier run), 1 failed, 1 unknown, 1 not attempted"
    assert [o.item for o in report.with_status(Status.DONE)] == ["a", "b"]
    assert not report.ok
    assert report[1].result == {"user_id": "b"}
    assert [o.index for o in report] == [0, 1, 2, 3, 4]
    assert bulk.Report(outcomes[:2], stopped=False).ok


def test_bad_arguments_fail_before_anything_starts() -> None:
    mgmt = ManagementClient(base_url="http://127.0.0.1:9/api/v2", token="t")
    amgmt = AsyncManagementClient(base_url="http://127.0.0.1:9/api/v2", token="t")
    with pytest.raises(TypeError, match=r"bulk\.arun"):
        bulk.run(amgmt, ["a"], lambda m, item: None)
    with pytest.raises(TypeError, match=r"bulk\.run"):
        asyncio.run(bulk.arun(mgmt, ["a"], lambda m, item: None))
    for bad in (0, -1, 1.5, True):
        with pytest.raises(ValueError, match="concurrency must be a positive integer"):
            bulk.run(mgmt, ["a"], lambda m, item: None, concurrency=bad)
    with pytest.raises(TypeError, match=r"use bulk\.arun"):
        bulk.run(mgmt, ["a"], lambda m, item: amgmt.users.get(item))
