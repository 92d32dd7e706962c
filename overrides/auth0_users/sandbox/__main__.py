"""``python -m auth0_users.sandbox [--port N] [--seed N] [--plan PLAN] [--clock-offset S] ...``: serve until Ctrl-C."""

from __future__ import annotations

import argparse
import math

from ._plans import PLANS, Plan, rate_limit_plan
from ._server import SandboxServer


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
    args = parser.parse_args(argv)
    server = SandboxServer(
        args.port,
        rate_limit=args.rate_limit,
        rate_limit_reset=args.rate_limit_reset,
        rate_limit_scale=args.rate_limit_scale,
        clock_offset=args.clock_offset,
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
    server.run_forever()


if __name__ == "__main__":
    main()
