"""Write the typed resource tree of the ``auth0_users`` facade into ``auth0_users_api``.

The tree is derived mechanically: each operation's ``x-operation-group`` and
``x-operation-name`` (snake_cased) give its place and method name; the generated endpoint
module gives its arguments and types. Each operation is described once (an ``Operation``);
the sync, async and raw-response classes are thin typed views of that one description.

    python openapi/facade_codegen.py SLICE.json PACKAGE_DIR
"""

from __future__ import annotations

import ast
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openapi_python_client.strings import PythonIdentifier

HTTP_METHODS = ("get", "put", "post", "delete", "patch")
FIELD_PREFIX = "field_"
PACKAGE = "auth0_users_api"


def snake(name: str) -> str:
    """``authenticationMethods`` -> ``authentication_methods``, ``deleteAll`` -> ``delete_all``."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).replace("-", "_").lower()


@dataclass
class Argument:
    name: str  # Python name
    annotation: str  # as the facade shows it
    wire: str  # name on the wire (query, header or body field)
    kind: str  # "query", "header" or "body"
    required: bool = False
    nullable: bool = False
    minimum: int | None = None
    maximum: int | None = None


@dataclass
class Op:
    key: str
    group: tuple[str, ...]
    method_name: str
    module: str
    http_method: str
    path: str
    path_params: list[str]
    arguments: list[Argument]
    body: str  # "none", "object" or "array"
    returns: str  # annotation of the parsed result
    item: str | None  # pager item annotation
    paging: tuple[bool, bool, str] | None  # offset, checkpoint, items key
    scopes: list[str]
    summary: str
    description: str
    imports: set[str] = field(default_factory=set)


class Generated:
    """Reads the generated package's source (never imports it)."""

    def __init__(self, package_dir: Path) -> None:
        self.package_dir = package_dir
        self.models = {
            self._class_name(path): path.stem
            for path in (package_dir / "models").glob("*.py")
            if path.stem != "__init__"
        }
        self.enums = {name for name, stem in self.models.items() if "(StrEnum)" in self.source(f"models/{stem}.py")}

    def _class_name(self, path: Path) -> str:
        tree = ast.parse(path.read_text())
        return next(node.name for node in tree.body if isinstance(node, ast.ClassDef))

    def source(self, relative: str) -> str:
        return (self.package_dir / relative).read_text()

    def function(self, relative: str, name: str) -> tuple[ast.FunctionDef, str]:
        text = self.source(relative)
        tree = ast.parse(text)
        node = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name)
        return node, text

    def class_fields(self, class_name: str) -> dict[str, str]:
        text = self.source(f"models/{self.models[class_name]}.py")
        tree = ast.parse(text)
        cls = next(n for n in tree.body if isinstance(n, ast.ClassDef))
        return {
            stmt.target.id: ast.get_source_segment(text, stmt.annotation) or ""
            for stmt in cls.body
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)
        }


