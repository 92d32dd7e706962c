"""The package as a user gets it: an sdist, a wheel built from that sdist, a clean virtualenv.

Built once per session under pytest's temporary directory: the build runs offline with the
backend installed in the development environment; the virtualenv gets the wheel and its
runtime dependencies only (no extras), from the package index pip is configured with.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from clean_install import Distributions, run
from loopback import ROOT


@pytest.fixture(scope="session")
def distributions(tmp_path_factory: pytest.TempPathFactory) -> Distributions:
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)])
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return Distributions(sdist, wheel)


@pytest.fixture(scope="session")
def clean_python(distributions: Distributions, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The interpreter of a new virtualenv holding the wheel and its runtime dependencies, no extras."""
    venv = tmp_path_factory.mktemp("venv")
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", str(python), "--disable-pip-version-check", "--no-input"]
    run([*pip, "install", "--quiet", str(distributions.wheel)])
    return python


@pytest.fixture(scope="session")
def mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mypy-cache")
