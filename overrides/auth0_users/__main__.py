"""``python -m auth0_users``: the ``auth0-users`` command line."""

from auth0_users.cli import main

raise SystemExit(main())
