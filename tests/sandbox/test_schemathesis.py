"""Property-based requests to every Users operation of the sandbox, over HTTP: no input gives a 5xx,
and every answer conforms to the spec (body schema, content type, headers).

The spec is the Users slice that ``openapi/slice.py`` cuts from the pinned spec at test time, written
to a temporary folder (it is never committed). Status codes are not checked against each operation's
documented list: Auth0 answers 400 for a malformed checkpoint cursor on operations whose page documents
no 400.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from auth0_users.sandbox import SandboxServer
from auth0_users_facade.request_schemas import REQUESTS
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
)

EXAMPLES = 12
"""Per operation: 42 operations stay well under a minute on two cores."""
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance, response_headers_conformance]


@pytest.fixture(scope="session")
def users_api(users_slice: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Any:
    path: Path = tmp_path_factory.mktemp("schemathesis") / "users-slice.json"
    path.write_text(json.dumps(users_slice))
    return schemathesis.openapi.from_path(path)


@pytest.mark.parametrize("operation", sorted(REQUESTS))
def test_every_users_operation(operation: str, users_api: Any, sandbox: SandboxServer) -> None:
    method, path = operation.split(" ", 1)
    users = [user["user_id"] for user in sandbox.seed(3)]

    @given(case=users_api[path][method].as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def requests_conform(case: Any) -> None:
        for name in ("id", "user_id"):  # a real user, so that answers go past the 404
            if name in (case.path_parameters or {}):
                case.path_parameters[name] = next((u for u in users if u in sandbox.backend.users), users[0])
        case.call_and_validate(
            base_url=sandbox.base_url, headers={"Authorization": f"Bearer {sandbox.token}"}, checks=CHECKS
        )

    requests_conform()
