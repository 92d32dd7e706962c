from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="UserIdentity")


@_attrs_define
class UserIdentity:
    """
    Attributes:
        connection (str): Connection name of this identity.
        user_id (int | str): Unique identifier of the user for this identity.
        provider (str): Type of identity provider.
        profile_data (UserProfileData | Unset):
        is_social (bool | Unset): Whether the identity provider is a social provider (true) or not (false).
        access_token (str | Unset): IDP access token returned if scope `read:user_idp_tokens` is defined.
        access_token_secret (str | Unset): IDP access token secret returned only if `scope read:user_idp_tokens` is
            defined.
        refresh_token (str | Unset): IDP refresh token returned only if scope `read:user_idp_tokens` is defined.
    """

    connection: str
    user_id: int | str
    provider: str
    profile_data: UserProfileData | Unset = UNSET
    is_social: bool | Unset = UNSET
    access_token: str | Unset = UNSET
    access_token_secret: str | Unset = UNSET
    refresh_token: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        connection = self.connection
        user_id: int | str
        user_id = self.user_id
        provider = self.provider
        profile_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.profile_data, Unset):
            profile_data = self.profile_data.to_dict()
        is_social = self.is_social
        access_token = self.access_token
        access_token_secret = self.access_token_secret
        refresh_token = self.refresh_token
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["connection"] = connection
        field_dict["user_id"] = user_id
        field_dict["provider"] = provider
        if profile_data is not UNSET:
            field_dict["profileData"] = profile_data
        if is_social is not UNSET:
            field_dict["isSocial"] = is_social
        if access_token is not UNSET:
            field_dict["access_token"] = access_token
        if access_token_secret is not UNSET:
            field_dict["access_token_secret"] = access_token_secret
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            _profile_data = d.pop("profileData", UNSET)
            user_identity = cls(
                connection=d.pop("connection"),
                user_id=d.pop("user_id"),
                provider=d.pop("provider"),
                profile_data=UNSET
                if _profile_data is UNSET or _profile_data is None
                else UserProfileData.from_dict(_profile_data),
                is_social=d.pop("isSocial", UNSET),
                access_token=d.pop("access_token", UNSET),
                access_token_secret=d.pop("access_token_secret", UNSET),
                refresh_token=d.pop("refresh_token", UNSET),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("connection", "connection", True, None),
                    ("user_id", "user_id", True, None),
                    ("provider", "provider", True, None),
                    (
                        "profileData",
                        "profile_data",
                        False,
                        lambda value: UNSET if value is None else UserProfileData.from_dict(value),
                    ),
                    ("isSocial", "is_social", False, None),
                    ("access_token", "access_token", False, None),
                    ("access_token_secret", "access_token_secret", False, None),
                    ("refresh_token", "refresh_token", False, None),
                ),
            )
        user_identity.additional_properties = d
        return user_identity

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
