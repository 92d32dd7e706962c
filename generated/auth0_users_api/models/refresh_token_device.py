from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="RefreshTokenDevice")


@_attrs_define
class RefreshTokenDevice:
    """Device used while issuing/exchanging the refresh token

    Attributes:
        initial_ip (str | Unset): First IP address associated with the refresh token
        initial_asn (str | Unset): First autonomous system number associated with the refresh token
        initial_user_agent (str | Unset): First user agent associated with the refresh token
        last_ip (str | Unset): Last IP address associated with the refresh token
        last_asn (str | Unset): Last autonomous system number associated with the refresh token
        last_user_agent (str | Unset): Last user agent associated with the refresh token
    """

    initial_ip: str | Unset = UNSET
    initial_asn: str | Unset = UNSET
    initial_user_agent: str | Unset = UNSET
    last_ip: str | Unset = UNSET
    last_asn: str | Unset = UNSET
    last_user_agent: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        initial_ip = self.initial_ip
        initial_asn = self.initial_asn
        initial_user_agent = self.initial_user_agent
        last_ip = self.last_ip
        last_asn = self.last_asn
        last_user_agent = self.last_user_agent
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if initial_ip is not UNSET:
            field_dict["initial_ip"] = initial_ip
        if initial_asn is not UNSET:
            field_dict["initial_asn"] = initial_asn
        if initial_user_agent is not UNSET:
            field_dict["initial_user_agent"] = initial_user_agent
        if last_ip is not UNSET:
            field_dict["last_ip"] = last_ip
        if last_asn is not UNSET:
            field_dict["last_asn"] = last_asn
        if last_user_agent is not UNSET:
            field_dict["last_user_agent"] = last_user_agent
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            refresh_token_device = cls(
                initial_ip=d.pop("initial_ip", UNSET),
                initial_asn=d.pop("initial_asn", UNSET),
                initial_user_agent=d.pop("initial_user_agent", UNSET),
                last_ip=d.pop("last_ip", UNSET),
                last_asn=d.pop("last_asn", UNSET),
                last_user_agent=d.pop("last_user_agent", UNSET),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("initial_ip", "initial_ip", False, None),
                    ("initial_asn", "initial_asn", False, None),
                    ("initial_user_agent", "initial_user_agent", False, None),
                    ("last_ip", "last_ip", False, None),
                    ("last_asn", "last_asn", False, None),
                    ("last_user_agent", "last_user_agent", False, None),
                ),
            )
        refresh_token_device.additional_properties = d
        return refresh_token_device

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
