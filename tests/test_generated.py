"""The generated package: importable, callable over loopback, and free of the generator pitfalls
this spec used to trigger (each test names the pitfall it holds back)."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from auth0_users_api import AuthenticatedClient
from auth0_users_api.api.users import (
    get_user_roles,
    get_users,
    get_users_by_id,
    patch_users_by_id,
    post_users,
    put_authentication_methods,
)
from auth0_users_api.api.users_by_email import get_users_by_email
from auth0_users_api.models import (
    CreateUserRequestContent,
    GetUserResponseContent,
    ListUsersOffsetPaginatedResponseContent,
    SearchEngineVersionsEnum,
    SetUserAuthenticationMethods,
    UpdateUserRequestContent,
    UserIdentityProviderEnum,
)
from auth0_users_api.models.user_metadata import UserMetadata
from auth0_users_api.types import UNSET
from loopback import ROOT, RecordingServer

USER = {
    "user_id": "auth0|65f0c0ffee",
    "email": "ada@example.com",
    "email_verified": True,
    "created_at": "2024-03-01T10:00:00.000Z",
    "identities": [{"connection": "Username-Password-Authentication", "provider": "auth0", "user_id": "65f0c0ffee"}],
    "user_metadata": {"theme": {"mode": "dark"}},
}


def client(server: RecordingServer) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=server.base_url, token="test-token")


def test_generated_function_round_trip_over_loopback(recording_server: RecordingServer) -> None:
    recording_server.respond(200, USER)
    user = get_users_by_id.sync("auth0|65f0c0ffee", client=client(recording_server), fields="email")
    assert isinstance(user, GetUserResponseContent)
    assert user.user_id == "auth0|65f0c0ffee"
    assert user.identities[0].provider is UserIdentityProviderEnum.AUTH0
    request = recording_server.requests[0]
    assert request.method == "GET"
    assert request.path == "/api/v2/users/auth0%7C65f0c0ffee?fields=email"
    assert request.headers["Authorization"] == "Bearer test-token"


def test_update_sends_only_the_fields_set(recording_server: RecordingServer) -> None:
    """Pitfall: the spec's example defaults (email, blocked=false, ...) were sent as real values."""
    recording_server.respond(200, USER)
    metadata = UserMetadata.from_dict({"plan": "premium"})
    body = UpdateUserRequestContent(user_metadata=metadata)
    patch_users_by_id.sync("auth0|1", client=client(recording_server), body=body)
    assert recording_server.requests[0].json() == {"user_metadata": {"plan": "premium"}}
    assert UpdateUserRequestContent().to_dict() == {}
    assert CreateUserRequestContent(connection="db").to_dict() == {"connection": "db"}


def test_response_fields_left_out_stay_unset() -> None:
    """Pitfall: a model filled a field the server did not send with the spec's example value."""
    user = GetUserResponseContent.from_dict({"email": "a@example.com"})
    assert user.user_id is UNSET
    assert user.email_verified is UNSET


def test_null_is_sent_when_set_explicitly(recording_server: RecordingServer) -> None:
    recording_server.respond(200, USER)
    patch_users_by_id.sync("auth0|1", client=client(recording_server), body=UpdateUserRequestContent(phone_number=None))
    assert recording_server.requests[0].json() == {"phone_number": None}


def test_bodies_go_out_as_json_with_nested_metadata(recording_server: RecordingServer) -> None:
    """Pitfall: bodies offered as JSON and form went out form-encoded, metadata as a Python repr."""
    recording_server.respond(201, USER)
    body = CreateUserRequestContent.from_dict(
        {"connection": "db", "email": "ada@example.com", "user_metadata": {"address": {"city": "Paris", "zip": 75001}}}
    )
    post_users.sync(client=client(recording_server), body=body)
    request = recording_server.requests[0]
    assert request.headers["Content-Type"] == "application/json"
    assert request.json()["user_metadata"] == {"address": {"city": "Paris", "zip": 75001}}


def test_put_authentication_methods_sends_a_json_array(recording_server: RecordingServer) -> None:
    """Pitfall: the one operation with an array body failed outright when form-encoded."""
    recording_server.respond(200, [{"id": "phone|abc", "type": "phone", "created_at": "2024-03-01T10:00:00Z"}])
    body = [SetUserAuthenticationMethods.from_dict({"type": "phone", "phone_number": "+15551234567"})]
    result = put_authentication_methods.sync("auth0|1", client=client(recording_server), body=body)
    assert recording_server.requests[0].json() == [{"type": "phone", "phone_number": "+15551234567"}]
    assert result is not None
    assert result[0].id == "phone|abc"


