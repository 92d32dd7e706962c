"""JSON records as Auth0 writes them: times, field projections, the metadata merge, random ids."""

from __future__ import annotations

import random
import string
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

JsonObject = dict[str, Any]


def iso(moment: datetime) -> str:
    """Format a time the way Auth0 does: ``2024-01-31T12:34:56.789Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def now() -> str:
    """Return the current time in Auth0's format."""
    return iso(datetime.now(UTC))


def merge_metadata(stored: JsonObject | None, patch: JsonObject) -> JsonObject:
    """What Auth0 stores when a ``PATCH`` sends ``patch`` as ``user_metadata`` or ``app_metadata``.

    As Auth0's documentation on managing metadata with the Management API puts it: only
    properties at the root level are merged, each replacing the stored one whole (lower levels are
    not merged); a property set to ``null`` is deleted; an empty object removes the metadata.
    """
    if not patch:
        return {}
    merged = dict(stored or {})
    for key, value in patch.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return merged


def project(record: JsonObject, fields: str | None, include_fields: bool | None) -> JsonObject:
    """Apply the ``fields``/``include_fields`` query parameters to one object."""
    names = {name.strip() for name in (fields or "").split(",") if name.strip()}
    if not names:
        return record
    if include_fields is False:
        return {key: value for key, value in record.items() if key not in names}
    return {key: value for key, value in record.items() if key in names}


class Projected(Sequence[JsonObject]):
    """:func:`project` applied to each record as it is read, so a page costs only its own records."""

    def __init__(self, records: Sequence[JsonObject], fields: str | None, include_fields: bool | None) -> None:
        self._records, self._fields, self._include = records, fields, include_fields

    def __len__(self) -> int:
        return len(self._records)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [project(record, self._fields, self._include) for record in self._records[index]]
        return project(self._records[index], self._fields, self._include)


def only(record: JsonObject, keys: Sequence[str]) -> JsonObject:
    """``record`` cut down to ``keys`` (the properties a response schema allows)."""
    return {key: record[key] for key in keys if key in record}


def alnum(rng: random.Random, size: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    """``size`` random characters of ``alphabet``, as in Auth0's object ids."""
    return "".join(rng.choice(alphabet) for _ in range(size))
