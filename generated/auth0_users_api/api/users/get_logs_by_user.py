from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.log import Log
from ...models.user_list_log_offset_paginated_response_content import UserListLogOffsetPaginatedResponseContent
from ...types import UNSET, Response, Unset, http_status, json_body, path_segment


def _get_kwargs(
    id: str,
    *,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    sort: str | Unset = UNSET,
    include_totals: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["per_page"] = per_page

    params["sort"] = sort

    params["include_totals"] = include_totals

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/users/{id}/logs".format(
            id=path_segment(id),
        ),
    }
    if params:
        _kwargs["params"] = params

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | list[Log] | UserListLogOffsetPaginatedResponseContent | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> list[Log] | UserListLogOffsetPaginatedResponseContent:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_user_list_log_response_content_type_0 = []
                _componentsschemas_user_list_log_response_content_type_0 = data
                for (
                    componentsschemas_user_list_log_response_content_type_0_item_data
                ) in _componentsschemas_user_list_log_response_content_type_0:
                    componentsschemas_user_list_log_response_content_type_0_item = Log.from_dict(
                        componentsschemas_user_list_log_response_content_type_0_item_data
                    )

                    componentsschemas_user_list_log_response_content_type_0.append(
                        componentsschemas_user_list_log_response_content_type_0_item
                    )

                return componentsschemas_user_list_log_response_content_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_user_list_log_response_content_type_1 = (
                UserListLogOffsetPaginatedResponseContent.from_dict(data)
            )

            return componentsschemas_user_list_log_response_content_type_1

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | list[Log] | UserListLogOffsetPaginatedResponseContent]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    sort: str | Unset = UNSET,
    include_totals: bool | Unset = UNSET,
) -> Response[Any | list[Log] | UserListLogOffsetPaginatedResponseContent]:
    """Get user's log events

     Retrieve log events for a specific user.

    Note: For more information on all possible event types, their respective acronyms and descriptions,
    see <a href="https://auth0.com/docs/logs/log-event-type-codes">Log Event Type Codes</a>.

    For more information on the list of fields that can be used in `sort`, see <a
    href="https://auth0.com/docs/logs/log-search-query-syntax#searchable-fields">Searchable Fields</a>.

    Auth0 <a href="https://auth0.com/docs/logs/retrieve-log-events-using-mgmt-api#limitations">limits
    the number of logs</a> you can return by search criteria to 100 logs per request. Furthermore, you
    may only paginate through up to 1,000 search results. If you exceed this threshold, please redefine
    your search.

    Args:
        id (str):
        page (int | Unset):
        per_page (int | Unset):
        sort (str | Unset):
        include_totals (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[Log] | UserListLogOffsetPaginatedResponseContent]
    """

    kwargs = _get_kwargs(
        id=id,
        page=page,
        per_page=per_page,
        sort=sort,
        include_totals=include_totals,
    )

    response = client.get_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    sort: str | Unset = UNSET,
    include_totals: bool | Unset = UNSET,
) -> Any | list[Log] | UserListLogOffsetPaginatedResponseContent | None:
    """Get user's log events

     Retrieve log events for a specific user.

    Note: For more information on all possible event types, their respective acronyms and descriptions,
    see <a href="https://auth0.com/docs/logs/log-event-type-codes">Log Event Type Codes</a>.

    For more information on the list of fields that can be used in `sort`, see <a
    href="https://auth0.com/docs/logs/log-search-query-syntax#searchable-fields">Searchable Fields</a>.

    Auth0 <a href="https://auth0.com/docs/logs/retrieve-log-events-using-mgmt-api#limitations">limits
    the number of logs</a> you can return by search criteria to 100 logs per request. Furthermore, you
    may only paginate through up to 1,000 search results. If you exceed this threshold, please redefine
    your search.

    Args:
        id (str):
        page (int | Unset):
        per_page (int | Unset):
        sort (str | Unset):
        include_totals (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[Log] | UserListLogOffsetPaginatedResponseContent
    """

    return (
        sync_detailed(
            id=id,
            client=client,
            page=page,
            per_page=per_page,
            sort=sort,
            include_totals=include_totals,
        )
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    sort: str | Unset = UNSET,
    include_totals: bool | Unset = UNSET,
) -> Response[Any | list[Log] | UserListLogOffsetPaginatedResponseContent]:
    """Get user's log events

     Retrieve log events for a specific user.

    Note: For more information on all possible event types, their respective acronyms and descriptions,
    see <a href="https://auth0.com/docs/logs/log-event-type-codes">Log Event Type Codes</a>.

    For more information on the list of fields that can be used in `sort`, see <a
    href="https://auth0.com/docs/logs/log-search-query-syntax#searchable-fields">Searchable Fields</a>.

    Auth0 <a href="https://auth0.com/docs/logs/retrieve-log-events-using-mgmt-api#limitations">limits
    the number of logs</a> you can return by search criteria to 100 logs per request. Furthermore, you
    may only paginate through up to 1,000 search results. If you exceed this threshold, please redefine
    your search.

    Args:
        id (str):
        page (int | Unset):
        per_page (int | Unset):
        sort (str | Unset):
        include_totals (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[Log] | UserListLogOffsetPaginatedResponseContent]
    """

    kwargs = _get_kwargs(
        id=id,
        page=page,
        per_page=per_page,
        sort=sort,
        include_totals=include_totals,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    sort: str | Unset = UNSET,
    include_totals: bool | Unset = UNSET,
) -> Any | list[Log] | UserListLogOffsetPaginatedResponseContent | None:
    """Get user's log events

     Retrieve log events for a specific user.

    Note: For more information on all possible event types, their respective acronyms and descriptions,
    see <a href="https://auth0.com/docs/logs/log-event-type-codes">Log Event Type Codes</a>.

    For more information on the list of fields that can be used in `sort`, see <a
    href="https://auth0.com/docs/logs/log-search-query-syntax#searchable-fields">Searchable Fields</a>.

    Auth0 <a href="https://auth0.com/docs/logs/retrieve-log-events-using-mgmt-api#limitations">limits
    the number of logs</a> you can return by search criteria to 100 logs per request. Furthermore, you
    may only paginate through up to 1,000 search results. If you exceed this threshold, please redefine
    your search.

    Args:
        id (str):
        page (int | Unset):
        per_page (int | Unset):
        sort (str | Unset):
        include_totals (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[Log] | UserListLogOffsetPaginatedResponseContent
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            page=page,
            per_page=per_page,
            sort=sort,
            include_totals=include_totals,
        )
    ).parsed
