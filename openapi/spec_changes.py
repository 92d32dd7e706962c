"""What changed in the Users API between two specs, and whether it breaks code that uses the facade.

Pure functions over two raw Users slices (``slice.cut_users_slice``): ``compare`` lists the
changes, ``render`` writes them as Markdown for a changelog or a pull request.

A change is breaking when code that calls the facade as the old spec allowed can fail with the
new one: an operation, parameter or field removed; a required parameter or request field added;
a type that no longer takes what was sent, or can now return what was never returned; a request
enum that lost a value; a field that may now be missing or null in a response. Enums from the
server are open (unknown values pass through), so response enum values never break anything. A
model renamed with the same shape changes nothing for facade users; it is listed as a rename.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from pin import Pin, facade_name

Side = Literal["request", "response"]
Located = tuple[str, dict[str, Any], dict[str, Any]]  # ("METHOD /path", path item, operation)
OPERATION_METHODS = ("get", "put", "post", "delete", "patch")
# Formats that openapi-python-client turns into a Python type of their own (datetime, date, UUID, File).
TYPED_FORMATS = ("date-time", "date", "uuid", "binary")
SCHEMAS = "#/components/schemas/"
JSON_TYPES = {bool: "boolean", int: "integer", float: "number", str: "string"}


@dataclass(frozen=True)
class Field:
    """One place in a schema, flattened: what it may hold, whether it must be present or may be null."""

    types: frozenset[str]
    required: bool = True
    nullable: bool = False
    enum: frozenset[str] | None = None  # None: any value of its types
    models: frozenset[str] = frozenset()  # the component schemas it is made of; only renames read it


@dataclass(frozen=True)
class Change:
    """One change of one operation (``operation`` is its facade name; empty for a model rename)."""

    operation: str
    location: str  # "operation", "query parameter `q`", "request body", "response" or "model"
    field: str  # where inside the location: "identities[].provider"; empty for the whole
    detail: str
    breaking: bool


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _parent(path: str) -> str | None:
    if not path:
        return None
    if path.endswith("[]"):
        return path[:-2]
    return path.rpartition(".")[0]


def _label(types: frozenset[str]) -> str:
    return " | ".join(sorted(types)) or "null"


def _values(values: Iterable[str]) -> str:
    return ", ".join(f"`{value}`" for value in sorted(values))


class Flattener:
    """Flattens schemas of one document into ``{path: Field}``, resolving ``$ref``, allOf, oneOf, anyOf."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document

    def fields(self, schema: Any, required: bool = True) -> dict[str, Field]:
        out: dict[str, Field] = {}
        self._walk(schema, "", required, out, ())
        return out

    def resolve(self, node: Any) -> tuple[Any, list[str]]:
        """Follow ``$ref`` to the schema; also return the component schemas passed on the way."""
        models: list[str] = []
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref.startswith(SCHEMAS):
                if ref[len(SCHEMAS) :] in models:
                    break
                models.append(ref[len(SCHEMAS) :])
            target: Any = self.document
            for part in ref.removeprefix("#/").split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node = target
        return (node if isinstance(node, dict) else {}), models

    def _merge_all_of(self, schema: dict[str, Any], models: list[str]) -> dict[str, Any]:
        merged = {key: value for key, value in schema.items() if key != "allOf"}
        for raw in schema["allOf"]:
            part, names = self.resolve(raw)
            models += names
            for key, value in (self._merge_all_of(part, models) if "allOf" in part else part).items():
                if key == "properties":
                    merged["properties"] = {**merged.get("properties", {}), **value}
                elif key == "required":
                    merged["required"] = [*merged.get("required", []), *value]
                else:
                    merged.setdefault(key, value)
        return merged

    def _walk(self, schema: Any, path: str, required: bool, out: dict[str, Field], stack: tuple[str, ...]) -> None:
        schema, models = self.resolve(schema)
        if set(models) & set(stack):  # a recursive schema: describe it once
            out[path] = Field(frozenset({"object"}), required, models=frozenset(models))
            return
        stack = (*stack, *models)
        if "allOf" in schema:
            schema = self._merge_all_of(schema, models)
        variants = schema.get("oneOf") or schema.get("anyOf")
        if variants:
            parts: list[dict[str, Field]] = []
            for variant in variants:
                parts.append({})
                self._walk(variant, path, required, parts[-1], stack)
            own = Field(frozenset(), required, _types(schema)[1], None, frozenset(models))
            out[path] = _either([own, *(part[path] for part in parts)], required)
            # A field of one variant is as required as that variant says: a caller reads it on that variant.
            for key in dict.fromkeys(key for part in parts for key in part if key != path):
                present = [part[key] for part in parts if key in part]
                out[key] = _either(present, all(f.required for f in present))
            return
        types, nullable = _types(schema)
        enum = _enum(schema)
        nullable = nullable or (enum is not None and None in enum)
        values = None if enum is None else frozenset(str(value) for value in enum if value is not None)
        out[path] = Field(types, required, nullable, values, frozenset(models))
        needed = set(schema.get("required", []))
        for name, sub in schema.get("properties", {}).items():
            self._walk(sub, _join(path, name), name in needed, out, stack)
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict) and extra:
            self._walk(extra, _join(path, "*"), False, out, stack)
        if isinstance(schema.get("items"), dict):
            self._walk(schema["items"], path + "[]", True, out, stack)


