"""Auth0's rate-limit plans in the sandbox's own terms: a tenant's buckets and which requests draw from each.

A plan has one tenant-wide bucket and, on some plans, buckets of their own for groups of endpoints.
A request draws from the first endpoint group that matches its method and path, else from the
tenant-wide bucket; the token endpoint draws from none. The figures are Auth0's documented
Management API limits (burst, then the sustained rate), from the rate-limit policy pages at
https://auth0.com/docs/troubleshoot/customer-support/operational-policies/rate-limit-policy/rate-limit-configurations/

- ``free-public``: Management API, 2 at once, 2 per second.
- ``enterprise-public``: Management API, production 50 at once, 16 per second; non-production
  10 at once, 2 per second. No Users endpoint has a bucket of its own.
- ``essentials-professional-b2b``: Read Users (``GET``) 40 at once, 500 per minute; Write Users
  (``POST``, ``PATCH``, ``DELETE``) 20 at once, 200 per minute; all other endpoints combined 10 at
  once, 150 per minute.

The pages name the Users groups by the operations they link (get users; create, update and delete
a user); the sandbox puts the requests on ``/users`` and ``/users/{id}`` in them and every other
path (``/users-by-email``, ``/users/{id}/roles`` and the like) in the tenant-wide bucket.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

API_PREFIX = "/api/v2"
#: The name of the tenant-wide bucket; a 429 from it says "Global limit has been reached".
GLOBAL = "global"


@dataclass(frozen=True)
class BucketLimit:
    """One bucket: ``burst`` requests at once, refilled at ``per_second`` requests a second."""

    name: str
    burst: int
    per_second: float

    def __post_init__(self) -> None:
        if isinstance(self.burst, bool) or not isinstance(self.burst, int) or self.burst < 1:
            raise ValueError(f"burst must be a whole number of requests, 1 or more, got {self.burst!r}")
        rate = self.per_second
        if isinstance(rate, bool) or not isinstance(rate, int | float) or not 0 < rate < math.inf:
            raise ValueError(f"rate must be a positive number of requests per second, got {rate!r}")

    def scaled(self, factor: float) -> BucketLimit:
        """The same bucket refilled ``factor`` times faster (its burst stays)."""
        return replace(self, per_second=self.per_second * factor)


@dataclass(frozen=True)
class EndpointGroup:
    """Requests with one of ``methods`` on one of ``paths`` (templates under ``/api/v2``) share ``bucket``."""

    bucket: BucketLimit
    methods: frozenset[str]
    paths: tuple[str, ...]
    _patterns: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        patterns = tuple(re.compile(re.sub(r"\\{\w+\\}", "[^/]+", re.escape(API_PREFIX + path))) for path in self.paths)
        object.__setattr__(self, "_patterns", patterns)

    def matches(self, method: str, path: str) -> bool:
        """Whether a request (``path`` as sent, query string excluded) draws from this group's bucket."""
        return method in self.methods and any(pattern.fullmatch(path) for pattern in self._patterns)


@dataclass(frozen=True)
class Plan:
    """A tenant's rate limits: its tenant-wide bucket and the buckets of endpoint groups."""

    name: str
    tenant: BucketLimit
    endpoints: tuple[EndpointGroup, ...] = ()

    @property
    def buckets(self) -> tuple[BucketLimit, ...]:
        """Every bucket of the plan, the tenant-wide one first, each once."""
        seen: dict[str, BucketLimit] = {self.tenant.name: self.tenant}
        for group in self.endpoints:
            seen.setdefault(group.bucket.name, group.bucket)
        return tuple(seen.values())

    def bucket_for(self, method: str, path: str) -> BucketLimit:
        """The bucket a request draws from."""
        return next((group.bucket for group in self.endpoints if group.matches(method, path)), self.tenant)

    def scaled(self, factor: float) -> Plan:
        """The same plan with every bucket refilled ``factor`` times faster, for tests and benchmarks."""
        if isinstance(factor, bool) or not isinstance(factor, int | float) or not 0 < factor < math.inf:
            raise ValueError(f"a rate scale must be a positive number, got {factor!r}")
        if factor == 1:
            return self
        groups = tuple(replace(group, bucket=group.bucket.scaled(factor)) for group in self.endpoints)
        return replace(self, tenant=self.tenant.scaled(factor), endpoints=groups)

    @classmethod
    def single(cls, burst: int, per_second: float) -> Plan:
        """One tenant-wide bucket and nothing else."""
        return cls(f"{burst}/{per_second:g}", BucketLimit(GLOBAL, burst, per_second))

    @classmethod
    def parse(cls, text: str) -> Plan:
        """A plan name (see ``PLANS``) or ``BURST/RATE``: one bucket, ``RATE`` per second."""
        plan = PLANS.get(text.strip().lower())
        if plan is not None:
            return plan
        burst, slash, rate = text.partition("/")
        try:
            numbers = (int(burst), float(rate)) if slash else None
        except ValueError:
            numbers = None
        if numbers is None:
            plans = ", ".join(PLANS)
            raise ValueError(f"rate limit {text!r}: give a plan ({plans}) or BURST/RATE, e.g. 10/30 (10 at once, 30/s)")
        return cls.single(*numbers)


def _group(name: str, burst: int, per_minute: int, methods: Iterable[str], paths: Iterable[str]) -> EndpointGroup:
    return EndpointGroup(BucketLimit(name, burst, per_minute / 60), frozenset(methods), tuple(paths))


_USERS = ("/users", "/users/{id}")
_ESSENTIALS = Plan(
    "essentials",
    BucketLimit(GLOBAL, 10, 150 / 60),
    (
        _group("read-users", 40, 500, ["GET"], _USERS),
        _group("write-users", 20, 200, ["POST", "PATCH", "DELETE"], _USERS),
    ),
)

#: Auth0's plans by name (the figures and their sources are in this module's docstring).
PLANS: Mapping[str, Plan] = {
    "free": Plan("free", BucketLimit(GLOBAL, 2, 2.0)),
    "enterprise": Plan("enterprise", BucketLimit(GLOBAL, 50, 16.0)),
    "enterprise-non-production": Plan("enterprise-non-production", BucketLimit(GLOBAL, 10, 2.0)),
    "essentials": _ESSENTIALS,
    "professional": replace(_ESSENTIALS, name="professional"),
}


def rate_limit_plan(rate_limit: str | Plan) -> Plan:
    """The plan a ``rate_limit=`` option names: a ``Plan``, a plan's name or ``BURST/RATE``."""
    if isinstance(rate_limit, Plan):
        return rate_limit
    if isinstance(rate_limit, str):
        return Plan.parse(rate_limit)
    raise ValueError(f"a sandbox rate limit is a plan name, 'BURST/RATE' or a Plan, got {rate_limit!r}")
