from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_identity_provider_enum import UserIdentityProviderEnum
from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="UserIdentitySchema")


@_attrs_define
class UserIdentitySchema:
    """
    Attributes:
        connection (str | Unset): Name of the connection containing this identity.
        user_id (int | str | Unset): Unique identifier of the user for this identity.
        provider (UserIdentityProviderEnum | Unset): The type of identity provider
        is_social (bool | Unset): Whether this identity is from a social provider (true) or not (false).
        access_token (str | Unset): IDP access token returned only if scope read:user_idp_tokens is defined.
        access_token_secret (str | Unset): IDP access token secret returned only if scope read:user_idp_tokens is
            defined.
        refresh_token (str | Unset): IDP refresh token returned only if scope read:user_idp_tokens is defined.
        profile_data (UserProfileData | Unset):
    """

    connection: str | Unset = UNSET
    user_id: int | str | Unset = UNSET
    provider: UserIdentityProviderEnum | Unset = UNSET
    is_social: bool | Unset = UNSET
    access_token: str | Unset = UNSET
    access_token_secret: str | Unset = UNSET
    refresh_token: str | Unset = UNSET
    profile_data: UserProfileData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        connection = self.connection
        user_id: int | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id
        provider: str | Unset = UNSET
        if not isinstance(self.provider, Unset):
            provider = UserIdentityProviderEnum.of(self.provider).value

        is_social = self.is_social
        access_token = self.access_token
        access_token_secret = self.access_token_secret
        refresh_token = self.refresh_token
        profile_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.profile_data, Unset):
            profile_data = self.profile_data.to_dict()
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if connection is not UNSET:
            field_dict["connection"] = connection
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if provider is not UNSET:
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
            _provider = d.pop("provider", UNSET)
            _profile_data = d.pop("profileData", UNSET)
            user_identity_schema = cls(
                connection=d.pop("connection", UNSET),
                user_id=d.pop("user_id", UNSET),
                provider=UNSET if _provider is UNSET or _provider is None else UserIdentityProviderEnum.of(_provider),
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
                    ("connection", "connection", False, None),
                    ("user_id", "user_id", False, None),
                    (
                        "provider",
                        "provider",
                        False,
                        lambda value: UNSET if value is None else UserIdentityProviderEnum.of(value),
                    ),
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
        user_identity_schema.additional_properties = d
        return user_identity_schema

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
