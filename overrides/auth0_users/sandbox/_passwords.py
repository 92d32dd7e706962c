"""Auth0's password strength levels for database connections."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from ._errors import ApiError

_CHARACTER_KINDS = (
    re.compile(r"[a-z]"),
    re.compile(r"[A-Z]"),
    re.compile(r"[0-9]"),
    re.compile(r"[ !\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~]"),
)


def _kinds(password: str) -> int:
    return sum(1 for kind in _CHARACTER_KINDS if kind.search(password))


PASSWORD_POLICIES: Mapping[str, Callable[[str], bool]] = {
    "none": lambda password: len(password) >= 1,
    "low": lambda password: len(password) >= 6,
    "fair": lambda password: len(password) >= 8 and all(kind.search(password) for kind in _CHARACTER_KINDS[:3]),
    "good": lambda password: len(password) >= 8 and _kinds(password) >= 3,
    "excellent": lambda password: (
        10 <= len(password) <= 128 and _kinds(password) >= 3 and re.search(r"(.)\1\1", password) is None
    ),
}
"""Auth0's password strength levels for database connections, as its documentation states them:
none, at least 1 character; low, at least 6; fair, at least 8 with a lower-case letter, an
upper-case letter and a number; good, at least 8 with 3 of those 4 kinds (a special character is
the fourth); excellent, at least 10 (at most 128) with 3 of the 4 kinds and no character 3 times in a row."""

DEFAULT_PASSWORD_POLICY = "good"  # noqa: S105 - a policy level, not a password
"""The level Auth0 gives a database connection made in its Dashboard, the tenant's first one included."""


def known_password_policy(policy: str) -> str:
    """``policy`` when it names one of Auth0's levels; ``ValueError`` otherwise."""
    if policy not in PASSWORD_POLICIES:
        raise ValueError(f"unknown password policy {policy!r}: one of {', '.join(PASSWORD_POLICIES)}")
    return policy


def check_password(policy: str, password: str) -> None:
    """Raise Auth0's 400 when ``password`` is too weak for ``policy`` (Auth0 sends no ``errorCode`` here)."""
    if not PASSWORD_POLICIES[policy](password):
        raise ApiError(400, "PasswordStrengthError: Password is too weak")
