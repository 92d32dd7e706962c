"""The pacing and token-cache packages sit below the client: no import circle, no client import, small modules.

Imports inside functions and under ``TYPE_CHECKING`` count: a circle is a circle to a reader.
"""

from __future__ import annotations

import ast
from pathlib import Path

import auth0_users

PACKAGE = Path(auth0_users.__file__).parent
#: Modules of auth0_users that import nothing of it, which every layer may use.
BOTTOM = {"auth0_users._address", "auth0_users._ratelimit", "auth0_users._redis"}
LOWER = ("auth0_users.pacing", "auth0_users.token_cache")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def imports(name: str) -> set[str]:
    """The modules of auth0_users that ``name`` imports, anywhere in it."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            source = ".".join(part for part in (base, node.module or "") if part)
            found.add(source)
            found.update(f"{source}.{alias.name}" for alias in node.names)
    return {module for module in found if module in MODULES and module != name}


def in_lower(name: str) -> bool:
    return any(name == package or name.startswith(f"{package}.") for package in LOWER)


def test_the_module_walk_sees_relative_imports_inside_functions() -> None:
    assert "auth0_users.pacing._tenant" in imports("auth0_users.pacing._store")
    assert "auth0_users._redis" in imports("auth0_users.token_cache._redis_cache")  # imported in a method


def test_pacing_and_token_caches_are_in_no_import_circle() -> None:
    graph = {name: imports(name) for name in MODULES}
    circles = []
    for start in filter(in_lower, MODULES):
        seen, todo = set(), list(graph[start])
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo.extend(graph[current])
        if start in seen:
            circles.append(start)
    assert not circles, f"in an import circle: {sorted(circles)}"


def test_pacing_and_token_caches_import_nothing_of_the_client_nor_each_other() -> None:
    outside = {
        (name, imported)
        for name in filter(in_lower, MODULES)
        for imported in imports(name)
        if imported not in BOTTOM and imported.split(".")[:2] != name.split(".")[:2]
    }
    assert not outside, sorted(outside)
    assert all(not imports(name) for name in BOTTOM)


def test_no_pacing_or_token_cache_module_is_over_400_lines() -> None:
    sizes = {name: len(MODULES[name].read_text().splitlines()) for name in filter(in_lower, MODULES)}
    assert not {name: size for name, size in sizes.items() if size > 400}
