"""The sandbox as a model of Auth0 of its own: independent of the client, pinned to Auth0's documented
answers, and refusing what the spec refuses, as whole classes of input rather than single cases."""

from __future__ import annotations

import ast
import graphlib
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from auth0_users import ManagementClient, SearchLimitError
from auth0_users.sandbox import SandboxServer
from auth0_users_facade.request_schemas import DEFINITIONS, REQUESTS

SANDBOX = Path(__file__).resolve().parents[2] / "overrides" / "auth0_users" / "sandbox"
DB = "Username-Password-Authentication"
STRONG = "Str0ng-enough"


def imported_modules(path: Path) -> set[str]:
    """Absolute names of every module ``path`` imports (relative imports resolved from the sandbox)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = ["auth0_users", "sandbox"][: 3 - node.level] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names.add(module)
            if node.module is None:  # from .. import name
                names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def test_the_sandbox_imports_nothing_from_the_client() -> None:
    """Its model of Auth0 is its own: no module of it imports ``auth0_users`` outside ``auth0_users.sandbox``.

    The generated packages are allowed: they are the spec, mechanically, not the client's model of Auth0.
    """
    modules = sorted(SANDBOX.glob("*.py"))
    assert len(modules) > 5
    outside = {
        f"{path.name}: {name}"
        for path in modules
        for name in imported_modules(path)
        if (name == "auth0_users" or name.startswith("auth0_users."))
        and not (name == "auth0_users.sandbox" or name.startswith("auth0_users.sandbox."))
    }
    assert not outside, sorted(outside)


def test_the_sandbox_modules_import_one_another_without_a_circle() -> None:
    """Imports inside functions and under ``TYPE_CHECKING`` count: a circle is a circle to a reader."""
    modules = {
        "auth0_users.sandbox" + ("" if path.stem == "__init__" else f".{path.stem}"): path
        for path in SANDBOX.glob("*.py")
    }
    graph = {name: imported_modules(path) & modules.keys() - {name} for name, path in modules.items()}
    try:
        tuple(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as circle:
        pytest.fail(f"import circle: {' -> '.join(circle.args[1])}")


def test_the_import_walk_sees_relative_and_absolute_imports(tmp_path: Path) -> None:
    module = tmp_path / "probe.py"
    module.write_text("from ..metadata import x\nfrom . import _app\nimport auth0_users.pacing\nfrom .. import bulk\n")
    assert imported_modules(module) >= {
        "auth0_users.metadata",
        "auth0_users.sandbox._app",
        "auth0_users.pacing",
        "auth0_users.bulk",
    }


# -- Auth0's documented examples ------------------------------------------------------------------


def create(api: httpx.Client, email: str, **extra: Any) -> dict[str, Any]:
    response = api.post("/users", json={"connection": DB, "email": email, "password": STRONG, **extra})
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def test_the_metadata_merge_of_auth0s_documentation(api: httpx.Client) -> None:
    """The examples of Auth0's "Manage metadata using the Management API", step by step."""
    user = create(api, "jane.doe@example.com", user_metadata={"hobby": "surfing"}, app_metadata={"plan": "full"})
    path = f"/users/{user['user_id']}"
    home = "123 Main Street, Anytown, ST 12345"
    # Adding a second-level property: the root-level "addresses" is merged in beside "hobby".
    patched = api.patch(path, json={"user_metadata": {"addresses": {"home": home}}}).json()
    assert patched["user_metadata"] == {"hobby": "surfing", "addresses": {"home": home}}
    assert patched["app_metadata"] == {"plan": "full"}
    # Only the root level merges: adding the work address means sending every address again.
    work = "100 Industrial Way, Anytown, ST 12345"
    patched = api.patch(path, json={"user_metadata": {"addresses": {"work": work}}}).json()
    assert patched["user_metadata"] == {"hobby": "surfing", "addresses": {"work": work}}
    patched = api.patch(path, json={"user_metadata": {"addresses": {"home": home, "work": work}}}).json()
    assert patched["user_metadata"]["addresses"] == {"home": home, "work": work}
    # A property set to null is deleted; an empty object removes the metadata completely.
    patched = api.patch(path, json={"user_metadata": {"hobby": None}}).json()
    assert patched["user_metadata"] == {"addresses": {"home": home, "work": work}}
    patched = api.patch(path, json={"user_metadata": {}}).json()
    assert "user_metadata" not in patched
    assert api.get(path).json()["app_metadata"] == {"plan": "full"}


