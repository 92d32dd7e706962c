"""Every Python example in README.md and the docs type-checks under mypy --strict against the installed wheel.

Each fenced block whose language is ``python`` is checked as a module of its own. A block that
cannot be checked opts out with ``<!-- not type-checked: REASON -->`` on the line before its
opening fence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from clean_install import mypy_strict
from loopback import ROOT

README = ROOT / "README.md"
PAGES = [README, *sorted((ROOT / "docs").rglob("*.md"))]
FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})\s*(?P<language>[\w+-]*)")
OPT_OUT = re.compile(r"^<!--\s*not type-checked:\s*(?P<reason>.*?)\s*-->$")


@dataclass(frozen=True)
class Example:
    first_line: int  # the README line of the example's first line of code
    code: str
    opt_out: str | None  # the reason given for not checking it


def python_examples(markdown: str) -> list[Example]:
    """The ``python`` blocks of ``markdown``, in order."""
    lines = markdown.splitlines()
    examples: list[Example] = []
    number = 0
    while number < len(lines):
        opening = FENCE.match(lines[number])
        if opening is None:
            number += 1
            continue
        end = next(
            (i for i in range(number + 1, len(lines)) if lines[i].strip() == opening["fence"]),
            len(lines),
        )
        if opening["language"] in ("python", "py"):
            marker = OPT_OUT.match(lines[number - 1].strip()) if number else None
            code = "\n".join(lines[number + 1 : end]) + "\n"
            examples.append(Example(number + 2, code, marker["reason"] if marker else None))
        number = end + 1
    return examples


def test_the_extractor_finds_blocks_and_opt_outs() -> None:
    markdown = "\n".join(
        [
            "# Title",
            "```python",
            "x: int = 1",
            "```",
            "```sh",
            "make test",
            "```",
            "<!-- not type-checked: needs a tenant -->",
            "````python",
            "```",
            "y = 2",
            "````",
            "```py",
        ]
    )
    assert python_examples(markdown) == [
        Example(3, "x: int = 1\n", None),
        Example(10, "```\ny = 2\n", "needs a tenant"),
        Example(14, "\n", None),
    ]


def test_readme_and_docs_examples_type_check_against_the_wheel(
    clean_python: Path, mypy_cache: Path, tmp_path: Path
) -> None:
    examples = {page.relative_to(ROOT): python_examples(page.read_text(encoding="utf-8")) for page in PAGES}
    assert sum(map(len, examples.values())) >= 8, "README.md and the docs should show usage in python blocks"
    found = [(page, example) for page, page_examples in examples.items() for example in page_examples]
    assert all(example.opt_out for _, example in found if example.opt_out is not None), "an opt-out needs a reason"
    checked = {f"example_{index:03}.py": pair for index, pair in enumerate(found) if pair[1].opt_out is None}
    for name, (_, example) in checked.items():
        (tmp_path / name).write_text(example.code, encoding="utf-8")
    messages = mypy_strict(clean_python, tmp_path, sorted(checked), mypy_cache / "wheel")
    where = [
        f"{checked[m.file][0]}:{checked[m.file][1].first_line + m.line - 1}: {m.severity}: {m.message}"
        for m in messages
    ]
    assert not any(m.severity == "error" for m in messages), "\n".join(where)
