from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="TokenQuotaClientCredentials")


@_attrs_define
class TokenQuotaClientCredentials:
    """The token quota configuration

    Attributes:
        enforce (bool | Unset): If enabled, the quota will be enforced and requests in excess of the quota will fail. If
            disabled, the quota will not be enforced, but notifications for requests exceeding the quota will be available
            in logs.
        per_day (int | Unset): Maximum number of issued tokens per day
        per_hour (int | Unset): Maximum number of issued tokens per hour
    """

    enforce: bool | Unset = UNSET
    per_day: int | Unset = UNSET
    per_hour: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        enforce = self.enforce
        per_day = self.per_day
        per_hour = self.per_hour
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if enforce is not UNSET:
            field_dict["enforce"] = enforce
        if per_day is not UNSET:
            field_dict["per_day"] = per_day
        if per_hour is not UNSET:
            field_dict["per_hour"] = per_hour
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            token_quota_client_credentials = cls(
                enforce=d.pop("enforce", UNSET),
                per_day=d.pop("per_day", UNSET),
                per_hour=d.pop("per_hour", UNSET),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("enforce", "enforce", False, None),
                    ("per_day", "per_day", False, None),
                    ("per_hour", "per_hour", False, None),
                ),
            )
        token_quota_client_credentials.additional_properties = d
        return token_quota_client_credentials

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
