"""Auth0's rate-limit headers, read; their own module so that importing the package needs no pacer."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import NamedTuple


class RateLimitState(NamedTuple):
    """Auth0's rate-limit headers from the latest response: limit, remaining, reset (epoch seconds)."""

    limit: int | None
    remaining: int | None
    reset: float | None

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> RateLimitState | None:
        """Read the three ``X-RateLimit-*`` headers, or ``None`` when the response had none."""
        values = [headers.get(f"x-ratelimit-{name}") for name in ("limit", "remaining", "reset")]
        if all(value is None for value in values):
            return None

        def number(value: str | None) -> float | None:
            try:
                parsed = float(value) if value is not None else None
            except ValueError:
                return None
            return parsed if parsed is not None and math.isfinite(parsed) else None

        limit, remaining, reset = (number(value) for value in values)
        return cls(
            None if limit is None else int(limit),
            None if remaining is None else int(remaining),
            reset,
        )
