from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_users_offset_paginated_response_content import ListUsersOffsetPaginatedResponseContent
from ...models.search_engine_versions_enum import SearchEngineVersionsEnum
from ...models.user_response_schema import UserResponseSchema
from ...types import UNSET, Response, Unset, http_status, json_body


def _get_kwargs(
    *,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    include_totals: bool | Unset = UNSET,
    sort: str | Unset = UNSET,
    connection: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    include_fields: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    search_engine: SearchEngineVersionsEnum | Unset = UNSET,
    primary_order: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["per_page"] = per_page

    params["include_totals"] = include_totals

    params["sort"] = sort

    params["connection"] = connection

    params["fields"] = fields

    params["include_fields"] = include_fields

    params["q"] = q

    json_search_engine: str | Unset = UNSET
    if not isinstance(search_engine, Unset):
        json_search_engine = SearchEngineVersionsEnum.of(search_engine).value

    params["search_engine"] = json_search_engine

    params["primary_order"] = primary_order

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/users",
    }
    if params:
        _kwargs["params"] = params

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | list[UserResponseSchema] | ListUsersOffsetPaginatedResponseContent | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> list[UserResponseSchema] | ListUsersOffsetPaginatedResponseContent:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_list_users_response_content_type_0 = []
                _componentsschemas_list_users_response_content_type_0 = data
                for (
                    componentsschemas_list_users_response_content_type_0_item_data
                ) in _componentsschemas_list_users_response_content_type_0:
                    componentsschemas_list_users_response_content_type_0_item = UserResponseSchema.from_dict(
                        componentsschemas_list_users_response_content_type_0_item_data
                    )

                    componentsschemas_list_users_response_content_type_0.append(
                        componentsschemas_list_users_response_content_type_0_item
                    )

                return componentsschemas_list_users_response_content_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_list_users_response_content_type_1 = ListUsersOffsetPaginatedResponseContent.from_dict(
                data
            )

            return componentsschemas_list_users_response_content_type_1

        response_200 = _parse_response_200(json_body(response))

        return response_200

    if response.status_code == 400:
        response_400 = cast(Any, None)
        return response_400

    if response.status_code == 401:
        response_401 = cast(Any, None)
        return response_401

    if response.status_code == 403:
        response_403 = cast(Any, None)
        return response_403

    if response.status_code == 429:
        response_429 = cast(Any, None)
        return response_429

    if response.status_code == 503:
        response_503 = cast(Any, None)
        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | list[UserResponseSchema] | ListUsersOffsetPaginatedResponseContent]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    include_totals: bool | Unset = UNSET,
    sort: str | Unset = UNSET,
    connection: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    include_fields: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    search_engine: SearchEngineVersionsEnum | Unset = UNSET,
    primary_order: bool | Unset = UNSET,
) -> Response[Any | list[UserResponseSchema] | ListUsersOffsetPaginatedResponseContent]:
    """List or Search Users

     Retrieve details of users. It is possible to:

    - Specify a search criteria for users
    - Sort the users to be returned
    - Select the fields to be returned
    - Specify the number of users to retrieve per page and the page index



    The `q` query parameter can be used to get users that match the specified criteria [using query
    string syntax.](https://auth0.com/docs/users/search/v3/query-syntax)

    [Learn more about searching for users.](https://auth0.com/docs/users/search/v3)

    Read about [best practices](https://auth0.com/docs/users/search/best-practices) when working with
    the API endpoints for retrieving users.



    Auth0 limits the number of users you can return. If you exceed this threshold, please redefine your
    search, use the [export job](https://auth0.com/docs/api/management/v2#!/Jobs/post_users_exports), or
    the [User Import / Export](https://auth0.com/docs/extensions/user-import-export) extension.

    Args:
        page (int | Unset):
        per_page (int | Unset):
        include_totals (bool | Unset):
        sort (str | Unset):
        connection (str | Unset):
        fields (str | Unset):
        include_fields (bool | Unset):
        q (str | Unset):
        search_engine (SearchEngineVersionsEnum | Unset): The version of the search engine
        primary_order (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[UserResponseSchema] | ListUsersOffsetPaginatedResponseContent]
    """

    kwargs = _get_kwargs(
        page=page,
        per_page=per_page,
        include_totals=include_totals,
        sort=sort,
        connection=connection,
        fields=fields,
        include_fields=include_fields,
        q=q,
        search_engine=search_engine,
        primary_order=primary_order,
    )

    response = client.get_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    include_totals: bool | Unset = UNSET,
    sort: str | Unset = UNSET,
    connection: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    include_fields: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    search_engine: SearchEngineVersionsEnum | Unset = UNSET,
    primary_order: bool | Unset = UNSET,
) -> Any | list[UserResponseSchema] | ListUsersOffsetPaginatedResponseContent | None:
    """List or Search Users

     Retrieve details of users. It is possible to:

    - Specify a search criteria for users
    - Sort the users to be returned
    - Select the fields to be returned
    - Specify the number of users to retrieve per page and the page index



    The `q` query parameter can be used to get users that match the specified criteria [using query
    string syntax.](https://auth0.com/docs/users/search/v3/query-syntax)

    [Learn more about searching for users.](https://auth0.com/docs/users/search/v3)

    Read about [best practices](https://auth0.com/docs/users/search/best-practices) when working with
    the API endpoints for retrieving users.



    Auth0 limits the number of users you can return. If you exceed this threshold, please redefine your
    search, use the [export job](https://auth0.com/docs/api/management/v2#!/Jobs/post_users_exports), or
    the [User Import / Export](https://auth0.com/docs/extensions/user-import-export) extension.

    Args:
        page (int | Unset):
        per_page (int | Unset):
        include_totals (bool | Unset):
        sort (str | Unset):
        connection (str | Unset):
        fields (str | Unset):
        include_fields (bool | Unset):
        q (str | Unset):
        search_engine (SearchEngineVersionsEnum | Unset): The version of the search engine
        primary_order (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[UserResponseSchema] | ListUsersOffsetPaginatedResponseContent
    """

    return (
        sync_detailed(
            client=client,
            page=page,
            per_page=per_page,
            include_totals=include_totals,
            sort=sort,
            connection=connection,
            fields=fields,
            include_fields=include_fields,
            q=q,
            search_engine=search_engine,
            primary_order=primary_order,
        )
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    include_totals: bool | Unset = UNSET,
    sort: str | Unset = UNSET,
    connection: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    include_fields: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    search_engine: SearchEngineVersionsEnum | Unset = UNSET,
    primary_order: bool | Unset = UNSET,
) -> Response[Any | list[UserResponseSchema] | ListUsersOffsetPaginatedResponseContent]:
    """List or Search Users

     Retrieve details of users. It is possible to:

    - Specify a search criteria for users
    - Sort the users to be returned
    - Select the fields to be returned
    - Specify the number of users to retrieve per page and the page index



    The `q` query parameter can be used to get users that match the specified criteria [using query
    string syntax.](https://auth0.com/docs/users/search/v3/query-syntax)

    [Learn more about searching for users.](https://auth0.com/docs/users/search/v3)

    Read about [best practices](https://auth0.com/docs/users/search/best-practices) when working with
    the API endpoints for retrieving users.



    Auth0 limits the number of users you can return. If you exceed this threshold, please redefine your
    search, use the [export job](https://auth0.com/docs/api/management/v2#!/Jobs/post_users_exports), or
    the [User Import / Export](https://auth0.com/docs/extensions/user-import-export) extension.

    Args:
        page (int | Unset):
        per_page (int | Unset):
        include_totals (bool | Unset):
        sort (str | Unset):
        connection (str | Unset):
        fields (str | Unset):
        include_fields (bool | Unset):
        q (str | Unset):
        search_engine (SearchEngineVersionsEnum | Unset): The version of the search engine
        primary_order (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[UserResponseSchema] | ListUsersOffsetPaginatedResponseContent]
    """

    kwargs = _get_kwargs(
        page=page,
        per_page=per_page,
        include_totals=include_totals,
        sort=sort,
        connection=connection,
        fields=fields,
        include_fields=include_fields,
        q=q,
        search_engine=search_engine,
        primary_order=primary_order,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    include_totals: bool | Unset = UNSET,
    sort: str | Unset = UNSET,
    connection: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    include_fields: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    search_engine: SearchEngineVersionsEnum | Unset = UNSET,
    primary_order: bool | Unset = UNSET,
) -> Any | list[UserResponseSchema] | ListUsersOffsetPaginatedResponseContent | None:
    """List or Search Users

     Retrieve details of users. It is possible to:

    - Specify a search criteria for users
    - Sort the users to be returned
    - Select the fields to be returned
    - Specify the number of users to retrieve per page and the page index



    The `q` query parameter can be used to get users that match the specified criteria [using query
    string syntax.](https://auth0.com/docs/users/search/v3/query-syntax)

    [Learn more about searching for users.](https://auth0.com/docs/users/search/v3)

    Read about [best practices](https://auth0.com/docs/users/search/best-practices) when working with
    the API endpoints for retrieving users.



    Auth0 limits the number of users you can return. If you exceed this threshold, please redefine your
    search, use the [export job](https://auth0.com/docs/api/management/v2#!/Jobs/post_users_exports), or
    the [User Import / Export](https://auth0.com/docs/extensions/user-import-export) extension.

    Args:
        page (int | Unset):
        per_page (int | Unset):
        include_totals (bool | Unset):
        sort (str | Unset):
        connection (str | Unset):
        fields (str | Unset):
        include_fields (bool | Unset):
        q (str | Unset):
        search_engine (SearchEngineVersionsEnum | Unset): The version of the search engine
        primary_order (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[UserResponseSchema] | ListUsersOffsetPaginatedResponseContent
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            per_page=per_page,
            include_totals=include_totals,
            sort=sort,
            connection=connection,
            fields=fields,
            include_fields=include_fields,
            q=q,
            search_engine=search_engine,
            primary_order=primary_order,
        )
    ).parsed
