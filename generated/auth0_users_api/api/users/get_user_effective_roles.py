from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_user_effective_roles_response_content import ListUserEffectiveRolesResponseContent
from ...types import UNSET, Response, Unset, http_status, json_body, path_segment


def _get_kwargs(
    id: str,
    *,
    from_: str | Unset = UNSET,
    take: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["from"] = from_

    params["take"] = take

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/users/{id}/effective-roles".format(
            id=path_segment(id),
        ),
    }
    if params:
        _kwargs["params"] = params

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ListUserEffectiveRolesResponseContent | None:
    if response.status_code == 200:
        response_200 = ListUserEffectiveRolesResponseContent.from_dict(json_body(response))

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
) -> Response[Any | ListUserEffectiveRolesResponseContent]:
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
    from_: str | Unset = UNSET,
    take: int | Unset = UNSET,
) -> Response[Any | ListUserEffectiveRolesResponseContent]:
    """Lists the roles for a user with sources: directly assigned or through group membership.

     Retrieve detailed list of effective roles for a user, including roles assigned directly and through
    group memberships.

    Args:
        id (str):
        from_ (str | Unset):
        take (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ListUserEffectiveRolesResponseContent]
    """

    kwargs = _get_kwargs(
        id=id,
        from_=from_,
        take=take,
    )

    response = client.get_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    from_: str | Unset = UNSET,
    take: int | Unset = UNSET,
) -> Any | ListUserEffectiveRolesResponseContent | None:
    """Lists the roles for a user with sources: directly assigned or through group membership.

     Retrieve detailed list of effective roles for a user, including roles assigned directly and through
    group memberships.

    Args:
        id (str):
        from_ (str | Unset):
        take (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ListUserEffectiveRolesResponseContent
    """

    return (
        sync_detailed(
            id=id,
            client=client,
            from_=from_,
            take=take,
        )
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    from_: str | Unset = UNSET,
    take: int | Unset = UNSET,
) -> Response[Any | ListUserEffectiveRolesResponseContent]:
    """Lists the roles for a user with sources: directly assigned or through group membership.

     Retrieve detailed list of effective roles for a user, including roles assigned directly and through
    group memberships.

    Args:
        id (str):
        from_ (str | Unset):
        take (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ListUserEffectiveRolesResponseContent]
    """

    kwargs = _get_kwargs(
        id=id,
        from_=from_,
        take=take,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    from_: str | Unset = UNSET,
    take: int | Unset = UNSET,
) -> Any | ListUserEffectiveRolesResponseContent | None:
    """Lists the roles for a user with sources: directly assigned or through group membership.

     Retrieve detailed list of effective roles for a user, including roles assigned directly and through
    group memberships.

    Args:
        id (str):
        from_ (str | Unset):
        take (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ListUserEffectiveRolesResponseContent
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            from_=from_,
            take=take,
        )
    ).parsed
