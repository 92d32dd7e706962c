"""How search_all cuts a query into created_at ranges and reads the matches (pure part).

``Tenant`` answers the plan's pages as Auth0 does for ``GET /users``: half-open created_at ranges,
oldest first, only the first 1000 results of a query, and users who share a millisecond in an
order that differs from one query to the next (Auth0 promises no order among ties).
"""

from __future__ import annotations

import math
import re
import zlib
from bisect import bisect_left
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import attrs
import httpx
import pytest
from auth0_users import ManagementClient, SearchSplitError
from auth0_users.pagination._pager import Page
from auth0_users.pagination._search import SearchPlan, Span, _checked, created_at_of, user_id_of
from auth0_users_api.types import UNSET
from auth0_users_facade.aliases import UsersListItem  # the model the pinned spec gives
from hypothesis import given, settings
from hypothesis import strategies as st

T0 = datetime(2024, 1, 1, tzinfo=UTC)
MS = timedelta(milliseconds=1)
_SPAN = re.compile(r"created_at:\[(\S+) TO (\S+)\}")


def test_unbounded_span_leaves_the_query_alone() -> None:
    assert Span().query('email:"*@example.com"') == 'email:"*@example.com"'
    assert Span().query(None) == ""


def test_span_is_half_open_with_escaped_timestamps() -> None:
    span = Span(T0, T0 + timedelta(days=1))
    assert span.query("blocked:true") == (
        "(blocked:true) AND created_at:[2024-01-01T00\\:00\\:00.000Z TO 2024-01-02T00\\:00\\:00.000Z}"
    )
    assert Span(T0, None).query(None) == "created_at:[2024-01-01T00\\:00\\:00.000Z TO *}"


def test_only_a_millisecond_span_cannot_be_split() -> None:
    assert Span(T0, T0 + MS).is_millisecond
    assert not Span(T0, T0 + 2 * MS).is_millisecond
    assert not Span(T0, None).is_millisecond
    assert not Span().is_millisecond


class Tenant:
    """Users with the given created_at instants, searched as Auth0 searches them."""

    def __init__(self, moments: list[datetime], *, readable: bool = True) -> None:
        self.users = sorted((moment, f"auth0|{number:06d}") for number, moment in enumerate(moments))
        self.moments = [moment for moment, _ in self.users]
        self.readable = readable
        self.requests = 0

    def answer(self, arguments: dict[str, Any]) -> Page[dict[str, Any]]:
        self.requests += 1
        assert arguments["sort"] == "created_at:1"
        assert arguments["include_totals"] is True
        page, per_page = arguments["page"], arguments["per_page"]
        assert (page + 1) * per_page <= 1000, "Auth0 refuses pages past the first 1000 results"
        q = arguments.get("q", "")
        low, high = _bounds(q)
        start = 0 if low is None else bisect_left(self.moments, low)
        end = len(self.users) if high is None else bisect_left(self.moments, high)
        matches = sorted(self.users[start:end], key=lambda user: (user[0], zlib.crc32(f"{q}{user[1]}".encode())))
        served = matches[page * per_page : (page + 1) * per_page]
        items = [
            {"user_id": user_id, "created_at": moment.isoformat(timespec="milliseconds")} if self.readable else {}
            for moment, user_id in served
        ]
        return Page(items, len(matches), None, httpx.Response(200))

    def search_all(self, per_page: int = 100) -> list[dict[str, Any]]:
        """Drive a plan to the end, as the pagers do, keeping what it yields."""
        plan: SearchPlan[dict[str, Any]] = SearchPlan(None, _checked({"per_page": per_page}))
        found: list[dict[str, Any]] = []
        while (arguments := plan.request()) is not None:
            found += plan.receive(self.answer(arguments))
        return found


def _bounds(q: str) -> tuple[datetime | None, datetime | None]:
    if not q:
        return None, None
    match = _SPAN.fullmatch(q)
    assert match, q
    low, high = (None if text == "*" else datetime.fromisoformat(text.replace("\\:", ":")) for text in match.groups())
    return low, high


def _moments(runs: list[tuple[int, int]]) -> list[datetime]:
    """``count`` users at each instant, ``gap`` milliseconds after the previous one."""
    moments, at = [], T0
    for gap, count in runs:
        at += gap * MS
        moments += [at] * count
    return moments


