from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="DeleteUserIdentityResponseContentItem")


@_attrs_define
class DeleteUserIdentityResponseContentItem:
    """
    Attributes:
        connection (str): The name of the connection for the identity.
        user_id (int | str): Unique identifier of the user for this identity.
        provider (str): The type of identity provider.
        is_social (bool | Unset): <code>true</code> if the identity provider is a social provider, <code>false</code>s
            otherwise
        access_token (str | Unset): IDP access token returned only if scope read:user_idp_tokens is defined
        access_token_secret (str | Unset): IDP access token secret returned only if scope read:user_idp_tokens is
            defined.
        refresh_token (str | Unset): IDP refresh token returned only if scope read:user_idp_tokens is defined.
        profile_data (UserProfileData | Unset):
    """

    connection: str
    user_id: int | str
    provider: str
    is_social: bool | Unset = UNSET
    access_token: str | Unset = UNSET
    access_token_secret: str | Unset = UNSET
    refresh_token: str | Unset = UNSET
    profile_data: UserProfileData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        connection = self.connection
        user_id: int | str
        user_id = self.user_id
        provider = self.provider
        is_social = self.is_social
        access_token = self.access_token
        access_token_secret = self.access_token_secret
        refresh_token = self.refresh_token
        profile_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.profile_data, Unset):
            profile_data = self.profile_data.to_dict()
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["connection"] = connection
        field_dict["user_id"] = user_id
        field_dict["provider"] = provider
        if is_social is not UNSET:
            field_dict["isSocial"] = is_social
        if access_token is not UNSET:
            field_dict["access_token"] = access_token
        if access_token_secret is not UNSET:
            field_dict["access_token_secret"] = access_token_secret
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token
        if profile_data is not UNSET:
            field_dict["profileData"] = profile_data
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            _profile_data = d.pop("profileData", UNSET)
            delete_user_identity_response_content_item = cls(
                connection=d.pop("connection"),
                user_id=d.pop("user_id"),
                provider=d.pop("provider"),
                is_social=d.pop("isSocial", UNSET),
                access_token=d.pop("access_token", UNSET),
                access_token_secret=d.pop("access_token_secret", UNSET),
                refresh_token=d.pop("refresh_token", UNSET),
                profile_data=UNSET
                if _profile_data is UNSET or _profile_data is None
                else UserProfileData.from_dict(_profile_data),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("connection", "connection", True, None),
                    ("user_id", "user_id", True, None),
                    ("provider", "provider", True, None),
                    ("isSocial", "is_social", False, None),
                    ("access_token", "access_token", False, None),
                    ("access_token_secret", "access_token_secret", False, None),
                    ("refresh_token", "refresh_token", False, None),
                    (
                        "profileData",
                        "profile_data",
                        False,
                        lambda value: UNSET if value is None else UserProfileData.from_dict(value),
                    ),
                ),
            )
        delete_user_identity_response_content_item.additional_properties = d
        return delete_user_identity_response_content_item

    def __repr__(self) -> str:
        return model_repr(self)

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


from ..models.user_profile_data import UserProfileData
