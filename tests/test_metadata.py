"""The metadata merge rules, as pure functions (the sandbox holds them over HTTP elsewhere)."""

from __future__ import annotations

from auth0_users.metadata import DELETE, deep_merge, deep_merge_patch, predict, predict_merge
from hypothesis import given
from hypothesis import strategies as st

CURRENT = {"addresses": {"home": "Paris", "work": "Lyon"}, "plan": "free"}


def test_a_nested_object_replaces_the_stored_one_whole() -> None:
    assert predict(CURRENT, {"addresses": {"home": "Nice"}}) == {"addresses": {"home": "Nice"}, "plan": "free"}


def test_null_deletes_a_first_level_key_and_empty_clears_the_field() -> None:
    assert predict(CURRENT, {"plan": None}) == {"addresses": CURRENT["addresses"]}
    assert predict(CURRENT, {}) == {}


def test_deep_merge_patch_keeps_what_it_does_not_mention() -> None:
    patch = deep_merge_patch(CURRENT, {"addresses": {"home": "Nice"}})
    assert patch == {"addresses": {"home": "Nice", "work": "Lyon"}}
    assert predict(CURRENT, patch) == {"addresses": {"home": "Nice", "work": "Lyon"}, "plan": "free"}


def test_delete_removes_a_nested_key() -> None:
    assert deep_merge_patch(CURRENT, {"addresses": {"work": DELETE}}) == {"addresses": {"home": "Paris"}}
    assert deep_merge_patch(CURRENT, {"plan": DELETE}) == {"plan": None}


def test_nothing_to_change_gives_an_empty_patch() -> None:
    assert deep_merge_patch(CURRENT, {"plan": "free", "addresses": {"home": "Paris"}}) == {}


json_leaf = st.none() | st.booleans() | st.integers(-5, 5) | st.text(max_size=3)
keys = st.sampled_from(["a", "b", "c", "d"])
metadata = st.recursive(json_leaf, lambda inner: st.dictionaries(keys, inner, max_size=3), max_leaves=8)
documents = st.dictionaries(keys, metadata, max_size=4).map(lambda d: {k: v for k, v in d.items() if v is not None})
changes = st.recursive(
    json_leaf | st.just(DELETE), lambda inner: st.dictionaries(keys, inner, max_size=3), max_leaves=8
).filter(lambda c: isinstance(c, dict))


@given(documents, changes)
def test_the_patch_makes_auth0_store_the_deep_merge(current, change) -> None:
    expected = {k: v for k, v in deep_merge(current, change).items() if v is not None}
    assert predict_merge(current, change) == expected


@given(documents, changes)
def test_keys_not_mentioned_are_never_lost(current, change) -> None:
    stored = predict_merge(current, change)
    for key, value in current.items():
        if key not in change:
            assert stored[key] == value
