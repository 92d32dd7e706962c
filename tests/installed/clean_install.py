"""Helpers for the tests of the installed package: building, a clean virtualenv, mypy's verdict."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PATH_VARIABLES = {"MYPYPATH", "PYTHONPATH", "MYPY_CACHE_DIR"}
MYPY_LINE = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+): (?P<severity>error|note): (?P<message>.*)$", re.MULTILINE)


@dataclass(frozen=True)
class Distributions:
    sdist: Path
    wheel: Path


@dataclass(frozen=True)
class MypyMessage:
    file: str
    line: int
    severity: str
    message: str


def clean_env() -> dict[str, str]:
    """This process's environment less what would put other code on a checker's or interpreter's path."""
    return {name: value for name, value in os.environ.items() if name not in PATH_VARIABLES}


def run(command: list[str], *, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in the clean environment; with ``check``, a failure shows its output."""
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=clean_env(), timeout=300)
    if check:
        assert done.returncode == 0, f"{' '.join(command)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done


def mypy_strict(python: Path, workdir: Path, files: list[str], cache: Path) -> list[MypyMessage]:
    """mypy --strict on ``files`` in ``workdir``, seeing only what ``python`` has installed.

    No configuration file but an empty one, no MYPYPATH, nothing of this checkout on the path.
    """
    (workdir / "mypy.ini").write_text("[mypy]\n", encoding="utf-8")
    options = ["--config-file", "mypy.ini", "--strict", "--python-executable", str(python), "--cache-dir", str(cache)]
    done = subprocess.run(
        [sys.executable, "-m", "mypy", *options, "--no-error-summary", "--hide-error-context", *files],
        cwd=workdir,
        env=clean_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 1), f"mypy crashed:\n{done.stdout}\n{done.stderr}"
    messages = [
        MypyMessage(m["file"], int(m["line"]), m["severity"], m["message"]) for m in MYPY_LINE.finditer(done.stdout)
    ]
    assert (done.returncode == 1) == any(m.severity == "error" for m in messages), done.stdout + done.stderr
    return messages
