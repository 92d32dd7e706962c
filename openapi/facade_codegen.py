"""Write the typed resource tree of the ``auth0_users`` facade as the package ``auth0_users_facade``.

The tree is derived mechanically: each operation's ``x-operation-group`` and
``x-operation-name`` (snake_cased) give its place and method name; the generated endpoint
module gives its arguments and types, the spec their descriptions. Each operation is described
once (an ``Operation``); the sync, async and raw-response classes are thin typed views of that
one description. The package imports only ``auth0_users_api`` and httpx: what it needs of the
hand-written client it names as protocols (``facade/shapes.py``), so imports go one way.
Beside the package it writes ``API.md``, the reference of every method.

    python openapi/facade_codegen.py SLICE.json API_PACKAGE_DIR OUT_DIR
"""

from __future__ import annotations

import ast
import dataclasses
import html
import json
import keyword
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from openapi_python_client.strings import PythonIdentifier

HTTP_METHODS = ("get", "put", "post", "delete", "patch")
FIELD_PREFIX = "field_"
PACKAGE = "auth0_users_api"
FACADE = "auth0_users_facade"
SHAPES = Path(__file__).resolve().parent / "facade" / "shapes.py"


def snake(name: str) -> str:
    """``authenticationMethods`` -> ``authentication_methods``, ``deleteAll`` -> ``delete_all``."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).replace("-", "_").lower()


def facade_name(wire: str) -> str:
    """The facade's keyword for a spec name: the name itself; a Python keyword gets a trailing underscore."""
    if keyword.iskeyword(wire):
        return wire + "_"
    if wire.isidentifier():
        return wire
    python = re.sub(r"\W", "_", wire)  # a header such as auth0-custom-domain
    if not python.isidentifier():
        raise SystemExit(f"no Python name for the argument {wire!r}")
    return python


