from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_effective_permission_source_enum import UserEffectivePermissionSourceEnum
from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="UserEffectivePermissionResponseContent")


@_attrs_define
class UserEffectivePermissionResponseContent:
    """
    Attributes:
        resource_server_identifier (str | Unset): Resource server (API) identifier that this permission is for.
        permission_name (str | Unset): Name of this permission.
        resource_server_name (str | Unset): Resource server (API) name this permission is for.
        description (str | Unset): Description of this permission.
        sources (list[UserEffectivePermissionSourceEnum] | Unset): List of sources where this permission is coming from.
    """

    resource_server_identifier: str | Unset = UNSET
    permission_name: str | Unset = UNSET
    resource_server_name: str | Unset = UNSET
    description: str | Unset = UNSET
    sources: list[UserEffectivePermissionSourceEnum] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resource_server_identifier = self.resource_server_identifier
        permission_name = self.permission_name
        resource_server_name = self.resource_server_name
        description = self.description
        sources: list[str] | Unset = UNSET
        if not isinstance(self.sources, Unset):
            sources = []
            for sources_item_data in self.sources:
                sources_item = UserEffectivePermissionSourceEnum.of(sources_item_data).value

                sources.append(sources_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if resource_server_identifier is not UNSET:
            field_dict["resource_server_identifier"] = resource_server_identifier
        if permission_name is not UNSET:
            field_dict["permission_name"] = permission_name
        if resource_server_name is not UNSET:
            field_dict["resource_server_name"] = resource_server_name
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
            user_effective_permission_response_content = cls(
                resource_server_identifier=d.pop("resource_server_identifier", UNSET),
                permission_name=d.pop("permission_name", UNSET),
                resource_server_name=d.pop("resource_server_name", UNSET),
                description=d.pop("description", UNSET),
                sources=UNSET
                if _sources is UNSET or _sources is None
                else [UserEffectivePermissionSourceEnum.of(item) for item in _sources],
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("resource_server_identifier", "resource_server_identifier", False, None),
                    ("permission_name", "permission_name", False, None),
                    ("resource_server_name", "resource_server_name", False, None),
                    ("description", "description", False, None),
                    (
                        "sources",
                        "sources",
                        False,
                        lambda value: (
                            UNSET if value is None else [UserEffectivePermissionSourceEnum.of(item) for item in value]
                        ),
                    ),
                ),
            )
        user_effective_permission_response_content.additional_properties = d
        return user_effective_permission_response_content

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
