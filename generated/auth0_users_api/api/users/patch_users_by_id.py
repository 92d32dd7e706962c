from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.update_user_request_content import UpdateUserRequestContent
from ...models.update_user_response_content import UpdateUserResponseContent
from ...types import UNSET, Response, Unset, http_status, json_body, path_segment


def _get_kwargs(
    id: str,
    *,
    body: UpdateUserRequestContent | Unset = UNSET,
    auth0_custom_domain: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(auth0_custom_domain, Unset):
        headers["auth0-custom-domain"] = auth0_custom_domain

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/users/{id}".format(
            id=path_segment(id),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | UpdateUserResponseContent | None:
    if response.status_code == 200:
        response_200 = UpdateUserResponseContent.from_dict(json_body(response))

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
) -> Response[Any | UpdateUserResponseContent]:
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
    body: UpdateUserRequestContent | Unset = UNSET,
    auth0_custom_domain: str | Unset = UNSET,
) -> Response[Any | UpdateUserResponseContent]:
    """Update a User

     Update a user.

    These are the attributes that can be updated at the root level:

    - app_metadata
    - blocked
    - email
    - email_verified
    - family_name
    - given_name
    - name
    - nickname
    - password
    - phone_number
    - phone_verified
    - picture
    - username
    - user_metadata
    - verify_email

    Some considerations:

    - The properties of the new object will replace the old ones.
    - The metadata fields are an exception to this rule (`user_metadata` and `app_metadata`). These
    properties are merged instead of being replaced but be careful, the merge only occurs on the first
    level.
    - If you are updating `email`, `email_verified`, `phone_number`, `phone_verified`, `username` or
    `password` of a secondary identity, you need to specify the `connection` property too.
    - If you are updating `email` or `phone_number` you can specify, optionally, the `client_id`
    property.
    - Updating `email_verified` is not supported for enterprise and passwordless sms connections.
    - Updating the `blocked` to `false` does not affect the user's blocked state from an excessive
    amount of incorrectly provided credentials. Use the "Unblock a user" endpoint from the "User Blocks"
    API to change the user's state.
    - Supported attributes can be unset by supplying `null` as the value.

    **Updating a field (non-metadata property)**

    To mark the email address of a user as verified, the body to send should be:

    ```json
    { "email_verified": true }
    ```

    **Updating a user metadata root property**

    Let's assume that our test user has the following `user_metadata`:

    ```json
    { "user_metadata" : { "profileCode": 1479 } }
    ```

    To add the field `addresses` the body to send should be:

    ```json
    { "user_metadata" : { "addresses": {"work_address": "100 Industrial Way"} }}
    ```

    The modified object ends up with the following `user_metadata` property:

    ```json
    {
      "user_metadata": {
        "profileCode": 1479,
        "addresses": { "work_address": "100 Industrial Way" }
      }
    }
    ```

    **Updating an inner user metadata property**

    If there's existing user metadata to which we want to add  `"home_address": "742 Evergreen Terrace"`
    (using the `addresses` property) we should send the whole `addresses` object. Since this is a first-
    level object, the object will be merged in, but its own properties will not be. The body to send
    should be:

    ```json
    {
      "user_metadata": {
        "addresses": {
          "work_address": "100 Industrial Way",
          "home_address": "742 Evergreen Terrace"
        }
      }
    }
    ```

    The modified object ends up with the following `user_metadata` property:

    ```json
    {
      "user_metadata": {
        "profileCode": 1479,
        "addresses": {
          "work_address": "100 Industrial Way",
          "home_address": "742 Evergreen Terrace"
        }
      }
    }
    ```

    Args:
        id (str):
        auth0_custom_domain (str | Unset):
        body (UpdateUserRequestContent | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | UpdateUserResponseContent]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        auth0_custom_domain=auth0_custom_domain,
    )

    response = client.get_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateUserRequestContent | Unset = UNSET,
    auth0_custom_domain: str | Unset = UNSET,
) -> Any | UpdateUserResponseContent | None:
    """Update a User

     Update a user.

    These are the attributes that can be updated at the root level:

    - app_metadata
    - blocked
    - email
    - email_verified
    - family_name
    - given_name
    - name
    - nickname
    - password
    - phone_number
    - phone_verified
    - picture
    - username
    - user_metadata
    - verify_email

    Some considerations:

    - The properties of the new object will replace the old ones.
    - The metadata fields are an exception to this rule (`user_metadata` and `app_metadata`). These
    properties are merged instead of being replaced but be careful, the merge only occurs on the first
    level.
    - If you are updating `email`, `email_verified`, `phone_number`, `phone_verified`, `username` or
    `password` of a secondary identity, you need to specify the `connection` property too.
    - If you are updating `email` or `phone_number` you can specify, optionally, the `client_id`
    property.
    - Updating `email_verified` is not supported for enterprise and passwordless sms connections.
    - Updating the `blocked` to `false` does not affect the user's blocked state from an excessive
    amount of incorrectly provided credentials. Use the "Unblock a user" endpoint from the "User Blocks"
    API to change the user's state.
    - Supported attributes can be unset by supplying `null` as the value.

    **Updating a field (non-metadata property)**

    To mark the email address of a user as verified, the body to send should be:

    ```json
    { "email_verified": true }
    ```

    **Updating a user metadata root property**

    Let's assume that our test user has the following `user_metadata`:

    ```json
    { "user_metadata" : { "profileCode": 1479 } }
    ```

    To add the field `addresses` the body to send should be:

    ```json
    { "user_metadata" : { "addresses": {"work_address": "100 Industrial Way"} }}
    ```

    The modified object ends up with the following `user_metadata` property:

    ```json
    {
      "user_metadata": {
        "profileCode": 1479,
        "addresses": { "work_address": "100 Industrial Way" }
      }
    }
    ```

    **Updating an inner user metadata property**

    If there's existing user metadata to which we want to add  `"home_address": "742 Evergreen Terrace"`
    (using the `addresses` property) we should send the whole `addresses` object. Since this is a first-
    level object, the object will be merged in, but its own properties will not be. The body to send
    should be:

    ```json
    {
      "user_metadata": {
        "addresses": {
          "work_address": "100 Industrial Way",
          "home_address": "742 Evergreen Terrace"
        }
      }
    }
    ```

    The modified object ends up with the following `user_metadata` property:

    ```json
    {
      "user_metadata": {
        "profileCode": 1479,
        "addresses": {
          "work_address": "100 Industrial Way",
          "home_address": "742 Evergreen Terrace"
        }
      }
    }
    ```

    Args:
        id (str):
        auth0_custom_domain (str | Unset):
        body (UpdateUserRequestContent | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | UpdateUserResponseContent
    """

    return (
        sync_detailed(
            id=id,
            client=client,
            body=body,
            auth0_custom_domain=auth0_custom_domain,
        )
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateUserRequestContent | Unset = UNSET,
    auth0_custom_domain: str | Unset = UNSET,
) -> Response[Any | UpdateUserResponseContent]:
    """Update a User

     Update a user.

    These are the attributes that can be updated at the root level:

    - app_metadata
    - blocked
    - email
    - email_verified
    - family_name
    - given_name
    - name
    - nickname
    - password
    - phone_number
    - phone_verified
    - picture
    - username
    - user_metadata
    - verify_email

    Some considerations:

    - The properties of the new object will replace the old ones.
    - The metadata fields are an exception to this rule (`user_metadata` and `app_metadata`). These
    properties are merged instead of being replaced but be careful, the merge only occurs on the first
    level.
    - If you are updating `email`, `email_verified`, `phone_number`, `phone_verified`, `username` or
    `password` of a secondary identity, you need to specify the `connection` property too.
    - If you are updating `email` or `phone_number` you can specify, optionally, the `client_id`
    property.
    - Updating `email_verified` is not supported for enterprise and passwordless sms connections.
    - Updating the `blocked` to `false` does not affect the user's blocked state from an excessive
    amount of incorrectly provided credentials. Use the "Unblock a user" endpoint from the "User Blocks"
    API to change the user's state.
    - Supported attributes can be unset by supplying `null` as the value.

    **Updating a field (non-metadata property)**

    To mark the email address of a user as verified, the body to send should be:

    ```json
    { "email_verified": true }
    ```

    **Updating a user metadata root property**

    Let's assume that our test user has the following `user_metadata`:

    ```json
    { "user_metadata" : { "profileCode": 1479 } }
    ```

    To add the field `addresses` the body to send should be:

    ```json
    { "user_metadata" : { "addresses": {"work_address": "100 Industrial Way"} }}
    ```

    The modified object ends up with the following `user_metadata` property:

    ```json
    {
      "user_metadata": {
        "profileCode": 1479,
        "addresses": { "work_address": "100 Industrial Way" }
      }
    }
    ```

    **Updating an inner user metadata property**

    If there's existing user metadata to which we want to add  `"home_address": "742 Evergreen Terrace"`
    (using the `addresses` property) we should send the whole `addresses` object. Since this is a first-
    level object, the object will be merged in, but its own properties will not be. The body to send
    should be:

    ```json
    {
      "user_metadata": {
        "addresses": {
          "work_address": "100 Industrial Way",
          "home_address": "742 Evergreen Terrace"
        }
      }
    }
    ```

    The modified object ends up with the following `user_metadata` property:

    ```json
    {
      "user_metadata": {
        "profileCode": 1479,
        "addresses": {
          "work_address": "100 Industrial Way",
          "home_address": "742 Evergreen Terrace"
        }
      }
    }
    ```

    Args:
        id (str):
        auth0_custom_domain (str | Unset):
        body (UpdateUserRequestContent | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | UpdateUserResponseContent]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        auth0_custom_domain=auth0_custom_domain,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateUserRequestContent | Unset = UNSET,
    auth0_custom_domain: str | Unset = UNSET,
) -> Any | UpdateUserResponseContent | None:
    """Update a User

     Update a user.

    These are the attributes that can be updated at the root level:

    - app_metadata
    - blocked
    - email
    - email_verified
    - family_name
    - given_name
    - name
    - nickname
    - password
    - phone_number
    - phone_verified
    - picture
    - username
    - user_metadata
    - verify_email

    Some considerations:

    - The properties of the new object will replace the old ones.
    - The metadata fields are an exception to this rule (`user_metadata` and `app_metadata`). These
    properties are merged instead of being replaced but be careful, the merge only occurs on the first
    level.
    - If you are updating `email`, `email_verified`, `phone_number`, `phone_verified`, `username` or
    `password` of a secondary identity, you need to specify the `connection` property too.
    - If you are updating `email` or `phone_number` you can specify, optionally, the `client_id`
    property.
    - Updating `email_verified` is not supported for enterprise and passwordless sms connections.
    - Updating the `blocked` to `false` does not affect the user's blocked state from an excessive
    amount of incorrectly provided credentials. Use the "Unblock a user" endpoint from the "User Blocks"
    API to change the user's state.
    - Supported attributes can be unset by supplying `null` as the value.

    **Updating a field (non-metadata property)**

    To mark the email address of a user as verified, the body to send should be:

    ```json
    { "email_verified": true }
    ```

    **Updating a user metadata root property**

    Let's assume that our test user has the following `user_metadata`:

    ```json
    { "user_metadata" : { "profileCode": 1479 } }
    ```

    To add the field `addresses` the body to send should be:

    ```json
    { "user_metadata" : { "addresses": {"work_address": "100 Industrial Way"} }}
    ```

    The modified object ends up with the following `user_metadata` property:

    ```json
    {
      "user_metadata": {
        "profileCode": 1479,
        "addresses": { "work_address": "100 Industrial Way" }
      }
    }
    ```

    **Updating an inner user metadata property**

    If there's existing user metadata to which we want to add  `"home_address": "742 Evergreen Terrace"`
    (using the `addresses` property) we should send the whole `addresses` object. Since this is a first-
    level object, the object will be merged in, but its own properties will not be. The body to send
    should be:

    ```json
    {
      "user_metadata": {
        "addresses": {
          "work_address": "100 Industrial Way",
          "home_address": "742 Evergreen Terrace"
        }
      }
    }
    ```

    The modified object ends up with the following `user_metadata` property:

    ```json
    {
      "user_metadata": {
        "profileCode": 1479,
        "addresses": {
          "work_address": "100 Industrial Way",
          "home_address": "742 Evergreen Terrace"
        }
      }
    }
    ```

    Args:
        id (str):
        auth0_custom_domain (str | Unset):
        body (UpdateUserRequestContent | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | UpdateUserResponseContent
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            auth0_custom_domain=auth0_custom_domain,
        )
    ).parsed
