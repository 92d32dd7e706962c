"""``python -m auth0_users.sandbox [--port N] [--seed N] [--https] [...]``: serve until Ctrl-C (``--help``: all)."""

from __future__ import annotations

import argparse
import logging
import math
import sys

from ._admin import ADMIN_PREFIX
from ._passwords import DEFAULT_PASSWORD_POLICY, PASSWORD_POLICIES
from ._plans import PLANS, Plan, rate_limit_plan
from ._server import DEFAULT_INDEX_LAG, SandboxServer


def _rate_limit(text: str) -> Plan:
    try:
        return rate_limit_plan(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < math.inf:
        raise argparse.ArgumentTypeError(f"give a positive number, e.g. 10, got {text!r}")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"give a number of seconds, e.g. 3600 or -3600, got {text!r}")
    return value


def _describe(plan: Plan, scale: float, reset: str) -> str:
    buckets = ", ".join(f"{bucket.name} {bucket.burst} at once, {bucket.per_second:g}/s" for bucket in plan.buckets)
    scaled = f" x{scale:g}" if scale != 1 else ""
    return f"rate limit: {plan.name}{scaled}: {buckets} (X-RateLimit-Reset: {reset})"


def _non_negative_seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, 0 or more, got {text!r}")
    return seconds


def main(argv: list[str] | None = None) -> None:
    """Parse the command line, print the base URL and token, and serve."""
    parser = argparse.ArgumentParser(prog="python -m auth0_users.sandbox", description=__doc__)
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    parser.add_argument("--seed", type=int, default=0, metavar="N", help="load N generated users first")
    parser.add_argument(
        "--plan",
        "--rate-limit",
        dest="rate_limit",
        type=_rate_limit,
        metavar="PLAN|BURST/RATE",
        help=f"limit like Auth0 with token buckets: a plan ({', '.join(PLANS)}), with its buckets per endpoint"
        " group, or e.g. 10/30 for one bucket of 10 requests at once, refilled at 30 per second"
        " (default: reported, not enforced)",
    )
    parser.add_argument(
        "--rate-limit-reset",
        choices=["next", "full"],
        default="next",
        help="what X-RateLimit-Reset tells: when the next token is added (default) or when the bucket is full",
    )
    parser.add_argument(
        "--rate-limit-scale",
        type=_positive,
        default=1.0,
        metavar="FACTOR",
        help="refill every bucket FACTOR times faster than the plan says (default: 1)",
    )
    parser.add_argument(
        "--clock-offset",
        type=_seconds,
        default=0.0,
        metavar="SECONDS",
        help="run the server's clock this far ahead (behind if negative) for Date and X-RateLimit-Reset",
    )
    parser.add_argument(
        "--password-policy",
        choices=list(PASSWORD_POLICIES),
        default=DEFAULT_PASSWORD_POLICY,
        help=f"how strong database connection passwords must be, as in Auth0 (default: {DEFAULT_PASSWORD_POLICY})",
    )
    parser.add_argument(
        "--index-lag",
        type=_non_negative_seconds,
        default=DEFAULT_INDEX_LAG,
        metavar="SECONDS",
        help=f"how long user search (GET /users) takes to see a write; 0 for at once (default: {DEFAULT_INDEX_LAG:g})",
    )
    parser.add_argument(
        "--https",
        action="store_true",
        help="serve HTTPS with a CA made on the spot, so the official SDKs work with domain=127.0.0.1:PORT",
    )
    parser.add_argument(
        "--log-requests",
        action="store_true",
        help="log each request (method, path, status, rate-limit headers) and a summary when stopped",
    )
    args = parser.parse_args(argv)
    if args.log_requests:
        logging.basicConfig(stream=sys.stderr, format="%(message)s")
        logging.getLogger("auth0_users.sandbox").setLevel(logging.INFO)
    server = SandboxServer(
        args.port,
        rate_limit=args.rate_limit,
        rate_limit_reset=args.rate_limit_reset,
        rate_limit_scale=args.rate_limit_scale,
        clock_offset=args.clock_offset,
        password_policy=args.password_policy,
        index_lag=args.index_lag,
        https=args.https,
        log_requests=args.log_requests,
    )
    if args.seed:
        server.seed(args.seed)
    print(f"Auth0 Users sandbox at {server.base_url}", flush=True)
    print(f"token: {server.token}", flush=True)
    print(f"client credentials: {server.client_id} / {server.client_secret} at {server.origin}/oauth/token", flush=True)
    if server.rate_limit is not None:
        print(_describe(server.rate_limit, args.rate_limit_scale, args.rate_limit_reset), flush=True)
    if args.clock_offset:
        print(f"clock offset: {args.clock_offset:+g} s", flush=True)
    print(f"user search sees writes after {server.index_lag:g} s (--index-lag)", flush=True)
    print(f"admin routes: {server.origin}{ADMIN_PREFIX}/ (reset, seed, settle, requests, rate-limits)", flush=True)
    if args.https:
        print(f"domain for the official SDKs: {server.domain}", flush=True)
        print(f"CA certificate: {server.ca_file} (made for this run; have clients trust it:)", flush=True)
        for name, value in server.trust_environment().items():
            print(f"  export {name}={value}", flush=True)
    server.run_forever()


if __name__ == "__main__":
    main()