def test_unknown_enum_values_from_the_server_pass_through(recording_server: RecordingServer) -> None:
    """Pitfall: a new identity provider raised on parse."""
    recording_server.respond(200, {**USER, "identities": [{"provider": "brand-new-idp", "user_id": "1"}]})
    user = get_users_by_id.sync("auth0|1", client=client(recording_server))
    assert isinstance(user, GetUserResponseContent)
    provider = user.identities[0].provider
    assert provider == "brand-new-idp"
    assert isinstance(provider, UserIdentityProviderEnum)
    assert user.identities[0].to_dict()["provider"] == "brand-new-idp"


def test_enum_query_argument_accepts_a_plain_string(recording_server: RecordingServer) -> None:
    """Pitfall: an enum query argument given as a plain string broke (``.value`` on a str)."""
    recording_server.respond(200, [])
    get_users.sync(client=client(recording_server), search_engine="v3")  # type: ignore[arg-type]
    get_users.sync(client=client(recording_server), search_engine=SearchEngineVersionsEnum.V3)
    assert [r.path for r in recording_server.requests] == ["/api/v2/users?search_engine=v3"] * 2


def test_unknown_response_fields_stay_readable(recording_server: RecordingServer) -> None:
    recording_server.respond(200, {"start": 0, "limit": 50, "length": 1, "total": 1, "users": [USER], "cursor": "x"})
    page = get_users.sync(client=client(recording_server), include_totals=True)
    assert isinstance(page, ListUsersOffsetPaginatedResponseContent)
    assert page.total == 1
    assert page.users[0].email == "ada@example.com"
    assert page.additional_properties == {"cursor": "x"}


def test_users_by_email_lives_in_its_own_module(recording_server: RecordingServer) -> None:
    recording_server.respond(200, [USER])
    users = get_users_by_email.sync(client=client(recording_server), email="ada@example.com")
    assert users is not None
    assert users[0].user_id == "auth0|65f0c0ffee"
    assert recording_server.requests[0].path == "/api/v2/users-by-email?email=ada%40example.com"


def run_generate(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(ROOT / "openapi" / "generate.py"), *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, env=env)


def test_check_generated_fails_naming_an_edited_file(tmp_path: Path) -> None:
    copy = tmp_path / "generated"
    shutil.copytree(ROOT / "generated", copy, ignore=shutil.ignore_patterns("__pycache__"))
    edited = copy / "auth0_users_api" / "api" / "users" / "get_users_by_id.py"
    edited.write_text(edited.read_text() + "\n# edited by hand\n")
    (copy / "auth0_users_facade" / "stray.py").write_text("")
    (copy / "API.md").write_text("edited")
    result = run_generate("--check", "--target", str(copy))
    assert result.returncode == 1
    assert "differs: auth0_users_api/api/users/get_users_by_id.py" in result.stderr
    assert "not generated: auth0_users_facade/stray.py" in result.stderr
    assert "differs: API.md" in result.stderr


def test_generation_is_independent_of_the_surrounding_project(tmp_path: Path) -> None:
    """Pitfall: the ruff post-hook read the nearest pyproject.toml and left a cache in the output."""
    hostile = '[tool.ruff]\nline-length = 40\n[tool.ruff.format]\nquote-style = "single"\n'
    (tmp_path / "pyproject.toml").write_text(hostile)
    workdir = tmp_path / "work"
    workdir.mkdir()
    env = {**os.environ, "TMPDIR": str(workdir)}
    target = tmp_path / "generated"
    assert run_generate("--target", str(target), env=env).returncode == 0
    assert not list(target.rglob(".ruff_cache"))
    result = run_generate("--check", env=env)
    assert result.returncode == 0, result.stderr
    assert run_generate("--check", "--target", str(target)).returncode == 0


DATES = """if True:
    import sys, attrs, auth0_users_api.models as models

    def dates(model):
        fields = attrs.fields(model)
        dated = [f.name for f in fields if "datetime.datetime" in str(f.type)]
        required = [f.name for f in fields if f.default is attrs.NOTHING and f.name not in dated]
        return [] if required else dated  # a model that needs other fields is left to other tests

    dated = {name: dates(getattr(models, name)) for name in models.__all__ if attrs.has(getattr(models, name))}
    dated = {name: fields for name, fields in dated.items() if fields}
    parsed = set()
    for name, fields in dated.items():
        model = getattr(models, name)
        utc = model.from_dict(dict.fromkeys(fields, "2024-03-01T10:00:00.000Z"))
        local = model.from_dict(dict.fromkeys(fields, "2024-03-02T11:30:15.123+02:00"))
        parsed |= {(getattr(utc, f).isoformat(), str(getattr(local, f).utcoffset())) for f in fields}
    print(len(dated), "dateutil" in sys.modules, sorted(parsed))
"""


