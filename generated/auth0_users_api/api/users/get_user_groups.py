from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_user_groups_paginated_response_content import GetUserGroupsPaginatedResponseContent
from ...models.user_groups_response_schema import UserGroupsResponseSchema
from ...types import UNSET, Response, Unset, http_status, json_body, path_segment


def _get_kwargs(
    id: str,
    *,
    fields: str | Unset = UNSET,
    include_fields: bool | Unset = UNSET,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    include_totals: bool | Unset = UNSET,
    from_: str | Unset = UNSET,
    take: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["fields"] = fields

    params["include_fields"] = include_fields

    params["page"] = page

    params["per_page"] = per_page

    params["include_totals"] = include_totals

    params["from"] = from_

    params["take"] = take

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/users/{id}/groups".format(
            id=path_segment(id),
        ),
    }
    if params:
        _kwargs["params"] = params

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | GetUserGroupsPaginatedResponseContent | list[UserGroupsResponseSchema] | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> GetUserGroupsPaginatedResponseContent | list[UserGroupsResponseSchema]:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_get_user_groups_response_content_type_0 = []
                _componentsschemas_get_user_groups_response_content_type_0 = data
                for (
                    componentsschemas_get_user_groups_response_content_type_0_item_data
                ) in _componentsschemas_get_user_groups_response_content_type_0:
                    componentsschemas_get_user_groups_response_content_type_0_item = UserGroupsResponseSchema.from_dict(
                        componentsschemas_get_user_groups_response_content_type_0_item_data
                    )

                    componentsschemas_get_user_groups_response_content_type_0.append(
                        componentsschemas_get_user_groups_response_content_type_0_item
                    )

                return componentsschemas_get_user_groups_response_content_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_get_user_groups_response_content_type_1 = GetUserGroupsPaginatedResponseContent.from_dict(
                data
            )

            return componentsschemas_get_user_groups_response_content_type_1

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
) -> Response[Any | GetUserGroupsPaginatedResponseContent | list[UserGroupsResponseSchema]]:
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
    fields: str | Unset = UNSET,
    include_fields: bool | Unset = UNSET,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    include_totals: bool | Unset = UNSET,
    from_: str | Unset = UNSET,
    take: int | Unset = UNSET,
) -> Response[Any | GetUserGroupsPaginatedResponseContent | list[UserGroupsResponseSchema]]:
    """Get user's groups

     List all groups to which this user belongs.

    Args:
        id (str):
        fields (str | Unset):
        include_fields (bool | Unset):
        page (int | Unset):
        per_page (int | Unset):
        include_totals (bool | Unset):
        from_ (str | Unset):
        take (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GetUserGroupsPaginatedResponseContent | list[UserGroupsResponseSchema]]
    """

    kwargs = _get_kwargs(
        id=id,
        fields=fields,
        include_fields=include_fields,
        page=page,
        per_page=per_page,
        include_totals=include_totals,
        from_=from_,
        take=take,
    )

    response = client.get_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
    include_fields: bool | Unset = UNSET,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    include_totals: bool | Unset = UNSET,
    from_: str | Unset = UNSET,
    take: int | Unset = UNSET,
) -> Any | GetUserGroupsPaginatedResponseContent | list[UserGroupsResponseSchema] | None:
    """Get user's groups

     List all groups to which this user belongs.

    Args:
        id (str):
        fields (str | Unset):
        include_fields (bool | Unset):
        page (int | Unset):
        per_page (int | Unset):
        include_totals (bool | Unset):
        from_ (str | Unset):
        take (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GetUserGroupsPaginatedResponseContent | list[UserGroupsResponseSchema]
    """

    return (
        sync_detailed(
            id=id,
            client=client,
            fields=fields,
            include_fields=include_fields,
            page=page,
            per_page=per_page,
            include_totals=include_totals,
            from_=from_,
            take=take,
        )
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
    include_fields: bool | Unset = UNSET,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    include_totals: bool | Unset = UNSET,
    from_: str | Unset = UNSET,
    take: int | Unset = UNSET,
) -> Response[Any | GetUserGroupsPaginatedResponseContent | list[UserGroupsResponseSchema]]:
    """Get user's groups

     List all groups to which this user belongs.

    Args:
        id (str):
        fields (str | Unset):
        include_fields (bool | Unset):
        page (int | Unset):
        per_page (int | Unset):
        include_totals (bool | Unset):
        from_ (str | Unset):
        take (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GetUserGroupsPaginatedResponseContent | list[UserGroupsResponseSchema]]
    """

    kwargs = _get_kwargs(
        id=id,
        fields=fields,
        include_fields=include_fields,
        page=page,
        per_page=per_page,
        include_totals=include_totals,
        from_=from_,
        take=take,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
    include_fields: bool | Unset = UNSET,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    include_totals: bool | Unset = UNSET,
    from_: str | Unset = UNSET,
    take: int | Unset = UNSET,
) -> Any | GetUserGroupsPaginatedResponseContent | list[UserGroupsResponseSchema] | None:
    """Get user's groups

     List all groups to which this user belongs.

    Args:
        id (str):
        fields (str | Unset):
        include_fields (bool | Unset):
        page (int | Unset):
        per_page (int | Unset):
        include_totals (bool | Unset):
        from_ (str | Unset):
        take (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GetUserGroupsPaginatedResponseContent | list[UserGroupsResponseSchema]
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            fields=fields,
            include_fields=include_fields,
            page=page,
            per_page=per_page,
            include_totals=include_totals,
            from_=from_,
            take=take,
        )
    ).parsed