def test_the_search_cap_answer_is_auth0s_own_and_the_client_recognises_it(sandbox: SandboxServer) -> None:
    """Auth0's answer past the 1000th result, as its users report it byte for byte, and the client's error for it."""
    documented = {
        "statusCode": 400,
        "error": "Bad Request",
        "message": "You can only page through the first 1000 records. "
        "See https://auth0.com/docs/users/search/v3/view-search-results-by-page#limitation",
        "errorCode": "invalid_paging",
    }
    headers = {"Authorization": f"Bearer {sandbox.token}"}
    answer = httpx.get(f"{sandbox.base_url}/users", params={"page": 10, "per_page": 100}, headers=headers)
    assert (answer.status_code, answer.json()) == (400, documented)
    with ManagementClient(base_url=sandbox.base_url, token=sandbox.token) as client, pytest.raises(SearchLimitError):
        next(iter(client.users.list(page=10, per_page=100)))


@pytest.mark.parametrize(
    ("request_", "status", "body"),
    [
        (
            ("GET", "/users", {"params": {"per_page": 1000}}),
            400,
            {
                "error": "Bad Request",
                "message": "Query validation error: 'Value 1000 is greater than maximum 100' on property per_page"
                " (Number of results per page.).",
                "errorCode": "invalid_query_string",
            },
        ),
        (
            ("POST", "/users", {"json": {"connection": DB, "email": "a@example.com", "scopes": []}}),
            400,
            {
                "error": "Bad Request",
                "message": "Payload validation error: 'Additional properties not allowed: scopes'.",
                "errorCode": "invalid_body",
            },
        ),
        (
            ("GET", "/users/auth0|nobody", {}),
            404,
            {"error": "Not Found", "message": "The user does not exist.", "errorCode": "inexistent_user"},
        ),
        (
            ("GET", "/users", {"headers": {"Authorization": "Bearer nope"}}),
            401,
            {"error": "Unauthorized", "message": "Invalid token", "errorCode": "invalid_token"},
        ),
    ],
    ids=["query-bound", "additional-property", "unknown-user", "bad-token"],
)
def test_error_bodies_are_auth0s(
    api: httpx.Client, request_: tuple[str, str, dict[str, Any]], status: int, body: dict[str, Any]
) -> None:
    method, path, options = request_
    response = api.request(method, path, **options)
    assert (response.status_code, response.json()) == (status, {"statusCode": status, **body})


def test_a_duplicate_email_answers_auth0s_conflict(api: httpx.Client) -> None:
    create(api, "twin@example.com")
    response = api.post("/users", json={"connection": DB, "email": "twin@example.com", "password": STRONG})
    assert response.json() == {
        "statusCode": 409,
        "error": "Conflict",
        "message": "The user already exists.",
        "errorCode": "auth0_idp_error",
    }


# -- every parameter and body field checked against the spec, as classes ---------------------------


