"""The built distributions, installed as a user installs them: typed, and importable without extras."""

from __future__ import annotations

import re
import shutil
import sys
import tarfile
import tokenize
import zipfile
from pathlib import Path

import pytest
from clean_install import Distributions, mypy_strict, run
from loopback import ROOT, RecordingServer

USER_CODE = Path(__file__).with_name("user_code.py")
EXPECTED_ERROR = re.compile(r"#\s*error:\s*(?P<text>.+)")


def test_every_package_carries_py_typed(distributions: Distributions) -> None:
    wheel = set(zipfile.ZipFile(distributions.wheel).namelist())
    assert {"auth0_users/py.typed", "auth0_users_api/py.typed", "auth0_users_facade/py.typed"} <= wheel
    with tarfile.open(distributions.sdist) as sdist:
        members = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    expected = {"overrides/auth0_users", "generated/auth0_users_api", "generated/auth0_users_facade"}
    assert {f"{package}/py.typed" for package in expected} <= members


def expected_errors() -> dict[int, str]:
    """Line number → the text of the error its ``# error: TEXT`` comment expects."""
    with USER_CODE.open(encoding="utf-8") as source:
        comments = [token for token in tokenize.generate_tokens(source.readline) if token.type == tokenize.COMMENT]
    found = [(token.start[0], EXPECTED_ERROR.fullmatch(token.string)) for token in comments]
    return {line: match["text"].strip() for line, match in found if match}


@pytest.mark.parametrize("install", ["wheel", "editable"])
def test_user_code_type_checks_as_users_see_it(
    install: str, clean_python: Path, mypy_cache: Path, tmp_path: Path
) -> None:
    """In the clean virtualenv, and in this checkout's editable install, with no mypy_path either way."""
    python = clean_python if install == "wheel" else Path(sys.executable)
    shutil.copy(USER_CODE, tmp_path / USER_CODE.name)
    errors = [m for m in mypy_strict(python, tmp_path, [USER_CODE.name], mypy_cache / install) if m.severity == "error"]
    expected = expected_errors()
    assert len(expected) >= 6
    unexpected = [f"line {m.line}: {m.message}" for m in errors if m.line not in expected]
    assert unexpected == [], "\n".join(unexpected)
    missed = {
        line: text for line, text in expected.items() if not any(m.line == line and text in m.message for m in errors)
    }
    assert missed == {}, "\n".join(f"line {m.line}: {m.message}" for m in errors)


def test_the_sandbox_without_its_extra_names_the_extra(clean_python: Path) -> None:
    run([str(clean_python), "-c", "import auth0_users, auth0_users_api.models"])
    done = run([str(clean_python), "-c", "import auth0_users.sandbox"], check=False)
    assert done.returncode == 1
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("ImportError: ")
    assert "pip install 'auth0-users[sandbox]'" in last
    assert "luqum" in last or "uvicorn" in last  # what was missing


def test_the_clean_install_holds_no_file_of_this_checkout(clean_python: Path) -> None:
    where = "import auth0_users, auth0_users_api; print(auth0_users.__file__, auth0_users_api.__file__)"
    done = run([str(clean_python), "-c", where])
    for path in done.stdout.split():
        assert not Path(path).is_relative_to(ROOT), path


def test_without_the_fast_extra_the_async_client_sends_on_plain_httpx(
    clean_python: Path, recording_server: RecordingServer
) -> None:
    recording_server.respond(200, {"user_id": "auth0|abc", "email": "ada@example.com"})
    script = """if True:
        import asyncio, sys
        from auth0_users import AsyncManagementClient

        async def main() -> None:
            async with AsyncManagementClient(base_url=sys.argv[1], token="t") as amgmt:
                user = await amgmt.users.get("auth0|abc")
                print(user.email, type(amgmt._http.get()).__qualname__)

        asyncio.run(main())
    """
    done = run([str(clean_python), "-c", script, recording_server.base_url])
    assert done.stdout.split() == ["ada@example.com", "AsyncClient"]
    assert recording_server.requests[0].path == "/api/v2/users/auth0%7Cabc"
