"""The benchmark server answers the list shapes the clients rely on."""

from __future__ import annotations

import json
import sys

from loopback import ROOT

sys.path.insert(0, str(ROOT / "tests" / "bench"))

import server


def test_pages_with_totals_carry_the_envelope() -> None:
    page = json.loads(server.page_body(250, 2, 100, include_totals=True))
    assert {key: page[key] for key in ("start", "limit", "length", "total")} == {
        "start": 200,
        "limit": 100,
        "length": 50,
        "total": 250,
    }
    assert len(page["users"]) == 50


def test_pages_without_totals_are_bare_arrays_and_end_empty() -> None:
    assert len(json.loads(server.page_body(250, 0, 100, include_totals=False))) == 100
    assert json.loads(server.page_body(250, 3, 100, include_totals=False)) == []


def test_answers_are_complete_http_responses() -> None:
    listing = server.Listing(total=10)
    head, _, body = listing.answer("/api/v2/users/auth0%7C000000000000000000000000").partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200")
    assert json.loads(body)["user_id"] == "auth0|000000000000000000000000"
    assert b"404" in listing.answer("/api/v2/elsewhere").split(b"\r\n")[0]
