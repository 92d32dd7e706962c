"""What ``auth0-users`` exits with (``ExitStatus``), for scripts."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """What ``auth0-users`` exits with; see the ``auth0_users.cli`` docstring."""

    OK = 0
    ERROR = 1
    USAGE = 2
    NOT_FOUND = 3
    NOT_ALLOWED = 4
    REFUSED = 5
    RATE_LIMITED = 6
    UNAVAILABLE = 7
    SOME_FAILED = 8
    SOME_UNKNOWN = 9
    INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C
