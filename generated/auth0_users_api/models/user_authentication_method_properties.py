from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_authentication_method_properties_enum import UserAuthenticationMethodPropertiesEnum
from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="UserAuthenticationMethodProperties")


@_attrs_define
class UserAuthenticationMethodProperties:
    """
    Attributes:
        type_ (UserAuthenticationMethodPropertiesEnum | Unset):
        id (str | Unset):
    """

    type_: UserAuthenticationMethodPropertiesEnum | Unset = UNSET
    id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = UserAuthenticationMethodPropertiesEnum.of(self.type_).value

        id = self.id
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if type_ is not UNSET:
            field_dict["type"] = type_
        if id is not UNSET:
            field_dict["id"] = id
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            _type_ = d.pop("type", UNSET)
            user_authentication_method_properties = cls(
                type_=UNSET if _type_ is UNSET or _type_ is None else UserAuthenticationMethodPropertiesEnum.of(_type_),
                id=d.pop("id", UNSET),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    (
                        "type",
                        "type_",
                        False,
                        lambda value: UNSET if value is None else UserAuthenticationMethodPropertiesEnum.of(value),
                    ),
                    ("id", "id", False, None),
                ),
            )
        user_authentication_method_properties.additional_properties = d
        return user_authentication_method_properties

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