def _types(schema: dict[str, Any]) -> tuple[frozenset[str], bool]:
    declared = schema.get("type")
    names = [declared] if isinstance(declared, str) else list(declared or [])
    nullable = "null" in names or schema.get("nullable") is True
    names = [name for name in names if name != "null"]
    if not names and not nullable:
        if "properties" in schema or "additionalProperties" in schema:
            names = ["object"]
        elif "items" in schema:
            names = ["array"]
        elif "enum" in schema or "const" in schema:
            names = sorted({JSON_TYPES.get(type(v), "any") for v in _enum(schema) or () if v is not None})
        elif not {"oneOf", "anyOf"} & set(schema):
            names = ["any"]
    fmt = schema.get("format")
    typed = frozenset(f"string<{fmt}>" if name == "string" and fmt in TYPED_FORMATS else name for name in names)
    return typed, nullable


def _enum(schema: dict[str, Any]) -> list[Any] | None:
    if "enum" in schema:
        return list(schema["enum"])
    return [schema["const"]] if "const" in schema else None


def _either(fields: list[Field], required: bool) -> Field:
    """One field that may be any of ``fields`` (the variants of a oneOf or anyOf)."""
    typed = [f for f in fields if f.types]
    enums = [f.enum for f in typed]
    return Field(
        types=frozenset().union(*(f.types for f in fields)),
        required=required,
        nullable=any(f.nullable for f in fields),
        enum=None if not enums or None in enums else frozenset().union(*(e for e in enums if e is not None)),
        models=frozenset().union(*(f.models for f in fields)),
    )


def _accepts(wider: frozenset[str], narrower: frozenset[str]) -> bool:
    """Whether a value of any of ``narrower``'s types is one of ``wider``'s."""
    return "any" in wider or all(t in wider or (t == "integer" and "number" in wider) for t in narrower)


def field_changes(old: Field, new: Field, side: Side) -> list[tuple[str, bool]]:
    """What changed in one field, each with whether it breaks code written for ``old``."""
    request = side == "request"
    found: list[tuple[str, bool]] = []
    if old.types != new.types:
        breaking = not (_accepts(new.types, old.types) if request else _accepts(old.types, new.types))
        found.append((f"type `{_label(old.types)}` → `{_label(new.types)}`", breaking))
    if old.required != new.required:
        found.append(("now required" if new.required else "now optional", new.required == request))
    if old.nullable != new.nullable:
        found.append(("now nullable" if new.nullable else "no longer nullable", new.nullable != request))
    if old.enum != new.enum:
        if new.enum is None:
            found.append(("any value now, not only the enum's", False))
        elif old.enum is None:
            found.append((f"now one of {_values(new.enum)}", request))
        else:
            if old.enum - new.enum:
                found.append((f"enum values removed: {_values(old.enum - new.enum)}", request))
            if new.enum - old.enum:
                found.append((f"enum values added: {_values(new.enum - old.enum)}", False))
    return found


