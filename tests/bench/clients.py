"""The clients under benchmark, one class each, behind one small interface.

Every client can list all users (``list_all``) and make sequential gets on one connection
(``get_one``), both returning how many users they read; open an async session whose ``get``
the fan-out scenario awaits (``session``); parse a page from bytes (``parse``); and it names
the code that imports it and builds a client ready to call ``users`` (``IMPORT``). A client
that cannot do a scenario leaves it out (``None``); a client whose package is missing is
reported as unavailable.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, ClassVar
from urllib.parse import quote

import httpx

TOKEN = "bench-token"
PER_PAGE = 100

Get = Callable[[str], Awaitable[Any]]


def installed(module: str) -> bool:
    """Whether ``module`` can be imported here."""
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def aiohttp_client(base_url: str) -> httpx.AsyncClient:
    """An httpx async client on the aiohttp transport (the ``bench`` extra's fast transport)."""
    from httpx_aiohttp import HttpxAiohttpClient

    return HttpxAiohttpClient(base_url=base_url, headers={"Authorization": f"Bearer {TOKEN}"})


class Client:
    """A benchmarked client; subclasses fill in what they can do."""

    name: ClassVar[str]
    short: ClassVar[str]
    requires: ClassVar[str]
    IMPORT: ClassVar[str | None] = None
    list_all: Callable[[str], int] | None = None
    get_one: Callable[[str, list[str]], int] | None = None
    session: Callable[[str], Any] | None = None
    parse: Callable[[bytes], list[tuple[Any, ...]]] | None = None

    @classmethod
    def available(cls) -> bool:
        return installed(cls.requires)


class Floor(Client):
    """Raw httpx and json.loads: the least work any client can do."""

    name = "floor: httpx + json.loads"
    short = "floor"
    requires = "httpx"
    IMPORT = "import httpx"

    @staticmethod
    def list_all(base_url: str) -> int:
        count = 0
        with httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {TOKEN}"}) as http:
            page = 0
            while True:
                params = {"page": page, "per_page": PER_PAGE, "include_totals": "true"}
                body = json.loads(http.get("/users", params=params).content)
                for user in body["users"]:
                    count += user["user_id"] is not None
                if body["start"] + body["length"] >= body["total"] or not body["users"]:
                    return count
                page += 1

    @staticmethod
    def get_one(base_url: str, ids: list[str]) -> int:
        with httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {TOKEN}"}) as http:
            return sum(
                json.loads(http.get(f"/users/{quote(user_id, safe='')}").content)["email"] is not None
                for user_id in ids
            )

    @staticmethod
    @asynccontextmanager
    async def session(base_url: str) -> AsyncIterator[Get]:
        async with httpx.AsyncClient(base_url=base_url, headers={"Authorization": f"Bearer {TOKEN}"}) as http:

            async def get(user_id: str) -> Any:
                return json.loads((await http.get(f"/users/{quote(user_id, safe='')}")).content)

            yield get

    @staticmethod
    def parse(body: bytes) -> list[tuple[Any, ...]]:
        return [(u["user_id"], u["email"], u["created_at"]) for u in json.loads(body)["users"]]


class FloorAiohttp(Client):
    """The floor on the aiohttp transport for httpx, for the async fan-out."""

    name = "floor + aiohttp transport"
    short = "floor+aiohttp"
    requires = "httpx_aiohttp"

    @staticmethod
    @asynccontextmanager
    async def session(base_url: str) -> AsyncIterator[Get]:
        async with aiohttp_client(base_url) as http:

            async def get(user_id: str) -> Any:
                return json.loads((await http.get(f"/users/{quote(user_id, safe='')}")).content)

            yield get


class Generated(Client):
    """This package's generated endpoint functions, used directly."""

    name = "generated functions"
    short = "generated"
    requires = "auth0_users_api"
    IMPORT = (
        "from auth0_users_api import AuthenticatedClient\n"
        "from auth0_users_api.api.users import get_users, get_users_by_id\n"
        "AuthenticatedClient(base_url='http://127.0.0.1:9/api/v2', token='t')"
    )
    transport: ClassVar[Callable[[str], httpx.AsyncClient] | None] = None

    @staticmethod
    def list_all(base_url: str) -> int:
        from auth0_users_api import AuthenticatedClient
        from auth0_users_api.api.users import get_users
        from auth0_users_api.models import ListUsersOffsetPaginatedResponseContent

        count = 0
        with AuthenticatedClient(base_url=base_url, token=TOKEN) as api:
            page = 0
            while True:
                body = get_users.sync(client=api, page=page, per_page=PER_PAGE, include_totals=True)
                assert isinstance(body, ListUsersOffsetPaginatedResponseContent)
                users = body.users or []
                for user in users:
                    count += user.user_id is not None
                if body.start + body.length >= body.total or not users:
                    return count
                page += 1

    @staticmethod
    def get_one(base_url: str, ids: list[str]) -> int:
        from auth0_users_api import AuthenticatedClient
        from auth0_users_api.api.users import get_users_by_id

        with AuthenticatedClient(base_url=base_url, token=TOKEN) as api:
            return sum(get_users_by_id.sync(user_id, client=api).email is not None for user_id in ids)

    @classmethod
    @asynccontextmanager
    async def session(cls, base_url: str) -> AsyncIterator[Get]:
        from auth0_users_api import AuthenticatedClient
        from auth0_users_api.api.users import get_users_by_id

        api = AuthenticatedClient(base_url=base_url, token=TOKEN)
        if cls.transport is not None:
            api.set_async_httpx_client(cls.transport(base_url))
        async with api:

            async def get(user_id: str) -> Any:
                return await get_users_by_id.asyncio(user_id, client=api)

            yield get

    @staticmethod
    def parse(body: bytes) -> list[tuple[Any, ...]]:
        from auth0_users_api.models import ListUsersOffsetPaginatedResponseContent

        page = ListUsersOffsetPaginatedResponseContent.from_dict(json.loads(body))
        return [(u.user_id, u.email, u.created_at) for u in page.users]


class GeneratedFast(Generated):
    """The generated functions with the ``bench`` extra: orjson, and the aiohttp transport."""

    name = "generated + bench extra (orjson, aiohttp)"
    short = "generated+extra"
    requires = "httpx_aiohttp"
    IMPORT = None
    list_all = None
    get_one = None
    transport = staticmethod(aiohttp_client)

    @staticmethod
    def parse(body: bytes) -> list[tuple[Any, ...]]:
        import orjson
        from auth0_users_api.models import ListUsersOffsetPaginatedResponseContent

        page = ListUsersOffsetPaginatedResponseContent.from_dict(orjson.loads(body))
        return [(u.user_id, u.email, u.created_at) for u in page.users]


class Facade(Client):
    """This package's facade, ``auth0_users.ManagementClient``."""

    name = "facade (auth0_users)"
    short = "facade"
    requires = "auth0_users"
    IMPORT = (
        "from auth0_users import ManagementClient\n"
        "ManagementClient(base_url='http://127.0.0.1:9/api/v2', token='t').users"
    )

    @classmethod
    def available(cls) -> bool:
        if not installed(cls.requires):
            return False
        import auth0_users

        return hasattr(auth0_users, "ManagementClient")

    @staticmethod
    def list_all(base_url: str) -> int:
        from auth0_users import ManagementClient

        with ManagementClient(base_url=base_url, token=TOKEN) as mgmt:
            return sum(user.user_id is not None for user in mgmt.users.list(per_page=PER_PAGE))

    @staticmethod
    def get_one(base_url: str, ids: list[str]) -> int:
        from auth0_users import ManagementClient

        with ManagementClient(base_url=base_url, token=TOKEN) as mgmt:
            return sum(mgmt.users.get(user_id).email is not None for user_id in ids)

    @staticmethod
    @asynccontextmanager
    async def session(base_url: str) -> AsyncIterator[Get]:
        from auth0_users import AsyncManagementClient

        # httpx's own transport: with the ``fast`` extra the client would pick aiohttp by itself.
        async with (
            httpx.AsyncClient() as http,
            AsyncManagementClient(base_url=base_url, token=TOKEN, http_client=http) as amgmt,
        ):
            yield amgmt.users.get


class FacadeFast(Facade):
    """The facade's async client as made with the ``fast`` extra: on the aiohttp transport for httpx."""

    name = "facade + aiohttp transport"
    short = "facade+aiohttp"
    requires = "httpx_aiohttp"
    IMPORT = None
    list_all = None
    get_one = None

    @staticmethod
    @asynccontextmanager
    async def session(base_url: str) -> AsyncIterator[Get]:
        from auth0_users import AsyncManagementClient

        async with AsyncManagementClient(base_url=base_url, token=TOKEN) as amgmt:
            yield amgmt.users.get


class Sdk(Client):
    """The official SDK, auth0-python, on the same server.

    Its ``ManagementClient`` always builds ``https://{domain}/api/v2``; the Fern-generated
    ``Auth0`` and ``AsyncAuth0`` clients it wraps take a ``base_url``, which is how it is pointed
    at the local server.
    """

    name = "auth0-python SDK"
    short = "SDK"
    requires = "auth0"
    IMPORT = "from auth0.management import Auth0\nAuth0(base_url='http://127.0.0.1:9/api/v2', token='t').users"

    @staticmethod
    def list_all(base_url: str) -> int:
        from auth0.management import Auth0

        users = Auth0(base_url=base_url, token=TOKEN).users
        return sum(user.user_id is not None for user in users.list(per_page=PER_PAGE, include_totals=True))

    @staticmethod
    def get_one(base_url: str, ids: list[str]) -> int:
        from auth0.management import Auth0

        users = Auth0(base_url=base_url, token=TOKEN).users
        return sum(users.get(user_id).email is not None for user_id in ids)

    @staticmethod
    @asynccontextmanager
    async def session(base_url: str) -> AsyncIterator[Get]:
        from auth0.management import AsyncAuth0

        async with httpx.AsyncClient(timeout=60, follow_redirects=True) as http:
            yield AsyncAuth0(base_url=base_url, token=TOKEN, httpx_client=http).users.get

    @staticmethod
    def parse(body: bytes) -> list[tuple[Any, ...]]:
        from auth0.management.core.pydantic_utilities import parse_obj_as
        from auth0.management.types import ListUsersOffsetPaginatedResponseContent

        page = parse_obj_as(ListUsersOffsetPaginatedResponseContent, json.loads(body))
        return [(u.user_id, u.email, u.created_at) for u in page.users]


CLIENTS: list[type[Client]] = [Facade, FacadeFast, Generated, GeneratedFast, Sdk, Floor, FloorAiohttp]
