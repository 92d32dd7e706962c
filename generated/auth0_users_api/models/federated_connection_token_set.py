from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="FederatedConnectionTokenSet")


@_attrs_define
class FederatedConnectionTokenSet:
    """
    Attributes:
        id (str | Unset):
        connection (str | Unset):
        scope (str | Unset):
        expires_at (datetime.datetime | None | Unset):
        issued_at (datetime.datetime | Unset):
        last_used_at (datetime.datetime | None | Unset):
    """

    id: str | Unset = UNSET
    connection: str | Unset = UNSET
    scope: str | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    issued_at: datetime.datetime | Unset = UNSET
    last_used_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id
        connection = self.connection
        scope = self.scope
        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at
        issued_at: str | Unset = UNSET
        if not isinstance(self.issued_at, Unset):
            issued_at = self.issued_at.isoformat()
        last_used_at: None | str | Unset
        if isinstance(self.last_used_at, Unset):
            last_used_at = UNSET
        elif isinstance(self.last_used_at, datetime.datetime):
            last_used_at = self.last_used_at.isoformat()
        else:
            last_used_at = self.last_used_at
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if id is not UNSET:
            field_dict["id"] = id
        if connection is not UNSET:
            field_dict["connection"] = connection
        if scope is not UNSET:
            field_dict["scope"] = scope
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if issued_at is not UNSET:
            field_dict["issued_at"] = issued_at
        if last_used_at is not UNSET:
            field_dict["last_used_at"] = last_used_at
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:

            def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    expires_at_type_0 = datetime.datetime.fromisoformat(data)

                    return expires_at_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None | Unset, data)

            expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

            _issued_at = d.pop("issued_at", UNSET)

            def _parse_last_used_at(data: object) -> datetime.datetime | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    last_used_at_type_0 = datetime.datetime.fromisoformat(data)

                    return last_used_at_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None | Unset, data)

            last_used_at = _parse_last_used_at(d.pop("last_used_at", UNSET))

            federated_connection_token_set = cls(
                id=d.pop("id", UNSET),
                connection=d.pop("connection", UNSET),
                scope=d.pop("scope", UNSET),
                expires_at=expires_at,
                issued_at=UNSET
                if _issued_at is UNSET or _issued_at is None
                else datetime.datetime.fromisoformat(_issued_at),
                last_used_at=last_used_at,
            )
        except (ValueError, TypeError, AttributeError, KeyError):

            def _lenient_expires_at(value: Any) -> Any:
                def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
                    if data is None:
                        return data
                    if isinstance(data, Unset):
                        return data
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        expires_at_type_0 = datetime.datetime.fromisoformat(data)

                        return expires_at_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(datetime.datetime | None | Unset, data)

                expires_at = _parse_expires_at(value)

                return expires_at

            def _lenient_last_used_at(value: Any) -> Any:
                def _parse_last_used_at(data: object) -> datetime.datetime | None | Unset:
                    if data is None:
                        return data
                    if isinstance(data, Unset):
                        return data
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        last_used_at_type_0 = datetime.datetime.fromisoformat(data)

                        return last_used_at_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(datetime.datetime | None | Unset, data)

                last_used_at = _parse_last_used_at(value)

                return last_used_at

            return parse_leniently(
                cls,
                src_dict,
                (
                    ("id", "id", False, None),
                    ("connection", "connection", False, None),
                    ("scope", "scope", False, None),
                    ("expires_at", "expires_at", False, _lenient_expires_at),
                    (
                        "issued_at",
                        "issued_at",
                        False,
                        lambda value: UNSET if value is None else datetime.datetime.fromisoformat(value),
                    ),
                    ("last_used_at", "last_used_at", False, _lenient_last_used_at),
                ),
            )
        federated_connection_token_set.additional_properties = d
        return federated_connection_token_set

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
