"""``make update-spec`` on changed copies of the pinned spec, each in a temporary copy of the project.

Each scenario changes the pinned spec the way a new upstream version might, adopts it with
``openapi/update_spec.py`` in a copy of the project's files (beside a ``shared/spec`` holding
the pinned spec, so the old one can be read), and keeps the result for the tests below: the
change report, and what changed in the copy's git status. A scenario whose target the pinned
spec lacks is skipped, saying so.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from loopback import ROOT
from slice import SHARED_COPY, pinned_spec_bytes

GIT = ["git", "-c", "user.name=tests", "-c", "user.email=tests@example.com", "-c", "core.hooksPath=/dev/null"]
ADOPTED_PATHS = ("openapi/pin.json", "generated/")
SCHEMAS = "#/components/schemas/"
Spec = dict[str, Any]


class NotApplicable(Exception):
    """The pinned spec lacks what a scenario changes (it may be older or newer than this suite)."""


def need(condition: bool, what: str) -> None:
    if not condition:
        raise NotApplicable(f"the pinned spec has no {what}")


def remove_and_add_an_operation(spec: Spec) -> Spec:
    removed, added = "/users/{id}/effective-roles/sources/groups", "/users/{id}/risk-assessments"
    need(removed in spec["paths"] and added not in spec["paths"], f"{removed}, or already has {added}")
    del spec["paths"][removed]
    listing = {"type": "array", "items": {"$ref": SCHEMAS + "RiskAssessment"}}
    spec["paths"][added] = {
        "get": {
            "operationId": "get_risk_assessments",
            "summary": "List the risk assessments of a user",
            "tags": ["users"],
            "x-operation-group": ["users", "riskAssessments"],
            "x-operation-name": "list",
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "Listed.", "content": {"application/json": {"schema": listing}}}},
            "security": [{"bearerAuth": []}, {"oAuth2ClientCredentials": ["read:users"]}],
        }
    }
    spec["components"]["schemas"]["RiskAssessment"] = {
        "type": "object",
        "additionalProperties": True,
        "properties": {"assessor": {"type": "string"}, "created_at": {"type": "string", "format": "date-time"}},
    }
    return spec


USER_SCHEMAS = (
    "UserResponseSchema",
    "GetUserResponseContent",
    "CreateUserResponseContent",
    "UpdateUserResponseContent",
)


def make_created_at_a_one_of(spec: Spec) -> Spec:
    """As in the specs published before late June 2026: a user's dates are text or an object.

    Every date-time field of the user schemas (``created_at``, ``updated_at``, ``last_login``, ...)
    becomes a ``oneOf`` of string and object, so the user models carry no ``datetime`` at all.
    """
    schemas = spec["components"]["schemas"]
    dates = [schemas.get(name, {}).get("properties", {}).get("created_at", {}) for name in USER_SCHEMAS]
    need(all(date.get("format") == "date-time" for date in dates), f"date-time created_at in each of {USER_SCHEMAS}")
    schemas["UserDateSchema"] = {"type": "object", "additionalProperties": True}
    for name in USER_SCHEMAS:
        properties = schemas[name]["properties"]
        for field, schema in properties.items():
            if schema.get("format") == "date-time":
                properties[field] = {"oneOf": [{"type": "string"}, {"$ref": SCHEMAS + "UserDateSchema"}]}
    return spec


def rename_the_user_schema(spec: Spec) -> Spec:
    schemas = spec["components"]["schemas"]
    need("UserResponseSchema" in schemas and "UserSchema" not in schemas, "UserResponseSchema, or has a UserSchema")
    schemas["UserSchema"] = schemas.pop("UserResponseSchema")
    renamed: Spec = json.loads(json.dumps(spec).replace(f'"{SCHEMAS}UserResponseSchema"', f'"{SCHEMAS}UserSchema"'))
    return renamed


def remove_a_search_engine(spec: Spec) -> Spec:
    engines = spec["components"]["schemas"].get("SearchEngineVersionsEnum", {}).get("enum", [])
    need("v1" in engines, "search engine v1")
    engines.remove("v1")
    return spec


def require_an_organization_for_groups(spec: Spec) -> Spec:
    groups = spec["paths"].get("/users/{id}/groups", {}).get("get", {})
    taken = {parameter.get("name") for parameter in groups.get("parameters", [])}
    need(bool(groups) and "organization_id" not in taken, "GET /users/{id}/groups, or it has an organization_id")
    parameter = {"name": "organization_id", "in": "query", "required": True, "schema": {"type": "string"}}
    spec["paths"]["/users/{id}/groups"]["get"].setdefault("parameters", []).append(parameter)
    return spec


@dataclass(frozen=True)
class Scenario:
    change: Callable[[Spec], Spec]
    expected: tuple[str, ...]  # lines the report must hold
    changes_calls: bool = False  # operations, or what they take: the tests that call each one run too


SCENARIOS = {
    "operation removed and added": Scenario(
        remove_and_add_an_operation,
        (
            "2 changes, **1 breaking** (code using the facade may need changes).",
            "### Operations added",
            "- `users.risk_assessments.list`: `GET /users/{id}/risk-assessments`",
            "### Operations removed (**breaking**)",
            "- `users.effective_roles.sources.groups.list`: `GET /users/{id}/effective-roles/sources/groups`",
        ),
        changes_calls=True,
    ),
    "user dates a oneOf": Scenario(
        make_created_at_a_one_of,
        (
            "- `users.get`: `GET /users/{id}`",
            "  - **breaking**: response field `created_at`: type `string<date-time>` → `object | string`",
            "- `users.list`: `GET /users`",
            "  - **breaking**: response field `[].created_at`: type `string<date-time>` → `object | string`",
            "  - **breaking**: response field `users[].created_at`: type `string<date-time>` → `object | string`",
        ),
    ),
    "schema renamed": Scenario(
        rename_the_user_schema,
        (
            "1 change, none breaking.",
            "### Models renamed (same use from the facade)",
            "- `UserResponseSchema` is now `UserSchema`",
        ),
    ),
    "enum value removed": Scenario(
        remove_a_search_engine,
        (
            "1 change, **1 breaking** (code using the facade may need changes).",
            "- `users.list`: `GET /users`",
            "  - **breaking**: query parameter `search_engine`: enum values removed: `v1`",
        ),
    ),
    "required parameter added": Scenario(
        require_an_organization_for_groups,
        (
            "1 change, **1 breaking** (code using the facade may need changes).",
            "- `users.groups.get`: `GET /users/{id}/groups`",
            "  - **breaking**: query parameter `organization_id`: added, required",
        ),
        changes_calls=True,
    ),
}


def git(repo: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=repo, capture_output=True, text=True, check=True).stdout


def copy_project(base: Path, pinned: bytes | None) -> Path:
    """The project's files (tracked or new, not ignored) in ``base/repo``, committed in a fresh git repository.

    With ``pinned``, ``base/shared/spec`` holds the pinned spec, as ``../shared`` does here.
    """
    listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    repo = base / "repo"
    for name in filter(None, listed):
        if (ROOT / name).is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, repo / name)
    if pinned is not None:
        (base / "shared" / "spec").mkdir(parents=True)
        (base / "shared" / "spec" / SHARED_COPY.name).write_bytes(pinned)
    commit(repo, "the project as it is")
    return repo


def commit(repo: Path, message: str) -> None:
    if not (repo / ".git").exists():
        git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message)


def changed_paths(repo: Path) -> list[str]:
    return [line[3:] for line in git(repo, "status", "--porcelain", "--untracked-files=all").splitlines()]


def update_spec(repo: Path, spec: str) -> subprocess.CompletedProcess[str]:
    """``make update-spec SPEC=spec`` in ``repo``, with this environment's Python and tools."""
    command = [sys.executable, "openapi/update_spec.py", spec]
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, check=False)