def _check_every_user_once_oldest_first(tenant: Tenant, found: list[dict[str, Any]]) -> None:
    assert sorted(user["user_id"] for user in found) == sorted(user_id for _, user_id in tenant.users)
    created = [user["created_at"] for user in found]
    assert created == sorted(created)


@settings(max_examples=100, deadline=None)
@given(
    runs=st.lists(
        st.tuples(st.integers(0, 10**8), st.one_of(st.integers(1, 3), st.integers(1, 1100))), min_size=0, max_size=40
    ),
    per_page=st.sampled_from([100, 100, 37]),
)
def test_every_user_once_oldest_first_whatever_the_ties(runs: list[tuple[int, int]], per_page: int) -> None:
    moments = _moments(runs)[:5000]
    tenant = Tenant(moments)
    crowded = max(Counter(moments).values(), default=0)
    if crowded > 1000 // per_page * per_page:  # more than the results Auth0 serves at that page size
        with pytest.raises(SearchSplitError, match="cannot be split below one millisecond"):
            tenant.search_all(per_page)
        return
    _check_every_user_once_oldest_first(tenant, tenant.search_all(per_page))
    # Ties already yielded are served again after a cut, at most a window of them per cut.
    assert tenant.requests <= 3 * math.ceil(len(moments) / per_page) + 3


@pytest.mark.parametrize(
    ("count", "per_page"), [(0, 100), (1, 100), (1000, 100), (1001, 100), (3500, 37), (20_000, 100)]
)
def test_costs_what_paging_the_matches_costs(count: int, per_page: int) -> None:
    tenant = Tenant([T0 + number * timedelta(seconds=7) for number in range(count)])
    _check_every_user_once_oldest_first(tenant, tenant.search_all(per_page))
    assert tenant.requests <= 1.01 * max(1, math.ceil(count / per_page)) + 1


@pytest.mark.parametrize(
    ("runs", "shared"),
    [
        ([(0, 1001)], 1001),
        ([(0, 5), (1, 1200), (1, 5)], 1200),
    ],
)
def test_over_1000_in_one_millisecond_is_a_clear_error(runs: list[tuple[int, int]], shared: int) -> None:
    with pytest.raises(SearchSplitError) as caught:
        Tenant(_moments(runs)).search_all()
    assert caught.value.matches == shared
    assert f"{shared} users match this search" in str(caught.value)
    assert caught.value.created_at == T0 + (0 if len(runs) == 1 else 1) * MS
    assert "search_all" not in str(caught.value)


@pytest.mark.parametrize(
    ("runs", "requests"),
    [
        ([(0, 1000), (5, 500)], 16),  # 10 pages, the millisecond counted (1), 5 pages for the rest
        ([(0, 1), (1, 1000), (1, 1)], 22),  # the crowded millisecond is served again once, then counted
        ([(0, 300), (1, 999), (1, 1000), (1, 2)], None),
    ],
)
def test_up_to_1000_in_one_millisecond_are_all_read(runs: list[tuple[int, int]], requests: int | None) -> None:
    tenant = Tenant(_moments(runs))
    _check_every_user_once_oldest_first(tenant, tenant.search_all())
    assert requests is None or tenant.requests == requests


def test_matches_without_created_at_are_fine_until_a_split_needs_it() -> None:
    assert len(Tenant(_moments([(1, 1)] * 1000), readable=False).search_all()) == 1000
    with pytest.raises(SearchSplitError, match="no readable created_at"):
        Tenant(_moments([(1, 1)] * 1001), readable=False).search_all()


@attrs.define
class DateObject:
    """What openapi-python-client generates for ``{"type": "object", "additionalProperties": true}``."""

    additional_properties: dict[str, Any] = attrs.field(factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.additional_properties)


@attrs.define
class TypedUser:
    """A user model whose created_at is typed by one spec version or another."""

    created_at: Any = UNSET
    user_id: Any = "auth0|1"


@attrs.define
class LooseUser:
    """A user model whose spec does not type created_at: the value lands in additional_properties."""

    user_id: Any = "auth0|1"
    additional_properties: dict[str, Any] = attrs.field(factory=dict)


NOON = datetime(2024, 3, 1, 12, 0, 0, 123000, tzinfo=UTC)


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        (TypedUser(NOON), NOON),
        (TypedUser(NOON.replace(tzinfo=None)), NOON),
        (TypedUser(NOON.astimezone(timezone(timedelta(hours=5)))), NOON),
        (TypedUser("2024-03-01T12:00:00.123Z"), NOON),
        (TypedUser("2024-03-01T13:00:00.123+01:00"), NOON),
        (TypedUser(DateObject({"date": "2024-03-01T12:00:00.123Z"})), NOON),
        (TypedUser({"$date": "2024-03-01T12:00:00.123Z"}), NOON),
        (TypedUser(DateObject({"ts": {"iso": "2024-03-01T12:00:00.123Z"}})), NOON),
        (LooseUser(additional_properties={"created_at": "2024-03-01T12:00:00.123Z"}), NOON),
        ({"user_id": "auth0|1", "created_at": "2024-03-01T12:00:00.123Z"}, NOON),
        (UsersListItem.from_dict({"user_id": "auth0|1", "created_at": "2024-03-01T12:00:00.123Z"}), NOON),
        (TypedUser(UNSET), None),
        (TypedUser(None), None),
        (TypedUser("yesterday"), None),
        (TypedUser(1709294400123), None),
        (TypedUser(DateObject({"note": "no date here"})), None),
        (LooseUser(), None),
        ({}, None),
        (object(), None),
    ],
)
def test_created_at_reads_from_every_shape_a_spec_gives_it(user: Any, expected: datetime | None) -> None:
    assert created_at_of(user) == expected


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        (TypedUser(), "auth0|1"),
        (LooseUser(user_id=UNSET, additional_properties={"user_id": "auth0|2"}), "auth0|2"),
        ({"user_id": "auth0|3"}, "auth0|3"),
        (TypedUser(user_id=UNSET), None),
        (TypedUser(user_id=""), None),
        (TypedUser(user_id=7), None),
    ],
)
def test_user_id_reads_from_a_model_or_a_dict(user: Any, expected: str | None) -> None:
    assert user_id_of(user) == expected


@pytest.mark.parametrize(
    ("arguments", "sent"),
    [
        ({}, {"per_page": 100}),
        ({"fields": "email", "connection": "db"},
         {"per_page": 100, "fields": "email,created_at,user_id", "connection": "db"}),
        ({"fields": "user_id, created_at", "per_page": 50}, {"per_page": 50, "fields": "user_id,created_at"}),
        ({"fields": "email,created_at", "include_fields": False},
         {"per_page": 100, "fields": "email", "include_fields": False}),
        ({"fields": "user_id,created_at", "include_fields": False}, {"per_page": 100}),
        ({"fields": UNSET, "per_page": UNSET}, {"per_page": 100}),
        ({"fields": ["email", "user_id"], "q": "x"}, {"per_page": 100, "fields": "email,user_id,created_at", "q": "x"}),
    ],
)  # fmt: skip
def test_search_all_asks_for_the_fields_it_reads(arguments: dict[str, Any], sent: dict[str, Any]) -> None:
    assert _checked(arguments) == sent


@pytest.mark.parametrize(
    ("per_page", "error", "message"),
    [
        (0, ValueError, "users.search_all: per_page must be at least 1 and at most 100, got 0"),
        (101, ValueError, "users.search_all: per_page must be at least 1 and at most 100, got 101"),
        ("100", TypeError, "users.search_all: per_page must be an integer, got '100'"),
        (True, TypeError, "users.search_all: per_page must be an integer, got True"),
        (2.5, TypeError, "users.search_all: per_page must be an integer, got 2.5"),
    ],
)
def test_a_page_size_auth0_does_not_serve_is_refused(per_page: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=re.escape(message)):
        _checked({"per_page": per_page})


def test_search_all_and_list_say_the_same_of_a_page_size() -> None:
    """One message, from one place; list's bounds start at 0 (no users: a count)."""
    with ManagementClient(base_url="http://127.0.0.1:9/api/v2", token="t") as mgmt:
        for per_page, error in ((101, ValueError), ("100", TypeError)):
            with pytest.raises(error) as from_list:
                next(iter(mgmt.users.list(per_page=per_page)))
            with pytest.raises(error) as from_search_all:
                _checked({"per_page": per_page})
            listed = str(from_list.value).replace("users.list", "users.search_all").replace("least 0", "least 1")
            assert listed == str(from_search_all.value)