def _resolved(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = DEFINITIONS[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _path(template: str, user_id: str, **values: str) -> str:
    path = template.replace("{id}", user_id).replace("{user_id}", user_id, 1)
    for name, schema in _path_schemas(template).items():
        enum = _resolved(schema).get("enum")
        path = path.replace("{" + name + "}", values.get(name) or (str(enum[0]) if enum else "x"))
    return path


def _path_schemas(template: str) -> dict[str, dict[str, Any]]:
    return {
        p["name"]: p["schema"]
        for key, described in REQUESTS.items()
        if key.split(" ", 1)[1] == template
        for p in described["parameters"]
        if p["in"] == "path"
    }


def _query_cases() -> list[tuple[str, str, str, str]]:
    """``(method, path, parameter, bad value)`` for every typed or bounded query parameter of the spec."""
    cases = []
    for key, described in REQUESTS.items():
        method, template = key.split(" ", 1)
        for parameter in described["parameters"]:
            schema = _resolved(parameter["schema"])
            if parameter["in"] != "query":
                continue
            kind = schema.get("type")
            if kind in ("integer", "boolean"):
                cases.append((method, template, parameter["name"], "not-a-" + kind))
            if "maximum" in schema:
                cases.append((method, template, parameter["name"], str(schema["maximum"] + 1)))
            if "minimum" in schema:
                cases.append((method, template, parameter["name"], str(schema["minimum"] - 1)))
            if "maxLength" in schema:
                cases.append((method, template, parameter["name"], "x" * (schema["maxLength"] + 1)))
            if "enum" in schema:
                cases.append((method, template, parameter["name"], "AAA"))
    return cases


@pytest.mark.parametrize(("method", "template", "name", "value"), _query_cases())
def test_every_query_parameter_is_checked(
    sandbox: SandboxServer, api: httpx.Client, method: str, template: str, name: str, value: str
) -> None:
    (user,) = sandbox.seed(1)
    required = {
        parameter["name"]: "x"
        for parameter in REQUESTS[f"{method} {template}"]["parameters"]
        if parameter["in"] == "query" and parameter["required"]
    }
    response = api.request(method, _path(template, user["user_id"]), params={**required, name: value})
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["errorCode"] == "invalid_query_string"
    assert body["message"].startswith("Query validation error: '")
    assert f"' on property {name} (" in body["message"]


def test_search_engine_takes_only_the_spec_s_versions(api: httpx.Client) -> None:
    refused = api.get("/users", params={"search_engine": "AAA"})
    assert refused.status_code == 400
    assert refused.json()["message"] == (
        "Query validation error: 'No enum match for: AAA' on property search_engine (The version of the search engine)."
    )
    for version in ("v1", "v2", "v3"):
        assert api.get("/users", params={"search_engine": version}).status_code == 200


def _path_cases() -> list[tuple[str, str, str, str]]:
    cases = []
    for key, described in REQUESTS.items():
        method, template = key.split(" ", 1)
        for parameter in described["parameters"]:
            schema = _resolved(parameter["schema"])
            if parameter["in"] == "path" and "enum" in schema:
                cases.append((method, template, parameter["name"], "not-a-provider"))
            elif parameter["in"] == "path" and "maxLength" in schema and parameter["name"] not in ("id", "user_id"):
                cases.append((method, template, parameter["name"], "x" * (schema["maxLength"] + 1)))
    return cases


@pytest.mark.parametrize(("method", "template", "name", "value"), _path_cases())
def test_every_path_parameter_is_checked(
    sandbox: SandboxServer, api: httpx.Client, method: str, template: str, name: str, value: str
) -> None:
    (user,) = sandbox.seed(1)
    response = api.request(method, _path(template, user["user_id"], **{name: value}))
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["errorCode"] == "invalid_uri"
    assert body["message"].startswith("Path validation error: '")


def test_a_too_long_user_id_in_the_path_is_refused(sandbox: SandboxServer, api: httpx.Client) -> None:
    response = api.get(f"/users/{'x' * 301}/federated-connections-tokensets")
    assert response.status_code == 400
    assert response.json()["message"].startswith("Path validation error: 'String is too long (301 chars), maximum 300'")


def _closed_bodies() -> list[tuple[str, str]]:
    return [
        tuple(key.split(" ", 1))  # type: ignore[misc]
        for key, described in REQUESTS.items()
        if described["body"] and _resolved(described["body"]["schema"]).get("additionalProperties") is False
    ]


@pytest.mark.parametrize(("method", "template"), _closed_bodies())
def test_every_closed_body_refuses_unknown_fields(
    sandbox: SandboxServer, api: httpx.Client, method: str, template: str
) -> None:
    (user,) = sandbox.seed(1)
    response = api.request(method, _path(template, user["user_id"]), json={"not_in_the_spec": 1})
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["errorCode"] == "invalid_body"
    assert body["message"].startswith("Payload validation error: '")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"name": 7}, "Payload validation error: 'Expected type string/null but found type integer' on property name"),
        ({"name": ""}, "Payload validation error: 'String is too short (0 chars), minimum 1' on property name"),
        ({"given_name": "x" * 151}, "Payload validation error: 'String is too long (151 chars), maximum 150'"),
        ({"email": "nobody"}, "Payload validation error: 'Object didn't pass validation for format email: nobody'"),
        ({"blocked": "yes"}, "Payload validation error: 'Expected type boolean but found type string' on property"),
        ({"phone_number": "555"}, "Payload validation error: 'String does not match pattern ^\\+[0-9]{1,15}$: 555'"),
        ({"user_metadata": []}, "Payload validation error: 'Expected type object but found type array'"),
    ],
)
def test_body_fields_are_checked_with_auth0s_wording(
    sandbox: SandboxServer, api: httpx.Client, body: dict[str, Any], message: str
) -> None:
    (user,) = sandbox.seed(1)
    response = api.patch(f"/users/{user['user_id']}", json=body)
    assert response.status_code == 400, response.text
    assert response.json()["errorCode"] == "invalid_body"
    assert response.json()["message"].startswith(message)


