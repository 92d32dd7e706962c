from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_user_request_content import CreateUserRequestContent
from ...models.create_user_response_content import CreateUserResponseContent
from ...types import UNSET, Response, Unset, http_status, json_body


def _get_kwargs(
    *,
    body: CreateUserRequestContent | Unset = UNSET,
    auth0_custom_domain: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(auth0_custom_domain, Unset):
        headers["auth0-custom-domain"] = auth0_custom_domain

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/users",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | CreateUserResponseContent | None:
    if response.status_code == 201:
        response_201 = CreateUserResponseContent.from_dict(json_body(response))

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
) -> Response[Any | CreateUserResponseContent]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateUserRequestContent | Unset = UNSET,
    auth0_custom_domain: str | Unset = UNSET,
) -> Response[Any | CreateUserResponseContent]:
    """Create a User

     Create a new user for a given [database](https://auth0.com/docs/connections/database) or
    [passwordless](https://auth0.com/docs/connections/passwordless) connection.

    Note: `connection` is required but other parameters such as `email` and `password` are dependent
    upon the type of connection.

    Args:
        auth0_custom_domain (str | Unset):
        body (CreateUserRequestContent | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CreateUserResponseContent]
    """

    kwargs = _get_kwargs(
        body=body,
        auth0_custom_domain=auth0_custom_domain,
    )

    response = client.get_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreateUserRequestContent | Unset = UNSET,
    auth0_custom_domain: str | Unset = UNSET,
) -> Any | CreateUserResponseContent | None:
    """Create a User

     Create a new user for a given [database](https://auth0.com/docs/connections/database) or
    [passwordless](https://auth0.com/docs/connections/passwordless) connection.

    Note: `connection` is required but other parameters such as `email` and `password` are dependent
    upon the type of connection.

    Args:
        auth0_custom_domain (str | Unset):
        body (CreateUserRequestContent | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CreateUserResponseContent
    """

    return (
        sync_detailed(
            client=client,
            body=body,
            auth0_custom_domain=auth0_custom_domain,
        )
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateUserRequestContent | Unset = UNSET,
    auth0_custom_domain: str | Unset = UNSET,
) -> Response[Any | CreateUserResponseContent]:
    """Create a User

     Create a new user for a given [database](https://auth0.com/docs/connections/database) or
    [passwordless](https://auth0.com/docs/connections/passwordless) connection.

    Note: `connection` is required but other parameters such as `email` and `password` are dependent
    upon the type of connection.

    Args:
        auth0_custom_domain (str | Unset):
        body (CreateUserRequestContent | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CreateUserResponseContent]
    """

    kwargs = _get_kwargs(
        body=body,
        auth0_custom_domain=auth0_custom_domain,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateUserRequestContent | Unset = UNSET,
    auth0_custom_domain: str | Unset = UNSET,
) -> Any | CreateUserResponseContent | None:
    """Create a User

     Create a new user for a given [database](https://auth0.com/docs/connections/database) or
    [passwordless](https://auth0.com/docs/connections/passwordless) connection.

    Note: `connection` is required but other parameters such as `email` and `password` are dependent
    upon the type of connection.

    Args:
        auth0_custom_domain (str | Unset):
        body (CreateUserRequestContent | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CreateUserResponseContent
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            auth0_custom_domain=auth0_custom_domain,
        )
    ).parsed
