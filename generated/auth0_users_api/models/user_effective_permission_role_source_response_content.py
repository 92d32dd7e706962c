from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_effective_permission_role_source_enum import UserEffectivePermissionRoleSourceEnum
from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="UserEffectivePermissionRoleSourceResponseContent")


@_attrs_define
class UserEffectivePermissionRoleSourceResponseContent:
    """
    Attributes:
        id (str | Unset): ID for this role.
        name (str | Unset): Name of this role.
        description (str | Unset): Description of this role.
        sources (list[UserEffectivePermissionRoleSourceEnum] | Unset): List of sources where this role is coming from.
    """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    sources: list[UserEffectivePermissionRoleSourceEnum] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id
        name = self.name
        description = self.description
        sources: list[str] | Unset = UNSET
        if not isinstance(self.sources, Unset):
            sources = []
            for sources_item_data in self.sources:
                sources_item = UserEffectivePermissionRoleSourceEnum.of(sources_item_data).value

                sources.append(sources_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if sources is not UNSET:
            field_dict["sources"] = sources
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            _sources = d.pop("sources", UNSET)
            user_effective_permission_role_source_response_content = cls(
                id=d.pop("id", UNSET),
                name=d.pop("name", UNSET),
                description=d.pop("description", UNSET),
                sources=UNSET
                if _sources is UNSET or _sources is None
                else [UserEffectivePermissionRoleSourceEnum.of(item) for item in _sources],
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("id", "id", False, None),
                    ("name", "name", False, None),
                    ("description", "description", False, None),
                    (
                        "sources",
                        "sources",
                        False,
                        lambda value: (
                            UNSET
                            if value is None
                            else [UserEffectivePermissionRoleSourceEnum.of(item) for item in value]
                        ),
                    ),
                ),
            )
        user_effective_permission_role_source_response_content.additional_properties = d
        return user_effective_permission_role_source_response_content

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