@dataclass(frozen=True)
class Adopted:
    repo: Path
    spec: Path
    run: subprocess.CompletedProcess[str]

    @property
    def report(self) -> str:
        return (self.repo / "build" / "spec-changes.md").read_text(encoding="utf-8")

    def pin(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.repo / "openapi" / "pin.json").read_text())
        return data


@pytest.fixture(scope="module")
def pinned() -> bytes:
    return pinned_spec_bytes()


def write_changed_spec(path: Path, pinned: bytes, change: Callable[[Spec], Spec]) -> Path:
    """The pinned spec with ``change`` made, at ``path``; the test is skipped if the change does not apply."""
    try:
        spec = change(json.loads(pinned))
    except NotApplicable as exc:
        pytest.skip(str(exc))
    path.write_text(json.dumps(spec), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def adopted(tmp_path_factory: pytest.TempPathFactory, pinned: bytes) -> Callable[[str], Adopted]:
    """Adopt a scenario's spec once per module, in its own temporary copy of the project."""
    done: dict[str, Adopted] = {}

    def adopt(name: str) -> Adopted:
        if name not in done:
            base = tmp_path_factory.mktemp(name.replace(" ", "-"))
            spec = write_changed_spec(base / "spec.json", pinned, SCENARIOS[name].change)
            repo = copy_project(base, pinned)
            done[name] = Adopted(repo, spec, update_spec(repo, "../spec.json"))
        return done[name]

    return adopt


@pytest.mark.parametrize("name", SCENARIOS)
def test_the_report_names_each_change_and_whether_it_breaks(adopted: Callable[[str], Adopted], name: str) -> None:
    result = adopted(name)
    assert result.run.returncode == 0, result.run.stderr
    lines = result.report.splitlines()
    missing = [line for line in SCENARIOS[name].expected if line not in lines]
    assert not missing, f"{missing} not in the report:\n{result.report}"
    assert result.report in result.run.stdout


@pytest.mark.parametrize("name", SCENARIOS)
def test_only_the_pin_and_generated_code_change(adopted: Callable[[str], Adopted], name: str) -> None:
    result = adopted(name)
    changed = changed_paths(result.repo)
    assert "openapi/pin.json" in changed
    assert any(path.startswith("generated/") for path in changed)
    assert [path for path in changed if not path.startswith(ADOPTED_PATHS)] == []


def test_the_pin_records_the_adopted_spec(adopted: Callable[[str], Adopted]) -> None:
    result = adopted("operation removed and added")
    pin = result.pin()
    data = result.spec.read_bytes()
    assert pin["source"] == "../spec.json"
    assert pin["size"] == len(data)
    assert pin["sha256"] == hashlib.sha256(data).hexdigest()
    facades = {op["facade"] for op in pin["operations"]}
    assert "users.risk_assessments.list" in facades
    assert "users.effective_roles.sources.groups.list" not in facades
    listed = {"GET /users/{id}/risk-assessments": "get_risk_assessments"}
    assert {f"{op['method']} {op['path']}": op["operationId"] for op in pin["operations"]}.items() >= listed.items()
    assert (result.repo / "generated/auth0_users_api/api/users/get_risk_assessments.py").is_file()
    assert not (result.repo / "generated/auth0_users_api/api/users/get_user_role_source_groups.py").exists()


def test_adopting_the_same_spec_again_changes_nothing(adopted: Callable[[str], Adopted]) -> None:
    result = adopted("enum value removed")
    commit(result.repo, "adopted")
    again = update_spec(result.repo, "../spec.json")
    assert again.returncode == 0, again.stderr
    assert changed_paths(result.repo) == []
    assert "No changes to the Users API." in result.report
    assert "The pin and generated/ were up to date." in again.stdout


def test_adopting_the_pinned_spec_from_its_shared_copy_keeps_the_pin(tmp_path: Path, pinned: bytes) -> None:
    repo = copy_project(tmp_path, pinned)
    run = update_spec(repo, f"../shared/spec/{SHARED_COPY.name}")
    assert run.returncode == 0, run.stderr
    assert "No changes to the Users API." in run.stdout
    assert changed_paths(repo) == []


def test_generated_code_matches_the_new_pin(adopted: Callable[[str], Adopted]) -> None:
    result = adopted("user dates a oneOf")
    check = subprocess.run(
        [sys.executable, "openapi/generate.py", "--check"], cwd=result.repo, capture_output=True, text=True, check=False
    )
    assert check.returncode == 0, check.stderr


def test_without_the_old_spec_it_still_adopts_and_says_why_there_is_no_report(tmp_path: Path, pinned: bytes) -> None:
    write_changed_spec(tmp_path / "spec.json", pinned, remove_a_search_engine)
    repo = copy_project(tmp_path, None)
    pin_file = repo / "openapi" / "pin.json"
    pin_file.write_text(pin_file.read_text().replace(json.loads(pin_file.read_text())["source"], "../gone.json"))
    commit(repo, "pinned to a file this machine lacks")
    run = update_spec(repo, "../spec.json")
    assert run.returncode == 0, run.stderr
    report = (repo / "build" / "spec-changes.md").read_text()
    assert "The change report could not be computed: the previous spec, `../gone.json`" in report
    assert "spec not found: ../gone.json" in report
    assert json.loads(pin_file.read_text())["source"] == "../spec.json"
    assert [path for path in changed_paths(repo) if not path.startswith(ADOPTED_PATHS)] == []


FEATURES = Path(__file__).with_name("adopted_features.py")


def run_features(repo: Path) -> dict[str, Any]:
    """The facade's features against a sandbox, with the copy's generated and hand-written code."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(repo / "generated"), str(repo / "overrides")])}
    done = subprocess.run([sys.executable, str(FEATURES)], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    assert result["api_package"].startswith(str(repo)), "the copy's generated package was not the one imported"
    return result


@pytest.mark.parametrize("name", ["user dates a oneOf", "schema renamed", "operation removed and added"])
def test_every_feature_works_on_the_adopted_spec(adopted: Callable[[str], Adopted], name: str) -> None:
    result = adopted(name)
    assert result.run.returncode == 0, result.run.stderr
    features = run_features(result.repo)
    for mode in ("search_all", "async_search_all"):
        ids = features[mode]
        assert len(ids) == len(set(ids)) == 1500, f"{mode}: {len(ids)} users, {len(set(ids))} distinct"
    assert features["page"] == {"items": 10, "total": 1500}
    assert features["merged"] == {"a": 1, "b": 2}
    assert features["same_type_as_get"]
    assert len(features["by_email"]) == 1
    assert features["raw_status"] == 200
    assert features["hints_resolve"]
    if name == "user dates a oneOf":
        assert "datetime" not in features["created_at_type"]  # the users carry created_at as text or an object
    if name == "schema renamed":
        assert "UserSchema" in features["user_models"]
        assert "UserResponseSchema" not in features["user_models"]


def test_the_sandbox_answers_501_for_an_operation_it_lacks_and_it_is_not_retried(
    adopted: Callable[[str], Adopted],
) -> None:
    features = run_features(adopted("operation removed and added").repo)
    assert "users.risk_assessments.list" in features["operations"]
    assert "users.effective_roles.sources.groups.list" not in features["operations"]
    unimplemented = features["unimplemented"]
    assert unimplemented["error"] == "ServerError"
    assert unimplemented["status"] == 501
    assert "GET /users/{id}/risk-assessments (users.risk_assessments.list)" in unimplemented["message"]
    assert unimplemented["sent"] == 1


def test_the_hand_written_layer_type_checks_against_a_renamed_schema(
    adopted: Callable[[str], Adopted], tmp_path: Path
) -> None:
    result = adopted("schema renamed")
    mypy = [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy"), "overrides/auth0_users",
            "tests/typed_usage.py"]  # fmt: skip
    checked = subprocess.run(mypy, cwd=result.repo, capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_adopting_the_pinned_local_file_again_from_elsewhere_keeps_the_pin(adopted: Callable[[str], Adopted]) -> None:
    """A pin whose source is a local file keeps it when the same spec is adopted again, as a pinned URL does."""
    result = adopted("schema renamed")
    commit(result.repo, "adopted from a local file")
    assert result.pin()["source"] == "../spec.json"
    elsewhere = result.spec.parent / "downloads" / "spec.json"
    elsewhere.parent.mkdir()
    shutil.copyfile(result.spec, elsewhere)
    again = update_spec(result.repo, str(elsewhere))
    assert again.returncode == 0, again.stderr
    assert "No changes to the Users API." in again.stdout
    assert changed_paths(result.repo) == []


READS_THE_PIN = (
    "test_introspection",
    "test_facade_naming",
    "test_slice_holds_exactly_the_users_operations",
    "test_dates_need_nothing_beyond_the_standard_library",
    "test_the_helpers_take_the_pinned_list_arguments",
)
"""Tests whose expectations come from the pinned spec (its operations, arguments and models)."""
CALLS_EVERY_OPERATION = ("test_every_operation", "test_every_users_operation_conforms")
"""Tests that call each pinned operation, taking what it requires from the pin (``spec_pin``)."""


def pytest_in(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """This environment's pytest in an adopted copy, importing the copy's packages, with this Prism."""
    modules = ROOT / "node_modules"
    if modules.is_dir() and not (repo / "node_modules").exists():
        (repo / "node_modules").symlink_to(modules)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(repo / "generated"), str(repo / "overrides")])}
    command = [sys.executable, "-m", "pytest", "-q", *args]
    return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, check=False)


@pytest.mark.timeout(900)
@pytest.mark.parametrize("name", SCENARIOS)
def test_the_suite_follows_the_adopted_spec(adopted: Callable[[str], Adopted], name: str) -> None:
    """In the adopted copy the whole suite collects and the tests that depend on the spec pass.

    Collecting every module catches a test that imports what the spec no longer has; running those
    that read the pin (and, where operations or their arguments changed, those that call each
    operation) catches one that assumes the old spec. The whole suite passes on each scenario too,
    but takes too long to run five more times here.
    """
    result = adopted(name)
    assert result.run.returncode == 0, result.run.stderr
    selected = READS_THE_PIN + (CALLS_EVERY_OPERATION if SCENARIOS[name].changes_calls else ())
    ran = pytest_in(result.repo, "tests", "-k", " or ".join(selected))
    assert ran.returncode == 0, ran.stdout[-4000:]
    assert " passed" in ran.stdout.splitlines()[-1]
