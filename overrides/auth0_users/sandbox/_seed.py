"""Deterministic, realistic users for demos, tests and benchmarks.

The same ``(n, seed, same_created_at)`` always yields the same users. Users are created in time
order from 2022-01-01 onwards, a few hours apart; ``same_created_at=k`` makes each run of ``k``
consecutive users share one ``created_at`` (handy for testing sort and paging ties). About seven in
ten live on the database connection (``auth0|<24 hex>``), the rest are Google, GitHub or
passwordless email users. Each has nested ``user_metadata`` and ``app_metadata``, a
``logins_count`` with matching ``last_login``, and some roles, permissions, organizations, groups,
MFA factors, sessions, refresh tokens and login logs.
"""

from __future__ import annotations

import random
import string
from datetime import UTC, datetime, timedelta

from ._catalog import DATABASE_CONNECTION
from ._records import JsonObject, iso
from ._tenant import Tenant, UserState

FIRST_NAMES = (
    "Ada",
    "Alan",
    "Grace",
    "Linus",
    "Margaret",
    "Dennis",
    "Barbara",
    "Ken",
    "Frances",
    "Edsger",
    "Radia",
    "Donald",
    "Hedy",
    "Tim",
    "Katherine",
    "Guido",
    "Shafi",
    "Niklaus",
    "Joan",
    "Bjarne",
)
LAST_NAMES = (
    "Lovelace",
    "Turing",
    "Hopper",
    "Torvalds",
    "Hamilton",
    "Ritchie",
    "Liskov",
    "Thompson",
    "Allen",
    "Dijkstra",
    "Perlman",
    "Knuth",
    "Lamarr",
    "Berners-Lee",
    "Johnson",
    "van Rossum",
    "Goldwasser",
    "Wirth",
    "Clarke",
    "Stroustrup",
)
DOMAINS = ("example.com", "example.org", "acme.test", "globex.test")
PLANS = ("free", "free", "free", "premium", "team", "enterprise")
LANGUAGES = ("en", "fr", "de", "es", "ja")
REGIONS = ("eu", "us", "au", "jp")
FEATURES = ("beta-dashboard", "new-billing", "ai-search", "dark-mode")
CONNECTIONS = (
    (DATABASE_CONNECTION, "auth0", 70),
    ("google-oauth2", "google-oauth2", 15),
    ("github", "github", 10),
    ("email", "email", 5),
)
SOCIAL = ("google-oauth2", "github")
CLIENT_ID = "sandboxWebApp0000000000000000000"
EPOCH = datetime(2022, 1, 1, tzinfo=UTC)


def seed_users(tenant: Tenant, n: int, seed: int = 0, *, same_created_at: int = 1) -> list[JsonObject]:
    """Add ``n`` users to ``tenant`` and return them."""
    if n < 0 or same_created_at < 1:
        raise ValueError("n must be >= 0 and same_created_at >= 1")
    rng = random.Random(seed)
    created = EPOCH
    users = []
    for index in range(n):
        if index % same_created_at == 0:
            created += timedelta(seconds=rng.randint(60, 6 * 3600), milliseconds=rng.randint(0, 999))
        user, state = _user(tenant, rng, index, created)
        users.append(tenant.insert_user(user, state))
    return users


def _pick_connection(rng: random.Random) -> tuple[str, str]:
    roll = rng.randint(1, 100)
    for name, provider, weight in CONNECTIONS:
        if roll <= weight:
            return name, provider
        roll -= weight
    return CONNECTIONS[0][:2]


