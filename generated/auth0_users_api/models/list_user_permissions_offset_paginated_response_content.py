from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="ListUserPermissionsOffsetPaginatedResponseContent")


@_attrs_define
class ListUserPermissionsOffsetPaginatedResponseContent:
    """
    Attributes:
        start (float | Unset):
        limit (float | Unset):
        total (float | Unset):
        permissions (list[UserPermissionSchema] | Unset):
    """

    start: float | Unset = UNSET
    limit: float | Unset = UNSET
    total: float | Unset = UNSET
    permissions: list[UserPermissionSchema] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start = self.start
        limit = self.limit
        total = self.total
        permissions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.permissions, Unset):
            permissions = []
            for permissions_item_data in self.permissions:
                permissions_item = permissions_item_data.to_dict()
                permissions.append(permissions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if start is not UNSET:
            field_dict["start"] = start
        if limit is not UNSET:
            field_dict["limit"] = limit
        if total is not UNSET:
            field_dict["total"] = total
        if permissions is not UNSET:
            field_dict["permissions"] = permissions
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            _permissions = d.pop("permissions", UNSET)
            list_user_permissions_offset_paginated_response_content = cls(
                start=d.pop("start", UNSET),
                limit=d.pop("limit", UNSET),
                total=d.pop("total", UNSET),
                permissions=UNSET
                if _permissions is UNSET or _permissions is None
                else [UserPermissionSchema.from_dict(item) for item in _permissions],
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("start", "start", False, None),
                    ("limit", "limit", False, None),
                    ("total", "total", False, None),
                    (
                        "permissions",
                        "permissions",
                        False,
                        lambda value: (
                            UNSET if value is None else [UserPermissionSchema.from_dict(item) for item in value]
                        ),
                    ),
                ),
            )
        list_user_permissions_offset_paginated_response_content.additional_properties = d
        return list_user_permissions_offset_paginated_response_content

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


from ..models.user_permission_schema import UserPermissionSchema