def _union(annotation: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in annotation:
        depth += char == "["
        depth -= char == "]"
        if char == "|" and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    return parts


class Annotations:
    """Widen generated annotations for the facade: dicts where models go, strings where enums go."""

    def __init__(self, generated: Generated) -> None:
        self.generated = generated

    def names(self, annotation: str) -> set[str]:
        return {name for name in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", annotation) if name in self.generated.models}

    def widen(self, annotation: str) -> str:
        members: list[str] = []
        for member in _union(annotation):
            inner = re.fullmatch(r"list\[(.*)\]", member)
            if inner:
                members.append(f"Sequence[{self.widen(inner.group(1))}]")
            elif member in self.generated.enums:
                members += [member, "str"]
            elif member in self.generated.models:
                members += [member, "Mapping[str, Any]"]
            else:
                members.append(member)
        unset = [m for m in members if m == "Unset"]
        return " | ".join(dict.fromkeys([m for m in members if m != "Unset"] + unset))


def result_type(generated: Generated, relative: str) -> str:
    node, text = generated.function(relative, "_parse_response")
    members = [m for m in _union(ast.get_source_segment(text, node.returns) or "") if m not in ("Any", "None")]
    return " | ".join(members) if members else "None"


def paging_of(
    operation: dict[str, Any], schemas: dict[str, Any], response: dict[str, Any]
) -> tuple[bool, bool, str] | None:
    names = {p["name"] for p in operation.get("parameters", [])}
    offset, checkpoint = {"page", "per_page"} <= names, {"from", "take"} <= names
    if not (offset or checkpoint):
        return None

    def resolve(schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            schema = schemas[schema["$ref"].rsplit("/", 1)[-1]]
        return schema

    response = resolve(response)
    for variant in response.get("oneOf", [response]):
        properties = resolve(variant).get("properties", {})
        arrays = [name for name, prop in properties.items() if prop.get("type") == "array"]
        if len(arrays) == 1:
            return offset, checkpoint, arrays[0]
    raise SystemExit(f"cannot tell the items of {operation['operationId']}")


def build_operations(spec: dict[str, Any], generated: Generated) -> list[Op]:
    schemas = spec["components"]["schemas"]
    annotations = Annotations(generated)
    ops: list[Op] = []
    for path, item in spec["paths"].items():
        for http_method in HTTP_METHODS:
            if http_method not in item:
                continue
            operation = item[http_method]
            group = operation["x-operation-group"]
            group = tuple(snake(g) for g in ([group] if isinstance(group, str) else group))
            method_name = snake(operation["x-operation-name"])
            tag = str(PythonIdentifier(operation["tags"][0], FIELD_PREFIX))
            module_name = str(PythonIdentifier(operation["operationId"], FIELD_PREFIX))
            relative = f"api/{tag}/{module_name}.py"
            node, text = generated.function(relative, "_get_kwargs")
            specs = {str(PythonIdentifier(p["name"], FIELD_PREFIX)): p for p in operation.get("parameters", [])}

            path_params = [a.arg for a in node.args.args]
            arguments: list[Argument] = []
            body = "none"
            for arg in node.args.kwonlyargs:
                annotation = ast.get_source_segment(text, arg.annotation) or ""
                if arg.arg != "body":
                    parameter = specs[arg.arg]
                    schema = parameter.get("schema", {})
                    arguments.append(
                        Argument(
                            arg.arg,
                            annotations.widen(annotation),
                            parameter["name"],
                            parameter["in"],
                            required="Unset" not in annotation,
                            minimum=schema.get("minimum"),
                            maximum=schema.get("maximum"),
                        )
                    )
                    continue
                model = _union(annotation)[0]
                if model.startswith("list["):
                    body = "array"
                    arguments.append(Argument("body", annotations.widen(model), "", "body", required=True))
                    continue
                body = "object"
                content = operation["requestBody"]["content"]["application/json"]["schema"]
                properties = schemas[content["$ref"].rsplit("/", 1)[-1]].get("properties", {})
                fields = generated.class_fields(model)
                for wire in properties:
                    python = str(PythonIdentifier(wire, FIELD_PREFIX))
                    widened = annotations.widen(fields[python])
                    required = "Unset" not in widened
                    nullable = "None" in _union(widened)
                    arguments.append(Argument(python, widened, wire, "body", required=required, nullable=nullable))

            names = [a.name for a in arguments]
            if len(names) != len(set(names)) or set(names) & set(path_params):
                raise SystemExit(f"argument names collide in {operation['operationId']}: {names}")

            returns = result_type(generated, relative)
            response = operation["responses"].get("200", {}).get("content", {}).get("application/json", {})
            paging = paging_of(operation, schemas, response.get("schema", {})) if response else None
            item_type = None
            if paging:
                fields_of = [m for m in _union(returns) if not m.startswith("list[")]
                listed = [m[5:-1] for m in _union(returns) if m.startswith("list[")]
                if listed:
                    item_type = listed[0]
                else:
                    items_annotation = generated.class_fields(fields_of[0])[str(PythonIdentifier(paging[2], "field_"))]
                    item_type = _union(items_annotation)[0][5:-1]
            scopes = next(
                (s["oAuth2ClientCredentials"] for s in operation.get("security", []) if "oAuth2ClientCredentials" in s),
                [],
            )
            op = Op(
                key=".".join((*group, method_name)),
                group=group,
                method_name=method_name,
                module=f"{PACKAGE}.api.{tag}.{module_name}",
                http_method=http_method.upper(),
                path=path,
                path_params=path_params,
                arguments=arguments,
                body=body,
                returns=returns,
                item=item_type,
                paging=paging,
                scopes=list(scopes),
                summary=(operation.get("summary") or "").strip(),
                description=(operation.get("description") or "").strip(),
            )
            op.imports = annotations.names(" ".join([a.annotation for a in arguments] + [returns, item_type or ""]))
            ops.append(op)
    return sorted(ops, key=lambda o: o.key)


def _docstring(op: Op) -> str:
    summary = op.summary.rstrip(".") + "." if op.summary else op.key
    lines = [summary, "", f"``{op.http_method} {op.path}``."]
    if op.scopes:
        lines.append(f"Scopes (any of): {', '.join(op.scopes)}.")
    if op.paging:
        lines.append("Returns a lazy pager over every page; iterate it, or call ``iter_pages()``.")
    text = "\n".join(lines).replace("\\", "\\\\").replace('"""', "'''")
    return f'"""{text}\n"""'


MODES = {
    # mode: (module, class-name prefix, base class)
    "sync": ("_resources", "", "SyncResource"),
    "async": ("_resources_async", "Async", "AsyncResource"),
    "sync_raw": ("_resources_raw", "Raw", "SyncResource"),
    "async_raw": ("_resources_async_raw", "AsyncRaw", "AsyncResource"),
}
RAW_OF = {"sync": "sync_raw", "async": "async_raw"}


def _header(title: str) -> list[str]:
    return [
        f'"""{title}',
        "",
        "Generated by openapi/facade_codegen.py from the Users slice and the generated endpoint modules;",
        "do not edit.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
    ]


def render_operations(ops: list[Op]) -> str:
    """The one description of every operation, shared by every view."""
    out = _header("Every Users operation, described once for the ``auth0_users`` facade.")
    out += ["from auth0_users._operation import Argument, Operation, Paging", ""]
    for op in ops:
        args = ", ".join(
            f"Argument({a.name!r}, {a.wire!r}, {a.kind!r}, nullable={a.nullable}, minimum={a.minimum},"
            f" maximum={a.maximum})"
            for a in op.arguments
        )
        paging = (
            f"Paging(offset={op.paging[0]}, checkpoint={op.paging[1]}, items={op.paging[2]!r})" if op.paging else None
        )
        out.append(
            f"{_const(op)} = Operation(key={op.key!r}, module={op.module!r}, http_method={op.http_method!r},"
            f" path={op.path!r}, path_params={tuple(op.path_params)!r}, arguments=({args}{',' if args else ''}),"
            f" body={op.body!r}, paging={paging}, scopes={tuple(op.scopes)!r}, returns_body={op.returns != 'None'})"
        )
    return "\n".join(out) + "\n"


def render_mode(ops: list[Op], mode: str) -> str:
    """One typed view of the resource tree: sync, async, or either returning raw responses."""
    base = MODES[mode][2]
    out = _header(f"The {mode.replace('_', ' ')} resource tree of the ``auth0_users`` facade.")
    out += [
        "import builtins",
        "from collections.abc import Mapping, Sequence",
        "from typing import TYPE_CHECKING, Any",
        "",
        f"from auth0_users._resource import {base}",
        "",
        "from . import _operations as _ops",
        "from .types import UNSET, Unset",
        "",
        "if TYPE_CHECKING:",
        "    from auth0_users._pager import AsyncPager, SyncPager",
        "    from auth0_users._response import RawResponse",
    ]
    tree: dict[tuple[str, ...], list[Op]] = {}
    for op in ops:
        for depth in range(1, len(op.group) + 1):
            tree.setdefault(op.group[:depth], [])
        tree[op.group].append(op)
    if mode in RAW_OF:
        raw_module, _, _ = MODES[RAW_OF[mode]]
        names = ", ".join(sorted(_class_name(group, RAW_OF[mode]) for group in tree))
        out.append(f"    from .{raw_module} import {names}")
    imports = sorted(set().union(*(op.imports for op in ops)))
    out += [f"    from .models import {name}" for name in imports]
    out.append("")
    for group in sorted(tree, key=len, reverse=True):
        out += _render_class(group, tree, mode)
    return "\n".join(out) + "\n"


def _const(op: Op) -> str:
    return op.key.replace(".", "__").upper()


def _class_name(group: tuple[str, ...], mode: str) -> str:
    base = "".join(part.title().replace("_", "") for part in group)
    prefix = MODES[mode][1]
    return f"{prefix}{base}Resource"


def _render_class(group: tuple[str, ...], tree: dict[tuple[str, ...], list[Op]], mode: str) -> list[str]:
    is_async, is_raw = mode.startswith("async"), mode.endswith("raw")
    base = MODES[mode][2]
    name = _class_name(group, mode)
    lines = ["", "", f"class {name}({base}):", f'    """``{".".join(group)}``: {len(tree[group])} operations."""', ""]
    lines.append("    __slots__ = ()")
    children = sorted(g for g in tree if len(g) == len(group) + 1 and g[: len(group)] == group)
    for child in children:
        lines += [
            "",
            "    @property",
            f"    def {child[-1]}(self) -> {_class_name(child, mode)}:",
            f'        """``{".".join(child)}``."""',
            f"        return {_class_name(child, mode)}(self._client)",
        ]
    if not is_raw:
        raw_mode = RAW_OF[mode]
        raw_class = _class_name(group, raw_mode)
        lines += [
            "",
            "    @property",
            f"    def with_raw_response(self) -> {raw_class}:",
            '        """The same operations, returning the HTTP response along with the parsed result."""',
            f"        from .{MODES[raw_mode][0]} import {raw_class}",
            "",
            f"        return {raw_class}(self._client)",
        ]
    for op in tree[group]:
        lines += _render_method(op, is_async, is_raw)
    return lines


def _render_method(op: Op, is_async: bool, is_raw: bool) -> list[str]:
    params = [f"{p}: str" for p in op.path_params]
    signature = ", ".join(["self", *params, "/"] if params else ["self"])
    if op.arguments:
        ordered = sorted(op.arguments, key=lambda a: not a.required)
        signature += ", *, " + ", ".join(f"{a.name}: {a.annotation}{'' if a.required else ' = UNSET'}" for a in ordered)
    path_args = "(" + "".join(f"{p}, " for p in op.path_params) + ")"
    call_args = ", ".join(f"{a.name}={a.name}" for a in op.arguments)
    call_args = f", {{{', '.join(repr(a.name) + ': ' + a.name for a in op.arguments)}}}" if call_args else ", {}"
    if op.paging:
        pager = "AsyncPager" if is_async else "SyncPager"
        returns = f"{pager}[{op.item}]"
        body = f"return self._client.paginate(_ops.{_const(op)}, {path_args}{call_args})"
        prefix = "def"
    else:
        returns = f"RawResponse[{op.returns}]" if is_raw else op.returns
        verb = "call_raw" if is_raw else "call"
        body = f"return {'await ' if is_async else ''}self._client.{verb}(_ops.{_const(op)}, {path_args}{call_args})"
        prefix = "async def" if is_async else "def"
    # Inside a class with a method named "list", a bare list[...] annotation names the method.
    header = re.sub(r"\blist\[", "builtins.list[", f"{op.method_name}({signature}) -> {returns}")
    lines = ["", f"    {prefix} {header}:"]
    lines += ["        " + line if line else "" for line in _docstring(op).split("\n")]
    lines.append(f"        {body}")
    return lines


def main(argv: list[str]) -> int:
    slice_path, package_dir = Path(argv[0]), Path(argv[1])
    spec = json.loads(slice_path.read_text())
    ops = build_operations(spec, Generated(package_dir))
    (package_dir / "_operations.py").write_text(render_operations(ops), encoding="utf-8")
    for mode, (module, _, _) in MODES.items():
        (package_dir / f"{module}.py").write_text(render_mode(ops, mode), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
