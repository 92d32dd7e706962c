"""What the facade generator knows of an operation, and how it names things."""

from __future__ import annotations

import html
import keyword
import re
from dataclasses import dataclass, field

HTTP_METHODS = ("get", "put", "post", "delete", "patch")
FIELD_PREFIX = "field_"
PACKAGE = "auth0_users_api"


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


def union_members(annotation: str) -> list[str]:
    """The members of a ``|`` union, brackets respected: ``list[A | B] | None`` -> ``list[A | B]``, ``None``."""
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


def constant_name(op: Op) -> str:
    """The operation's name in ``operations.py``: ``users.roles.list`` -> ``USERS__ROLES__LIST``."""
    return op.key.replace(".", "__").upper()