@dataclass
class _Comparison:
    old: dict[str, Any]
    new: dict[str, Any]
    changes: list[Change] = field(default_factory=list)
    renames: set[tuple[str, str]] = field(default_factory=set)

    def fields(self, operation: str, location: str, old: dict[str, Field], new: dict[str, Field], side: Side) -> None:
        """Compare two flattened schemas; report only the topmost of what was added or removed."""
        request = side == "request"
        for path in sorted(old.keys() | new.keys()):
            parent = _parent(path)
            if path not in old:
                if parent is None or parent in old:
                    required = new[path].required
                    detail = "added, required" if required and request else "added"
                    self.changes.append(Change(operation, location, path, detail, required and request))
            elif path not in new:
                if parent is None or parent in new:
                    self.changes.append(Change(operation, location, path, "removed", True))
            else:
                before, after = old[path], new[path]
                for detail, breaking in field_changes(before, after, side):
                    self.changes.append(Change(operation, location, path, detail, breaking))
                if len(before.models - after.models) == 1 and len(after.models - before.models) == 1:
                    self.renames.add((min(before.models - after.models), min(after.models - before.models)))

    def operation(self, name: str, old: Located, new: Located) -> None:
        (old_endpoint, old_item, old_op), (new_endpoint, new_item, new_op) = old, new
        if old_endpoint != new_endpoint:
            moved = old_endpoint.split(" ")[1].count("{") != new_endpoint.split(" ")[1].count("{")
            self.changes.append(Change(name, "operation", "", f"now `{new_endpoint}` (was `{old_endpoint}`)", moved))
        old_id, new_id = old_op.get("operationId"), new_op.get("operationId")
        if old_id != new_id:
            detail = f"operationId `{old_id}` → `{new_id}` (generated module renamed)"
            self.changes.append(Change(name, "operation", "", detail, False))
        if bool(old_op.get("deprecated")) != bool(new_op.get("deprecated")):
            detail = "deprecated" if new_op.get("deprecated") else "no longer deprecated"
            self.changes.append(Change(name, "operation", "", detail, False))

        flat_old, flat_new = Flattener(self.old), Flattener(self.new)
        old_params, new_params = _parameters(flat_old, old_item, old_op), _parameters(flat_new, new_item, new_op)
        for key in sorted(old_params.keys() | new_params.keys()):
            location = f"{key[0]} parameter `{key[1]}`"
            self.fields(name, location, old_params.get(key, {}), new_params.get(key, {}), "request")

        self.fields(name, "request body", _request_body(flat_old, old_op), _request_body(flat_new, new_op), "request")
        old_statuses, old_response = _response(flat_old, old_op)
        new_statuses, new_response = _response(flat_new, new_op)
        if old_statuses != new_statuses and old_statuses and new_statuses:
            detail = f"success status {', '.join(old_statuses)} → {', '.join(new_statuses)}"
            self.changes.append(Change(name, "response", "", detail, False))
        self.fields(name, "response", old_response, new_response, "response")


def _operations(document: dict[str, Any]) -> dict[str, Located]:
    """Every operation of a slice by its facade name."""
    return {
        facade_name(operation): (f"{method.upper()} {path}", item, operation)
        for path, item in document.get("paths", {}).items()
        for method, operation in item.items()
        if method in OPERATION_METHODS
    }


def _parameters(
    flat: Flattener, item: dict[str, Any], operation: dict[str, Any]
) -> dict[tuple[str, str], dict[str, Field]]:
    """Query and header parameters, flattened (path parameters are positional: compared through the path)."""
    found: dict[tuple[str, str], dict[str, Field]] = {}
    for raw in [*item.get("parameters", []), *operation.get("parameters", [])]:
        parameter, _ = flat.resolve(raw)
        if parameter.get("in") in ("query", "header"):
            schema = parameter.get("schema", {})
            found[(parameter["in"], parameter["name"])] = flat.fields(schema, bool(parameter.get("required")))
    return found


def _media_schema(content: dict[str, Any]) -> Any:
    media: dict[str, Any] = content.get("application/json") or next(iter(content.values()), {})
    return media.get("schema", {})


