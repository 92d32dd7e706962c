"""Auth0's rate-limit and token-quota headers, read and checked; apart, so that importing the package needs no pacer.

Header values are checked before anything acts on them: a value that is not a number, not a whole
number where one is meant, negative, or absurd (a bucket of a million, a reset more than a day
from the server's own ``Date``) is left out, as if the header were missing, with one DEBUG line.
"""

from __future__ import annotations

import email.utils
import logging
import math
import time
from collections.abc import Mapping
from typing import NamedTuple

logger = logging.getLogger("auth0_users")

#: No Auth0 bucket is larger than this; a larger ``X-RateLimit-Limit`` or ``Remaining`` is nonsense.
MAX_BUCKET = 100_000
#: A reset further than this from the server's clock (or this machine's, without ``Date``) is nonsense.
MAX_RESET_DISTANCE = 86_400.0


def _number(value: str | None) -> float | None:
    try:
        parsed = float(value) if value is not None else None
    except ValueError:
        return None
    return parsed if parsed is not None and math.isfinite(parsed) else None


def _count(value: str | None) -> int | None:
    """A whole number of requests from 0 to ``MAX_BUCKET``, or ``None``."""
    parsed = _number(value)
    if parsed is None or parsed != int(parsed) or not 0 <= parsed <= MAX_BUCKET:
        return None
    return int(parsed)


def http_date(value: str | None) -> float | None:
    """An HTTP date (``Date``, ``Retry-After``) in epoch seconds, or ``None``."""
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


class RateLimitState(NamedTuple):
    """Auth0's rate-limit headers of one response: limit, remaining, reset, and the server's ``Date``.

    ``reset`` and ``date`` are epoch seconds on the server's clock (``date`` to the second).
    Values that failed the checks are ``None``.
    """

    limit: int | None
    remaining: int | None
    reset: float | None
    date: float | None = None

    @classmethod
    def from_headers(cls, headers: Mapping[str, str], now: float | None = None) -> RateLimitState | None:
        """Read the ``X-RateLimit-*`` headers (and ``Date``), or ``None`` when the response had none."""
        # One pass over the headers: most answers carry none of these, and each lookup is a pass.
        found = {name.lower()[12:]: value for name, value in headers.items() if name.lower().startswith("x-ratelimit-")}
        raw = {name: found.get(name) for name in ("limit", "remaining", "reset")}
        if all(value is None for value in raw.values()):
            return None
        date = http_date(headers.get("date"))
        limit, remaining, reset = _count(raw["limit"]), _count(raw["remaining"]), _number(raw["reset"])
        if limit == 0:
            limit = None
        clock = date if date is not None else time.time() if now is None else now
        if reset is not None and not abs(reset - clock) <= MAX_RESET_DISTANCE:
            reset = None
        ignored = [
            f"{name}={value!r}"
            for name, value, kept in (("limit", raw["limit"], limit), ("remaining", raw["remaining"], remaining))
            if value is not None and kept is None
        ]
        if raw["reset"] is not None and reset is None:
            ignored.append(f"reset={raw['reset']!r}")
        if ignored:
            logger.debug("rate-limit headers ignored (not a sensible value): %s", ", ".join(ignored))
        return cls(limit, remaining, reset, date)


class Quota(NamedTuple):
    """One token quota of ``Auth0-Client-Quota-Limit``: its name, size, what is left, seconds until it resets."""

    name: str
    quota: int
    remaining: int
    resets_in: float


def token_quotas(headers: Mapping[str, str]) -> tuple[Quota, ...]:
    """The quotas of ``Auth0-Client-Quota-Limit`` and ``Auth0-Organization-Quota-Limit``.

    Each is a comma-separated list of buckets, each a semicolon-separated list of ``b=`` (name,
    ``per_hour`` or ``per_day``), ``q=`` (quota), ``r=`` (remaining) and ``t=`` (seconds until it
    resets). Buckets that cannot be read are left out.
    """
    quotas: list[Quota] = []
    for header, owner in (("auth0-client-quota-limit", "client"), ("auth0-organization-quota-limit", "organization")):
        for bucket in (headers.get(header) or "").split(","):
            fields = dict(part.strip().partition("=")[::2] for part in bucket.split(";") if "=" in part)
            quota, remaining, resets_in = _count(fields.get("q")), _count(fields.get("r")), _number(fields.get("t"))
            name = fields.get("b", "").strip()
            if name and quota is not None and remaining is not None and resets_in is not None and resets_in >= 0:
                quotas.append(Quota(f"{owner} {name}", quota, remaining, resets_in))
    return tuple(quotas)
