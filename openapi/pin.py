"""The pin: which spec ``generated/`` was made from, recorded in ``openapi/pin.json``.

The pin names the spec's source (a URL, or the local path it was adopted from), its sha256 and
size, and the Users operations it holds, each with its facade name (``users.roles.assign``).
``make update-spec`` writes it; ``make generate``, ``make check-generated`` and the tests read it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facade_model import snake  # the facade's own naming rule

PIN_FILE = Path(__file__).resolve().parent / "pin.json"
OPERATION_METHODS = ("get", "put", "post", "delete", "patch")


@dataclass(frozen=True, order=True)
class PinnedOperation:
    """One Users operation of the pinned spec, ordered by its facade name."""

    facade: str
    method: str
    path: str
    operation_id: str

    def to_json(self) -> dict[str, str]:
        return {"facade": self.facade, "method": self.method, "path": self.path, "operationId": self.operation_id}


@dataclass(frozen=True)
class Pin:
    source: str
    sha256: str
    size: int
    operations: tuple[PinnedOperation, ...]

    def text(self) -> str:
        """The file's content: stable, one operation per line so that diffs read well."""
        operations = ",\n".join("  " + json.dumps(op.to_json()) for op in self.operations)
        return (
            "{\n"
            f' "source": {json.dumps(self.source)},\n'
            f' "sha256": {json.dumps(self.sha256)},\n'
            f' "size": {self.size},\n'
            f' "operations": [\n{operations}\n ]\n'
            "}\n"
        )

    def facade_names(self) -> set[str]:
        return {op.facade for op in self.operations}


def facade_name(operation: dict[str, Any]) -> str:
    """``x-operation-group`` and ``x-operation-name``, snake_cased: ``users.authentication_methods.delete_all``."""
    group = operation["x-operation-group"]
    parts = [group] if isinstance(group, str) else group
    return ".".join(snake(part) for part in [*parts, operation["x-operation-name"]])


def users_operations(sliced: dict[str, Any]) -> tuple[PinnedOperation, ...]:
    """The operations of a Users slice, as the pin lists them."""
    found = [
        PinnedOperation(facade_name(operation), method.upper(), path, operation["operationId"])
        for path, item in sliced["paths"].items()
        for method, operation in item.items()
        if method in OPERATION_METHODS
    ]
    return tuple(sorted(found))


def read_pin(path: Path = PIN_FILE) -> Pin:
    data = json.loads(path.read_text(encoding="utf-8"))
    operations = tuple(
        PinnedOperation(op["facade"], op["method"], op["path"], op["operationId"]) for op in data["operations"]
    )
    return Pin(data["source"], data["sha256"], data["size"], operations)


def write_pin(pin: Pin, path: Path = PIN_FILE) -> bool:
    """Write the pin; return whether the file changed."""
    text = pin.text()
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True
