"""Adopt another Management API spec: report what changed in the Users API, pin it, regenerate.

    python openapi/update_spec.py PATH_OR_URL [--source URL]       # make update-spec SPEC=...

Reads the spec, compares its Users slice with the pinned one (``spec_changes.py``), writes the
report to ``build/spec-changes.md``, regenerates ``generated/`` (``generate.py``) and rewrites
``openapi/pin.json``, then prints the report. The pin records where the spec came from: the URL
given, or the path given (relative to the project when it lies beside it), or ``--source`` when
the file is a download of that URL, so that other clones can fetch it. Adopting the spec that
is already pinned reports no changes and rewrites nothing: the pinned source stays, a URL or a
local path alike (``--source`` still replaces it).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import spec_changes
from generate import TARGET, differences, generate_into, install
from overlay import apply_overlay
from pin import PIN_FILE, Pin, read_pin, users_operations, write_pin
from slice import ROOT, SpecError, cut_users_slice, fetch, is_url, parse_spec, pinned_spec_bytes, sha256

REPORT = ROOT / "build" / "spec-changes.md"


def recorded_source(given: str) -> str:
    """How the pin names a spec given on the command line."""
    if is_url(given):
        return given
    path = Path(os.path.abspath(given))  # as given: a symlink stays the name the user chose
    return os.path.relpath(path, ROOT) if path.is_relative_to(ROOT.parent) else str(path)


def update_spec(given: str, source: str | None = None) -> tuple[str, list[str]]:
    """Adopt the spec at ``given``; return the change report (also written to ``REPORT``) and what it rewrote."""
    data = fetch(given)
    new_slice = cut_users_slice(parse_spec(data, given))
    old_pin, digest = read_pin(), sha256(data)
    unchanged = digest == old_pin.sha256
    new_pin = Pin(
        # The pinned spec again, from anywhere: the pin keeps its source, a URL or a local path alike.
        source or (old_pin.source if unchanged else recorded_source(given)),
        digest,
        len(data),
        users_operations(new_slice),
    )
    try:
        old_slice = new_slice if unchanged else cut_users_slice(parse_spec(pinned_spec_bytes(old_pin), old_pin.source))
        report = spec_changes.render(spec_changes.compare(old_slice, new_slice), old_pin, new_pin)
    except SpecError as exc:
        report = spec_changes.render_unavailable(old_pin, new_pin, str(exc))
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(report, encoding="utf-8")

    rewritten = []
    with tempfile.TemporaryDirectory(prefix="auth0-users-gen-") as tmp:
        fresh = generate_into(Path(tmp), apply_overlay(new_slice))
        if differences(fresh, TARGET):
            install(fresh, TARGET)
            rewritten.append(str(TARGET.relative_to(ROOT)))
    if write_pin(new_pin):
        rewritten.append(str(PIN_FILE.relative_to(ROOT)))
    return report, rewritten


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("spec", help="path or URL of the Management API spec to adopt")
    parser.add_argument("--source", help="the URL to record in the pin when SPEC is a local copy of it")
    args = parser.parse_args(argv)
    try:
        report, rewritten = update_spec(args.spec, args.source)
    except SpecError as exc:
        print(f"update-spec: {exc}", file=sys.stderr)
        return 1
    print(report)
    print(f"Rewrote {' and '.join(rewritten)}." if rewritten else "The pin and generated/ were up to date.")
    print(f"The report is in {REPORT.relative_to(ROOT)}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
