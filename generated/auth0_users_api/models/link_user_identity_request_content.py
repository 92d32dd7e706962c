from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.user_identity_provider_enum import UserIdentityProviderEnum
from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="LinkUserIdentityRequestContent")


@_attrs_define
class LinkUserIdentityRequestContent:
    """
    Attributes:
        provider (UserIdentityProviderEnum | Unset): The type of identity provider
        connection_id (str | Unset): connection_id of the secondary user account being linked when more than one `auth0`
            database provider exists.
        user_id (int | str | Unset): Unique identifier of the user for this identity.
        link_with (str | Unset): JWT for the secondary account being linked. If sending this parameter, `provider`,
            `user_id`, and `connection_id` must not be sent.
    """

    provider: UserIdentityProviderEnum | Unset = UNSET
    connection_id: str | Unset = UNSET
    user_id: int | str | Unset = UNSET
    link_with: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        provider: str | Unset = UNSET
        if not isinstance(self.provider, Unset):
            provider = UserIdentityProviderEnum.of(self.provider).value

        connection_id = self.connection_id
        user_id: int | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id
        link_with = self.link_with
        field_dict: dict[str, Any] = {}
        if provider is not UNSET:
            field_dict["provider"] = provider
        if connection_id is not UNSET:
            field_dict["connection_id"] = connection_id
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if link_with is not UNSET:
            field_dict["link_with"] = link_with
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            _provider = d.pop("provider", UNSET)
            link_user_identity_request_content = cls(
                provider=UNSET if _provider is UNSET or _provider is None else UserIdentityProviderEnum.of(_provider),
                connection_id=d.pop("connection_id", UNSET),
                user_id=d.pop("user_id", UNSET),
                link_with=d.pop("link_with", UNSET),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    (
                        "provider",
                        "provider",
                        False,
                        lambda value: UNSET if value is None else UserIdentityProviderEnum.of(value),
                    ),
                    ("connection_id", "connection_id", False, None),
                    ("user_id", "user_id", False, None),
                    ("link_with", "link_with", False, None),
                ),
            )
        return link_user_identity_request_content

    def __repr__(self) -> str:
        return model_repr(self)
