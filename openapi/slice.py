"""Cut the Users section out of the Auth0 Management API spec.

The slice holds every operation whose path starts with ``/users`` (which includes
``/users-by-email``) and every component those operations reach, nothing else. The
overlay in ``overlay.py`` is then applied so that openapi-python-client produces a
client that behaves the way Auth0 expects.

Usage::

    python openapi/slice.py [--spec PATH_OR_URL] [--out FILE] [--path-prefix /api/v2]

Without ``--spec`` the pinned spec is read from ``../shared/spec`` when that exists,
and otherwise downloaded from its pinned source URL; either way its sha256 is checked.
A spec given explicitly is used as it is (its sha256 is printed, not enforced).
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import sys
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from overlay import apply_overlay

PINNED_URL = (
    "https://raw.githubusercontent.com/auth0/docs-v2/7025885d35775606d69cce7c5d428e2ab5d3e522"
    "/main/docs/oas/management/v2/management-api-oas.json"
)
PINNED_SHA256 = "3ac17a404d0b2d3acd45b002e4b2e55a70cbf809175187cf9a5bfe604f1335c3"
SHARED_COPY = Path(__file__).resolve().parents[2] / "shared" / "spec" / "management-api-oas.json"

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


class SpecError(Exception):
    """The spec could not be read, or is not the one expected."""


def read_spec_bytes(source: str | None) -> tuple[bytes, bool]:
    """Return the spec's bytes and whether they must match the pinned sha256."""
    if source is None:
        if SHARED_COPY.exists():
            return SHARED_COPY.read_bytes(), True
        source, pinned = PINNED_URL, True
    else:
        pinned = False
    if source.startswith(("http://", "https://")):
        with urllib.request.urlopen(source, timeout=60) as response:  # noqa: S310 - fixed or user-given URL
            return response.read(), pinned
    path = Path(source)
    if not path.exists():
        raise SpecError(f"spec not found: {source}")
    return path.read_bytes(), pinned


def load_spec(source: str | None = None, expected_sha256: str | None = None) -> dict[str, Any]:
    """Load the spec, checking its sha256 when it is the pinned one or one is expected."""
    data, pinned = read_spec_bytes(source)
    digest = hashlib.sha256(data).hexdigest()
    expected = expected_sha256 or (PINNED_SHA256 if pinned else None)
    if expected and digest != expected:
        raise SpecError(f"spec sha256 is {digest}, expected {expected}; refusing to use it")
    if not pinned:
        print(f"spec {source}: sha256 {digest}", file=sys.stderr)
    spec: dict[str, Any] = json.loads(data)
    return spec


def is_users_path(path: str) -> bool:
    return path == "/users" or path.startswith(("/users/", "/users-by-email"))


def _refs(node: Any) -> set[str]:
    found: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str):
                found.add(ref)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _resolve(spec: dict[str, Any], ref: str) -> Any:
    if not ref.startswith("#/"):
        raise SpecError(f"only local references are supported, found {ref}")
    node: Any = spec
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def cut_users_slice(spec: dict[str, Any]) -> dict[str, Any]:
    """Return a new document with the Users paths and every component they reach."""
    paths = {path: copy.deepcopy(item) for path, item in spec["paths"].items() if is_users_path(path)}
    if not paths:
        raise SpecError("the spec has no /users paths")

    security_schemes: set[str] = {name for req in spec.get("security", []) for name in req}
    for item in paths.values():
        for method, operation in item.items():
            if method in HTTP_METHODS:
                security_schemes.update(name for req in operation.get("security", []) for name in req)

    reached: set[str] = set()
    pending = _refs(paths)
    while pending:
        ref = pending.pop()
        if ref in reached:
            continue
        reached.add(ref)
        pending |= _refs(_resolve(spec, ref)) - reached

    components: dict[str, dict[str, Any]] = {}
    for ref in sorted(reached):
        if not ref.startswith("#/components/"):
            raise SpecError(f"unexpected reference outside components: {ref}")
        section, name = ref[len("#/components/") :].split("/", 1)
        components.setdefault(section, {})[name] = copy.deepcopy(_resolve(spec, ref))
    schemes = spec.get("components", {}).get("securitySchemes", {})
    components["securitySchemes"] = {name: copy.deepcopy(schemes[name]) for name in sorted(security_schemes)}

    top_level = ("openapi", "info", "servers", "security")
    sliced: dict[str, Any] = {key: copy.deepcopy(spec[key]) for key in top_level if key in spec}
    sliced["info"]["title"] = "Auth0 Management API: Users"
    sliced["paths"] = paths
    sliced["components"] = {section: components[section] for section in sorted(components)}
    return sliced


def prefix_paths(sliced: dict[str, Any], prefix: str) -> dict[str, Any]:
    """Return the slice with every path under ``prefix``.

    Prism matches request paths against the spec's paths and ignores the path part of the
    server URL, so the slice it validates against must spell ``/api/v2/users``.
    """
    result = dict(sliced)
    result["paths"] = {prefix.rstrip("/") + path: item for path, item in sliced["paths"].items()}
    return result


def build_slice(source: str | None = None, path_prefix: str = "") -> dict[str, Any]:
    sliced = apply_overlay(cut_users_slice(load_spec(source)))
    return prefix_paths(sliced, path_prefix) if path_prefix else sliced


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--spec", help="path or URL of a Management API spec (default: the pinned one)")
    parser.add_argument("--out", help="where to write the slice (default: standard output)")
    parser.add_argument("--path-prefix", default="", help="prefix every path, e.g. /api/v2 for Prism")
    args = parser.parse_args(argv)
    try:
        sliced = build_slice(args.spec, args.path_prefix)
    except SpecError as exc:
        print(f"slice: {exc}", file=sys.stderr)
        return 1
    text = json.dumps(sliced, indent=1, sort_keys=False, ensure_ascii=False) + "\n"
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
