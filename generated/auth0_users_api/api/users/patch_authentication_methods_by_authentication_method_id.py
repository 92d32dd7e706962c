from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.update_user_authentication_method_request_content import UpdateUserAuthenticationMethodRequestContent
from ...models.update_user_authentication_method_response_content import UpdateUserAuthenticationMethodResponseContent
from ...types import UNSET, Response, Unset, http_status, json_body, path_segment


def _get_kwargs(
    id: str,
    authentication_method_id: str,
    *,
    body: UpdateUserAuthenticationMethodRequestContent | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/users/{id}/authentication-methods/{authentication_method_id}".format(
            id=path_segment(id),
            authentication_method_id=path_segment(authentication_method_id),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | UpdateUserAuthenticationMethodResponseContent | None:
    if response.status_code == 200:
        response_200 = UpdateUserAuthenticationMethodResponseContent.from_dict(json_body(response))

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
) -> Response[Any | UpdateUserAuthenticationMethodResponseContent]:
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
    body: UpdateUserAuthenticationMethodRequestContent | Unset = UNSET,
) -> Response[Any | UpdateUserAuthenticationMethodResponseContent]:
    """Update an authentication method

     Modify the authentication method with the given ID from the specified user. For more information,
    review <a href="https://auth0.com/docs/secure/multi-factor-authentication/manage-mfa-
    auth0-apis/manage-authentication-methods-with-management-api">Manage Authentication Methods with
    Management API</a>.

    Args:
        id (str):
        authentication_method_id (str):
        body (UpdateUserAuthenticationMethodRequestContent | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | UpdateUserAuthenticationMethodResponseContent]
    """

    kwargs = _get_kwargs(
        id=id,
        authentication_method_id=authentication_method_id,
        body=body,
    )

    response = client.get_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


def sync(
    id: str,
    authentication_method_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateUserAuthenticationMethodRequestContent | Unset = UNSET,
) -> Any | UpdateUserAuthenticationMethodResponseContent | None:
    """Update an authentication method

     Modify the authentication method with the given ID from the specified user. For more information,
    review <a href="https://auth0.com/docs/secure/multi-factor-authentication/manage-mfa-
    auth0-apis/manage-authentication-methods-with-management-api">Manage Authentication Methods with
    Management API</a>.

    Args:
        id (str):
        authentication_method_id (str):
        body (UpdateUserAuthenticationMethodRequestContent | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | UpdateUserAuthenticationMethodResponseContent
    """

    return (
        sync_detailed(
            id=id,
            authentication_method_id=authentication_method_id,
            client=client,
            body=body,
        )
    ).parsed


async def asyncio_detailed(
    id: str,
    authentication_method_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateUserAuthenticationMethodRequestContent | Unset = UNSET,
) -> Response[Any | UpdateUserAuthenticationMethodResponseContent]:
    """Update an authentication method

     Modify the authentication method with the given ID from the specified user. For more information,
    review <a href="https://auth0.com/docs/secure/multi-factor-authentication/manage-mfa-
    auth0-apis/manage-authentication-methods-with-management-api">Manage Authentication Methods with
    Management API</a>.

    Args:
        id (str):
        authentication_method_id (str):
        body (UpdateUserAuthenticationMethodRequestContent | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | UpdateUserAuthenticationMethodResponseContent]
    """

    kwargs = _get_kwargs(
        id=id,
        authentication_method_id=authentication_method_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    authentication_method_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateUserAuthenticationMethodRequestContent | Unset = UNSET,
) -> Any | UpdateUserAuthenticationMethodResponseContent | None:
    """Update an authentication method

     Modify the authentication method with the given ID from the specified user. For more information,
    review <a href="https://auth0.com/docs/secure/multi-factor-authentication/manage-mfa-
    auth0-apis/manage-authentication-methods-with-management-api">Manage Authentication Methods with
    Management API</a>.

    Args:
        id (str):
        authentication_method_id (str):
        body (UpdateUserAuthenticationMethodRequestContent | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | UpdateUserAuthenticationMethodResponseContent
    """

    return (
        await asyncio_detailed(
            id=id,
            authentication_method_id=authentication_method_id,
            client=client,
            body=body,
        )
    ).parsed
