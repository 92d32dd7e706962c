"""How search_all cuts a query into created_at ranges (pure part)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from auth0_users._search import Span

T0 = datetime(2024, 1, 1, tzinfo=UTC)


def test_unbounded_span_leaves_the_query_alone() -> None:
    assert Span().query('email:"*@example.com"') == 'email:"*@example.com"'
    assert Span().query(None) == ""


def test_span_is_half_open_with_escaped_timestamps() -> None:
    span = Span(T0, T0 + timedelta(days=1))
    assert span.query("blocked:true") == (
        "(blocked:true) AND created_at:[2024-01-01T00\\:00\\:00.000Z TO 2024-01-02T00\\:00\\:00.000Z}"
    )
    assert Span(None, T0).query(None) == "created_at:[* TO 2024-01-01T00\\:00\\:00.000Z}"


def test_halves_cover_the_span_without_overlap() -> None:
    last = T0 + timedelta(hours=10)
    left, right = Span().halves(T0, last)
    assert left.low is None
    assert right.high is None
    assert left.high == right.low == T0 + timedelta(hours=5)  # the middle, truncated to the millisecond


def test_a_single_millisecond_cannot_be_split() -> None:
    assert Span(T0, T0 + timedelta(milliseconds=1)).halves(T0, T0) is None
    assert Span(T0, T0 + timedelta(milliseconds=2)).halves(T0, T0) is not None
