from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.user_multifactor_provider_enum import UserMultifactorProviderEnum
from ...types import Response, http_status, path_segment


def _get_kwargs(
    id: str,
    provider: UserMultifactorProviderEnum,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/users/{id}/multifactor/{provider}".format(
            id=path_segment(id),
            provider=path_segment(provider),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | None:
    if response.status_code == 204:
        return None

    if response.status_code == 400:
        return None

    if response.status_code == 401:
        return None

    if response.status_code == 403:
        return None

    if response.status_code == 404:
        return None

    if response.status_code == 429:
        return None

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    provider: UserMultifactorProviderEnum,
    *,
    client: AuthenticatedClient,
) -> Response[Any]:
    """Delete a User's Multi-factor Provider

     Remove a [multifactor](https://auth0.com/docs/multifactor-authentication) authentication
    configuration from a user's account. This forces the user to manually reconfigure the multi-factor
    provider.

    Args:
        id (str):
        provider (UserMultifactorProviderEnum): The multi-factor provider. Supported values 'duo'
            or 'google-authenticator'

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        id=id,
        provider=provider,
    )

    response = client.get_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    id: str,
    provider: UserMultifactorProviderEnum,
    *,
    client: AuthenticatedClient,
) -> Response[Any]:
    """Delete a User's Multi-factor Provider

     Remove a [multifactor](https://auth0.com/docs/multifactor-authentication) authentication
    configuration from a user's account. This forces the user to manually reconfigure the multi-factor
    provider.

    Args:
        id (str):
        provider (UserMultifactorProviderEnum): The multi-factor provider. Supported values 'duo'
            or 'google-authenticator'

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        id=id,
        provider=provider,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