def test_a_required_body_field_is_named(api: httpx.Client) -> None:
    response = api.post("/users", json={"email": "a@example.com", "password": STRONG})
    assert response.json()["message"] == "Payload validation error: 'Missing required property: connection'."


# -- no input gives a 5xx ---------------------------------------------------------------------------

CHECKPOINT_LISTS = [
    "/users/{id}/sessions",
    "/users/{id}/refresh-tokens",
    "/users/{id}/connected-accounts",
    "/users/{id}/groups",
    "/users/{id}/effective-roles",
    "/users/{id}/effective-permissions?resource_server_identifier=https://api.example.com/",
]


@pytest.mark.parametrize("template", CHECKPOINT_LISTS)
@pytest.mark.parametrize("cursor", ["%C3%A9", "%FF%FE", "not-base64!", "cG9zOi0x"])
def test_a_malformed_checkpoint_cursor_is_a_400(
    sandbox: SandboxServer, api: httpx.Client, template: str, cursor: str
) -> None:
    (user,) = sandbox.seed(1)
    url = template.replace("{id}", user["user_id"])
    response = api.get(f"{url}{'&' if '?' in url else '?'}from={cursor}")
    assert response.status_code == 400, response.text
    assert response.json()["errorCode"] == "invalid_query_string"


# -- usernames, passwords, connected accounts ---------------------------------------------------------


def test_usernames_are_unique_per_connection(api: httpx.Client) -> None:
    first = create(api, "ada@example.com", username="ada")
    taken = api.post("/users", json={"connection": DB, "email": "b@example.com", "password": STRONG, "username": "Ada"})
    assert (taken.status_code, taken.json()) == (
        409,
        {
            "statusCode": 409,
            "error": "Conflict",
            "message": "The username provided is in use already.",
            "errorCode": "auth0_idp_error",
        },
    )
    other = create(api, "grace@example.com", username="grace")
    renamed = api.patch(f"/users/{other['user_id']}", json={"username": "ADA"})
    assert renamed.status_code == 409
    assert renamed.json()["message"] == "The username provided is in use already."
    assert api.patch(f"/users/{first['user_id']}", json={"username": "ada"}).status_code == 200  # its own name


@pytest.mark.parametrize(
    ("policy", "accepted", "refused"),
    [
        ("none", ["a"], []),
        ("low", ["abcdef"], ["abcde"]),
        ("fair", ["Abcdefg1"], ["abcdefg1", "ABCDEFG1", "Abcdefgh", "Abcdef1"]),
        ("good", ["abcdefg1!", "Abcdefg1", "ABCDEF1!"], ["abcdefg1", "abcdefgh!", "Ab1!"]),
        ("excellent", ["Abcdefghi1", "Aa1!Aa1!Aa1!"], ["Abcdefgh1", "Aaaabcdef1", "abcdefghij1", "Abcdefgh1" * 15]),
    ],
)
def test_each_password_policy_follows_auth0s_rules(
    sandbox: SandboxServer, api: httpx.Client, policy: str, accepted: list[str], refused: list[str]
) -> None:
    sandbox.set_password_policy(policy)
    for number, password in enumerate(accepted):
        response = api.post("/users", json={"connection": DB, "email": f"ok{number}@example.com", "password": password})
        assert response.status_code == 201, (policy, password, response.text)
    for password in refused:
        response = api.post("/users", json={"connection": DB, "email": "weak@example.com", "password": password})
        assert (response.status_code, response.json()) == (
            400,
            {"statusCode": 400, "error": "Bad Request", "message": "PasswordStrengthError: Password is too weak"},
        ), (policy, password)


