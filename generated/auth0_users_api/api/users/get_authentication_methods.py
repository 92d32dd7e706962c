from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_user_authentication_methods_offset_paginated_response_content import (
    ListUserAuthenticationMethodsOffsetPaginatedResponseContent,
)
from ...models.user_authentication_method import UserAuthenticationMethod
from ...types import UNSET, Response, Unset, http_status, json_body, path_segment


def _get_kwargs(
    id: str,
    *,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    include_totals: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["per_page"] = per_page

    params["include_totals"] = include_totals

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/users/{id}/authentication-methods".format(
            id=path_segment(id),
        ),
    }
    if params:
        _kwargs["params"] = params

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | list[UserAuthenticationMethod] | ListUserAuthenticationMethodsOffsetPaginatedResponseContent | None:
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> list[UserAuthenticationMethod] | ListUserAuthenticationMethodsOffsetPaginatedResponseContent:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_list_user_authentication_methods_response_content_type_0 = []
                _componentsschemas_list_user_authentication_methods_response_content_type_0 = data
                for (
                    componentsschemas_list_user_authentication_methods_response_content_type_0_item_data
                ) in _componentsschemas_list_user_authentication_methods_response_content_type_0:
                    componentsschemas_list_user_authentication_methods_response_content_type_0_item = (
                        UserAuthenticationMethod.from_dict(
                            componentsschemas_list_user_authentication_methods_response_content_type_0_item_data
                        )
                    )

                    componentsschemas_list_user_authentication_methods_response_content_type_0.append(
                        componentsschemas_list_user_authentication_methods_response_content_type_0_item
                    )

                return componentsschemas_list_user_authentication_methods_response_content_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_list_user_authentication_methods_response_content_type_1 = (
                ListUserAuthenticationMethodsOffsetPaginatedResponseContent.from_dict(data)
            )

            return componentsschemas_list_user_authentication_methods_response_content_type_1

        response_200 = _parse_response_200(json_body(response))

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
) -> Response[Any | list[UserAuthenticationMethod] | ListUserAuthenticationMethodsOffsetPaginatedResponseContent]:
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
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    include_totals: bool | Unset = UNSET,
) -> Response[Any | list[UserAuthenticationMethod] | ListUserAuthenticationMethodsOffsetPaginatedResponseContent]:
    """Get a list of authentication methods

     Retrieve detailed list of authentication methods associated with a specified user.

    Args:
        id (str):
        page (int | Unset):
        per_page (int | Unset):
        include_totals (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[UserAuthenticationMethod] | ListUserAuthenticationMethodsOffsetPaginatedResponseContent]
    """

    kwargs = _get_kwargs(
        id=id,
        page=page,
        per_page=per_page,
        include_totals=include_totals,
    )

    response = client.get_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    include_totals: bool | Unset = UNSET,
) -> Any | list[UserAuthenticationMethod] | ListUserAuthenticationMethodsOffsetPaginatedResponseContent | None:
    """Get a list of authentication methods

     Retrieve detailed list of authentication methods associated with a specified user.

    Args:
        id (str):
        page (int | Unset):
        per_page (int | Unset):
        include_totals (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[UserAuthenticationMethod] | ListUserAuthenticationMethodsOffsetPaginatedResponseContent
    """

    return (
        sync_detailed(
            id=id,
            client=client,
            page=page,
            per_page=per_page,
            include_totals=include_totals,
        )
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    include_totals: bool | Unset = UNSET,
) -> Response[Any | list[UserAuthenticationMethod] | ListUserAuthenticationMethodsOffsetPaginatedResponseContent]:
    """Get a list of authentication methods

     Retrieve detailed list of authentication methods associated with a specified user.

    Args:
        id (str):
        page (int | Unset):
        per_page (int | Unset):
        include_totals (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | list[UserAuthenticationMethod] | ListUserAuthenticationMethodsOffsetPaginatedResponseContent]
    """

    kwargs = _get_kwargs(
        id=id,
        page=page,
        per_page=per_page,
        include_totals=include_totals,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    include_totals: bool | Unset = UNSET,
) -> Any | list[UserAuthenticationMethod] | ListUserAuthenticationMethodsOffsetPaginatedResponseContent | None:
    """Get a list of authentication methods

     Retrieve detailed list of authentication methods associated with a specified user.

    Args:
        id (str):
        page (int | Unset):
        per_page (int | Unset):
        include_totals (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | list[UserAuthenticationMethod] | ListUserAuthenticationMethodsOffsetPaginatedResponseContent
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            page=page,
            per_page=per_page,
            include_totals=include_totals,
        )
    ).parsed
