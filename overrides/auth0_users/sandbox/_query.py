"""The subset of Auth0's user-search query syntax (Lucene, search engine v3) the sandbox understands.

Queries are parsed by luqum and compiled into a predicate over a stored user:

- ``field:value`` matches a value of the field exactly, case-insensitively; ``*`` and ``?`` are
  wildcards, in words and in quoted phrases (``email:"*@example.com"``).
- Dotted fields reach into objects and through lists: ``user_metadata.plan:premium``,
  ``app_metadata.x.y:z``, ``identities.connection:Username-Password-Authentication``.
- Ranges ``[a TO b]``, ``{a TO b}``, mixed brackets, ``*`` for an open end, and ``>``/``>=``/``<``/``<=``
  compare numbers as numbers and dates as dates (``created_at:[2024-01-01 TO 2024-02-01]``).
- ``AND``, ``OR``, ``NOT``, ``+``/``-``, parentheses and ``_exists_:field``; terms side by side mean OR.
- A bare term matches any of ``user_id``, ``email``, ``name``, ``nickname``, ``username``,
  ``given_name`` and ``family_name``.

Fuzzy (``~``), proximity, boosts (``^``) and regular expressions are refused with :class:`QueryError`.

:func:`compile_search` also says, per query, how an :class:`Index` narrows the users worth testing:
exact values, prefixes (``email:ada*``) and date ranges are looked up; ``AND`` intersects, ``OR``
unites; what cannot be looked up (``NOT``, suffixes, ``_exists_``) leaves every user a candidate.
A narrowing is a superset of the matches, and ``exact`` when the predicate need not run on it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence, Set
from datetime import UTC, datetime
from typing import Any, NamedTuple, Protocol

from luqum import tree
from luqum.exceptions import ParseError
from luqum.parser import parser

Predicate = Callable[[dict[str, Any]], bool]

BARE_TERM_FIELDS = ("user_id", "email", "name", "nickname", "username", "given_name", "family_name")


class QueryError(ValueError):
    """The query cannot be parsed, or uses syntax the sandbox does not support."""


class Narrowing(NamedTuple):
    """The ids of every user a query can match; ``exact`` when each of them does match."""

    ids: Set[str]
    exact: bool


class Index(Protocol):
    """Lookups over the stored users; each answers None for a field it does not index."""

    def everyone(self) -> Narrowing:
        """Every user."""

    def term(self, path: str, text: str) -> Narrowing | None:
        """Users with a value at ``path`` equal to ``text``, case-insensitively."""

    def prefix(self, path: str, text: str) -> Narrowing | None:
        """Users with a value at ``path`` starting with ``text``, case-insensitively."""

    def dates(
        self, path: str, low: datetime | None, high: datetime | None, include_low: bool, include_high: bool
    ) -> Narrowing | None:
        """Users with a date at ``path`` between ``low`` and ``high`` (None: unbounded)."""


Lookup = Callable[[Index], Narrowing | None]


class Search(NamedTuple):
    """A compiled query: whether a user matches, and which users an index says can."""

    matches: Predicate
    narrow: Lookup


def compile_search(query: str) -> Search:
    """Compile ``query`` into its predicate and its index lookup."""
    try:
        node = parser.parse(query)
    except (ParseError, TypeError, ValueError, ArithmeticError) as exc:  # luqum: decimal errors for "0~."
        raise QueryError(f"Query could not be parsed: {exc}") from exc
    return _compile(node, None)


def compile_query(query: str) -> Predicate:
    """Return a predicate telling whether a stored user matches ``query``."""
    return compile_search(query).matches


def _anyone(index: Index) -> None:
    """No lookup narrows this clause: every user is a candidate."""


def _intersection(lookups: Sequence[Lookup], exact: bool = True) -> Lookup:
    """Users every clause can match; exact when every clause narrows exactly (and ``exact``)."""

    def narrow(index: Index) -> Narrowing | None:
        found = [narrowing for narrowing in (lookup(index) for lookup in lookups) if narrowing is not None]
        if not found:
            return None
        found.sort(key=lambda narrowing: len(narrowing.ids))
        ids = found[0].ids
        for other in found[1:]:
            ids = ids & other.ids
        every = exact and len(found) == len(lookups) and all(narrowing.exact for narrowing in found)
        return Narrowing(ids, every)

    return narrow


def _union(lookups: Sequence[Lookup], exact: bool = True) -> Lookup:
    """Users any clause can match, if every clause narrows; exact when each does (and ``exact``)."""

    def narrow(index: Index) -> Narrowing | None:
        found = []
        for lookup in lookups:
            narrowing = lookup(index)
            if narrowing is None:
                return None
            found.append(narrowing)
        if len(found) == 1:
            return Narrowing(found[0].ids, exact and found[0].exact)
        return Narrowing(set().union(*(n.ids for n in found)), exact and all(n.exact for n in found))

    return narrow


def field_values(record: Any, path: str) -> Iterator[Any]:
    """Yield every leaf value at a dotted ``path``, walking through lists."""
    if isinstance(record, list):
        for item in record:
            yield from field_values(item, path)
        return
    if not path:
        yield record
        return
    if not isinstance(record, dict):
        return
    head, _, rest = path.partition(".")
    if head in record:
        yield from field_values(record[head], rest)


def _compile(node: tree.Item, field: str | None) -> Search:
    if isinstance(node, tree.SearchField):
        if field is not None:
            raise QueryError(f"Nested field queries are not supported: {node}")
        if node.name == "_exists_":
            return _exists(node.expr)
        return _compile(node.expr, node.name)
    if isinstance(node, tree.BaseGroup):
        return _compile(node.expr, field)
    if isinstance(node, tree.AndOperation):
        parts = [_compile(_as_not(operand), field) for operand in node.operands]
        tests = [part.matches for part in parts]
        return Search(lambda user: all(test(user) for test in tests), _intersection([part.narrow for part in parts]))
    if isinstance(node, tree.OrOperation | tree.UnknownOperation):
        return _boolean(node.operands, field)
    if isinstance(node, tree.Not | tree.Prohibit):
        inner = _compile(node.a, field).matches
        return Search(lambda user: not inner(user), _anyone)
    if isinstance(node, tree.Plus):
        return _compile(node.a, field)
    if isinstance(node, tree.Range):
        return _range(field, node.low, node.high, node.include_low, node.include_high)
    if isinstance(node, tree.From):
        return _range(field, node.a, tree.Word("*"), node.include, True)
    if isinstance(node, tree.To):
        return _range(field, tree.Word("*"), node.a, True, node.include)
    if isinstance(node, tree.Word | tree.Phrase) and not isinstance(node, tree.Regex):
        return _term(field, node)
    raise QueryError(f"Unsupported query syntax: {node} (fuzzy, proximity, boost and regex queries are not supported)")


def _as_not(node: tree.Item) -> tree.Item:
    return tree.Not(node.a) if isinstance(node, tree.Prohibit) else node


def _boolean(operands: tuple[tree.Item, ...], field: str | None) -> Search:
    """Lucene's rules for clauses side by side: ``+`` required, ``-`` prohibited, others optional."""
    required = [_compile(op.a, field) for op in operands if isinstance(op, tree.Plus)]
    prohibited = [_compile(op.a, field) for op in operands if isinstance(op, tree.Prohibit)]
    optional = [_compile(op, field) for op in operands if not isinstance(op, tree.Plus | tree.Prohibit)]
    musts, must_nots, mays = ([part.matches for part in parts] for parts in (required, prohibited, optional))

    def predicate(user: dict[str, Any]) -> bool:
        if not all(part(user) for part in musts) or any(part(user) for part in must_nots):
            return False
        return bool(musts) or not mays or any(part(user) for part in mays)

    if required:
        return Search(predicate, _intersection([part.narrow for part in required], exact=not prohibited))
    if optional:
        return Search(predicate, _union([part.narrow for part in optional], exact=not prohibited))
    return Search(predicate, _anyone)


