"""A fast loopback server for the benchmarks: ``python tests/bench/server.py TOTAL [TOTAL ...]``.

It listens on one 127.0.0.1 port per TOTAL (the number of users that port lists) and prints the
ports as one JSON line. It answers, from bytes serialised at start-up:

- ``GET /api/v2/users?page=N&per_page=M[&include_totals=true]``: a bare array, or the
  ``{"start","limit","length","total","users"}`` envelope with ``include_totals=true``;
- ``GET /api/v2/users/{id}``: one user.

HTTP/1.1 keep-alive, written on asyncio's protocol layer so that the server is not the bottleneck.
"""

from __future__ import annotations

import asyncio
import json
import sys
from urllib.parse import parse_qs, unquote, urlsplit

DISTINCT_USERS = 1000
CONNECTIONS = ("Username-Password-Authentication", "google-oauth2", "github")


def make_user(n: int) -> dict[str, object]:
    """A realistic Auth0 user with identities and nested metadata."""
    connection = CONNECTIONS[n % len(CONNECTIONS)]
    provider = "auth0" if n % 3 == 0 else connection
    created = f"2023-{n % 12 + 1:02d}-{n % 28 + 1:02d}T{n % 24:02d}:{n % 60:02d}:07.312Z"
    user_id = f"{provider}|{n:024x}"
    identity: dict[str, object] = {
        "connection": connection,
        "provider": provider,
        "user_id": user_id.split("|", 1)[1],
        "isSocial": provider != "auth0",
    }
    if provider != "auth0":
        identity["access_token"] = f"ya29.{n:040x}"
        identity["profileData"] = {"email": f"user{n}@example.com", "email_verified": True}
    return {
        "user_id": user_id,
        "email": f"user{n}@example.com",
        "email_verified": n % 5 != 0,
        "username": f"user{n}",
        "phone_number": f"+1555{n:07d}",
        "phone_verified": False,
        "created_at": created,
        "updated_at": "2024-06-01T12:30:45.123Z",
        "identities": [identity],
        "app_metadata": {"plan": "pro" if n % 2 else "free", "roles": ["reader", "editor"][: n % 2 + 1]},
        "user_metadata": {
            "preferences": {"theme": {"mode": "dark", "contrast": n % 3}, "language": "en-GB"},
            "address": {"city": "Paris", "zip": f"{75000 + n % 20}"},
        },
        "picture": f"https://s.gravatar.com/avatar/{n:032x}?s=480&r=pg&d=mp.png",
        "name": f"User Number {n}",
        "nickname": f"user{n}",
        "multifactor": ["guardian"] if n % 4 == 0 else [],
        "last_ip": f"10.0.{n % 256}.{n * 7 % 256}",
        "last_login": "2024-06-02T08:00:00.000Z",
        "logins_count": n % 97,
        "blocked": False,
        "given_name": "User",
        "family_name": f"Number {n}",
    }


def dumps(value: object) -> bytes:
    """Compact JSON, as Auth0 sends it."""
    return json.dumps(value, separators=(",", ":")).encode()


USERS = [dumps(make_user(n)) for n in range(DISTINCT_USERS)]
USERS_BY_ID = {json.loads(body)["user_id"]: body for body in USERS}


def page_body(total: int, page: int, per_page: int, include_totals: bool) -> bytes:
    """The body of one page of a list of ``total`` users."""
    start = page * per_page
    count = max(0, min(per_page, total - start))
    first = start % DISTINCT_USERS
    chosen = [USERS[(first + i) % DISTINCT_USERS] for i in range(count)]
    users = b"[" + b",".join(chosen) + b"]"
    if not include_totals:
        return users
    head = f'{{"start":{start},"limit":{per_page},"length":{count},"total":{total},"users":'
    return head.encode() + users + b"}"


def response(status: int, body: bytes) -> bytes:
    """A complete HTTP/1.1 response."""
    head = f"HTTP/1.1 {status} {'OK' if status == 200 else 'Not Found'}\r\n"
    head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode() + body


class Listing:
    """What one port serves: pages of a list of ``total`` users, and single users."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.pages: dict[tuple[int, int, bool], bytes] = {}

    def answer(self, target: str) -> bytes:
        """The response to a GET of ``target``."""
        url = urlsplit(target)
        if url.path == "/api/v2/users":
            query = parse_qs(url.query)
            key = (
                int(query.get("page", ["0"])[0]),
                int(query.get("per_page", ["50"])[0]),
                query.get("include_totals", ["false"])[0] == "true",
            )
            cached = self.pages.get(key)
            if cached is None:
                cached = response(200, page_body(self.total, *key))
                if len(self.pages) < 4096:
                    self.pages[key] = cached
            return cached
        if url.path.startswith("/api/v2/users/"):
            user = USERS_BY_ID.get(unquote(url.path[len("/api/v2/users/") :]), USERS[0])
            return response(200, user)
        return response(404, b'{"statusCode":404,"error":"Not Found","message":"Not Found"}')


class HttpProtocol(asyncio.Protocol):
    """Keep-alive HTTP/1.1 for GET requests without bodies (pipelining included)."""

    def __init__(self, listing: Listing) -> None:
        self.listing = listing
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        assert self.transport is not None
        self.buffer += data
        replies = []
        while (end := self.buffer.find(b"\r\n\r\n")) >= 0:
            request_line = self.buffer[: self.buffer.find(b"\r\n")].decode("latin-1")
            self.buffer = self.buffer[end + 4 :]
            replies.append(self.listing.answer(request_line.split(" ")[1]))
        if replies:
            self.transport.write(b"".join(replies))


async def serve(totals: list[int]) -> None:
    """Serve every listing until killed, after printing the ports."""
    loop = asyncio.get_running_loop()
    servers = []
    for total in totals:
        listing = Listing(total)
        servers.append(await loop.create_server(lambda listing=listing: HttpProtocol(listing), "127.0.0.1", 0))
    ports = [server.sockets[0].getsockname()[1] for server in servers]
    print(json.dumps(ports), flush=True)
    await asyncio.gather(*(server.serve_forever() for server in servers))


if __name__ == "__main__":
    asyncio.run(serve([int(arg) for arg in sys.argv[1:]]))
