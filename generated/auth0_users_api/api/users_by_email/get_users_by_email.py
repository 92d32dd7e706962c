from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.user_response_schema import UserResponseSchema
from ...types import UNSET, Response, Unset, http_status, json_body


def _get_kwargs(
    *,
    fields: str | Unset = UNSET,
    include_fields: bool | Unset = UNSET,
    email: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["fields"] = fields

    params["include_fields"] = include_fields

    params["email"] = email

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/users-by-email",
    }
    if params:
        _kwargs["params"] = params

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | list[UserResponseSchema] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = json_body(response)
        for response_200_item_data in _response_200:
            response_200_item = UserResponseSchema.from_dict(response_200_item_data)

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

    if response.status_code == 429:
        response_429 = cast(Any, None)
        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | list[UserResponseSchema]]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
    include_fields: bool | Unset = UNSET,
    email: str,
) -> Response[Any | list[UserResponseSchema]]:
    """Search Users by Email

     Find users by email. If Auth0 is the identity provider (idP), the email address associated with a
    user is saved in lower case, regardless of how you initially provided it.

    For example, if you register a user as JohnSmith@example.com, Auth0 saves the user's email as
    johnsmith@example.com.

    Therefore, when using this endpoint, make sure that you are searching for users via email addresses
    using the correct case.

    Args:
        fields (str | Unset):
        include_fields (bool | Unset):
        email (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[UserResponseSchema]]
    """

    kwargs = _get_kwargs(
        fields=fields,
        include_fields=include_fields,
        email=email,
    )

    response = client.get_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
    include_fields: bool | Unset = UNSET,
    email: str,
) -> Any | list[UserResponseSchema] | None:
    """Search Users by Email

     Find users by email. If Auth0 is the identity provider (idP), the email address associated with a
    user is saved in lower case, regardless of how you initially provided it.

    For example, if you register a user as JohnSmith@example.com, Auth0 saves the user's email as
    johnsmith@example.com.

    Therefore, when using this endpoint, make sure that you are searching for users via email addresses
    using the correct case.

    Args:
        fields (str | Unset):
        include_fields (bool | Unset):
        email (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[UserResponseSchema]
    """

    return (
        sync_detailed(
            client=client,
            fields=fields,
            include_fields=include_fields,
            email=email,
        )
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
    include_fields: bool | Unset = UNSET,
    email: str,
) -> Response[Any | list[UserResponseSchema]]:
    """Search Users by Email

     Find users by email. If Auth0 is the identity provider (idP), the email address associated with a
    user is saved in lower case, regardless of how you initially provided it.

    For example, if you register a user as JohnSmith@example.com, Auth0 saves the user's email as
    johnsmith@example.com.

    Therefore, when using this endpoint, make sure that you are searching for users via email addresses
    using the correct case.

    Args:
        fields (str | Unset):
        include_fields (bool | Unset):
        email (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[UserResponseSchema]]
    """

    kwargs = _get_kwargs(
        fields=fields,
        include_fields=include_fields,
        email=email,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
    include_fields: bool | Unset = UNSET,
    email: str,
) -> Any | list[UserResponseSchema] | None:
    """Search Users by Email

     Find users by email. If Auth0 is the identity provider (idP), the email address associated with a
    user is saved in lower case, regardless of how you initially provided it.

    For example, if you register a user as JohnSmith@example.com, Auth0 saves the user's email as
    johnsmith@example.com.

    Therefore, when using this endpoint, make sure that you are searching for users via email addresses
    using the correct case.

    Args:
        fields (str | Unset):
        include_fields (bool | Unset):
        email (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[UserResponseSchema]
    """

    return (
        await asyncio_detailed(
            client=client,
            fields=fields,
            include_fields=include_fields,
            email=email,
        )
    ).parsed
