"""What tools see at run time: resolvable annotations, readable reprs, docstrings, a small dir()."""

from __future__ import annotations

import inspect
import typing
from collections.abc import Iterator
from typing import Any

import pytest
from auth0_users import AsyncManagementClient, ManagementClient, SyncPagerShape, User
from auth0_users.pagination import AsyncPager, SyncPager
from auth0_users_api.types import UNSET
from auth0_users_facade.operations import OPERATIONS

OPTIONS = {"base_url": "http://127.0.0.1:9/api/v2", "token": "t"}


def _methods(node: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Every public method of a resource tree, depth first, with its dotted name."""
    for name in dir(type(node)):
        if name.startswith("_"):
            continue
        attribute = getattr(node, name)
        if inspect.ismethod(attribute):
            yield prefix + name, attribute
        elif name != "with_raw_response" and hasattr(attribute, "_operations"):
            yield from _methods(attribute, f"{prefix}{name}.")


@pytest.mark.parametrize("client_class", [ManagementClient, AsyncManagementClient])
def test_every_annotation_resolves_at_run_time(client_class: type) -> None:
    client = client_class(**OPTIONS)
    trees = [client.users, client.users.with_raw_response, client.users.roles.with_raw_response]
    checked = 0
    for tree in trees:
        for name, method in _methods(tree):
            hints = typing.get_type_hints(method)
            assert "return" in hints, name
            checked += 1
    assert checked >= len(OPERATIONS) + 3  # every operation, and merge_metadata, search_all, with_raw_response views


@pytest.mark.parametrize("pager", [SyncPager, AsyncPager])
def test_pager_annotations_resolve(pager: type) -> None:
    for name in ("iter_pages", "limit", "__init__"):
        assert typing.get_type_hints(getattr(pager, name))


def test_the_user_type_covers_what_user_calls_return() -> None:
    members = set(typing.get_args(User))
    hints = {name: typing.get_type_hints(getattr(ManagementClient(**OPTIONS).users, name))["return"] for name in
             ("get", "create", "update", "merge_metadata")}  # fmt: skip
    assert all(hint in members for hint in hints.values()), hints
    assert typing.get_args(typing.get_type_hints(ManagementClient(**OPTIONS).users.list)["return"])[0] in members


def test_reprs_say_what_things_are() -> None:
    mgmt = ManagementClient(**OPTIONS)
    assert repr(mgmt.users).startswith("<users: create(), delete(), get(), list()")
    assert repr(mgmt.users.roles) == "<users.roles: assign(), delete(), list()>"
    assert "object at 0x" not in repr(mgmt.users.effective_permissions.sources)
    assert "raw" in repr(mgmt.users.with_raw_response)
    assert repr(UNSET) == "UNSET"
    assert "UNSET" in str(inspect.signature(mgmt.users.get))
    assert "object at 0x" not in str(inspect.signature(mgmt.users.list))
    assert isinstance(mgmt.users.list(), SyncPagerShape)
    assert repr(mgmt.users.search_all(q="blocked:true")).startswith("<SearchAllPager q='blocked:true'")
    assert "users.list" in repr(mgmt.users.list())


@pytest.mark.parametrize("client_class", [ManagementClient, AsyncManagementClient])
def test_the_users_repr_and_dir_list_operations_helpers_and_resources(client_class: type) -> None:
    users = client_class(**OPTIONS).users
    operations = {key.split(".")[1] for key in OPERATIONS if key.count(".") == 1}
    resources = {key.split(".")[1] for key in OPERATIONS if key.count(".") > 1}
    helpers = {"merge_metadata"} | ({"search_all", "count"} if "users.list" in OPERATIONS else set())
    calls, helpers_part, resources_part = repr(users).removeprefix("<users: ").removesuffix(">").split("; ")
    assert set(calls.split(", ")) == {f"{name}()" for name in operations}
    assert set(helpers_part.removeprefix("helpers: ").split(", ")) == {f"{name}()" for name in helpers}
    assert set(resources_part.removeprefix("resources: ").split(", ")) == resources
    public = {name for name in dir(users) if not name.startswith("_")}
    assert public == operations | helpers | resources | {"with_raw_response"}


def test_dir_shows_what_users_call() -> None:
    public = {name for name in dir(ManagementClient(**OPTIONS)) if not name.startswith("_")}
    assert public == {"base_url", "close", "pacer", "rate_limit", "users", "with_options"}


def test_docstrings_carry_the_spec() -> None:
    users = ManagementClient(**OPTIONS).users
    doc = users.list.__doc__ or ""
    assert "per_page: Number of results per page. (from 0 to 100)" in doc
    assert "first 1000 results" in doc
    assert "search_all" in doc
    assert "Lucene query string syntax" in doc
    assert "read:users" in (users.get.__doc__ or "")
