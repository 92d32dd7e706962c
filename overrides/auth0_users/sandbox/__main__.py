"""``python -m auth0_users.sandbox [--port N] [--seed N] [--rate-limit PLAN|BURST/RATE]``: serve until Ctrl-C."""

from __future__ import annotations

import argparse

from ..pacing import Pacing
from ._server import SandboxServer, rate_limit_bucket
from .backend import DEFAULT_PASSWORD_POLICY, PASSWORD_POLICIES


def _rate_limit(text: str) -> str:
    try:
        rate_limit_bucket(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def main(argv: list[str] | None = None) -> None:
    """Parse the command line, print the base URL and token, and serve."""
    parser = argparse.ArgumentParser(prog="python -m auth0_users.sandbox", description=__doc__)
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    parser.add_argument("--seed", type=int, default=0, metavar="N", help="load N generated users first")
    parser.add_argument(
        "--rate-limit",
        type=_rate_limit,
        metavar="PLAN|BURST/RATE",
        help=f"limit like Auth0 with a token bucket: a plan ({', '.join(Pacing.PLANS)}) or e.g. 10/30"
        " for 10 requests at once, refilled at 30 per second (default: reported, not enforced)",
    )
    parser.add_argument(
        "--rate-limit-reset",
        choices=["next", "full"],
        default="next",
        help="what X-RateLimit-Reset tells: when the next token is added (default) or when the bucket is full",
    )
    parser.add_argument(
        "--password-policy",
        choices=list(PASSWORD_POLICIES),
        default=DEFAULT_PASSWORD_POLICY,
        help=f"how strong database connection passwords must be, as in Auth0 (default: {DEFAULT_PASSWORD_POLICY})",
    )
    args = parser.parse_args(argv)
    server = SandboxServer(
        args.port,
        rate_limit=args.rate_limit,
        rate_limit_reset=args.rate_limit_reset,
        password_policy=args.password_policy,
    )
    if args.seed:
        server.seed(args.seed)
    print(f"Auth0 Users sandbox at {server.base_url}", flush=True)
    print(f"token: {server.token}", flush=True)
    print(f"client credentials: {server.client_id} / {server.client_secret} at {server.origin}/oauth/token", flush=True)
    if args.rate_limit is not None:
        burst, rate = rate_limit_bucket(args.rate_limit)
        print(f"rate limit: {burst} at once, {rate:g}/s (X-RateLimit-Reset: {args.rate_limit_reset})", flush=True)
    server.run_forever()


if __name__ == "__main__":
    main()
