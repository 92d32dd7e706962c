from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_user_authentication_method_response_content import GetUserAuthenticationMethodResponseContent
from ...types import Response, http_status, json_body, path_segment


def _get_kwargs(
    id: str,
    authentication_method_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/users/{id}/authentication-methods/{authentication_method_id}".format(
            id=path_segment(id),
            authentication_method_id=path_segment(authentication_method_id),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | GetUserAuthenticationMethodResponseContent | None:
    if response.status_code == 200:
        response_200 = GetUserAuthenticationMethodResponseContent.from_dict(json_body(response))

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
) -> Response[Any | GetUserAuthenticationMethodResponseContent]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    authentication_method_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | GetUserAuthenticationMethodResponseContent]:
    """Get an authentication method by ID

    Args:
        id (str):
        authentication_method_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GetUserAuthenticationMethodResponseContent]
    """

    kwargs = _get_kwargs(
        id=id,
        authentication_method_id=authentication_method_id,
    )

    response = client.get_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


def sync(
    id: str,
    authentication_method_id: str,
    *,
    client: AuthenticatedClient,
) -> Any | GetUserAuthenticationMethodResponseContent | None:
    """Get an authentication method by ID

    Args:
        id (str):
        authentication_method_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GetUserAuthenticationMethodResponseContent
    """

    return (
        sync_detailed(
            id=id,
            authentication_method_id=authentication_method_id,
            client=client,
        )
    ).parsed


async def asyncio_detailed(
    id: str,
    authentication_method_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | GetUserAuthenticationMethodResponseContent]:
    """Get an authentication method by ID

    Args:
        id (str):
        authentication_method_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GetUserAuthenticationMethodResponseContent]
    """

    kwargs = _get_kwargs(
        id=id,
        authentication_method_id=authentication_method_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    authentication_method_id: str,
    *,
    client: AuthenticatedClient,
) -> Any | GetUserAuthenticationMethodResponseContent | None:
    """Get an authentication method by ID

    Args:
        id (str):
        authentication_method_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GetUserAuthenticationMethodResponseContent
    """

    return (
        await asyncio_detailed(
            id=id,
            authentication_method_id=authentication_method_id,
            client=client,
        )
    ).parsed
