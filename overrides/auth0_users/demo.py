"""A short walkthrough against a local sandbox: ``python -m auth0_users.demo``.

It starts the sandbox, seeds it, calls a few generated endpoint functions and prints what happened.
"""

from __future__ import annotations

from auth0_users_api import AuthenticatedClient
from auth0_users_api.api.users import (
    get_user_roles,
    get_users,
    get_users_by_id,
    patch_users_by_id,
    post_user_roles,
    post_users,
)
from auth0_users_api.api.users_by_email import get_users_by_email
from auth0_users_api.models import (
    AssignUserRolesRequestContent,
    CreateUserRequestContent,
    ListUsersOffsetPaginatedResponseContent,
    UpdateUserRequestContent,
)
from auth0_users_api.models.user_metadata import UserMetadata

import auth0_users
from auth0_users.sandbox import serve

VIEWER_ROLE = "rol_0000000000000003"


def main() -> None:
    """Walk through a few calls against a freshly seeded sandbox."""
    print(f"auth0-users {auth0_users.__version__}")
    with serve(seed=500) as sandbox:
        print(f"sandbox at {sandbox.base_url}, seeded with 500 users")
        api = AuthenticatedClient(base_url=sandbox.base_url, token=sandbox.token)

        page = get_users.sync(client=api, q="user_metadata.plan:premium", sort="created_at:-1", per_page=3,
                              include_totals=True)  # fmt: skip
        if isinstance(page, ListUsersOffsetPaginatedResponseContent):
            print(f"premium users: {page.total}; the newest three:")
            for user in page.users or []:
                print(f"  {user.user_id}  {user.email}  created {user.created_at}")

        body = CreateUserRequestContent(connection="Username-Password-Authentication", email="Ada@Example.com",
                                        password="correct horse battery staple")  # noqa: S106  # fmt: skip
        created = post_users.sync(client=api, body=body)
        user_id = str(getattr(created, "user_id", ""))
        print(f"created {user_id} with email {getattr(created, 'email', '?')} (stored lower-cased)")

        found = get_users_by_email.sync(client=api, email="ADA@example.com")
        print(f"users-by-email ADA@example.com -> {[user.user_id for user in found or []]}")

        patch = UpdateUserRequestContent(user_metadata=UserMetadata.from_dict({"plan": "premium", "theme": "dark"}))
        patch_users_by_id.sync(user_id, client=api, body=patch)
        patch = UpdateUserRequestContent(user_metadata=UserMetadata.from_dict({"theme": None}))
        updated = patch_users_by_id.sync(user_id, client=api, body=patch)
        metadata = getattr(updated, "user_metadata", None)
        print(f"user_metadata after setting and then deleting 'theme': {metadata.to_dict() if metadata else {}}")

        post_user_roles.sync_detailed(user_id, client=api, body=AssignUserRolesRequestContent(roles=[VIEWER_ROLE]))
        roles = get_user_roles.sync(user_id, client=api)
        print(f"roles: {[role.name for role in roles] if isinstance(roles, list) else roles}")

        fetched = get_users_by_id.sync(user_id, client=api, fields="user_id,email", include_fields=True)
        print(f"fields=user_id,email -> {fetched.to_dict() if fetched else None}")
    print("sandbox stopped")


if __name__ == "__main__":
    main()