def plain_text(markup: str) -> str:
    """The spec's description (Markdown with some HTML) as plain docstring text."""
    text = re.sub(r"<code>(.*?)</code>", r"``\1``", markup, flags=re.DOTALL)
    text = re.sub(r"<a [^>]*>(.*?)</a>", r"\1", text, flags=re.DOTALL)
    text = re.sub(r"<br\s*/?>", "\n", text)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    text = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r"\1 (\2)", text)
    text = re.sub(r"[ \t]+", " ", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


@dataclass
class Argument:
    name: str  # the facade's keyword
    field: str  # the generated endpoint's keyword ("" for body fields)
    annotation: str  # as the facade shows it
    wire: str  # name on the wire (query, header or body field)
    kind: str  # "query", "header" or "body"
    required: bool = False
    nullable: bool = False
    minimum: int | None = None
    maximum: int | None = None
    description: str = ""
    enum: list[str] = field(default_factory=list)
    comma_separated: bool = False


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
    path_descriptions: dict[str, str] = field(default_factory=dict)


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

    STDLIB: ClassVar[dict[str, str]] = {"UUID": "uuid.UUID"}
    """Names the endpoint modules import from the standard library, and how the tree spells them."""

    def qualify(self, annotation: str) -> str:
        """Model names as attributes of the lazy models package, so that annotations resolve at run time."""

        def name(match: re.Match[str]) -> str:
            if match[0] in self.generated.models:
                return f"_models.{match[0]}"
            return self.STDLIB.get(match[0], match[0])

        return re.sub(r"(?<![.\w])[A-Za-z_]\w*\b", name, annotation)

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


def _schema_of(schemas: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = schemas[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _enum_values(schemas: dict[str, Any], schema: dict[str, Any]) -> list[str]:
    schema = _schema_of(schemas, schema)
    if schema.get("type") == "array":
        schema = _schema_of(schemas, schema.get("items", {}))
    return [str(value) for value in schema.get("enum", []) if value is not None]


COMMA_SEPARATED = re.compile(r"comma[- ]separated", re.IGNORECASE)
"""How the spec describes a string parameter that lists names (``fields``): the facade also takes a list."""


def _comma_separated(parameter: dict[str, Any]) -> bool:
    schema = parameter.get("schema", {})
    described = COMMA_SEPARATED.search(parameter.get("description", ""))
    return parameter.get("in") == "query" and schema.get("type") == "string" and described is not None


def _with_sequence(annotation: str) -> str:
    """``str | Unset`` -> ``str | Sequence[str] | Unset``."""
    members = _union(annotation)
    at = members.index("str") + 1
    return " | ".join([*members[:at], "Sequence[str]", *members[at:]])


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
            parameters = operation.get("parameters", [])
            specs = {str(PythonIdentifier(p["name"], FIELD_PREFIX)): p for p in parameters}

            path_params = [a.arg for a in node.args.args]
            path_descriptions = {
                str(PythonIdentifier(p["name"], FIELD_PREFIX)): plain_text(p.get("description", ""))
                for p in parameters
                if p.get("in") == "path"
            }
            arguments: list[Argument] = []
            body = "none"
            for arg in node.args.kwonlyargs:
                annotation = ast.get_source_segment(text, arg.annotation) or ""
                if arg.arg != "body":
                    parameter = specs[arg.arg]
                    schema = parameter.get("schema", {})
                    listed = _comma_separated(parameter) and "str" in _union(annotation)
                    widened = annotations.widen(annotation)
                    arguments.append(
                        Argument(
                            facade_name(parameter["name"]),
                            arg.arg,
                            _with_sequence(widened) if listed else widened,
                            parameter["name"],
                            parameter["in"],
                            required="Unset" not in annotation,
                            minimum=schema.get("minimum"),
                            maximum=schema.get("maximum"),
                            description=plain_text(parameter.get("description", "")),
                            enum=_enum_values(schemas, schema),
                            comma_separated=listed,
                        )
                    )
                    continue
                model = _union(annotation)[0]
                content = operation["requestBody"]["content"]["application/json"]["schema"]
                if model.startswith("list["):
                    body = "array"
                    description = plain_text(operation["requestBody"].get("description", ""))
                    arguments.append(
                        Argument("body", "", annotations.widen(model), "", "body", True, description=description)
                    )
                    continue
                body = "object"
                properties = _schema_of(schemas, content).get("properties", {})
                fields = generated.class_fields(model)
                for wire, prop in properties.items():
                    widened = annotations.widen(fields[str(PythonIdentifier(wire, FIELD_PREFIX))])
                    arguments.append(
                        Argument(
                            facade_name(wire),
                            "",
                            widened,
                            wire,
                            "body",
                            required="Unset" not in widened,
                            nullable="None" in _union(widened),
                            description=plain_text(prop.get("description", "")),
                            enum=_enum_values(schemas, prop),
                        )
                    )

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
            ops.append(
                Op(
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
                    description=plain_text(operation.get("description") or ""),
                    path_descriptions=path_descriptions,
                )
            )
    return sorted(ops, key=lambda o: o.key)


SEARCH_CAP_NOTE = (
    "Auth0 serves only the first 1000 results of a search, however they are paged: past them the "
    "pager raises ``SearchLimitError``. ``search_all`` streams every match."
)


def _limits(argument: Argument) -> str:
    parts = []
    if argument.minimum is not None and argument.maximum is not None:
        parts.append(f"from {argument.minimum} to {argument.maximum}")
    elif argument.minimum is not None:
        parts.append(f"at least {argument.minimum}")
    elif argument.maximum is not None:
        parts.append(f"at most {argument.maximum}")
    if argument.enum:
        parts.append("one of " + ", ".join(f"``{value}``" for value in argument.enum))
    if argument.comma_separated:
        parts.append("a list of strings is sent joined with commas")
    if argument.required:
        parts.append("required")
    return f" ({'; '.join(parts)})" if parts else ""


def _wrapped(text: str, indent: str, width: int = 100) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words, line = paragraph.split(), ""
        if not words:
            lines.append("")
            continue
        for word in words:
            if line and len(indent) + len(line) + 1 + len(word) > width:
                lines.append(indent + line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(indent + line)
    return lines


def _docstring(op: Op) -> str:
    summary = op.summary.rstrip(".") + "." if op.summary else op.key
    lines = [summary, ""]
    if op.description and op.description.rstrip(".") != op.summary.rstrip("."):
        lines += [*_wrapped(op.description, ""), ""]
    lines.append(f"``{op.http_method} {op.path}``.")
    if op.scopes:
        lines.append(f"Scopes (any of): {', '.join(op.scopes)}.")
    if op.paging:
        lines.append("Returns a lazy pager over every page; iterate it, or call ``iter_pages()``.")
    if op.key == "users.list":
        lines += _wrapped(SEARCH_CAP_NOTE, "")
    documented = [(name, op.path_descriptions.get(name, "")) for name in op.path_params]
    return _as_docstring(lines, documented, op.arguments)


def _as_docstring(lines: list[str], documented: list[tuple[str, str]], arguments: list[Argument]) -> str:
    """``lines``, then an Args section for ``documented`` (name, text) and ``arguments``, quoted."""
    documented = documented + [(a.name, a.description + _limits(a)) for a in arguments]
    if documented:
        lines = [*lines, "", "Args:"]
        for name, text in documented:
            wrapped = _wrapped(f"{name}: {text or 'see the Management API reference.'}", "    ")
            lines += [wrapped[0], *("    " + line if line else line for line in wrapped[1:])]
    text = "\n".join(line.rstrip() for line in lines).replace("\\", "\\\\").replace('"""', "'''")
    return f'"""{text}\n"""'


@dataclass(frozen=True)
class Helper:
    """A method of the hand-written layer that takes one operation's arguments, typed from the spec.

    The generated method takes the operation's arguments by name, less ``leaves_out`` (wire names
    the helper sets itself or that mean nothing to it), so that a misspelt argument fails as it
    does on any operation, and hands them to the hook ``_NAME(op, arguments)``, which the
    hand-written resource in ``auth0_users`` implements. It exists where the spec has the operation.
    """

    name: str
    operation: str
    returns: str  # "search": a search pager over the operation's items; "count": an int
    leaves_out: frozenset[str]
    doc: str
    page_sizes: tuple[str, ...] = ()  # arguments that must be at least 1


HELPERS = (
    Helper(
        "count",
        "users.list",
        "count",
        frozenset(
            {"page", "per_page", "include_totals", "sort", "fields", "include_fields", "primary_order", "from", "take"}
        ),
        """Count the users matching ``q``: one request for no user and Auth0's ``total``.

        Sends ``GET /users`` with ``per_page=0`` and ``include_totals=true`` and returns the
        ``total`` of the answer. Auth0 serves only the first 1000 matches of a search, while its
        ``total`` counts the matches (so does the sandbox); answers on Auth0's community forum
        have described that total as stopping at 1000 for searches, so a count of exactly 1000
        may mean at least 1000: split the query (by ``created_at`` range, say) to be sure.""",
    ),
    Helper(
        "search_all",
        "users.list",
        "search",
        frozenset({"sort", "include_totals", "page", "from", "take", "primary_order"}),
        """Stream every user matching ``q``, past the 1000 results Auth0 serves per search.

        Matches come oldest first, each once, one page in memory. Each range of ``created_at`` is
        read up to the 1000 results Auth0 serves, and the next range starts at the last one
        served, so the cost is about that of paging the matches: ceil(matches / 100) requests
        and a few more. It takes ``list``'s arguments but those it sets itself: ``sort``,
        ``page``, ``include_totals``, and ``primary_order`` (it needs the deterministic order).
        ``fields`` that leave out ``created_at`` or ``user_id`` get them added, as search_all
        reads both. Users created while it runs may or may not appear. To copy a whole large
        tenant, a users export job (``POST /jobs/users-exports``) is cheaper. Raises
        ``SearchSplitError`` if over 1000 matches share one millisecond.""",
        page_sizes=("per_page",),
    ),
)


def _helpers_of(ops: list[Op]) -> list[tuple[Helper, Op]]:
    """The helpers whose operation the spec has, each with that operation."""
    by_key = {op.key: op for op in ops}
    return [(helper, by_key[helper.operation]) for helper in HELPERS if helper.operation in by_key]


def _helper_op(helper: Helper, op: Op) -> Op:
    """``op`` as the helper takes it: no path parameters, only the arguments it passes on."""
    kept = [a for a in op.arguments if a.wire not in helper.leaves_out]
    arguments = [dataclasses.replace(a, minimum=max(a.minimum or 1, 1)) if a.name in helper.page_sizes else a
                 for a in kept]  # fmt: skip
    return dataclasses.replace(op, path_params=[], arguments=arguments)


def _helper_returns(helper: Helper, op: Op, is_async: bool, annotations: Annotations, item: str | None = None) -> str:
    if helper.returns == "count":
        return "int"
    return f"_shapes.{'AsyncSearchAll' if is_async else 'SearchAll'}[{item or annotations.qualify(op.item or 'Any')}]"


def _render_helper(helper: Helper, op: Op, is_async: bool, annotations: Annotations) -> list[str]:
    taken = _helper_op(helper, op)
    call = f"self._{helper.name}(_ops.{_const(op)}, {{{', '.join(f'{a.name!r}: {a.name}' for a in taken.arguments)}}})"
    coroutine = is_async and helper.returns == "count"
    prefix, awaited = ("async def", "await ") if coroutine else ("def", "")
    lines = [line.strip() for line in helper.doc.split("\n")]
    if op.scopes:
        lines.append(f"Scopes (any of): {', '.join(op.scopes)}.")
    docstring = _as_docstring(lines, [], taken.arguments)
    return [
        "",
        f"    {prefix} {helper.name}({_signature(taken, annotations)}) -> "
        f"{_helper_returns(helper, op, is_async, annotations)}:",
        *("        " + line if line else "" for line in docstring.split("\n")),
        f"        return {awaited}{call}",
        "",
        f"    {prefix} _{helper.name}(self, op: _shapes.Operation, arguments: _shapes.Arguments) -> "
        f"{_helper_returns(helper, op, is_async, annotations, item='Any')}:",
        f'        """``{helper.name}`` itself, which the ``users`` resource of ``auth0_users`` provides."""',
        "        raise NotImplementedError",
    ]


MODES = {
    # mode: (module, class-name prefix, base class)
    "sync": ("resources", "", "SyncResource"),
    "async": ("resources_async", "Async", "AsyncResource"),
    "sync_raw": ("resources_raw", "Raw", "SyncResource"),
    "async_raw": ("resources_async_raw", "AsyncRaw", "AsyncResource"),
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
    out += ["from .shapes import Argument, Operation, Paging", ""]
    for op in ops:
        args = ", ".join(
            f"Argument({a.name!r}, {a.field!r}, {a.wire!r}, {a.kind!r}, nullable={a.nullable}, minimum={a.minimum},"
            f" maximum={a.maximum}, array={_union(a.annotation)[0].startswith('Sequence[')}"
            f"{', comma_separated=True' if a.comma_separated else ''})"
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
    out += ["", "OPERATIONS: dict[str, Operation] = {", *(f"    {op.key!r}: {_const(op)}," for op in ops), "}"]
    return "\n".join(out) + "\n"


def render_mode(ops: list[Op], mode: str, annotations: Annotations) -> str:
    """One typed view of the resource tree: sync, async, or either returning raw responses."""
    base = MODES[mode][2]
    out = _header(f"The {mode.replace('_', ' ')} resource tree of the ``auth0_users`` facade.")
    out.append("import builtins")
    header_end = len(out)
    out += [
        "from collections.abc import Mapping, Sequence",
        "from typing import Any, cast",
        "",
        f"from {PACKAGE} import models as _models",
        f"from {PACKAGE}.types import UNSET, Unset",
        "",
        "from . import operations as _ops",
        "from . import shapes as _shapes",
        f"from .shapes import {base}",
    ]
    tree: dict[tuple[str, ...], list[Op]] = {}
    for op in ops:
        for depth in range(1, len(op.group) + 1):
            tree.setdefault(op.group[:depth], [])
        tree[op.group].append(op)
    if mode in RAW_OF:
        out.append(f"from . import {MODES[RAW_OF[mode]][0]} as _raw")
    out.append("")
    for group in sorted(tree, key=len, reverse=True):
        out += _render_class(group, tree, mode, annotations, _helpers_of(ops))
    body = "\n".join(out[header_end:])
    stdlib = [f"import {module}" for module in ("datetime", "uuid") if re.search(rf"(?<![.\w]){module}\.", body)]
    return "\n".join([*out[:header_end], *stdlib, *out[header_end:]]) + "\n"


def _const(op: Op) -> str:
    return op.key.replace(".", "__").upper()


def _class_name(group: tuple[str, ...], mode: str) -> str:
    base = "".join(part.title().replace("_", "") for part in group)
    prefix = MODES[mode][1]
    return f"{prefix}{base}Resource"


def _render_class(
    group: tuple[str, ...],
    tree: dict[tuple[str, ...], list[Op]],
    mode: str,
    annotations: Annotations,
    helpers: list[tuple[Helper, Op]],
) -> list[str]:
    is_async, is_raw = mode.startswith("async"), mode.endswith("raw")
    base = MODES[mode][2]
    name = _class_name(group, mode)
    children = sorted(g for g in tree if len(g) == len(group) + 1 and g[: len(group)] == group)
    methods = sorted(op.method_name for op in tree[group])
    where = ".".join(group) + (".with_raw_response" if is_raw else "")
    lines = ["", "", f"class {name}({base}):", f'    """``{where}``: {len(tree[group])} operations."""', ""]
    lines += ["    __slots__ = ()", f"    _path = {where!r}", f"    _operations = {tuple(methods)!r}"]
    if children:
        lines.append(f"    _resources = {tuple(child[-1] for child in children)!r}")
    for child in children:
        lines += [
            "",
            "    @property",
            f"    def {child[-1]}(self) -> {_class_name(child, mode)}:",
            f'        """``{".".join(child)}``."""',
            f"        return {_class_name(child, mode)}(self._client)",
        ]
    if not is_raw:
        raw_class = _class_name(group, RAW_OF[mode])
        lines += [
            "",
            "    @property",
            f"    def with_raw_response(self) -> _raw.{raw_class}:",
            '        """The same operations, returning the HTTP response along with the parsed result."""',
            f"        return _raw.{raw_class}(self._client)",
        ]
    for op in tree[group]:
        lines += _render_method(op, is_async, is_raw, annotations)
    for helper, op in helpers:
        if op.group == group and not is_raw:
            lines += _render_helper(helper, op, is_async, annotations)
    return lines


def _signature(op: Op, annotations: Annotations) -> str:
    params = [f"{p}: str" for p in op.path_params]
    signature = ", ".join(["self", *params, "/"] if params else ["self"])
    if op.arguments:
        ordered = sorted(op.arguments, key=lambda a: not a.required)
        signature += ", *, " + ", ".join(
            f"{a.name}: {annotations.qualify(a.annotation)}{'' if a.required else ' = UNSET'}" for a in ordered
        )
    return signature


def _returns(op: Op, is_async: bool, is_raw: bool, annotations: Annotations) -> str:
    if op.paging:
        return f"_shapes.{'AsyncPagerShape' if is_async else 'SyncPagerShape'}[{annotations.qualify(op.item or 'Any')}]"
    returns = annotations.qualify(op.returns)
    return f"_shapes.RawResponseShape[{returns}]" if is_raw else returns


def _render_method(op: Op, is_async: bool, is_raw: bool, annotations: Annotations) -> list[str]:
    path_args = "(" + "".join(f"{p}, " for p in op.path_params) + ")"
    call_args = f", {{{', '.join(repr(a.name) + ': ' + a.name for a in op.arguments)}}}" if op.arguments else ", {}"
    if op.paging:
        body = f"self._client._paginate(_ops.{_const(op)}, {path_args}{call_args})"
        prefix = "def"
    else:
        verb = "_call_raw" if is_raw else "_call"
        body = f"{'await ' if is_async else ''}self._client.{verb}(_ops.{_const(op)}, {path_args}{call_args})"
        prefix = "async def" if is_async else "def"
    returns = _returns(op, is_async, is_raw, annotations)
    if not op.paging and not is_raw:
        # The client parses into the operation's model but is typed Any; the cast names the model.
        returns_text = re.sub(r"(?<![.\w])list\[", "builtins.list[", returns)
        body = f"cast({returns_text!r}, {body})"
    body = f"return {body}"
    # Inside a class with a method named "list", a bare list[...] annotation names the method.
    header = f"{op.method_name}({_signature(op, annotations)}) -> {returns}"
    header = re.sub(r"(?<![.\w])list\[", "builtins.list[", header)
    lines = ["", f"    {prefix} {header}:"]
    if is_raw:  # the full description is on the plain method; this one only differs in what it returns
        lines.append(f'        """``{op.key}``, returning the HTTP response along with the parsed result."""')
    else:
        lines += ["        " + line if line else "" for line in _docstring(op).split("\n")]
    lines.append(f"        {body}")
    return lines


def user_models(ops: list[Op], generated: Generated) -> list[str]:
    """The models of the users that the root ``users`` operations return: what ``User`` covers."""
    found: set[str] = set()
    for op in ops:
        if op.group != ("users",):
            continue
        for member in [op.item or "", *_union(op.returns)]:
            name = member[5:-1] if member.startswith("list[") else member
            if name in generated.models and "user_id" in generated.class_fields(name):
                found.add(name)
    return sorted(found)


HANDWRITTEN_NEEDS = ("users.get", "users.list", "users.list_users_by_email", "users.update")
"""Operations whose results the hand-written ``Users`` extras are typed with: each gets an alias,
``Any`` when the spec lacks the operation (the extra then says so when called)."""
HANDWRITTEN_ITEMS = ("users.list",)
"""List operations whose pager items the extras are typed with (``search_all`` yields them)."""


def _alias_name(key: str, kind: str = "Result") -> str:
    return "".join(part.title().replace("_", "") for part in key.split(".")) + kind


def render_aliases(ops: list[Op], models: list[str], annotations: Annotations) -> str:
    """``User``, one type to annotate with, the result type of each operation and the item type of
    each list operation, by key (``UsersGetResult``, ``UsersRolesListItem``)."""
    aliases = {"User": " | ".join(f"_models.{name}" for name in models) or "Any"}
    results = {op.key: re.sub(r"(?<![.\w])list\[", "builtins.list[", annotations.qualify(op.returns)) for op in ops}
    for key in sorted({*results, *HANDWRITTEN_NEEDS}):
        aliases[_alias_name(key)] = results.get(key, "Any")
    items = {op.key: annotations.qualify(op.item) for op in ops if op.item}
    for key in sorted({*items, *HANDWRITTEN_ITEMS}):
        aliases[_alias_name(key, "Item")] = items.get(key, "Any")
    out = _header("Types to annotate with, derived from the spec: ``User`` and each operation's result.")
    out += [
        "import builtins",
        "from typing import TYPE_CHECKING, Any",
        "",
        f"from {PACKAGE} import models as _models",
        "",
        "if TYPE_CHECKING:",
        "    from typing import TypeAlias",
        "",
        *(f"    {name}: TypeAlias = {value}" for name, value in aliases.items()),
        "else:",
        "    _ALIASES = {",
        *(f"        {name!r}: lambda: {value}," for name, value in aliases.items()),
        "    }",
        "",
        "    def __getattr__(name: str) -> Any:",
        "        # Built on first use, so that importing this module imports no model.",
        "        if name not in _ALIASES:",
        '            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")',
        "        value = _ALIASES[name]()",
        "        globals()[name] = value",
        "        return value",
        "",
        f"USER_MODELS = {tuple(models)!r}",
        '"""The names of the models ``User`` covers."""',
    ]
    return "\n".join(out) + "\n"


def render_reference(ops: list[Op], annotations: Annotations) -> str:
    """API.md: every facade method with its signature and summary."""
    out = [
        "# API reference: the `auth0_users` resource tree",
        "",
        "Generated by `openapi/facade_codegen.py` from the Users slice; do not edit. Every method exists on",
        "`ManagementClient` (`mgmt.…`) and, awaited, on `AsyncManagementClient`; list operations return",
        "pagers. `mgmt.users` also has `merge_metadata` (see the README), and helpers typed from an",
        "operation's arguments, listed after the operations.",
        "",
    ]
    for op in ops:
        signature = re.sub(r"^self(, )?", "", _signature(op, annotations)).replace("_models.", "")
        returns = _returns(op, False, False, annotations).replace("_models.", "").replace("_shapes.", "")
        out += [
            f"## `mgmt.{op.key}`",
            "",
            f"`{op.http_method} {op.path}`: {op.summary or op.key}",
            "",
            "```python",
            f"{op.method_name}({signature}) -> {returns}",
            "```",
            "",
        ]
        if op.scopes:
            out += [f"Scopes (any of): {', '.join(f'`{scope}`' for scope in op.scopes)}.", ""]
    for helper, op in _helpers_of(ops):
        taken = _helper_op(helper, op)
        signature = re.sub(r"^self(, )?", "", _signature(taken, annotations)).replace("_models.", "")
        returns = _helper_returns(helper, op, False, annotations).replace("_models.", "").replace("_shapes.", "")
        summary = helper.doc.split("\n", 1)[0]
        out += [f"## `mgmt.{'.'.join(op.group)}.{helper.name}`", "", f"Takes `{op.key}`'s arguments: {summary}", ""]
        out += ["```python", f"{helper.name}({signature}) -> {returns}", "```", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def main(argv: list[str]) -> int:
    slice_path, package_dir, out_dir = Path(argv[0]), Path(argv[1]), Path(argv[2])
    spec = json.loads(slice_path.read_text())
    generated = Generated(package_dir)
    annotations = Annotations(generated)
    ops = build_operations(spec, generated)
    facade = out_dir / FACADE
    facade.mkdir(parents=True, exist_ok=True)
    docstring = '"""The typed resource tree of the ``auth0_users`` facade, derived from the Users slice.\n\n'
    docstring += 'Generated by openapi/facade_codegen.py; do not edit.\n"""\n'
    (facade / "__init__.py").write_text(docstring, encoding="utf-8")
    shutil.copyfile(SHAPES, facade / "shapes.py")
    (facade / "py.typed").write_text("", encoding="utf-8")
    (facade / "operations.py").write_text(render_operations(ops), encoding="utf-8")
    (facade / "aliases.py").write_text(render_aliases(ops, user_models(ops, generated), annotations), encoding="utf-8")
    for mode, (module, _, _) in MODES.items():
        (facade / f"{module}.py").write_text(render_mode(ops, mode, annotations), encoding="utf-8")
    (out_dir / "API.md").write_text(render_reference(ops, annotations), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
