from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.connected_account_access_type_enum import ConnectedAccountAccessTypeEnum
from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="ConnectedAccount")


@_attrs_define
class ConnectedAccount:
    """
    Attributes:
        id (str): The unique identifier for the connected account.
        connection (str): The name of the connection associated with the account.
        connection_id (str): The unique identifier of the connection associated with the account.
        strategy (str): The authentication strategy used by the connection.
        access_type (ConnectedAccountAccessTypeEnum): The access type for the connected account.
        created_at (datetime.datetime): ISO 8601 timestamp when the connected account was created.
        scopes (list[str] | Unset): The scopes granted for this connected account.
        expires_at (datetime.datetime | Unset): ISO 8601 timestamp when the connected account expires.
        organization_id (str | Unset): The identifier of the organization associated with the connected account.
    """

    id: str
    connection: str
    connection_id: str
    strategy: str
    access_type: ConnectedAccountAccessTypeEnum
    created_at: datetime.datetime
    scopes: list[str] | Unset = UNSET
    expires_at: datetime.datetime | Unset = UNSET
    organization_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id
        connection = self.connection
        connection_id = self.connection_id
        strategy = self.strategy
        access_type = ConnectedAccountAccessTypeEnum.of(self.access_type).value

        created_at = self.created_at.isoformat()
        scopes: list[str] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = self.scopes

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()
        organization_id = self.organization_id
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["id"] = id
        field_dict["connection"] = connection
        field_dict["connection_id"] = connection_id
        field_dict["strategy"] = strategy
        field_dict["access_type"] = access_type
        field_dict["created_at"] = created_at
        if scopes is not UNSET:
            field_dict["scopes"] = scopes
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            _expires_at = d.pop("expires_at", UNSET)
            connected_account = cls(
                id=d.pop("id"),
                connection=d.pop("connection"),
                connection_id=d.pop("connection_id"),
                strategy=d.pop("strategy"),
                access_type=ConnectedAccountAccessTypeEnum.of(d.pop("access_type")),
                created_at=datetime.datetime.fromisoformat(d.pop("created_at")),
                scopes=d.pop("scopes", UNSET),
                expires_at=UNSET
                if _expires_at is UNSET or _expires_at is None
                else datetime.datetime.fromisoformat(_expires_at),
                organization_id=d.pop("organization_id", UNSET),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("id", "id", True, None),
                    ("connection", "connection", True, None),
                    ("connection_id", "connection_id", True, None),
                    ("strategy", "strategy", True, None),
                    ("access_type", "access_type", True, lambda value: ConnectedAccountAccessTypeEnum.of(value)),
                    ("created_at", "created_at", True, lambda value: datetime.datetime.fromisoformat(value)),
                    ("scopes", "scopes", False, None),
                    (
                        "expires_at",
                        "expires_at",
                        False,
                        lambda value: UNSET if value is None else datetime.datetime.fromisoformat(value),
                    ),
                    ("organization_id", "organization_id", False, None),
                ),
            )
        connected_account.additional_properties = d
        return connected_account

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
