"""A user's code against the installed package, for mypy --strict with nothing else on its path.

``assert_type`` lines hold the types users must see: the models the pinned spec gives, named by
the generated aliases (``UsersGetResult`` is ``users.get``'s model) so that a renamed schema keeps
this file valid. A line with the comment ``error: TEXT`` must draw a mypy error containing TEXT;
no other line may draw one. Never run.
"""

from __future__ import annotations

from typing import assert_type

from auth0_users import (
    AsyncManagementClient,
    AsyncPagerShape,
    AsyncSearchAll,
    ManagementClient,
    PageShape,
    RawResponseShape,
    SearchAll,
    SyncPagerShape,
)
from auth0_users_api import AuthenticatedClient
from auth0_users_api.api.users import get_users_by_id
from auth0_users_api.types import Unset
from auth0_users_facade.aliases import UsersGetResult, UsersListItem, UsersRolesListItem


def facade(mgmt: ManagementClient, id: str) -> None:
    assert_type(mgmt.users.get(id, fields="email"), UsersGetResult)
    assert_type(mgmt.users.with_raw_response.get(id), RawResponseShape[UsersGetResult])
    assert_type(mgmt.users.merge_metadata(id, user_metadata={"plan": "pro"}), UsersGetResult)
    assert_type(mgmt.users.list_users_by_email(email="ada@example.com"), list[UsersListItem])
    users = mgmt.users.list(q="email:*@example.com", per_page=100)
    assert_type(users, SyncPagerShape[UsersListItem])
    for user in users.limit(10):
        assert_type(user, UsersListItem)
        assert_type(user.email, str | Unset)
    for page in users.iter_pages():
        assert_type(page, PageShape[UsersListItem])
        assert_type(page.items, list[UsersListItem])
    for role in mgmt.users.roles.list(id):
        assert_type(role, UsersRolesListItem)
    assert_type(mgmt.users.search_all(), SearchAll[UsersListItem])
    for found in mgmt.users.search_all(q="blocked:false", fields=["user_id", "email"], per_page=50):
        assert_type(found, UsersListItem)
    assert_type(mgmt.users.count(q="blocked:true"), int)
    assert_type(mgmt.users.get(id, fields=("email", "name")), UsersGetResult)


def mistakes(mgmt: ManagementClient, id: str) -> None:
    mgmt.users.get(id, fieldz="email")  # error: Unexpected keyword argument "fieldz"
    mgmt.users.get(123)  # error: incompatible type "int"; expected "str"
    mgmt.users.get(id, include_fields="yes")  # error: Argument "include_fields"
    mgmt.users.list(per_page="100")  # error: Argument "per_page"
    mgmt.users.roles.assign(id, roles=[1])  # error: List item 0 has incompatible type "int"; expected "str"
    mgmt.users.get(id).email.lower()  # error: Item "Unset" of "str | Unset" has no attribute "lower"
    mgmt.users.search_all(q="x", feilds="user_id")  # error: Unexpected keyword argument "feilds"
    mgmt.users.search_all(q="x", sort="email:1")  # error: Unexpected keyword argument "sort"
    mgmt.users.search_all(per_page="100")  # error: Argument "per_page"
    mgmt.users.count(q="x", bogus=1)  # error: Unexpected keyword argument "bogus"
    mgmt.users.get(id, fields=["email", 1])  # error: List item 1 has incompatible type "int"


async def async_facade(amgmt: AsyncManagementClient, id: str) -> None:
    assert_type(await amgmt.users.get(id), UsersGetResult)
    assert_type(await amgmt.users.merge_metadata(id, app_metadata={"plan": "pro"}), UsersGetResult)
    users = amgmt.users.list(per_page=100)
    assert_type(users, AsyncPagerShape[UsersListItem])
    async for user in users:
        assert_type(user, UsersListItem)
    assert_type(amgmt.users.search_all(), AsyncSearchAll[UsersListItem])
    async for found in amgmt.users.search_all(q="blocked:false"):
        assert_type(found, UsersListItem)
    assert_type(await amgmt.users.count(q="blocked:true"), int)
    await amgmt.users.get(id, fieldz="email")  # error: Unexpected keyword argument "fieldz"
    amgmt.users.search_all(feilds="user_id")  # error: Unexpected keyword argument "feilds"
    await amgmt.users.count(bogus=1)  # error: Unexpected keyword argument "bogus"


def generated_layer(api: AuthenticatedClient, id: str) -> None:
    get_users_by_id.sync(id, client=api, fieldz="email")  # error: Unexpected keyword argument "fieldz"
    get_users_by_id.sync(id, client=api, include_fields="yes")  # error: Argument "include_fields"
