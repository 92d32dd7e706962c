"""``python -m auth0_users.sandbox [--port N] [--seed N]``: serve the sandbox until Ctrl-C."""

from __future__ import annotations

import argparse

from ._server import SandboxServer


def main(argv: list[str] | None = None) -> None:
    """Parse the command line, print the base URL and token, and serve."""
    parser = argparse.ArgumentParser(prog="python -m auth0_users.sandbox", description=__doc__)
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    parser.add_argument("--seed", type=int, default=0, metavar="N", help="load N generated users first")
    args = parser.parse_args(argv)
    server = SandboxServer(args.port)
    if args.seed:
        server.seed(args.seed)
    print(f"Auth0 Users sandbox at {server.base_url}", flush=True)
    print(f"token: {server.token}", flush=True)
    print(f"client credentials: {server.client_id} / {server.client_secret} at {server.origin}/oauth/token", flush=True)
    server.run_forever()


if __name__ == "__main__":
    main()
