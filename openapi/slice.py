"""Cut the Users section out of the Auth0 Management API spec.

The slice holds every operation whose path starts with ``/users`` (which includes
``/users-by-email``) and every component those operations reach, nothing else. The
overlay in ``overlay.py`` is then applied so that openapi-python-client produces a
client that behaves the way Auth0 expects.

Usage::

    python openapi/slice.py [--spec PATH_OR_URL] [--out FILE] [--path-prefix /api/v2]

Without ``--spec`` the pinned spec (``openapi/pin.json``) is read: the copy in ``../shared/spec``
when its sha256 is the pinned one, and otherwise the pin's source (a URL, or the local path it
was adopted from); its sha256 is checked either way. A spec given explicitly is used as it is
(its sha256 is printed, not enforced).
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
from pin import PIN_FILE, Pin, read_pin

ROOT = Path(__file__).resolve().parents[1]
SHARED_COPY = ROOT.parent / "shared" / "spec" / "management-api-oas.json"

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


class SpecError(Exception):
    """The spec could not be read, or is not the one expected."""


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def fetch(source: str, base: Path | None = None) -> bytes:
    """Read a spec from a URL, or from a path (relative to ``base``, default the working directory)."""
    if is_url(source):
        try:
            with urllib.request.urlopen(source, timeout=60) as response:  # noqa: S310 - pinned or user-given URL
                data: bytes = response.read()
                return data
        except (OSError, ValueError) as exc:
            raise SpecError(f"could not fetch {source}: {exc}") from exc
    path = (base or Path.cwd()) / source
    if not path.is_file():
        raise SpecError(f"spec not found: {source}")
    return path.read_bytes()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _where_to_get_it(pin: Pin) -> str:
    pin_file = PIN_FILE.relative_to(ROOT)
    return (
        f"{pin_file} pins the spec with sha256 {pin.sha256} ({pin.size:,} bytes) from {pin.source}.\n"
        f"Put that spec at {pin.source if not is_url(pin.source) else SHARED_COPY}, or say where it is:"
        " `make generate SPEC=path-or-url` (or `make check-generated SPEC=...`).\n"
        "To adopt a different spec instead: `make update-spec SPEC=path-or-url`."
    )


def pinned_spec_bytes(pin: Pin | None = None, source: str | None = None) -> bytes:
    """The pinned spec's bytes, its sha256 checked.

    ``source`` says where to read it; by default the ``../shared`` copy when it is the pinned
    spec, and otherwise the pin's own source.
    """
    pin = pin or read_pin()
    if source is None and SHARED_COPY.is_file():
        data = SHARED_COPY.read_bytes()
        if sha256(data) == pin.sha256:
            return data
    try:
        data = fetch(source) if source is not None else fetch(pin.source, ROOT)
    except SpecError as exc:
        raise SpecError(f"the pinned spec cannot be read: {exc}\n{_where_to_get_it(pin)}") from exc
    digest = sha256(data)
    if digest != pin.sha256:
        raise SpecError(
            f"{source or pin.source} has sha256 {digest}: not the spec generated/ was made from.\n"
            + _where_to_get_it(pin)
        )
    return data


def read_spec_bytes(source: str | None) -> bytes:
    """The bytes of ``source``, or of the pinned spec (sha256-checked) when it is ``None``."""
    return pinned_spec_bytes() if source is None else fetch(source)


def load_spec(source: str | None = None) -> dict[str, Any]:
    """Load the spec at ``source``, or the pinned one (sha256-checked) by default."""
    data = read_spec_bytes(source)
    if source is not None:
        print(f"spec {source}: sha256 {sha256(data)}", file=sys.stderr)
    return parse_spec(data, source or "the pinned spec")


def parse_spec(data: bytes, source: str) -> dict[str, Any]:
    try:
        spec = json.loads(data)
    except ValueError as exc:
        raise SpecError(f"{source} is not JSON: {exc}") from exc
    if not isinstance(spec, dict) or not isinstance(spec.get("paths"), dict):
        raise SpecError(f"{source} is not an OpenAPI document: it has no paths")
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


def users_slice(spec: dict[str, Any]) -> dict[str, Any]:
    """The Users slice with the overlay applied: what openapi-python-client reads."""
    return apply_overlay(cut_users_slice(spec))


def build_slice(source: str | None = None, path_prefix: str = "") -> dict[str, Any]:
    sliced = users_slice(load_spec(source))
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
