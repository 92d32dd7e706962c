from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_user_authentication_method_request_content import CreateUserAuthenticationMethodRequestContent
from ...models.create_user_authentication_method_response_content import CreateUserAuthenticationMethodResponseContent
from ...types import UNSET, Response, Unset, http_status, json_body, path_segment


def _get_kwargs(
    id: str,
    *,
    body: CreateUserAuthenticationMethodRequestContent | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/users/{id}/authentication-methods".format(
            id=path_segment(id),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | CreateUserAuthenticationMethodResponseContent | None:
    if response.status_code == 201:
        response_201 = CreateUserAuthenticationMethodResponseContent.from_dict(json_body(response))

        return response_201

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

    if response.status_code == 409:
        response_409 = cast(Any, None)
        return response_409

    if response.status_code == 429:
        response_429 = cast(Any, None)
        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | CreateUserAuthenticationMethodResponseContent]:
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
    body: CreateUserAuthenticationMethodRequestContent | Unset = UNSET,
) -> Response[Any | CreateUserAuthenticationMethodResponseContent]:
    """Creates an authentication method for a given user

     Create an authentication method. Authentication methods created via this endpoint will be auto
    confirmed and should already have verification completed.

    Args:
        id (str):
        body (CreateUserAuthenticationMethodRequestContent | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CreateUserAuthenticationMethodResponseContent]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    body: CreateUserAuthenticationMethodRequestContent | Unset = UNSET,
) -> Any | CreateUserAuthenticationMethodResponseContent | None:
    """Creates an authentication method for a given user

     Create an authentication method. Authentication methods created via this endpoint will be auto
    confirmed and should already have verification completed.

    Args:
        id (str):
        body (CreateUserAuthenticationMethodRequestContent | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CreateUserAuthenticationMethodResponseContent
    """

    return (
        sync_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: CreateUserAuthenticationMethodRequestContent | Unset = UNSET,
) -> Response[Any | CreateUserAuthenticationMethodResponseContent]:
    """Creates an authentication method for a given user

     Create an authentication method. Authentication methods created via this endpoint will be auto
    confirmed and should already have verification completed.

    Args:
        id (str):
        body (CreateUserAuthenticationMethodRequestContent | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CreateUserAuthenticationMethodResponseContent]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    body: CreateUserAuthenticationMethodRequestContent | Unset = UNSET,
) -> Any | CreateUserAuthenticationMethodResponseContent | None:
    """Creates an authentication method for a given user

     Create an authentication method. Authentication methods created via this endpoint will be auto
    confirmed and should already have verification completed.

    Args:
        id (str):
        body (CreateUserAuthenticationMethodRequestContent | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CreateUserAuthenticationMethodResponseContent
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
