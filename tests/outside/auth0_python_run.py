"""Drives the official auth0-python, unchanged, against an HTTPS sandbox; prints what it saw as JSON.

Run by test_official_sdks.py in .venv-sdk (auth0-python is never installed into .venv), with
SANDBOX_DOMAIN, SANDBOX_TOKEN, SANDBOX_ROLE and the CA trusted through SSL_CERT_FILE.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from auth0.management import ConflictError, ManagementClient, NotFoundError

CONNECTION = "Username-Password-Authentication"


def error_seen(call: Any) -> dict[str, Any]:
    """The class and status of the error ``call`` raises (an SDK error is what the test expects)."""
    try:
        call()
    except (NotFoundError, ConflictError) as error:
        return {"type": type(error).__name__, "status": error.status_code}
    return {"type": None, "status": None}


def main() -> None:
    """List, create, read, update, assign roles, provoke a 409 and a 404, delete; report each."""
    client = ManagementClient(domain=os.environ["SANDBOX_DOMAIN"], token=os.environ["SANDBOX_TOKEN"])
    users = client.users
    report: dict[str, Any] = {}

    pager = users.list(per_page=10, page=0, include_totals=True, sort="created_at:1")
    report["pages"] = sum(1 for _ in pager.iter_pages())
    report["listed"] = [user.user_id for user in users.list(per_page=10, include_totals=True, sort="created_at:1")]

    email = "ada.lovelace@example.com"
    created = users.create(
        connection=CONNECTION, email=email, password="Correct-Horse-9!", user_metadata={"theme": "dark", "lang": "en"}
    )
    user_id = str(created.user_id)
    report["created"] = {"user_id": user_id, "email": created.email, "user_metadata": created.user_metadata}
    fetched = users.get(user_id)
    report["fetched"] = {"email": fetched.email, "user_metadata": fetched.user_metadata}
    updated = users.update(user_id, user_metadata={"lang": "fr", "theme": None}, name="Ada")
    report["updated"] = {"name": updated.name, "user_metadata": updated.user_metadata}

    users.roles.assign(user_id, roles=[os.environ["SANDBOX_ROLE"]])
    report["roles"] = [role.id for role in users.roles.list(user_id)]

    report["conflict"] = error_seen(lambda: users.create(connection=CONNECTION, email=email, password="Other-Horse-9!"))
    users.delete(user_id)
    report["not_found"] = error_seen(lambda: users.get(user_id))
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
