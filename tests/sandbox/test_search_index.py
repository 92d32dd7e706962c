"""Searches narrowed by the index find what testing every user finds, in the same order."""

from __future__ import annotations

import functools
from typing import Any

import pytest
from auth0_users.sandbox import QueryError, SandboxBackend, compile_query
from auth0_users.sandbox.backend import ApiError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SORTS = (None, "created_at:1", "created_at:-1", "email:1", "name:-1")
TEXT_FIELDS = ("email", "user_id", "name", "nickname", "username", "given_name", "family_name")
OTHER_FIELDS = ("identities.connection", "identities.provider", "user_metadata.plan", "logins_count", "app_metadata")


def _odd(user_id: str, **fields: Any) -> dict[str, Any]:
    identity = {"connection": "email", "user_id": user_id, "provider": "email", "isSocial": False}
    return {"user_id": f"email|{user_id}", "identities": [identity], **fields}


ODD_USERS = [
    _odd("n1", email=42, name=7.0, created_at=20240101, logins_count=3),  # numbers where text is usual
    _odd("n2", email=None, name=["Ada", "ADA Byron"], created_at="not a date"),
    _odd("n3", name="Ĳsbrand Straße", nickname="ẞig", given_name="İlker", created_at="2024-01-01T01:00:00+01:00"),
    _odd("n4", name="two\nlines", nickname="tab\there", created_at="2023-05-01"),
    _odd("n5", name=True, given_name={"nested": "ada"}, created_at=["2022-02-02T00:00:00.000Z", "2025-01-01"]),
    _odd("n6", email="odd@example.com"),  # no created_at at all
    _odd("n7", email="Mixed@Example.COM", created_at="2022-01-03T00:00:00.000Z", username="ADA.byron"),
]


@functools.cache
def tenant() -> SandboxBackend:
    """Seeded users with shared instants, odd ones, and changes made through the backend's own calls."""
    backend = SandboxBackend()
    seeded = backend.seed(240, seed=5, same_created_at=3)
    for user in ODD_USERS:
        backend.insert_user(dict(user))
    backend.update_user(seeded[0]["user_id"], {"email": "renamed@example.org", "name": "Renamed"})
    backend.update_user(seeded[1]["user_id"], {"name": None, "nickname": "ada"})
    backend.delete_user(seeded[2]["user_id"])
    backend.delete_user("email|n6")
    primary, secondary, social = [u["user_id"] for u in seeded[3:] if u["identities"][0]["isSocial"]][:3]
    for other in (secondary, social):
        provider, local = other.split("|")
        backend.link_identity(primary, {"provider": provider, "user_id": local})
    backend.unlink_identity(primary, provider, local)
    backend.create_user(
        {"connection": "Username-Password-Authentication", "email": "new@x.test", "password": "Pw-12345"}
    )
    return backend


@functools.cache
def _values() -> list[str]:
    words = set()
    for user in tenant().users.values():
        for name in (*TEXT_FIELDS, "created_at"):
            value = user.get(name)
            if isinstance(value, str) and '"' not in value and "\\" not in value:
                words.add(value)
        words.update(identity["connection"] for identity in user["identities"])
    return sorted(words)


@st.composite
def text(draw: st.DrawFn) -> str:
    value = draw(st.sampled_from(_values()) | st.sampled_from(["ada", "ADA", "none", "true", "42", "7", "x"]))
    case = draw(st.sampled_from([str, str.upper, str.lower, str.swapcase]))
    value = case(value)
    form = draw(st.sampled_from(["exact", "prefix", "star", "suffix", "single"]))
    cut = draw(st.integers(0, max(0, len(value) - 1)))
    return {
        "exact": value,
        "prefix": value[:cut] + "*",
        "star": "*",
        "suffix": "*" + value[cut:],
        "single": value[:cut] + "?" + value[cut + 1 :],
    }[form]


def _stamp(value: str) -> str:
    return value.replace(":", "\\:")


