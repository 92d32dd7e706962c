"""``auth0-users``: the command line for people who manage a tenant's users.

Every command is a thin call of the facade (``ManagementClient``), its bulk runner or
``search_all``. It needs the ``cli`` extra: ``pip install 'auth0-users[cli]'``.

Exit statuses, for scripts (``ExitStatus``):

    0  done
    1  an error not listed below
    2  bad usage or input: an unknown option or field, a malformed line, a bad query
    3  not found
    4  not allowed: the token or client was refused (401, 403, token endpoint)
    5  the API refused the request (another 4xx: conflict, search cap, ...)
    6  rate limited, retries exhausted
    7  the API could not be reached or failed (5xx, connection, timeout)
    8  bulk work finished, and some items failed
    9  bulk work finished, and some outcomes are unknown (check them before re-running)
  130  interrupted (Ctrl-C): what was in flight finished and, for ``users apply``, is in the journal
"""

from __future__ import annotations

import sys

from ._status import ExitStatus


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    try:
        from ._main import run
    except ImportError as error:
        if error.name not in ("click", "rich"):
            raise
        print("auth0-users: the command line needs the 'cli' extra: pip install 'auth0-users[cli]'", file=sys.stderr)
        return ExitStatus.ERROR
    return run(argv)


__all__ = ["ExitStatus", "main"]
