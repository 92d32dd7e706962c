"""A short walkthrough of the package: ``python -m auth0_users.demo``."""

from __future__ import annotations

import pkgutil

import auth0_users_api
from auth0_users_api.api import users as users_endpoints

import auth0_users


def main() -> None:
    """Show what the two import packages offer."""
    operations = sorted(module.name for module in pkgutil.iter_modules(users_endpoints.__path__))
    print(f"auth0-users {auth0_users.__version__}")
    print(f"generated package {auth0_users_api.__name__}: {len(operations)} Users endpoint modules")
    for name in operations:
        print(f"  auth0_users_api.api.users.{name}")


if __name__ == "__main__":
    main()
