from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="ListUserEffectivePermissionsResponseContent")


@_attrs_define
class ListUserEffectivePermissionsResponseContent:
    """
    Attributes:
        permissions (list[UserEffectivePermissionResponseContent]): List of permissions assigned to the user.
        next_ (str | Unset): A cursor to be used as the "from" query parameter for the next page of results.
    """

    permissions: list[UserEffectivePermissionResponseContent]
    next_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        permissions = []
        for permissions_item_data in self.permissions:
            permissions_item = permissions_item_data.to_dict()
            permissions.append(permissions_item)

        next_ = self.next_
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["permissions"] = permissions
        if next_ is not UNSET:
            field_dict["next"] = next_
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            list_user_effective_permissions_response_content = cls(
                permissions=[UserEffectivePermissionResponseContent.from_dict(item) for item in d.pop("permissions")],
                next_=d.pop("next", UNSET),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    (
                        "permissions",
                        "permissions",
                        True,
                        lambda value: [UserEffectivePermissionResponseContent.from_dict(item) for item in value],
                    ),
                    ("next", "next_", False, None),
                ),
            )
        list_user_effective_permissions_response_content.additional_properties = d
        return list_user_effective_permissions_response_content

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


from ..models.user_effective_permission_response_content import UserEffectivePermissionResponseContent
