from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="RegenerateUsersRecoveryCodeResponseContent")


@_attrs_define
class RegenerateUsersRecoveryCodeResponseContent:
    """
    Attributes:
        recovery_code (str | Unset): New account recovery code.
    """

    recovery_code: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recovery_code = self.recovery_code
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if recovery_code is not UNSET:
            field_dict["recovery_code"] = recovery_code
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            regenerate_users_recovery_code_response_content = cls(
                recovery_code=d.pop("recovery_code", UNSET),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (("recovery_code", "recovery_code", False, None),),
            )
        regenerate_users_recovery_code_response_content.additional_properties = d
        return regenerate_users_recovery_code_response_content

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