@st.composite
def clause(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["term", "bare", "range", "exists"]))
    if kind == "range":
        bound = st.sampled_from(["*", "abc", "2023-01-01", "2024-01-01T00:00:00+01:00"]) | st.sampled_from(
            [value for value in _values() if value[:2] == "20"]
        )
        low, high = draw(bound), draw(bound)
        opening, closing = draw(st.sampled_from("[{")), draw(st.sampled_from("]}"))
        field = draw(st.sampled_from(["created_at", "created_at", "updated_at"]))
        return f"{field}:{opening}{_stamp(low)} TO {_stamp(high)}{closing}"
    if kind == "exists":
        return f"_exists_:{draw(st.sampled_from(TEXT_FIELDS))}"
    value = draw(text())
    quoted = f'"{value}"' if draw(st.booleans()) else _stamp(value).replace(" ", "\\ ").replace("|", "\\|")
    if kind == "bare":
        return quoted
    return f"{draw(st.sampled_from(TEXT_FIELDS + OTHER_FIELDS))}:{quoted}"


@st.composite
def query(draw: st.DrawFn, depth: int = 2) -> str:
    if depth == 0 or draw(st.booleans()):
        return draw(clause())
    parts = draw(st.lists(query(depth=depth - 1), min_size=1, max_size=3))
    joiner = draw(st.sampled_from([" AND ", " OR ", " "]))
    prefixes = draw(st.lists(st.sampled_from(["", "", "NOT ", "-", "+"]), min_size=len(parts), max_size=len(parts)))
    return "(" + joiner.join(prefix + part for prefix, part in zip(prefixes, parts, strict=True)) + ")"


def scanned(backend: SandboxBackend, q: str, sort: str | None, connection: str | None) -> list[str]:
    """Every user, in sort order, tested against the query: the search without any index."""
    predicate = compile_query(q)
    return [
        user["user_id"]
        for user in backend.search_users(None, sort)
        if predicate(user) and (connection is None or user["identities"][0]["connection"] == connection)
    ]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    q=query(),
    sort=st.sampled_from(SORTS),
    connection=st.sampled_from([None, None, "email", "github", "GitHub", "Username-Password-Authentication"]),
)
def test_indexed_search_finds_what_a_scan_finds(q: str, sort: str | None, connection: str | None) -> None:
    backend = tenant()
    try:
        expected = scanned(backend, q, sort, connection)
    except QueryError:
        with pytest.raises(ApiError):
            backend.search_users(q, sort, connection)
        return
    assert [user["user_id"] for user in backend.search_users(q, sort, connection)] == expected


@settings(max_examples=60, deadline=None)
@given(
    changes=st.lists(
        st.tuples(st.sampled_from(["email", "name", "delete", "link"]), st.integers(0, 59), st.integers(0, 59)),
        max_size=12,
    ),
    probes=st.lists(query(depth=1), min_size=1, max_size=4),
)
def test_the_index_follows_every_change(changes: list[tuple[str, int, int]], probes: list[str]) -> None:
    backend = SandboxBackend()
    users = [user["user_id"] for user in backend.seed(60, seed=2, same_created_at=2)]
    for action, first, second in changes:
        target, other = users[first], users[second]
        if target not in backend.users:
            continue
        if action == "email":
            email = f"{backend.users.get(other, {}).get('email', 'x@x.test').split('@')[0]}.{first}@changed.test"
            backend.update_user(target, {"email": email})
        elif action == "name":
            backend.update_user(target, {"name": backend.users.get(other, {}).get("name") or None})
        elif action == "delete":
            backend.delete_user(target)
        elif other in backend.users and other != target and len(backend.users[other]["identities"]) == 1:
            provider, local = other.split("|", 1)
            backend.link_identity(target, {"provider": provider, "user_id": local})
    providers = (f"identities.provider:{provider}" for provider in ("github", "google-oauth2", "email"))
    fixed = ["email:*", "created_at:[* TO *]", *providers]
    for q in [*probes, *fixed]:
        try:
            expected = scanned(backend, q, "created_at:1", None)
        except QueryError:
            continue
        assert [user["user_id"] for user in backend.search_users(q, "created_at:1")] == expected
