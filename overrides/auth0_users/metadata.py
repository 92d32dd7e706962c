"""Metadata that merges the way people expect.

Auth0 merges ``user_metadata`` and ``app_metadata`` on the first level only. Given stored
metadata ``{"addresses": {"home": "Paris", "work": "Lyon"}}``, the PATCH
``{"user_metadata": {"addresses": {"home": "Nice"}}}`` stores ``{"addresses": {"home": "Nice"}}``:
the nested object replaces the stored one whole and ``work`` is gone. A first-level ``null``
deletes that key, and an empty object ``{}`` clears the field.

``predict`` tells what Auth0 will store for a patch; ``deep_merge_patch`` builds the smallest
first-level patch that merges nested changes instead, and ``predict_merge`` tells what Auth0 will
store once that patch is sent::

    deep_merge_patch(current, {"addresses": {"home": "Nice"}})
    # -> {"addresses": {"home": "Nice", "work": "Lyon"}}
    deep_merge_patch(current, {"addresses": {"work": DELETE}})
    # -> {"addresses": {"home": "Paris"}}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final


class _Delete:
    """Marks a key to delete, at any depth, in ``deep_merge_patch`` changes."""

    def __repr__(self) -> str:
        return "DELETE"


DELETE: Final = _Delete()
"""Put this where a key should be deleted: ``{"addresses": {"work": DELETE}}``."""


def checked(metadata: Any, name: str = "metadata") -> Mapping[str, Any]:
    """``metadata`` if it is a mapping with string keys at every depth, else a ``TypeError`` saying where.

    JSON objects have string keys only: ``{1: "a", "1": "b"}`` would be sent as ``{"1": ...}``
    with one value lost, so such keys are refused rather than turned into strings.
    """
    if not isinstance(metadata, Mapping):
        raise TypeError(f"{name} must be a mapping (a JSON object), got {type(metadata).__name__}")
    pending: list[tuple[str, Any]] = [(name, metadata)]
    while pending:  # not recursive: depth is the caller's to choose, not the stack's
        where, value = pending.pop()
        if isinstance(value, Mapping):
            for key, item in value.items():
                if not isinstance(key, str):
                    raise TypeError(f"{where} has the key {key!r} ({type(key).__name__}): JSON keys are strings")
                pending.append((f"{where}.{key}", item))
        elif isinstance(value, list | tuple):
            pending.extend((f"{where}[{index}]", item) for index, item in enumerate(value))
    return metadata


def predict(current: Mapping[str, Any] | None, patch: Mapping[str, Any] | None) -> dict[str, Any]:
    """What Auth0 stores when ``patch`` is sent for metadata that is ``current``.

    First-level keys of the patch replace the stored ones whole; a ``None`` value deletes the key;
    an empty patch ``{}`` clears the field. ``None`` as the patch itself also clears it. Keys must
    be strings (see :func:`checked`).
    """
    if patch is not None:
        checked(patch, "patch")
    if not patch:
        return {}
    stored = dict(current or {})
    for key, value in patch.items():
        if value is None:
            stored.pop(key, None)
        else:
            stored[key] = value
    return stored


def deep_merge(current: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """``current`` with ``changes`` merged in at every depth; ``DELETE`` removes a key."""
    return _deep_merge(current, checked(changes, "changes"))


def _deep_merge(current: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(current)
    for key, change in changes.items():
        if change is DELETE:
            merged.pop(key, None)
        elif isinstance(change, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _deep_merge(merged[key], change)
        else:
            merged[key] = _without_deletes(change)
    return merged


def _without_deletes(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _without_deletes(v) for k, v in value.items() if v is not DELETE}
    return value


def deep_merge_patch(current: Mapping[str, Any] | None, changes: Mapping[str, Any]) -> dict[str, Any]:
    """The smallest first-level patch that makes Auth0 store ``deep_merge(current, changes)``.

    Only first-level keys whose value changes appear; a key to delete appears as ``None`` (as in
    Auth0, a first-level ``None`` in ``changes`` deletes too). An empty result means there is
    nothing to send: sending ``{}`` would clear the field. Keys must be strings (see :func:`checked`).
    """
    current = dict(current or {})
    target = {key: value for key, value in deep_merge(current, changes).items() if value is not None}
    patch: dict[str, Any] = {key: None for key in current if key not in target}
    patch.update({key: value for key, value in target.items() if key not in current or current[key] != value})
    return patch


def predict_merge(current: Mapping[str, Any] | None, changes: Mapping[str, Any]) -> dict[str, Any]:
    """What Auth0 stores once the :func:`deep_merge_patch` for ``changes`` is sent (``users.merge_metadata``).

    An empty patch is not sent, so ``current`` stays as it is.
    """
    patch = deep_merge_patch(current, changes)
    return predict(current, patch) if patch else dict(current or {})
