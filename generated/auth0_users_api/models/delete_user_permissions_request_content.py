from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import model_repr, parse_leniently

T = TypeVar("T", bound="DeleteUserPermissionsRequestContent")


@_attrs_define
class DeleteUserPermissionsRequestContent:
    """
    Attributes:
        permissions (list[PermissionRequestPayload]): List of permissions to remove from this user.
    """

    permissions: list[PermissionRequestPayload]

    def to_dict(self) -> dict[str, Any]:
        permissions = []
        for permissions_item_data in self.permissions:
            permissions_item = permissions_item_data.to_dict()
            permissions.append(permissions_item)

        field_dict: dict[str, Any] = {}
        field_dict["permissions"] = permissions
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            delete_user_permissions_request_content = cls(
                permissions=[PermissionRequestPayload.from_dict(item) for item in d.pop("permissions")],
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
                        lambda value: [PermissionRequestPayload.from_dict(item) for item in value],
                    ),
                ),
            )
        return delete_user_permissions_request_content

    def __repr__(self) -> str:
        return model_repr(self)


from ..models.permission_request_payload import PermissionRequestPayload
