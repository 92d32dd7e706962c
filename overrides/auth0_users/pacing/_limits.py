"""What is known of a tenant's rate limits before any answer: its buckets, their endpoints, the longest wait."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

import attrs

#: The name of the tenant's bucket: every endpoint not known (or learned) to have one of its own.
TENANT = "*"


def _burst(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise ValueError(f"RateLimits {attribute.name} must be a whole number of requests, 1 or more, got {value!r}")


def _positive(what: str) -> Any:
    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value <= 0
        ):
            raise ValueError(f"RateLimits {attribute.name} must be a positive number of {what}, got {value!r}")

    return check


def endpoint_name(method: str, path: str) -> str:
    """How an endpoint is named in a bucket: ``GET /users/{id}`` (the path template under ``/api/v2``)."""
    return f"{method.upper()} {path}"


def _endpoints(value: Iterable[str]) -> frozenset[str]:
    if isinstance(value, str):
        raise TypeError(f"Bucket endpoints must be a collection of 'METHOD /path' names, got the string {value!r}")
    names = frozenset(value)
    for name in names:
        method, _, path = name.partition(" ")
        if not method.isupper() or not path.startswith("/"):
            raise ValueError(f"Bucket endpoint {name!r} must be 'METHOD /path/{{template}}', e.g. 'GET /users/{{id}}'")
    return names


@attrs.frozen
class Bucket:
    """A bucket of its own for some endpoints: ``burst`` requests at once, refilled at ``rate`` per second."""

    name: str
    burst: int = attrs.field(validator=_burst)
    rate: float = attrs.field(validator=_positive("requests per second"))
    endpoints: frozenset[str] = attrs.field(converter=_endpoints)


def _buckets(value: Iterable[Bucket]) -> tuple[Bucket, ...]:
    return tuple(value)


@attrs.frozen
class RateLimits:
    """Known rate limits of a tenant, and the longest a request may wait for them.

    ``burst`` and ``rate`` are the tenant's bucket (requests at once, refilled per second); what
    is left out (``None``) is learned from the rate-limit headers. ``buckets`` are endpoints with
    buckets of their own (:class:`Bucket`); other endpoints' own buckets are learned. ``max_wait``
    (seconds) bounds every wait: for a token, and for a 429's reset; a request that would wait
    longer raises ``RateLimitError`` instead. The presets hold Auth0's documented figures:
    ``RateLimits.FREE``, ``RateLimits.ENTERPRISE``, ``RateLimits.ENTERPRISE_NON_PRODUCTION``,
    ``RateLimits.ESSENTIALS`` and ``RateLimits.PROFESSIONAL`` (see the README).
    """

    FREE: ClassVar[RateLimits]
    ENTERPRISE: ClassVar[RateLimits]
    ENTERPRISE_NON_PRODUCTION: ClassVar[RateLimits]
    ESSENTIALS: ClassVar[RateLimits]
    PROFESSIONAL: ClassVar[RateLimits]
    PLANS: ClassVar[Mapping[str, RateLimits]]

    burst: int | None = attrs.field(default=None, validator=_burst)
    rate: float | None = attrs.field(default=None, validator=_positive("requests per second"))
    buckets: tuple[Bucket, ...] = attrs.field(default=(), converter=_buckets)
    max_wait: float = attrs.field(default=60.0, validator=_positive("seconds"))

    def __attrs_post_init__(self) -> None:
        seen: dict[str, str] = {}
        for bucket in self.buckets:
            if not isinstance(bucket, Bucket):
                raise TypeError(f"RateLimits buckets must be Bucket(...)s, got {type(bucket).__name__}")
            if bucket.name == TENANT:
                raise ValueError(f"the bucket name {TENANT!r} is the tenant's bucket; name the bucket")
            for endpoint in bucket.endpoints:
                if endpoint in seen:
                    raise ValueError(f"{endpoint} is in two buckets: {seen[endpoint]!r} and {bucket.name!r}")
                seen[endpoint] = bucket.name

    def bucket_of(self, endpoint: str) -> Bucket | None:
        """The given bucket ``endpoint`` is in, if any."""
        return next((bucket for bucket in self.buckets if endpoint in bucket.endpoints), None)

    @classmethod
    def parse(cls, text: str) -> RateLimits:
        """A plan name (see ``RateLimits.PLANS``) or ``BURST/RATE``."""
        plan = cls.PLANS.get(text.strip().lower())
        if plan is not None:
            return plan
        burst, slash, rate = text.partition("/")
        try:
            numbers = (int(burst), float(rate)) if slash else None
        except ValueError:
            numbers = None
        if numbers is None:
            plans = ", ".join(cls.PLANS)
            raise ValueError(f"rate limit {text!r}: give a plan ({plans}) or BURST/RATE, e.g. 10/30 (10 at once, 30/s)")
        return cls(*numbers)


_PER_MINUTE = 1 / 60
READ_USERS = Bucket("Read Users", 40, 500 * _PER_MINUTE, {"GET /users", "GET /users/{id}", "GET /users-by-email"})
WRITE_USERS = Bucket("Write Users", 20, 200 * _PER_MINUTE, {"POST /users", "PATCH /users/{id}", "DELETE /users/{id}"})
READ_USER_ORGANIZATIONS = Bucket("Read user's organizations", 40, 500 * _PER_MINUTE, {"GET /users/{id}/organizations"})

RateLimits.FREE = RateLimits(burst=2, rate=2.0)
RateLimits.ENTERPRISE = RateLimits(burst=50, rate=16.0, buckets=(READ_USER_ORGANIZATIONS,))
RateLimits.ENTERPRISE_NON_PRODUCTION = RateLimits(burst=10, rate=2.0, buckets=(READ_USER_ORGANIZATIONS,))
RateLimits.ESSENTIALS = RateLimits(burst=50, rate=16.0, buckets=(READ_USERS, WRITE_USERS))
RateLimits.PROFESSIONAL = RateLimits.ESSENTIALS
RateLimits.PLANS = {
    "free": RateLimits.FREE,
    "enterprise": RateLimits.ENTERPRISE,
    "enterprise-non-production": RateLimits.ENTERPRISE_NON_PRODUCTION,
    "essentials": RateLimits.ESSENTIALS,
    "professional": RateLimits.PROFESSIONAL,
}
