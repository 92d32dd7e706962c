from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.regenerate_users_recovery_code_response_content import RegenerateUsersRecoveryCodeResponseContent
from ...types import Response, http_status, json_body, path_segment


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/users/{id}/recovery-code-regeneration".format(
            id=path_segment(id),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | RegenerateUsersRecoveryCodeResponseContent | None:
    if response.status_code == 200:
        response_200 = RegenerateUsersRecoveryCodeResponseContent.from_dict(json_body(response))

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | RegenerateUsersRecoveryCodeResponseContent]:
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
) -> Response[Any | RegenerateUsersRecoveryCodeResponseContent]:
    """Generate New Multi-factor Authentication (MFA) Recovery Code

     Remove an existing multi-factor authentication (MFA) [recovery
    code](https://auth0.com/docs/secure/multi-factor-authentication/reset-user-mfa) and generate a new
    one. If a user cannot access the original device or account used for MFA enrollment, they can use a
    recovery code to authenticate.

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | RegenerateUsersRecoveryCodeResponseContent]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = client.get_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
) -> Any | RegenerateUsersRecoveryCodeResponseContent | None:
    """Generate New Multi-factor Authentication (MFA) Recovery Code

     Remove an existing multi-factor authentication (MFA) [recovery
    code](https://auth0.com/docs/secure/multi-factor-authentication/reset-user-mfa) and generate a new
    one. If a user cannot access the original device or account used for MFA enrollment, they can use a
    recovery code to authenticate.

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | RegenerateUsersRecoveryCodeResponseContent
    """

    return (
        sync_detailed(
            id=id,
            client=client,
        )
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | RegenerateUsersRecoveryCodeResponseContent]:
    """Generate New Multi-factor Authentication (MFA) Recovery Code

     Remove an existing multi-factor authentication (MFA) [recovery
    code](https://auth0.com/docs/secure/multi-factor-authentication/reset-user-mfa) and generate a new
    one. If a user cannot access the original device or account used for MFA enrollment, they can use a
    recovery code to authenticate.

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | RegenerateUsersRecoveryCodeResponseContent]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
) -> Any | RegenerateUsersRecoveryCodeResponseContent | None:
    """Generate New Multi-factor Authentication (MFA) Recovery Code

     Remove an existing multi-factor authentication (MFA) [recovery
    code](https://auth0.com/docs/secure/multi-factor-authentication/reset-user-mfa) and generate a new
    one. If a user cannot access the original device or account used for MFA enrollment, they can use a
    recovery code to authenticate.

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | RegenerateUsersRecoveryCodeResponseContent
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed
