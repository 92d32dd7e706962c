from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delete_user_identity_response_content_item import DeleteUserIdentityResponseContentItem
from ...models.user_identity_provider_enum import UserIdentityProviderEnum
from ...types import Response, http_status, json_body, path_segment


def _get_kwargs(
    id: str,
    provider: UserIdentityProviderEnum,
    user_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/users/{id}/identities/{provider}/{user_id}".format(
            id=path_segment(id),
            provider=path_segment(provider),
            user_id=path_segment(user_id),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | list[DeleteUserIdentityResponseContentItem] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = json_body(response)
        for componentsschemas_delete_user_identity_response_content_item_data in _response_200:
            componentsschemas_delete_user_identity_response_content_item = (
                DeleteUserIdentityResponseContentItem.from_dict(
                    componentsschemas_delete_user_identity_response_content_item_data
                )
            )

            response_200.append(componentsschemas_delete_user_identity_response_content_item)

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
) -> Response[Any | list[DeleteUserIdentityResponseContentItem]]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    provider: UserIdentityProviderEnum,
    user_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | list[DeleteUserIdentityResponseContentItem]]:
    """Unlink a User Identity

     Unlink a specific secondary account from a target user. This action requires the ID of both the
    target user and the secondary account.

    Unlinking the secondary account removes it from the identities array of the target user and creates
    a new standalone profile for the secondary account. To learn more, review [Unlink User
    Accounts](https://auth0.com/docs/manage-users/user-accounts/user-account-linking/unlink-user-
    accounts).

    Args:
        id (str):
        provider (UserIdentityProviderEnum): The type of identity provider
        user_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[DeleteUserIdentityResponseContentItem]]
    """

    kwargs = _get_kwargs(
        id=id,
        provider=provider,
        user_id=user_id,
    )

    response = client.get_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


def sync(
    id: str,
    provider: UserIdentityProviderEnum,
    user_id: str,
    *,
    client: AuthenticatedClient,
) -> Any | list[DeleteUserIdentityResponseContentItem] | None:
    """Unlink a User Identity

     Unlink a specific secondary account from a target user. This action requires the ID of both the
    target user and the secondary account.

    Unlinking the secondary account removes it from the identities array of the target user and creates
    a new standalone profile for the secondary account. To learn more, review [Unlink User
    Accounts](https://auth0.com/docs/manage-users/user-accounts/user-account-linking/unlink-user-
    accounts).

    Args:
        id (str):
        provider (UserIdentityProviderEnum): The type of identity provider
        user_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[DeleteUserIdentityResponseContentItem]
    """

    return (
        sync_detailed(
            id=id,
            provider=provider,
            user_id=user_id,
            client=client,
        )
    ).parsed


async def asyncio_detailed(
    id: str,
    provider: UserIdentityProviderEnum,
    user_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | list[DeleteUserIdentityResponseContentItem]]:
    """Unlink a User Identity

     Unlink a specific secondary account from a target user. This action requires the ID of both the
    target user and the secondary account.

    Unlinking the secondary account removes it from the identities array of the target user and creates
    a new standalone profile for the secondary account. To learn more, review [Unlink User
    Accounts](https://auth0.com/docs/manage-users/user-accounts/user-account-linking/unlink-user-
    accounts).

    Args:
        id (str):
        provider (UserIdentityProviderEnum): The type of identity provider
        user_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[DeleteUserIdentityResponseContentItem]]
    """

    kwargs = _get_kwargs(
        id=id,
        provider=provider,
        user_id=user_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    provider: UserIdentityProviderEnum,
    user_id: str,
    *,
    client: AuthenticatedClient,
) -> Any | list[DeleteUserIdentityResponseContentItem] | None:
    """Unlink a User Identity

     Unlink a specific secondary account from a target user. This action requires the ID of both the
    target user and the secondary account.

    Unlinking the secondary account removes it from the identities array of the target user and creates
    a new standalone profile for the secondary account. To learn more, review [Unlink User
    Accounts](https://auth0.com/docs/manage-users/user-accounts/user-account-linking/unlink-user-
    accounts).

    Args:
        id (str):
        provider (UserIdentityProviderEnum): The type of identity provider
        user_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[DeleteUserIdentityResponseContentItem]
    """

    return (
        await asyncio_detailed(
            id=id,
            provider=provider,
            user_id=user_id,
            client=client,
        )
    ).parsed