def test_the_default_password_policy_is_good_and_applies_to_password_changes(
    sandbox: SandboxServer, api: httpx.Client
) -> None:
    user = create(api, "ada@example.com")
    for weak in ("a", "password", "Password"):
        response = api.post("/users", json={"connection": DB, "email": "b@example.com", "password": weak})
        assert response.status_code == 400
        assert api.patch(f"/users/{user['user_id']}", json={"password": weak}).status_code == 400
    changed = api.patch(f"/users/{user['user_id']}", json={"password": "Passw0rd"})
    assert changed.status_code == 200, changed.text
    # Passwordless connections have no password policy.
    assert api.post("/users", json={"connection": "email", "email": "c@example.com"}).status_code == 201
    sandbox.set_password_policy("none")
    assert api.post("/users", json={"connection": DB, "email": "d@example.com", "password": "a"}).status_code == 201
    sandbox.reset()
    assert api.post("/users", json={"connection": DB, "email": "d@example.com", "password": "a"}).status_code == 400
    with pytest.raises(ValueError, match="unknown password policy 'strong'"):
        sandbox.set_password_policy("strong")
    with pytest.raises(ValueError, match="not a database connection"):
        sandbox.set_password_policy("low", "github")


def test_python_m_takes_a_password_policy() -> None:
    command = [sys.executable, "-m", "auth0_users.sandbox", "--password-policy", "none"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().split()[-1]
        token = process.stdout.readline().split()[-1]
        body = {"connection": DB, "email": "a@example.com", "password": "a"}
        response = httpx.post(f"{base_url}/users", json=body, headers={"Authorization": f"Bearer {token}"}, timeout=10)
        assert response.status_code == 201, response.text
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_the_pytest_plugin_takes_a_password_policy(pytester: pytest.Pytester) -> None:
    pytester.makeconftest('pytest_plugins = ["auth0_users.sandbox.pytest_plugin"]')
    pytester.makepyfile(
        """
        import httpx

        def test_low(sandbox):
            headers = {"Authorization": f"Bearer {sandbox.token}"}
            for password, status in (("abcdef", 201), ("abcde", 400)):
                body = {"connection": "Username-Password-Authentication", "email": "a@example.com"}
                body["password"] = password
                assert httpx.post(f"{sandbox.base_url}/users", json=body, headers=headers).status_code == status
        """
    )
    pytester.runpytest_subprocess("--sandbox-password-policy=low").assert_outcomes(passed=1)


def test_connected_accounts_take_what_the_schema_allows_in_pages_of_at_most_20(
    sandbox: SandboxServer, api: httpx.Client
) -> None:
    (user,) = sandbox.seed(1)
    accounts = sandbox.backend.state[user["user_id"]].connected_accounts
    accounts[:] = [{**(accounts[0] if accounts else {}), "id": f"cac_{n:016d}"} for n in range(45)]
    path = f"/users/{user['user_id']}/connected-accounts"
    assert len(api.get(path).json()["connected_accounts"]) == 10  # the documented default
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"take": 50, **({"from": cursor} if cursor else {})}  # both SDKs' default
        page = api.get(path, params=params)
        assert page.status_code == 200, page.text
        assert len(page.json()["connected_accounts"]) <= 20
        seen += [account["id"] for account in page.json()["connected_accounts"]]
        cursor = page.json().get("next")
        if not cursor:
            break
    assert seen == [f"cac_{n:016d}" for n in range(45)]
    assert api.get(path, params={"take": 101}).status_code == 400  # past the schema's maximum
