from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.set_user_authentication_method_response_content import SetUserAuthenticationMethodResponseContent
from ...models.set_user_authentication_methods import SetUserAuthenticationMethods
from ...types import UNSET, Response, Unset, http_status, json_body, path_segment


def _get_kwargs(
    id: str,
    *,
    body: list[SetUserAuthenticationMethods] | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/users/{id}/authentication-methods".format(
            id=path_segment(id),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = []
        for componentsschemas_set_user_authentication_methods_request_content_item_data in body:
            componentsschemas_set_user_authentication_methods_request_content_item = (
                componentsschemas_set_user_authentication_methods_request_content_item_data.to_dict()
            )
            _kwargs["json"].append(componentsschemas_set_user_authentication_methods_request_content_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | list[SetUserAuthenticationMethodResponseContent] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = json_body(response)
        for response_200_item_data in _response_200:
            response_200_item = SetUserAuthenticationMethodResponseContent.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[Any | list[SetUserAuthenticationMethodResponseContent]]:
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
    body: list[SetUserAuthenticationMethods] | Unset = UNSET,
) -> Response[Any | list[SetUserAuthenticationMethodResponseContent]]:
    """Update all authentication methods by replacing them with the given ones

     Replace the specified user <a href="https://auth0.com/docs/secure/multi-factor-authentication/multi-
    factor-authentication-factors"> authentication methods</a> with supplied values.

        <b>Note</b>: Authentication methods supplied through this action do not iterate on existing
    methods. Instead, any methods passed will overwrite the user&#8217s existing settings.

    Args:
        id (str):
        body (list[SetUserAuthenticationMethods] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[SetUserAuthenticationMethodResponseContent]]
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
    body: list[SetUserAuthenticationMethods] | Unset = UNSET,
) -> Any | list[SetUserAuthenticationMethodResponseContent] | None:
    """Update all authentication methods by replacing them with the given ones

     Replace the specified user <a href="https://auth0.com/docs/secure/multi-factor-authentication/multi-
    factor-authentication-factors"> authentication methods</a> with supplied values.

        <b>Note</b>: Authentication methods supplied through this action do not iterate on existing
    methods. Instead, any methods passed will overwrite the user&#8217s existing settings.

    Args:
        id (str):
        body (list[SetUserAuthenticationMethods] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[SetUserAuthenticationMethodResponseContent]
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
    body: list[SetUserAuthenticationMethods] | Unset = UNSET,
) -> Response[Any | list[SetUserAuthenticationMethodResponseContent]]:
    """Update all authentication methods by replacing them with the given ones

     Replace the specified user <a href="https://auth0.com/docs/secure/multi-factor-authentication/multi-
    factor-authentication-factors"> authentication methods</a> with supplied values.

        <b>Note</b>: Authentication methods supplied through this action do not iterate on existing
    methods. Instead, any methods passed will overwrite the user&#8217s existing settings.

    Args:
        id (str):
        body (list[SetUserAuthenticationMethods] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[SetUserAuthenticationMethodResponseContent]]
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
    body: list[SetUserAuthenticationMethods] | Unset = UNSET,
) -> Any | list[SetUserAuthenticationMethodResponseContent] | None:
    """Update all authentication methods by replacing them with the given ones

     Replace the specified user <a href="https://auth0.com/docs/secure/multi-factor-authentication/multi-
    factor-authentication-factors"> authentication methods</a> with supplied values.

        <b>Note</b>: Authentication methods supplied through this action do not iterate on existing
    methods. Instead, any methods passed will overwrite the user&#8217s existing settings.

    Args:
        id (str):
        body (list[SetUserAuthenticationMethods] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[SetUserAuthenticationMethodResponseContent]
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
