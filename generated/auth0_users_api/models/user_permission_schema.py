from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="UserPermissionSchema")


@_attrs_define
class UserPermissionSchema:
    """
    Attributes:
        sources (Any | Unset):
        resource_server_identifier (str | Unset): Resource server (API) identifier that this permission is for.
        permission_name (str | Unset): Name of this permission.
        resource_server_name (str | Unset): Resource server (API) name this permission is for.
        description (str | Unset): Description of this permission.
    """

    sources: Any | Unset = UNSET
    resource_server_identifier: str | Unset = UNSET
    permission_name: str | Unset = UNSET
    resource_server_name: str | Unset = UNSET
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sources = self.sources
        resource_server_identifier = self.resource_server_identifier
        permission_name = self.permission_name
        resource_server_name = self.resource_server_name
        description = self.description
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if sources is not UNSET:
            field_dict["sources"] = sources
        if resource_server_identifier is not UNSET:
            field_dict["resource_server_identifier"] = resource_server_identifier
        if permission_name is not UNSET:
            field_dict["permission_name"] = permission_name
        if resource_server_name is not UNSET:
            field_dict["resource_server_name"] = resource_server_name
        if description is not UNSET:
            field_dict["description"] = description
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            user_permission_schema = cls(
                sources=d.pop("sources", UNSET),
                resource_server_identifier=d.pop("resource_server_identifier", UNSET),
                permission_name=d.pop("permission_name", UNSET),
                resource_server_name=d.pop("resource_server_name", UNSET),
                description=d.pop("description", UNSET),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("sources", "sources", False, None),
                    ("resource_server_identifier", "resource_server_identifier", False, None),
                    ("permission_name", "permission_name", False, None),
                    ("resource_server_name", "resource_server_name", False, None),
                    ("description", "description", False, None),
                ),
            )
        user_permission_schema.additional_properties = d
        return user_permission_schema

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
