from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="LogSecurityContext")


@_attrs_define
class LogSecurityContext:
    """Information about security-related signals.

    Attributes:
        ja3 (str | Unset): JA3 fingerprint value.
        ja4 (str | Unset): JA4 fingerprint value.
    """

    ja3: str | Unset = UNSET
    ja4: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ja3 = self.ja3
        ja4 = self.ja4
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if ja3 is not UNSET:
            field_dict["ja3"] = ja3
        if ja4 is not UNSET:
            field_dict["ja4"] = ja4
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            log_security_context = cls(
                ja3=d.pop("ja3", UNSET),
                ja4=d.pop("ja4", UNSET),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("ja3", "ja3", False, None),
                    ("ja4", "ja4", False, None),
                ),
            )
        log_security_context.additional_properties = d
        return log_security_context

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