def _exists(expr: tree.Item) -> Search:
    if not isinstance(expr, tree.Word):
        raise QueryError(f"_exists_ takes a field name, not {expr}")
    path = expr.value
    return Search(lambda user: any(value is not None for value in field_values(user, path)), _anyone)


def _term(field: str | None, node: tree.Term) -> Search:
    text = node.value[1:-1] if isinstance(node, tree.Phrase) else node.unescaped_value
    if field is None:
        if text == "*":
            return Search(lambda user: True, lambda index: index.everyone())
        fields: tuple[str, ...] = BARE_TERM_FIELDS
    else:
        fields = (field,)
    wildcard = node.has_wildcard()
    matches = _text_matcher(text, wildcard=wildcard)

    def predicate(user: dict[str, Any]) -> bool:
        return any(matches(value) for path in fields for value in field_values(user, path))

    if not wildcard:
        return Search(predicate, _union([_lookup_term(path, text) for path in fields]))
    stem = text[:-1]
    if text.endswith("*") and not any(c in stem for c in "*?"):
        return Search(predicate, _union([_lookup_prefix(path, stem) for path in fields]))
    return Search(predicate, _anyone)


def _lookup_term(path: str, text: str) -> Lookup:
    return lambda index: index.term(path, text)


def _lookup_prefix(path: str, text: str) -> Lookup:
    return lambda index: index.prefix(path, text)


