from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="Group")


@_attrs_define
class Group:
    """Represents the metadata of a group. Member lists are retrieved via a separate endpoint.

    Attributes:
        id (str | Unset): Unique identifier for the group (service-generated).
        name (str | Unset): Name of the group. Must be unique within its connection. Must contain between 1 and 128
            printable ASCII characters.
        external_id (str | Unset): External identifier for the group, often used for SCIM synchronization. Max length of
            256 characters.
        connection_id (str | Unset): Identifier for the connection this group belongs to (if a connection group).
        tenant_name (str | Unset): Identifier for the tenant this group belongs to.
        created_at (datetime.datetime | Unset): Timestamp of when the group was created.
        updated_at (datetime.datetime | Unset): Timestamp of when the group was last updated.
    """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    external_id: str | Unset = UNSET
    connection_id: str | Unset = UNSET
    tenant_name: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id
        name = self.name
        external_id = self.external_id
        connection_id = self.connection_id
        tenant_name = self.tenant_name
        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()
        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if connection_id is not UNSET:
            field_dict["connection_id"] = connection_id
        if tenant_name is not UNSET:
            field_dict["tenant_name"] = tenant_name
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            _created_at = d.pop("created_at", UNSET)
            _updated_at = d.pop("updated_at", UNSET)
            group = cls(
                id=d.pop("id", UNSET),
                name=d.pop("name", UNSET),
                external_id=d.pop("external_id", UNSET),
                connection_id=d.pop("connection_id", UNSET),
                tenant_name=d.pop("tenant_name", UNSET),
                created_at=UNSET
                if _created_at is UNSET or _created_at is None
                else datetime.datetime.fromisoformat(_created_at),
                updated_at=UNSET
                if _updated_at is UNSET or _updated_at is None
                else datetime.datetime.fromisoformat(_updated_at),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("id", "id", False, None),
                    ("name", "name", False, None),
                    ("external_id", "external_id", False, None),
                    ("connection_id", "connection_id", False, None),
                    ("tenant_name", "tenant_name", False, None),
                    (
                        "created_at",
                        "created_at",
                        False,
                        lambda value: UNSET if value is None else datetime.datetime.fromisoformat(value),
                    ),
                    (
                        "updated_at",
                        "updated_at",
                        False,
                        lambda value: UNSET if value is None else datetime.datetime.fromisoformat(value),
                    ),
                ),
            )
        group.additional_properties = d
        return group

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
