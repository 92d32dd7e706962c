from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_effective_role_source import UserEffectiveRoleSource
from ..types import model_repr, parse_leniently

T = TypeVar("T", bound="UserEffectiveRole")


@_attrs_define
class UserEffectiveRole:
    """
    Attributes:
        id (str): Role ID
        name (str): Role name
        description (str): Role description
        sources (list[UserEffectiveRoleSource]): Sources of the role assignment (direct or through group membership)
    """

    id: str
    name: str
    description: str
    sources: list[UserEffectiveRoleSource]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id
        name = self.name
        description = self.description
        sources = []
        for sources_item_data in self.sources:
            sources_item = UserEffectiveRoleSource.of(sources_item_data).value

            sources.append(sources_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["id"] = id
        field_dict["name"] = name
        field_dict["description"] = description
        field_dict["sources"] = sources
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            user_effective_role = cls(
                id=d.pop("id"),
                name=d.pop("name"),
                description=d.pop("description"),
                sources=[UserEffectiveRoleSource.of(item) for item in d.pop("sources")],
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("id", "id", True, None),
                    ("name", "name", True, None),
                    ("description", "description", True, None),
                    ("sources", "sources", True, lambda value: [UserEffectiveRoleSource.of(item) for item in value]),
                ),
            )
        user_effective_role.additional_properties = d
        return user_effective_role

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