def _request_body(flat: Flattener, operation: dict[str, Any]) -> dict[str, Field]:
    body, _ = flat.resolve(operation.get("requestBody", {}))
    if not body.get("content"):
        return {}
    return flat.fields(_media_schema(body["content"]), bool(body.get("required")))


def _response(flat: Flattener, operation: dict[str, Any]) -> tuple[list[str], dict[str, Field]]:
    """The success statuses and what their bodies hold (any of them, when there are several)."""
    statuses = sorted(status for status in operation.get("responses", {}) if status.startswith("2"))
    schemas = []
    for status in statuses:
        response, _ = flat.resolve(operation["responses"][status])
        if response.get("content"):
            schemas.append(_media_schema(response["content"]))
    if not schemas:
        return statuses, {}
    return statuses, flat.fields(schemas[0] if len(schemas) == 1 else {"oneOf": schemas})


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every change from the ``old`` Users slice to the ``new`` one, in a stable order."""
    comparison = _Comparison(old, new)
    old_ops, new_ops = _operations(old), _operations(new)
    for name in sorted(old_ops.keys() | new_ops.keys()):
        if name not in new_ops:
            comparison.changes.append(Change(name, "operation", "", "removed", True))
        elif name not in old_ops:
            comparison.changes.append(Change(name, "operation", "", "added", False))
        else:
            comparison.operation(name, old_ops[name], new_ops[name])
    old_models = set(old.get("components", {}).get("schemas", {}))
    new_models = set(new.get("components", {}).get("schemas", {}))
    for before, after in sorted(comparison.renames):
        if before not in new_models and after not in old_models:
            comparison.changes.append(Change("", "model", "", f"`{before}` is now `{after}`", False))
    return comparison.changes


def _describe(pin: Pin) -> str:
    return f"`{pin.source}` (sha256 `{pin.sha256[:12]}…`, {len(pin.operations)} Users operations)"


def _line(change: Change) -> str:
    where = change.location + (f" field `{change.field}`" if change.field else "")
    text = change.detail if change.location == "operation" else f"{where}: {change.detail}"
    return f"**breaking**: {text}" if change.breaking else text


def render(changes: list[Change], old: Pin, new: Pin) -> str:
    """The change report as Markdown, ready to paste into a changelog or a pull request."""
    endpoints = {op.facade: f"{op.method} {op.path}" for op in (*old.operations, *new.operations)}
    lines = ["## Users API changes", "", f"From {_describe(old)}", f"to {_describe(new)}.", ""]
    if not changes:
        return "\n".join([*lines, "No changes to the Users API.", ""])
    breaking = sum(change.breaking for change in changes)
    counted = f"{len(changes)} change{'s' if len(changes) > 1 else ''}"
    if breaking:
        lines += [f"{counted}, **{breaking} breaking** (code using the facade may need changes).", ""]
    else:
        lines += [f"{counted}, none breaking.", ""]
    added = [c.operation for c in changes if c.location == "operation" and c.detail == "added"]
    removed = [c.operation for c in changes if c.location == "operation" and c.detail == "removed"]
    for title, names in (("Operations added", added), ("Operations removed (**breaking**)", removed)):
        if names:
            lines += [f"### {title}", "", *(f"- `{name}`: `{endpoints[name]}`" for name in names), ""]
    changed: dict[str, list[Change]] = {}
    for change in changes:
        if change.operation and change.operation not in added + removed:
            changed.setdefault(change.operation, []).append(change)
    if changed:
        lines += ["### Operations changed", ""]
        for name, own in changed.items():
            lines.append(f"- `{name}`: `{endpoints[name]}`")
            lines += [f"  - {_line(change)}" for change in own]
        lines.append("")
    renames = [change for change in changes if change.location == "model"]
    if renames:
        lines += ["### Models renamed (same use from the facade)", "", *(f"- {c.detail}" for c in renames), ""]
    return "\n".join(lines)


def render_unavailable(old: Pin, new: Pin, reason: str) -> str:
    """The report when the previous spec could not be read: what was adopted, and why no comparison."""
    return "\n".join(
        [
            "## Users API changes",
            "",
            f"Adopted {_describe(new)}.",
            "",
            f"The change report could not be computed: the previous spec, {_describe(old)}, could not be read.",
            "",
            "```",
            reason,
            "```",
            "",
        ]
    )
