"""A walkthrough of the client: ``python -m auth0_users.demo`` (``make demo``).

Against a local sandbox seeded with 500 users by default. With ``AUTH0_DOMAIN`` set it talks to
that tenant instead, with ``AUTH0_TOKEN``, or ``AUTH0_CLIENT_ID`` and ``AUTH0_CLIENT_SECRET``; it
then creates one user (``auth0-users-demo-*@example.com``) on ``AUTH0_CONNECTION`` (default
``Username-Password-Authentication``) and deletes it at the end. Set ``AUTH0_ROLE_ID`` to see
role assignment there too.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from auth0_users_api.api.users import get_users_by_id
from auth0_users_api.types import Unset

import auth0_users
from auth0_users import ManagementClient, NotFoundError

DATABASE = "Username-Password-Authentication"
SANDBOX_ROLE = "rol_0000000000000003"


@contextlib.contextmanager
def connect() -> Iterator[tuple[ManagementClient, str, str | None]]:
    """A client for the tenant named by the environment, or for a fresh seeded sandbox."""
    domain = os.environ.get("AUTH0_DOMAIN")
    if domain:
        token = os.environ.get("AUTH0_TOKEN")
        client_id, client_secret = os.environ.get("AUTH0_CLIENT_ID"), os.environ.get("AUTH0_CLIENT_SECRET")
        with ManagementClient(domain=domain, token=token, client_id=client_id, client_secret=client_secret) as mgmt:
            yield mgmt, f"tenant {domain}", os.environ.get("AUTH0_ROLE_ID")
        return
    from auth0_users.sandbox import serve

    with serve(seed=500) as sandbox, ManagementClient(base_url=sandbox.base_url, token=sandbox.token) as mgmt:
        yield mgmt, f"sandbox at {sandbox.base_url} (500 seeded users)", SANDBOX_ROLE


def metadata(user: Any) -> dict[str, Any]:
    """A user's ``user_metadata`` as a plain dict."""
    value = user.user_metadata
    return {} if isinstance(value, Unset) else dict(value.to_dict())


def main() -> None:
    """Create, search, page, update, assign roles and delete, printing what happens."""
    print(f"auth0-users {auth0_users.__version__}")
    with connect() as (mgmt, where, role_id):
        print(f"talking to the {where}")
        users = mgmt.users
        email = f"Auth0-Users-Demo-{secrets.token_hex(3)}@Example.com"
        connection = os.environ.get("AUTH0_CONNECTION", DATABASE)
        user = users.create(connection=connection, email=email, password=secrets.token_urlsafe(16) + "aA1!",
                            user_metadata={"addresses": {"home": "Paris", "work": "Lyon"}})  # fmt: skip
        user_id = str(user.user_id)
        print(f"1. created {user_id}; Auth0 stores the email as {user.email}")
        try:
            found = users.list_users_by_email(email=email)
            print(f"2. users-by-email {email!r} finds {[u.user_id for u in found]} (asked as given, then lower-cased)")

            # Search is eventually consistent: a user created a moment ago shows after a while.
            searches, hits = 1, [u.user_id for u in users.list(q=f'email:"{email.lower()}"', fields="user_id")]
            while not hits and searches < 60:
                time.sleep(0.25)
                searches += 1
                hits = [u.user_id for u in users.list(q=f'email:"{email.lower()}"', fields="user_id")]
            print(f"3. search q=email:... -> {hits} (found on search {searches}: search is eventually consistent)")

            pages = users.list(per_page=100, sort="created_at:1").iter_pages()
            for number, page in enumerate(islice(pages, 3)):
                print(f"4. page {number}: {len(page.items)} users of {page.total}")

            updated = users.merge_metadata(user_id, user_metadata={"addresses": {"home": "Nice"}, "plan": "pro"})
            print(f"5. merge_metadata keeps the work address: {metadata(updated)}")
            users.update(user_id, user_metadata={"plan": None}, nickname="demo")
            print(f"   update(plan=None) deletes that key: {metadata(users.get(user_id))}")

            if role_id:
                users.roles.assign(user_id, roles=[role_id])
                print(f"6. roles after assign: {[role.name for role in users.roles.list(user_id)]}")
            else:
                print("6. roles: set AUTH0_ROLE_ID to assign one")

            raw = users.with_raw_response.get(user_id, fields="user_id")
            print(f"7. raw response: {raw.status_code}, rate limit {mgmt.rate_limit}")
            print(f"   generated function: {get_users_by_id.__name__}.sync(...) is there for the layer underneath")
        finally:
            users.delete(user_id)
            try:
                users.get(user_id)
            except NotFoundError as error:
                print(f"8. deleted; a get now raises {type(error).__name__}: {error.message}")
    cli_walkthrough()
    print("done")


def cli_walkthrough() -> None:
    """A few ``auth0-users`` commands, as a shell would run them (read-only on a tenant)."""
    import shlex

    from auth0_users.cli import main as auth0_users

    on_tenant = bool(os.environ.get("AUTH0_DOMAIN"))
    where = [] if on_tenant else ["--sandbox", "--seed", "1500"]
    commands = [["users", "search", "email:*@example.com", "--limit", "3", "--fields", "user_id,email,name"]]
    if not on_tenant:
        Path("build").mkdir(exist_ok=True)
        export = ["users", "export", "email:*", "--format", "csv", "--output", "build/demo-users.csv"]
        commands += [[*export, "--fields", "user_id,email"], ["users", "get", "auth0|000000000000000000000000"]]
    print("\nThe same from the command line (each --sandbox run starts its own sandbox):")
    for command in commands:
        print("$ auth0-users " + shlex.join([*where, *command]))
        status = auth0_users([*where, *command])
        if status:
            print(f"(exit status {status})")


if __name__ == "__main__":
    main()
