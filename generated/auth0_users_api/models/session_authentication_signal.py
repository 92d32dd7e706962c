from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="SessionAuthenticationSignal")


@_attrs_define
class SessionAuthenticationSignal:
    """Authentication signal details

    Attributes:
        name (str | Unset): One of: "federated", "passkey", "pwd", "sms", "email", "mfa", "mock" or a custom method
            denoted by a URL
        timestamp (datetime.datetime | None | SessionDateType1 | Unset):
        type_ (str | Unset): A specific MFA factor. Only present when "name" is set to "mfa"
    """

    name: str | Unset = UNSET
    timestamp: datetime.datetime | None | SessionDateType1 | Unset = UNSET
    type_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name
        timestamp: dict[str, Any] | None | str | Unset
        if isinstance(self.timestamp, Unset):
            timestamp = UNSET
        elif isinstance(self.timestamp, datetime.datetime):
            timestamp = self.timestamp.isoformat()
        elif isinstance(self.timestamp, SessionDateType1):
            timestamp = self.timestamp.to_dict()
        else:
            timestamp = self.timestamp
        type_ = self.type_
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if name is not UNSET:
            field_dict["name"] = name
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if type_ is not UNSET:
            field_dict["type"] = type_
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:

            def _parse_timestamp(data: object) -> datetime.datetime | None | SessionDateType1 | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_session_date_type_0 = datetime.datetime.fromisoformat(data)

                    return componentsschemas_session_date_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_session_date_type_1 = SessionDateType1.from_dict(data)

                    return componentsschemas_session_date_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None | SessionDateType1 | Unset, data)

            timestamp = _parse_timestamp(d.pop("timestamp", UNSET))

            session_authentication_signal = cls(
                name=d.pop("name", UNSET),
                timestamp=timestamp,
                type_=d.pop("type", UNSET),
            )
        except (ValueError, TypeError, AttributeError, KeyError):

            def _lenient_timestamp(value: Any) -> Any:
                def _parse_timestamp(data: object) -> datetime.datetime | None | SessionDateType1 | Unset:
                    if data is None:
                        return data
                    if isinstance(data, Unset):
                        return data
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        componentsschemas_session_date_type_0 = datetime.datetime.fromisoformat(data)

                        return componentsschemas_session_date_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_session_date_type_1 = SessionDateType1.from_dict(data)

                        return componentsschemas_session_date_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(datetime.datetime | None | SessionDateType1 | Unset, data)

                timestamp = _parse_timestamp(value)

                return timestamp

            return parse_leniently(
                cls,
                src_dict,
                (
                    ("name", "name", False, None),
                    ("timestamp", "timestamp", False, _lenient_timestamp),
                    ("type", "type_", False, None),
                ),
            )
        session_authentication_signal.additional_properties = d
        return session_authentication_signal

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


from ..models.session_date_type_1 import SessionDateType1
