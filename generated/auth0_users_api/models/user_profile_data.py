from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="UserProfileData")


@_attrs_define
class UserProfileData:
    """
    Attributes:
        email (str | Unset): Email address of this user.
        email_verified (bool | Unset): Whether this email address is verified (true) or unverified (false).
        name (str | Unset): Name of this user.
        username (str | Unset): Username of this user.
        given_name (str | Unset): Given name/first name/forename of this user.
        phone_number (str | Unset): Phone number for this user.
        phone_verified (bool | Unset): Whether this phone number is verified (true) or unverified (false).
        family_name (str | Unset): Family name/last name/surname of this user.
    """

    email: str | Unset = UNSET
    email_verified: bool | Unset = UNSET
    name: str | Unset = UNSET
    username: str | Unset = UNSET
    given_name: str | Unset = UNSET
    phone_number: str | Unset = UNSET
    phone_verified: bool | Unset = UNSET
    family_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email
        email_verified = self.email_verified
        name = self.name
        username = self.username
        given_name = self.given_name
        phone_number = self.phone_number
        phone_verified = self.phone_verified
        family_name = self.family_name
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if email is not UNSET:
            field_dict["email"] = email
        if email_verified is not UNSET:
            field_dict["email_verified"] = email_verified
        if name is not UNSET:
            field_dict["name"] = name
        if username is not UNSET:
            field_dict["username"] = username
        if given_name is not UNSET:
            field_dict["given_name"] = given_name
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if phone_verified is not UNSET:
            field_dict["phone_verified"] = phone_verified
        if family_name is not UNSET:
            field_dict["family_name"] = family_name
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            user_profile_data = cls(
                email=d.pop("email", UNSET),
                email_verified=d.pop("email_verified", UNSET),
                name=d.pop("name", UNSET),
                username=d.pop("username", UNSET),
                given_name=d.pop("given_name", UNSET),
                phone_number=d.pop("phone_number", UNSET),
                phone_verified=d.pop("phone_verified", UNSET),
                family_name=d.pop("family_name", UNSET),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("email", "email", False, None),
                    ("email_verified", "email_verified", False, None),
                    ("name", "name", False, None),
                    ("username", "username", False, None),
                    ("given_name", "given_name", False, None),
                    ("phone_number", "phone_number", False, None),
                    ("phone_verified", "phone_verified", False, None),
                    ("family_name", "family_name", False, None),
                ),
            )
        user_profile_data.additional_properties = d
        return user_profile_data

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
