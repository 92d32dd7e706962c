"""Render the typed resource classes: sync, async, and either returning raw responses."""

from __future__ import annotations

import re

from facade_model import PACKAGE, Op, constant_name
from facade_reading import Annotations
from facade_text import (
    Helper,
    as_docstring,
    helper_op,
    helper_returns,
    helpers_of,
    module_header,
    op_docstring,
    result_annotation,
    signature_of,
)

MODES = {
    # mode: (module, class-name prefix, base class)
    "sync": ("resources", "", "SyncResource"),
    "async": ("resources_async", "Async", "AsyncResource"),
    "sync_raw": ("resources_raw", "Raw", "SyncResource"),
    "async_raw": ("resources_async_raw", "AsyncRaw", "AsyncResource"),
}
RAW_OF = {"sync": "sync_raw", "async": "async_raw"}


def render_mode(ops: list[Op], mode: str, annotations: Annotations) -> str:
    """One typed view of the resource tree: sync, async, or either returning raw responses."""
    base = MODES[mode][2]
    out = module_header(f"The {mode.replace('_', ' ')} resource tree of the ``auth0_users`` facade.")
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
        out += _render_class(group, tree, mode, annotations, helpers_of(ops))
    body = "\n".join(out[header_end:])
    stdlib = [f"import {module}" for module in ("datetime", "uuid") if re.search(rf"(?<![.\w]){module}\.", body)]
    return "\n".join([*out[:header_end], *stdlib, *out[header_end:]]) + "\n"


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


def _render_method(op: Op, is_async: bool, is_raw: bool, annotations: Annotations) -> list[str]:
    path_args = "(" + "".join(f"{p}, " for p in op.path_params) + ")"
    call_args = f", {{{', '.join(repr(a.name) + ': ' + a.name for a in op.arguments)}}}" if op.arguments else ", {}"
    if op.paging:
        body = f"self._client._paginate(_ops.{constant_name(op)}, {path_args}{call_args})"
        prefix = "def"
    else:
        verb = "_call_raw" if is_raw else "_call"
        body = f"{'await ' if is_async else ''}self._client.{verb}(_ops.{constant_name(op)}, {path_args}{call_args})"
        prefix = "async def" if is_async else "def"
    returns = result_annotation(op, is_async, is_raw, annotations)
    if not op.paging and not is_raw:
        # The client parses into the operation's model but is typed Any; the cast names the model.
        returns_text = re.sub(r"(?<![.\w])list\[", "builtins.list[", returns)
        body = f"cast({returns_text!r}, {body})"
    body = f"return {body}"
    # Inside a class with a method named "list", a bare list[...] annotation names the method.
    header = f"{op.method_name}({signature_of(op, annotations)}) -> {returns}"
    header = re.sub(r"(?<![.\w])list\[", "builtins.list[", header)
    lines = ["", f"    {prefix} {header}:"]
    if is_raw:  # the full description is on the plain method; this one only differs in what it returns
        lines.append(f'        """``{op.key}``, returning the HTTP response along with the parsed result."""')
    else:
        lines += ["        " + line if line else "" for line in op_docstring(op).split("\n")]
    lines.append(f"        {body}")
    return lines


def _render_helper(helper: Helper, op: Op, is_async: bool, annotations: Annotations) -> list[str]:
    taken = helper_op(helper, op)
    passed = ", ".join(f"{a.name!r}: {a.name}" for a in taken.arguments)
    call = f"self._{helper.name}(_ops.{constant_name(op)}, {{{passed}}})"
    coroutine = is_async and helper.returns == "count"
    prefix, awaited = ("async def", "await ") if coroutine else ("def", "")
    lines = [line.strip() for line in helper.doc.split("\n")]
    if op.scopes:
        lines.append(f"Scopes (any of): {', '.join(op.scopes)}.")
    docstring = as_docstring(lines, [], taken.arguments)
    return [
        "",
        f"    {prefix} {helper.name}({signature_of(taken, annotations)}) -> "
        f"{helper_returns(helper, op, is_async, annotations)}:",
        *("        " + line if line else "" for line in docstring.split("\n")),
        f"        return {awaited}{call}",
        "",
        f"    {prefix} _{helper.name}(self, op: _shapes.Operation, arguments: _shapes.Arguments) -> "
        f"{helper_returns(helper, op, is_async, annotations, item='Any')}:",
        f'        """``{helper.name}`` itself, which the ``users`` resource of ``auth0_users`` provides."""',
        "        raise NotImplementedError",
    ]