def _user(tenant: Tenant, rng: random.Random, index: int, created: datetime) -> tuple[JsonObject, UserState]:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    email = f"{first}.{last.replace(' ', '')}{index}@{rng.choice(DOMAINS)}".lower()
    connection, provider = _pick_connection(rng)
    if provider in {"auth0", "email"}:
        local_id: str = rng.getrandbits(96).to_bytes(12, "big").hex()
    else:
        local_id = str(rng.randrange(10**20, 10**21))
    user_id = f"{provider}|{local_id}"
    logins = int(rng.paretovariate(1.2)) - 1 if rng.random() < 0.9 else 0
    updated = created + timedelta(days=rng.randint(0, 400), seconds=rng.randint(0, 86399))
    user: JsonObject = {
        "user_id": user_id,
        "email": email,
        "email_verified": provider != "auth0" or rng.random() < 0.8,
        "name": f"{first} {last}",
        "given_name": first,
        "family_name": last,
        "nickname": email.split("@")[0],
        "picture": f"https://s.gravatar.com/avatar/{rng.getrandbits(128):032x}?s=480&r=pg",
        "created_at": iso(created),
        "updated_at": iso(updated),
        "identities": [
            {"connection": connection, "user_id": local_id, "provider": provider, "isSocial": provider in SOCIAL}
        ],
        "user_metadata": {
            "plan": rng.choice(PLANS),
            "preferences": {
                "language": rng.choice(LANGUAGES),
                "theme": rng.choice(("light", "dark")),
                "notifications": {"email": rng.random() < 0.7, "sms": rng.random() < 0.2},
            },
        },
        "app_metadata": {
            "account": {"id": f"acc_{rng.getrandbits(40):010x}", "region": rng.choice(REGIONS)},
            "features": sorted(rng.sample(FEATURES, rng.randint(0, 2))),
            "score": rng.randint(0, 100),
        },
        "logins_count": logins,
    }
    if provider == "auth0" and rng.random() < 0.3:
        user["username"] = f"{first.lower()}{index}"
    if logins:
        last_login = updated + timedelta(seconds=rng.randint(0, 30 * 86400))
        user["last_login"] = iso(last_login)
        user["last_ip"] = f"203.0.113.{rng.randint(1, 254)}"
    if rng.random() < 0.15:
        user["multifactor"] = ["guardian"]
    if rng.random() < 0.02:
        user["blocked"] = True
    return user, _state(tenant, rng, user, created)


def _token(rng: random.Random, size: int = 32) -> str:
    return "".join(rng.choices(string.ascii_letters + string.digits, k=size))


def _state(tenant: Tenant, rng: random.Random, user: JsonObject, created: datetime) -> UserState:
    catalog = tenant.catalog
    state = UserState()
    state.roles = rng.sample(sorted(catalog.roles), rng.choice((0, 0, 1, 1, 2)))
    if rng.random() < 0.1:
        state.permissions = [("https://api.example.com/", "read:invoices")]
    state.organizations = rng.sample(sorted(catalog.organizations), rng.choice((0, 0, 1, 2)))
    since = iso(created + timedelta(days=1))
    if rng.random() < 0.2:
        state.groups = [(rng.choice(sorted(catalog.groups)), since)]
    if "multifactor" in user:
        state.authentication_methods.append(
            {
                "id": f"totp|dev_{_token(rng, 16)}",
                "type": "totp",
                "confirmed": True,
                "created_at": since,
                "enrolled_at": since,
                "name": "Authenticator app",
            }
        )
    last = user.get("last_login")
    if last:
        for _ in range(rng.choice((0, 1, 1, 2))):
            session_id = _token(rng)
            device = {"initial_ip": user["last_ip"], "last_ip": user["last_ip"], "initial_user_agent": "Mozilla/5.0"}
            state.sessions.append(
                {
                    "id": session_id,
                    "user_id": user["user_id"],
                    "created_at": last,
                    "updated_at": last,
                    "authenticated_at": last,
                    "last_interacted_at": last,
                    "device": device,
                    "clients": [{"client_id": CLIENT_ID}],
                    "authentication": {"methods": [{"name": "pwd", "timestamp": last}]},
                }
            )
            state.refresh_tokens.append(
                {
                    "id": _token(rng, 24),
                    "user_id": user["user_id"],
                    "created_at": last,
                    "client_id": CLIENT_ID,
                    "session_id": session_id,
                    "rotating": True,
                    "device": device,
                    "resource_servers": [{"audience": "https://api.example.com/", "scopes": "openid offline_access"}],
                }
            )
        for _ in range(min(user["logins_count"], 3)):
            state.logs.append(
                {
                    "date": last,
                    "type": "s",
                    "description": "Success Login",
                    "connection": user["identities"][0]["connection"],
                    "client_id": CLIENT_ID,
                    "client_name": "Sandbox Web App",
                    "ip": user["last_ip"],
                    "user_id": user["user_id"],
                    "user_name": user["email"],
                    "strategy": user["identities"][0]["provider"],
                    "log_id": "9" + "".join(rng.choices(string.digits, k=55)),
                }
            )
    identity = user["identities"][0]
    if identity["isSocial"]:
        connection = catalog.connections[identity["connection"]]
        state.tokensets.append(
            {
                "id": f"fcts_{_token(rng, 16)}",
                "connection": connection["name"],
                "scope": "openid profile email",
                "issued_at": user["created_at"],
                "expires_at": None,
                "last_used_at": last,
            }
        )
        state.connected_accounts.append(
            {
                "id": f"cac_{_token(rng, 16)}",
                "connection": connection["name"],
                "connection_id": connection["id"],
                "strategy": connection["strategy"],
                "access_type": "offline",
                "scopes": ["openid", "profile"],
                "created_at": user["created_at"],
            }
        )
    return state
