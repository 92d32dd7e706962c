"""Read the slice and the generated endpoint modules into one ``Op`` per operation."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any, ClassVar

from facade_model import (
    FIELD_PREFIX,
    HTTP_METHODS,
    PACKAGE,
    Argument,
    Op,
    facade_name,
    plain_text,
    snake,
    union_members,
)
from openapi_python_client.strings import PythonIdentifier


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
        for member in union_members(annotation):
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
    members = [m for m in union_members(ast.get_source_segment(text, node.returns) or "") if m not in ("Any", "None")]
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
    members = union_members(annotation)
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
                    listed = _comma_separated(parameter) and "str" in union_members(annotation)
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
                model = union_members(annotation)[0]
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
                            nullable="None" in union_members(widened),
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
                fields_of = [m for m in union_members(returns) if not m.startswith("list[")]
                listed = [m[5:-1] for m in union_members(returns) if m.startswith("list[")]
                if listed:
                    item_type = listed[0]
                else:
                    items_annotation = generated.class_fields(fields_of[0])[str(PythonIdentifier(paging[2], "field_"))]
                    item_type = union_members(items_annotation)[0][5:-1]
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
