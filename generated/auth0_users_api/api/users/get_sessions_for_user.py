from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_user_sessions_paginated_response_content import ListUserSessionsPaginatedResponseContent
from ...types import UNSET, Response, Unset, http_status, json_body, path_segment


def _get_kwargs(
    user_id: str,
    *,
    include_totals: bool | Unset = UNSET,
    from_: str | Unset = UNSET,
    take: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["include_totals"] = include_totals

    params["from"] = from_

    params["take"] = take

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/users/{user_id}/sessions".format(
            user_id=path_segment(user_id),
        ),
    }
    if params:
        _kwargs["params"] = params

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ListUserSessionsPaginatedResponseContent | None:
    if response.status_code == 200:
        response_200 = ListUserSessionsPaginatedResponseContent.from_dict(json_body(response))

        return response_200

    if response.status_code == 401:
        response_401 = cast(Any, None)
        return response_401

    if response.status_code == 403:
        response_403 = cast(Any, None)
        return response_403

    if response.status_code == 404:
        response_404 = cast(Any, None)
        return response_404

    if response.status_code == 429:
        response_429 = cast(Any, None)
        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ListUserSessionsPaginatedResponseContent]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    include_totals: bool | Unset = UNSET,
    from_: str | Unset = UNSET,
    take: int | Unset = UNSET,
) -> Response[Any | ListUserSessionsPaginatedResponseContent]:
    """Get sessions for user

     Retrieve details for a user's sessions.

    Args:
        user_id (str):
        include_totals (bool | Unset):
        from_ (str | Unset):
        take (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ListUserSessionsPaginatedResponseContent]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        include_totals=include_totals,
        from_=from_,
        take=take,
    )

    response = client.get_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
    include_totals: bool | Unset = UNSET,
    from_: str | Unset = UNSET,
    take: int | Unset = UNSET,
) -> Any | ListUserSessionsPaginatedResponseContent | None:
    """Get sessions for user

     Retrieve details for a user's sessions.

    Args:
        user_id (str):
        include_totals (bool | Unset):
        from_ (str | Unset):
        take (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ListUserSessionsPaginatedResponseContent
    """

    return (
        sync_detailed(
            user_id=user_id,
            client=client,
            include_totals=include_totals,
            from_=from_,
            take=take,
        )
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    include_totals: bool | Unset = UNSET,
    from_: str | Unset = UNSET,
    take: int | Unset = UNSET,
) -> Response[Any | ListUserSessionsPaginatedResponseContent]:
    """Get sessions for user

     Retrieve details for a user's sessions.

    Args:
        user_id (str):
        include_totals (bool | Unset):
        from_ (str | Unset):
        take (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ListUserSessionsPaginatedResponseContent]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        include_totals=include_totals,
        from_=from_,
        take=take,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
    include_totals: bool | Unset = UNSET,
    from_: str | Unset = UNSET,
    take: int | Unset = UNSET,
) -> Any | ListUserSessionsPaginatedResponseContent | None:
    """Get sessions for user

     Retrieve details for a user's sessions.

    Args:
        user_id (str):
        include_totals (bool | Unset):
        from_ (str | Unset):
        take (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ListUserSessionsPaginatedResponseContent
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            include_totals=include_totals,
            from_=from_,
            take=take,
        )
    ).parsed