def test_dates_need_nothing_beyond_the_standard_library() -> None:
    """Every model field the pinned spec types as date-time parses with the standard library alone.

    Which fields those are comes from the generated models: specs differ (some give a user's
    ``created_at`` as a ``oneOf`` of string and object, which is no date-time).
    """
    result = subprocess.run([sys.executable, "-c", DATES], capture_output=True, text=True, check=True)
    models, dateutil, parsed = result.stdout.strip().split(" ", 2)
    if models == "0":
        pytest.skip("the pinned spec types no model field as a date-time")
    assert parsed == "[('2024-03-01T10:00:00+00:00', '2:00:00')]"
    assert dateutil == "False"


def test_generated_package_imports_without_the_facade() -> None:
    code = "import auth0_users_api.api.users.get_users as m, sys; print('auth0_users' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
    assert httpx.__version__


def test_models_are_imported_on_first_use() -> None:
    """Import time: the models package imported every model module up front."""
    code = (
        "import sys, auth0_users_api.models as models\n"
        "loaded = lambda: sorted(m for m in sys.modules if m.startswith('auth0_users_api.models.'))\n"
        "print(loaded())\n"
        "models.UserIdentitySchema\n"
        "print(loaded())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    before, after = result.stdout.splitlines()
    assert before == "[]"
    assert "auth0_users_api.models.user_identity_schema" in after
    assert "auth0_users_api.models.get_user_response_content" not in after


def test_a_ready_client_costs_no_attrs_import_until_a_model_is_needed() -> None:
    """Import time: attrs (about 11 ms) was imported with the package, before any model was needed."""
    code = (
        "import sys\n"
        "from auth0_users import ManagementClient\n"
        "ManagementClient(base_url='http://127.0.0.1:9/api/v2', token='t').users\n"
        "print('attrs' in sys.modules)\n"
        "from auth0_users_api import AuthenticatedClient\n"
        "from auth0_users_api.models import UserIdentitySchema\n"
        "print('attrs' in sys.modules, AuthenticatedClient.__name__, UserIdentitySchema.from_dict({}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == ["False", "True AuthenticatedClient UserIdentitySchema()"]


def test_the_package_names_only_its_clients() -> None:
    import auth0_users_api

    assert auth0_users_api.Client.__name__ == "Client"
    with pytest.raises(AttributeError, match="NoSuchClient"):
        auth0_users_api.NoSuchClient  # type: ignore[attr-defined]  # noqa: B018


def test_every_listed_model_resolves() -> None:
    import auth0_users_api.models as models

    for name in models.__all__:
        assert getattr(models, name).__name__ == name
    assert set(models.__all__) <= set(dir(models))
    with pytest.raises(ImportError):
        from auth0_users_api.models import NoSuchModel  # type: ignore[attr-defined]  # noqa: F401


def test_a_status_the_standard_library_does_not_know_does_not_crash(recording_server: RecordingServer) -> None:
    """Pitfall: HTTPStatus(520) raised ValueError in every *_detailed function."""
    recording_server.respond(520, {"message": "origin unreachable"})
    response = get_users_by_id.sync_detailed("auth0|1", client=client(recording_server))
    assert response.status_code == 520
    assert response.parsed is None


def test_dot_segments_stay_inside_the_path(recording_server: RecordingServer) -> None:
    """A bare ".." would be resolved by the URL and reach GET /api/v2/roles."""
    recording_server.respond(200, [])
    get_user_roles.sync("..", client=client(recording_server))
    assert recording_server.requests[0].path == "/api/v2/users/%2E%2E/roles"


def test_bodies_are_decoded_with_orjson_when_it_is_installed(recording_server: RecordingServer) -> None:
    import orjson
    from auth0_users_api import types

    recording_server.respond(200, USER)
    user = get_users_by_id.sync("auth0|1", client=client(recording_server))
    assert isinstance(user, GetUserResponseContent)
    assert types._loads is orjson.loads


def test_imports_go_one_way_hand_written_to_generated() -> None:
    """Neither generator's output imports the hand-written package, at run time or for typing."""
    offenders = []
    for path in sorted((ROOT / "generated").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            offenders += [f"{path.relative_to(ROOT)}: {name}" for name in names if name.split(".")[0] == "auth0_users"]
    assert offenders == []
    code = (
        "import sys, auth0_users_facade.resources, auth0_users_facade.resources_async, auth0_users_facade.aliases\n"
        "print('auth0_users' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
