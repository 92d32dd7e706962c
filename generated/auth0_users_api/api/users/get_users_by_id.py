from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_user_response_content import GetUserResponseContent
from ...types import UNSET, Response, Unset, http_status, json_body, path_segment


def _get_kwargs(
    id: str,
    *,
    fields: str | Unset = UNSET,
    include_fields: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["fields"] = fields

    params["include_fields"] = include_fields

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/users/{id}".format(
            id=path_segment(id),
        ),
    }
    if params:
        _kwargs["params"] = params

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | GetUserResponseContent | None:
    if response.status_code == 200:
        response_200 = GetUserResponseContent.from_dict(json_body(response))

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
) -> Response[Any | GetUserResponseContent]:
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
    fields: str | Unset = UNSET,
    include_fields: bool | Unset = UNSET,
) -> Response[Any | GetUserResponseContent]:
    """Get a User

     Retrieve user details. A list of fields to include or exclude may also be specified. For more
    information, see [Retrieve Users with the Get Users Endpoint](https://auth0.com/docs/manage-
    users/user-search/retrieve-users-with-get-users-endpoint).

    Args:
        id (str):
        fields (str | Unset):
        include_fields (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GetUserResponseContent]
    """

    kwargs = _get_kwargs(
        id=id,
        fields=fields,
        include_fields=include_fields,
    )

    response = client.get_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
    include_fields: bool | Unset = UNSET,
) -> Any | GetUserResponseContent | None:
    """Get a User

     Retrieve user details. A list of fields to include or exclude may also be specified. For more
    information, see [Retrieve Users with the Get Users Endpoint](https://auth0.com/docs/manage-
    users/user-search/retrieve-users-with-get-users-endpoint).

    Args:
        id (str):
        fields (str | Unset):
        include_fields (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GetUserResponseContent
    """

    return (
        sync_detailed(
            id=id,
            client=client,
            fields=fields,
            include_fields=include_fields,
        )
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
    include_fields: bool | Unset = UNSET,
) -> Response[Any | GetUserResponseContent]:
    """Get a User

     Retrieve user details. A list of fields to include or exclude may also be specified. For more
    information, see [Retrieve Users with the Get Users Endpoint](https://auth0.com/docs/manage-
    users/user-search/retrieve-users-with-get-users-endpoint).

    Args:
        id (str):
        fields (str | Unset):
        include_fields (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GetUserResponseContent]
    """

    kwargs = _get_kwargs(
        id=id,
        fields=fields,
        include_fields=include_fields,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
    include_fields: bool | Unset = UNSET,
) -> Any | GetUserResponseContent | None:
    """Get a User

     Retrieve user details. A list of fields to include or exclude may also be specified. For more
    information, see [Retrieve Users with the Get Users Endpoint](https://auth0.com/docs/manage-
    users/user-search/retrieve-users-with-get-users-endpoint).

    Args:
        id (str):
        fields (str | Unset):
        include_fields (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GetUserResponseContent
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            fields=fields,
            include_fields=include_fields,
        )
    ).parsed
