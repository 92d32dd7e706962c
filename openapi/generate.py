"""Regenerate ``generated/`` from the pinned spec, or check it for drift.

    python openapi/generate.py [--spec PATH_OR_URL]           # write generated/
    python openapi/generate.py --check [--spec PATH_OR_URL]   # fail, naming files, if generated/ differs

Both read the spec that ``openapi/pin.json`` pins (``--spec`` only says where to find it; its
sha256 must still be the pinned one), cut the slice (``slice.py``), run openapi-python-client
with ``generator-config.yaml`` and the templates in ``openapi/templates`` (giving
``auth0_users_api``), then ``facade_codegen.py`` (giving ``auth0_users_facade`` and ``API.md``)
and ``request_schemas.py`` (what each request may carry, for the sandbox to check), into a
temporary folder, and then either replace what ``generated/`` holds and the pin's operation list,
or compare them. Adopting another spec is ``update_spec.py``'s job.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import facade_codegen
import request_schemas
from pin import PIN_FILE, read_pin, users_operations, write_pin
from slice import SpecError, parse_spec, pinned_spec_bytes, users_slice

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "auth0_users_api"
TARGET = ROOT / "generated"
OUTPUTS = (PACKAGE, facade_codegen.FACADE, "API.md")
"""What ``generated/`` holds: the generators' outputs, each replaced whole on regeneration."""
IGNORED = {"__pycache__", ".ruff_cache", ".mypy_cache"}


def generate_into(out_dir: Path, sliced: dict[str, Any]) -> Path:
    """Generate everything ``generated/`` holds from a Users slice (``slice.users_slice``) into
    ``out_dir/generated`` and return that folder."""
    slice_path = out_dir / "users-slice.json"
    slice_path.write_text(json.dumps(sliced, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    package = out_dir / PACKAGE
    generator = Path(sys.executable).parent / "openapi-python-client"
    command = [
        str(generator),
        "generate",
        "--path", str(slice_path),
        "--config", str(ROOT / "generator-config.yaml"),
        "--custom-template-path", str(ROOT / "openapi" / "templates"),
        "--meta", "none",
        "--output-path", str(package),
        "--overwrite",
        "--fail-on-warning",
    ]  # fmt: skip
    # The post-hooks call ruff by name: the one pinned beside the generator.
    env = {**os.environ, "PATH": f"{generator.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"openapi-python-client failed with exit code {result.returncode}")
    result = out_dir / "generated"
    result.mkdir()
    shutil.move(package, result / PACKAGE)
    facade_codegen.main([str(slice_path), str(result / PACKAGE), str(result)])
    request_schemas.main([str(slice_path), str(result / facade_codegen.FACADE / "request_schemas.py")])
    ruff = [str(generator.parent / "ruff"), "format", "--isolated", "--no-cache", "--line-length", "120", "--quiet"]
    subprocess.run([*ruff, str(result / facade_codegen.FACADE)], check=True)
    return result


def _files(root: Path) -> set[str]:
    return {
        str(path.relative_to(root))
        for path in root.rglob("*")
        if path.is_file() and not IGNORED.intersection(path.relative_to(root).parts)
    }


def differences(expected: Path, actual: Path) -> list[str]:
    """Files that are missing, extra or different in ``actual`` compared with ``expected``."""
    want, have = _files(expected), _files(actual)
    changed = [name for name in sorted(want & have) if not filecmp.cmp(expected / name, actual / name, shallow=False)]
    return (
        [f"missing: {name}" for name in sorted(want - have)]
        + [f"not generated: {name}" for name in sorted(have - want)]
        + [f"differs: {name}" for name in changed]
    )


def install(fresh: Path, target: Path = TARGET) -> None:
    """Replace each of the generators' outputs in ``target`` with the one in ``fresh``."""
    for name in OUTPUTS:
        old, made = target / name, fresh / name
        if old.is_dir():
            shutil.rmtree(old)
        old.unlink(missing_ok=True)
        if made.is_dir():
            shutil.copytree(made, old, ignore=shutil.ignore_patterns(*IGNORED))
        else:
            shutil.copyfile(made, old)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--spec", help="where the pinned spec is, when not at ../shared or the pin's source")
    parser.add_argument("--check", action="store_true", help="compare with generated/ instead of writing it")
    parser.add_argument("--target", type=Path, default=TARGET, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    pin = read_pin()
    try:
        sliced = users_slice(parse_spec(pinned_spec_bytes(pin, args.spec), args.spec or pin.source))
    except SpecError as exc:
        print(f"generate: {exc}", file=sys.stderr)
        return 1
    operations = users_operations(sliced)
    with tempfile.TemporaryDirectory(prefix="auth0-users-gen-") as tmp:
        fresh = generate_into(Path(tmp), sliced)
        if args.check:
            drift = differences(fresh, args.target)
            if operations != pin.operations:
                drift.append(f"differs: {PIN_FILE.relative_to(ROOT)} (its operations are not the spec's)")
            if drift:
                print(f"{args.target} differs from what the generator produces:", file=sys.stderr)
                print("\n".join(f"  {line}" for line in drift), file=sys.stderr)
                print("Run `make generate` and commit the result; never edit generated/ by hand.", file=sys.stderr)
                return 1
            print(f"{args.target.relative_to(ROOT) if args.target.is_relative_to(ROOT) else args.target}: up to date")
            return 0
        install(fresh, args.target)
        print(f"wrote {', '.join(str(args.target / name) for name in OUTPUTS)}")
    if write_pin(replace(pin, operations=operations)):
        print(f"wrote {PIN_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