def _text_matcher(text: str, *, wildcard: bool) -> Callable[[Any], bool]:
    if wildcard:
        pattern = re.compile("".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in text), re.I)
        return lambda value: not isinstance(value, dict) and pattern.fullmatch(as_text(value)) is not None
    wanted = text.casefold()
    number = _as_number(text)

    def matches(value: Any) -> bool:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return number is not None and value == number
        return not isinstance(value, dict) and as_text(value).casefold() == wanted

    return matches


def as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _as_number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def as_date(text: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _bound(node: tree.Item) -> str | None:
    if not isinstance(node, tree.Word | tree.Phrase):
        raise QueryError(f"Unsupported range bound: {node}")
    text = node.value[1:-1] if isinstance(node, tree.Phrase) else node.unescaped_value
    return None if text == "*" else text


def _range(field: str | None, low: tree.Item, high: tree.Item, include_low: bool, include_high: bool) -> Search:
    if field is None:
        raise QueryError("A range needs a field, e.g. logins_count:[1 TO 10]")
    low_text, high_text = _bound(low), _bound(high)

    def within(value: Any) -> bool:
        convert = _range_converter(value, low_text, high_text)
        if convert is None:
            return False
        current = convert(str(value))
        if low_text is not None:
            low_value = convert(low_text)
            if low_value is None or current < low_value or (not include_low and current == low_value):
                return False
        if high_text is not None:
            high_value = convert(high_text)
            if high_value is None or current > high_value or (not include_high and current == high_value):
                return False
        return True

    def predicate(user: dict[str, Any]) -> bool:
        return any(within(value) for value in field_values(user, field))

    low_date, high_date = (None if text is None else as_date(text) for text in (low_text, high_text))
    if (low_text is None or low_date) and (high_text is None or high_date):
        return Search(predicate, lambda index: index.dates(field, low_date, high_date, include_low, include_high))
    return Search(predicate, _anyone)  # bounds that are not dates compare as text or numbers


def _range_converter(value: Any, *bounds: str | None) -> Callable[[str], Any] | None:
    """Compare numbers as numbers, dates as dates and other text case-insensitively."""
    if isinstance(value, bool) or value is None or isinstance(value, dict | list):
        return None
    if isinstance(value, int | float):
        return _as_number
    if as_date(value) is not None and all(bound is None or as_date(bound) for bound in bounds):
        return as_date
    return str.casefold
