from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import model_repr, parse_leniently

T = TypeVar("T", bound="DeleteUserRolesRequestContent")


@_attrs_define
class DeleteUserRolesRequestContent:
    """
    Attributes:
        roles (list[str]): List of roles IDs to remove from the user.
    """

    roles: list[str]

    def to_dict(self) -> dict[str, Any]:
        roles = self.roles

        field_dict: dict[str, Any] = {}
        field_dict["roles"] = roles
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            delete_user_roles_request_content = cls(
                roles=d.pop("roles"),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (("roles", "roles", True, None),),
            )
        return delete_user_roles_request_content

    def __repr__(self) -> str:
        return model_repr(self)
